#include "io/atomic_file.hpp"

#include "core/error.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <system_error>

namespace trygg {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void fail(const fs::path& path, const std::string& what, int error) {
    throw OutputError(path.string() + ": " + what + ": " + std::strerror(error));
}

// Puts the bytes on disk before the rename makes the file visible under its real name, so a
// crash right after the rename cannot leave a complete-looking but empty file.
void sync_to_disk(const fs::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
        const int error = errno;
        if (fd >= 0) ::close(fd);
        fail(path, "cannot fsync", error);
    }
    ::close(fd);
}

// A failure while writing the temporary file is reported under the name the user gave.
std::string reason_of(const OutputError& e, const fs::path& tmp) {
    const std::string message = e.what();
    const std::string prefix = tmp.string() + ": ";
    return message.rfind(prefix, 0) == 0 ? message.substr(prefix.size()) : message;
}

}  // namespace

void write_atomically(const fs::path& out, const std::function<void(const fs::path&)>& write) {
    fs::path tmp = out;
    tmp += ".tmp-" + std::to_string(::getpid());
    auto remove_tmp = [&] {
        std::error_code ignored;  // the original failure is the one worth reporting
        fs::remove(tmp, ignored);
    };
    try {
        write(tmp);
        sync_to_disk(tmp);
        fs::rename(tmp, out);
    } catch (const OutputError& e) {
        remove_tmp();
        throw OutputError(out.string() + ": " + reason_of(e, tmp));
    } catch (const fs::filesystem_error& e) {
        remove_tmp();
        throw OutputError(out.string() + ": cannot write: " + e.code().message());
    } catch (...) {
        remove_tmp();
        throw;
    }
}

void write_bytes(const fs::path& path, std::span<const char> bytes) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0) fail(path, "cannot create", errno);
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const int error = n < 0 ? errno : ENOSPC;
            ::close(fd);
            fail(path, "cannot write", error);
        }
        done += static_cast<std::size_t>(n);
    }
    if (::close(fd) != 0) fail(path, "cannot write", errno);
}

void write_text_atomically(const fs::path& out, std::string_view text) {
    write_atomically(out, [&](const fs::path& tmp) { write_bytes(tmp, text); });
}

}  // namespace trygg
