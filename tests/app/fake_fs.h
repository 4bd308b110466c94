// An in-memory file system for reload tests: in-place writes, renames and deletes, each with the
// stamp changes a real one would show (a rename moves the inode; an in-place write keeps it).
#pragma once

#include <map>
#include <string>

#include "kiosk/app/state_fs.h"

namespace kiosk {

class FakeFileSystem final : public FileSystem {
  public:
    FileStamp stat(const std::string& path) const override {
        auto it = files_.find(path);
        if (it == files_.end()) return {};
        return FileStamp{true, it->second.bytes.size(), it->second.mtime, it->second.inode, 1};
    }

    Result<std::string> read(const std::string& path) const override {
        auto it = files_.find(path);
        if (it == files_.end()) {
            return fail(Diagnostic{path, 0, Severity::error, "cannot read: no such file"});
        }
        return it->second.bytes;
    }

    Result<Done> write_atomic(const std::string& path, std::string_view bytes) override {
        if (fail_writes_) {
            return fail(Diagnostic{path, 0, Severity::error, "cannot write: disk full"});
        }
        files_[path] = File{std::string(bytes), ++clock_, ++inodes_};
        return Done{};
    }

    // What staff do: an editor saving in place (same inode), a copy into a temporary name then
    // a rename, a delete.
    void write(const std::string& path, const std::string& bytes) {
        auto it = files_.find(path);
        if (it == files_.end()) {
            files_[path] = File{bytes, ++clock_, ++inodes_};
        } else {
            it->second.bytes = bytes;
            it->second.mtime = ++clock_;
        }
    }
    void rename(const std::string& from, const std::string& to) {
        files_[to] = files_.at(from);
        files_.erase(from);
    }
    void remove(const std::string& path) { files_.erase(path); }
    bool exists(const std::string& path) const { return files_.count(path) != 0; }
    std::string bytes(const std::string& path) const { return files_.at(path).bytes; }
    void fail_writes(bool on) { fail_writes_ = on; }

  private:
    struct File {
        std::string bytes;
        std::int64_t mtime = 0;
        std::uint64_t inode = 0;
    };
    std::map<std::string, File> files_;
    std::int64_t clock_ = 0;
    std::uint64_t inodes_ = 100;
    bool fail_writes_ = false;
};

}  // namespace kiosk
