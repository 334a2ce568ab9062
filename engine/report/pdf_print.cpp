#include "report/pdf_print.hpp"

#include "core/error.hpp"
#include "io/atomic_file.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <sstream>
#include <string_view>
#include <vector>

extern char** environ;

namespace trygg {
namespace {

namespace fs = std::filesystem;

std::string on_path(const std::string& name) {
    const char* path = std::getenv("PATH");
    std::stringstream dirs(path ? path : "/usr/bin:/bin");
    std::string dir;
    while (std::getline(dirs, dir, ':')) {
        const fs::path candidate = fs::path(dir.empty() ? "." : dir) / name;
        if (::access(candidate.c_str(), X_OK) == 0) return candidate.string();
    }
    return "";
}

// Runs `argv` with stdin, stdout and stderr on /dev/null (Chromium chats on stderr); its status.
int run_quietly(const std::vector<std::string>& argv) {
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    for (const int fd : {0, 1, 2})
        posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0);
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) return -1;
    int status = 0;
    if (::waitpid(pid, &status, 0) < 0) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

std::string find_chromium() {
    if (const char* set = std::getenv("TRYGG_CHROMIUM"); set && *set) return set;
    for (const char* name : {"chromium", "chromium-browser"}) {
        const std::string found = on_path(name);
        if (!found.empty()) return found;
    }
    return "";
}

void print_pdf(const std::string& chromium, const fs::path& html, const fs::path& pdf) {
    const fs::path page = fs::absolute(html);
    write_atomically(pdf, [&](const fs::path& tmp) {
        std::vector<std::string> argv{chromium, "--headless", "--disable-gpu", "--no-pdf-header-footer",
                                      // The page draws its charts after loading: give it virtual
                                      // time to finish before printing (it needs well under 1 s).
                                      "--virtual-time-budget=20000", "--print-to-pdf=" + fs::absolute(tmp).string()};
        // Chromium refuses to run as root with its sandbox (containers, CI).
        if (::geteuid() == 0) argv.insert(argv.begin() + 1, "--no-sandbox");
        argv.push_back("file://" + page.string());
        const int status = run_quietly(argv);
        std::error_code ec;
        if (status != 0 || fs::file_size(tmp, ec) == 0 || ec) {
            throw OutputError(chromium + " did not print the report (status " + std::to_string(status) + ")");
        }
    });
}

}  // namespace trygg
