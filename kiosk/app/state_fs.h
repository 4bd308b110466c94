// Files as the unattended kiosk sees them: stamps to notice changes, reads with a size cap, and
// atomic writes, behind an interface so reload tests run on a fake file system without sleeping.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <variant>

#include "kiosk/core/result.h"

namespace kiosk {

// What a cheap stat says about a file; a change in any field means "look again". The inode
// changes when a file is renamed into place, even when size and mtime happen to match.
struct FileStamp {
    bool exists = false;
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
    std::uint64_t inode = 0;
    std::uint64_t device = 0;

    bool operator==(const FileStamp&) const = default;
};

using Done = std::monostate;

// Program files are at most tens of megabytes; a bigger one is a mistake (a disk image pushed to
// the wrong name) and must not exhaust the screen's memory.
inline constexpr std::uint64_t max_file_bytes = 64ull << 20;

class FileSystem {
  public:
    virtual ~FileSystem() = default;
    virtual FileStamp stat(const std::string& path) const = 0;
    // The whole file; errors are one diagnostic naming the file ("no such file").
    virtual Result<std::string> read(const std::string& path) const = 0;
    // Replaces `path` in one step: readers see the old bytes or the new, never a mix.
    virtual Result<Done> write_atomic(const std::string& path, std::string_view bytes) = 0;
};

// The real one: stat(2), read(2), and write_file_atomic.
class RealFileSystem final : public FileSystem {
  public:
    FileStamp stat(const std::string& path) const override;
    Result<std::string> read(const std::string& path) const override;
    Result<Done> write_atomic(const std::string& path, std::string_view bytes) override;
};

Result<std::string> read_file(const std::string& path);

// Whether read_file could read `path` (a regular file within the cap), without reading it.
Result<Done> check_readable(const std::string& path);

// An input file (config, program, corrections) as every reader takes it: it must exist, be
// readable and not be empty. An empty file is refused even where it would parse: it is far more
// often a copy cut short than a wish for nothing.
Result<std::string> read_input(const FileSystem& fs, const std::string& path);

enum class Durability {
    synced,    // fsync the file and its folder: survives a power cut (last-good copies, config)
    unsynced,  // rename only: atomic for readers, may be lost on a power cut (the status file,
               // rewritten every minute, where an fsync would stall the render loop)
};

// Writes a temporary file in the same folder (so the rename cannot cross file systems), then
// renames it over `path`. Creates the folder when missing. Leaves no temporary file on failure.
Result<Done> write_file_atomic(const std::string& path, std::string_view bytes,
                               Durability durability = Durability::synced);

// Writes `size` bytes to the file being made; false (errno set) when they could not be written.
using ByteWriter = std::function<bool(const void* bytes, std::size_t size)>;
// Fills the temporary file through `put`, a piece at a time (a PNG as libpng makes it); its
// error's message is the one given, for `path`.
using FileFiller = std::function<Result<Done>(const ByteWriter& put)>;
// The same, for bytes made as they are written rather than held whole first.
Result<Done> write_file_atomic_with(const std::string& path, Durability durability,
                                    const FileFiller& fill);

}  // namespace kiosk
