// Noticing that files may have changed: inotify on the folders that hold them.
//
// Folders, not files: editors save by writing a new file and renaming it over the old one, and
// staff push with scp/rsync to a temporary name then `mv`; a watch on the old file would see
// neither. Only events about the watched names count, so the status file or a download's
// temporary file in the same folder does not wake anyone. inotify says "look again", never what
// changed: the Reloader's stat of each file decides. Where inotify is missing, or a folder does
// not exist yet, the service's periodic check (every two seconds) still finds changes, and a
// symlinked file whose target changes elsewhere is found the same way.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

namespace kiosk {

class FolderWatcher {
  public:
    FolderWatcher();  // without inotify, fd() is -1 and drain() finds nothing
    ~FolderWatcher();
    FolderWatcher(const FolderWatcher&) = delete;
    FolderWatcher& operator=(const FolderWatcher&) = delete;

    // A descriptor that becomes readable when something happened in a watched folder.
    int fd() const { return fd_; }

    // Watches the folders of `files` (and only those): call again when the set changes, or to
    // retry folders that did not exist before.
    void watch(const std::vector<std::string>& files);

    // Reads every queued event; true when one was about a watched file, or the kernel's queue
    // overflowed, or a watched folder was removed or moved (look at everything again).
    bool drain();

  private:
    int fd_ = -1;
    std::map<std::string, int> folders_;          // folder -> watch descriptor
    std::map<int, std::set<std::string>> names_;  // watch descriptor -> watched file names
};

}  // namespace kiosk
