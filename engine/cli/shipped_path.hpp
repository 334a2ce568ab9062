#pragma once
// Where trygg finds the files it ships — the city config and its data, scenarios,
// experiments, validation studies — when a command names one by a relative path
// (configs/borlange.yaml, scenarios/baseline.yaml) or uses its default:
//   1. relative to the working directory, as in a clone (unchanged behaviour there);
//   2. in the installation's data folder, <prefix>/share/trygg, found from the executable's
//      own location (/proc/self/exe, <prefix>/bin/trygg → <prefix>/share/trygg).
// An absolute path, or one found nowhere, is returned as given, so the error that follows
// names the path the user wrote.
#include <filesystem>
#include <optional>
#include <string>

namespace trygg {

// <prefix>/share/trygg beside the running executable's bin/, if that folder exists.
std::optional<std::filesystem::path> installed_data_dir();

std::filesystem::path shipped_path(const std::string& path);

// The search order in words, for --help texts.
inline constexpr const char* kShippedPathSearch =
    "relative paths of shipped files (configs/, scenarios/, validation/) are looked up in the working "
    "directory first, then in the installation's share/trygg (beside bin/trygg)";

}  // namespace trygg
