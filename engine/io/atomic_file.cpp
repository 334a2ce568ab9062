#include "io/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <string>
#include <system_error>

namespace trygg {
namespace {

namespace fs = std::filesystem;

// Puts the bytes on disk before the rename makes the file visible under its real name, so a
// crash right after the rename cannot leave a complete-looking but empty file.
void sync_to_disk(const fs::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
        const int error = errno;
        if (fd >= 0) ::close(fd);
        throw std::system_error(error, std::generic_category(), path.string() + ": cannot fsync");
    }
    ::close(fd);
}

}  // namespace

void write_atomically(const fs::path& out, const std::function<void(const fs::path&)>& write) {
    fs::path tmp = out;
    tmp += ".tmp-" + std::to_string(::getpid());
    try {
        write(tmp);
        sync_to_disk(tmp);
        fs::rename(tmp, out);
    } catch (...) {
        std::error_code ignored;  // the original failure is the one worth reporting
        fs::remove(tmp, ignored);
        throw;
    }
}

}  // namespace trygg
