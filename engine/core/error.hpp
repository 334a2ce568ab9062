#pragma once
// Typed errors. Bad input (a config, a data file, a command line) is an InputError or its
// ConfigError subtype and exits with status 2; an output that cannot be written (disk full,
// file-size limit, a read-only place) is an OutputError and exits with status 3; a LogicError
// is a bug in trygg itself.
#include <stdexcept>
#include <string>

namespace trygg {

// Bad input that is not tied to a line of a config file (a data file, the command line).
class InputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Bad input in a config or scenario file: carries the file, the line and the key so the
// message can point at the exact place.
class ConfigError : public InputError {
public:
    ConfigError(std::string file, int line, std::string key, const std::string& problem)
        : InputError(format(file, line, key, problem)), file_(std::move(file)), line_(line), key_(std::move(key)) {}

    const std::string& file() const { return file_; }
    int line() const { return line_; }
    const std::string& key() const { return key_; }

private:
    static std::string format(const std::string& file, int line, const std::string& key, const std::string& problem) {
        std::string where = file;
        if (line > 0) where += ":" + std::to_string(line);
        if (!key.empty()) where += ": " + key;
        return where + ": " + problem;
    }
    std::string file_;
    int line_;
    std::string key_;
};

// An output file that could not be written: the environment's problem (disk, quota, path),
// not the input's and not trygg's. The message names the file and the reason.
class OutputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A broken invariant inside trygg: never the user's fault.
class LogicError : public std::logic_error {
public:
    using std::logic_error::logic_error;
};

}  // namespace trygg
