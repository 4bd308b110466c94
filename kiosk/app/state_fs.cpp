// POSIX file access for the kiosk: stamps, capped reads, temp-file-fsync-rename writes.
#include "kiosk/app/state_fs.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <optional>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kiosk {

namespace {

Diagnostic file_error(const std::string& path, const std::string& what) {
    return Diagnostic{path, 0, Severity::error, what};
}

std::string reason(int err) {
    switch (err) {
        case ENOENT:
            return "no such file";
        case EACCES:
            return "permission denied";
        case EISDIR:
            return "is a folder, not a file";
        default:
            return std::strerror(err);
    }
}

// Closes a descriptor on every path out.
struct Fd {
    int fd = -1;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};

}  // namespace

FileStamp RealFileSystem::stat(const std::string& path) const {
    struct ::stat st {};
    if (::stat(path.c_str(), &st) != 0) return {};
    return FileStamp{
        true, static_cast<std::uint64_t>(st.st_size),
        static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec,
        static_cast<std::uint64_t>(st.st_ino), static_cast<std::uint64_t>(st.st_dev)};
}

Result<std::string> RealFileSystem::read(const std::string& path) const { return read_file(path); }

Result<Done> RealFileSystem::write_atomic(const std::string& path, std::string_view bytes) {
    return write_file_atomic(path, bytes, Durability::synced);
}

Result<std::string> read_input(const FileSystem& fs, const std::string& path) {
    auto bytes = fs.read(path);
    if (!bytes) return fail(bytes.error());
    if (bytes->empty()) return fail(Diagnostic{path, 0, Severity::error, "the file is empty"});
    return bytes;
}

namespace {

// What a file that is not a regular file is, for the message that refuses it.
std::string kind_of(mode_t mode) {
    if (S_ISDIR(mode)) return "a folder";
    if (S_ISFIFO(mode)) return "a named pipe";
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISBLK(mode)) return "a block device";
    if (S_ISSOCK(mode)) return "a socket";
    return "of no kind a program can be";
}

// Opens `path` into `f` the way every input is opened: O_NONBLOCK, since opening a named pipe
// with no writer would wait for one for ever; then the kind and size are checked on the open
// file (`st`), so nothing can swap it in between, and reads block again. Why not, when it fails.
std::optional<Diagnostic> open_input(const std::string& path, Fd& f, struct ::stat& st) {
    f.fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (f.fd < 0) return file_error(path, "cannot read: " + reason(errno));
    if (::fstat(f.fd, &st) != 0) return file_error(path, "cannot read: " + reason(errno));
    if (!S_ISREG(st.st_mode)) {
        return file_error(path, "cannot read: is " + kind_of(st.st_mode) + ", not a file");
    }
    int flags = ::fcntl(f.fd, F_GETFL);
    if (flags < 0 || ::fcntl(f.fd, F_SETFL, flags & ~O_NONBLOCK) != 0) {
        return file_error(path, "cannot read: " + reason(errno));
    }
    if (static_cast<std::uint64_t>(st.st_size) > max_file_bytes) {
        return file_error(path, "is " + std::to_string(st.st_size >> 20) +
                                    " MB, more than the 64 MB a program file may have");
    }
    return std::nullopt;
}

}  // namespace

Result<Done> check_readable(const std::string& path) {
    Fd f;
    struct ::stat st {};
    if (auto why = open_input(path, f, st)) return fail(*why);
    return Done{};
}

Result<std::string> read_file(const std::string& path) {
    Fd f;
    struct ::stat st {};
    if (auto why = open_input(path, f, st)) return fail(*why);
    std::string out;
    out.reserve(static_cast<std::size_t>(st.st_size));
    char buf[1 << 16];
    while (true) {
        ssize_t n = ::read(f.fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return fail(file_error(path, "cannot read: " + reason(errno)));
        if (n == 0) break;
        out.append(buf, static_cast<std::size_t>(n));
        // The file may grow while it is read (a copy in progress); stay bounded regardless.
        if (out.size() > max_file_bytes) {
            return fail(file_error(path, "grew past the 64 MB a program file may have"));
        }
    }
    return out;
}

Result<Done> write_file_atomic(const std::string& path, std::string_view bytes,
                               Durability durability) {
    return write_file_atomic_with(path, durability, [&](const ByteWriter& put) -> Result<Done> {
        if (!put(bytes.data(), bytes.size())) {
            return fail(file_error(path, "cannot write: " + reason(errno)));
        }
        return Done{};
    });
}

Result<Done> write_file_atomic_with(const std::string& path, Durability durability,
                                    const FileFiller& fill) {
    namespace fs = std::filesystem;
    fs::path target(path);
    fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) {
        return fail(
            file_error(path, "cannot create the folder " + dir.string() + ": " + ec.message()));
    }
    // A dot name so folder listings and globbing watchers skip it; same folder, same file system.
    std::string tmp = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
    Fd f{::mkostemp(tmp.data(), O_CLOEXEC)};
    if (f.fd < 0)
        return fail(file_error(path, "cannot write in " + dir.string() + ": " + reason(errno)));
    auto give_up = [&](const std::string& what) {
        int err = errno;
        ::unlink(tmp.c_str());
        return fail(file_error(path, what + ": " + reason(err)));
    };
    // Keep the mode of the file being replaced (a config staff made group-writable stays so).
    struct ::stat old {};
    mode_t mode = ::stat(path.c_str(), &old) == 0 ? (old.st_mode & 07777) : 0644;
    if (::fchmod(f.fd, mode) != 0) return give_up("cannot set the mode of " + tmp);
    ByteWriter put = [fd = f.fd](const void* bytes, std::size_t size) {
        const auto* at = static_cast<const char*>(bytes);
        std::size_t done = 0;
        while (done < size) {
            ssize_t n = ::write(fd, at + done, size - done);
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) return false;
            done += static_cast<std::size_t>(n);
        }
        return true;
    };
    if (auto filled = fill(put); !filled) {
        ::unlink(tmp.c_str());
        Diagnostic d = filled.error().front();
        d.file = path;
        return fail(std::move(d));
    }
    if (durability == Durability::synced && ::fsync(f.fd) != 0) return give_up("cannot sync");
    if (::close(f.fd) != 0) {
        f.fd = -1;
        return give_up("cannot write");
    }
    f.fd = -1;
    if (::rename(tmp.c_str(), path.c_str()) != 0) return give_up("cannot rename into place");
    if (durability == Durability::synced) {
        // The rename itself is only durable once the folder's entry is on disk.
        Fd d{::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
        if (d.fd >= 0) ::fsync(d.fd);
    }
    return Done{};
}

}  // namespace kiosk
