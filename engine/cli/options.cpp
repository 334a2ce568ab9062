#include "cli/options.hpp"

#include "core/error.hpp"

namespace trygg {

namespace po = boost::program_options;

namespace {

// Boost.Program_options fills in its messages by replacing placeholders such as %option% until
// none is left, so an argument that itself holds one (`--%option%`) never finishes (found by
// fuzzing: fuzz/cli.cpp). Such arguments are refused before Boost sees them.
void refuse_placeholders(const std::vector<std::string>& args, const std::string& command) {
    static const char* const kPlaceholders[] = {"%canonical_option%", "%option%",      "%original_token%", "%value%",
                                                "%prefix%",           "%invalid_line%"};
    for (const auto& arg : args) {
        for (const char* p : kPlaceholders) {
            if (arg.find(p) != std::string::npos) {
                throw InputError("trygg " + command + ": argument '" + arg + "' contains '" + p +
                                 "', which the option parser cannot take (see trygg help " + command + ")");
            }
        }
    }
}

}  // namespace

po::variables_map parse_command_line(const std::vector<std::string>& args, const po::options_description& visible,
                                     const std::vector<std::string>& positional, const std::string& command) {
    po::options_description all;
    all.add(visible);
    po::positional_options_description order;
    for (const auto& name : positional) {
        all.add_options()(name.c_str(), po::value<std::string>());
        order.add(name.c_str(), 1);
    }
    refuse_placeholders(args, command);
    po::variables_map vm;
    try {
        const int style = po::command_line_style::default_style & ~po::command_line_style::allow_guessing;
        po::store(po::command_line_parser(args).options(all).positional(order).style(style).run(), vm);
        po::notify(vm);
    } catch (const po::error& e) {
        throw InputError("trygg " + command + ": " + std::string(e.what()) + " (see trygg help " + command + ")");
    }
    return vm;
}

po::variables_map parse_command_line_list(const std::vector<std::string>& args, const po::options_description& visible,
                                          const std::string& rest, const std::string& command) {
    po::options_description all;
    all.add(visible);
    all.add_options()(rest.c_str(), po::value<std::vector<std::string>>());
    po::positional_options_description order;
    order.add(rest.c_str(), -1);
    refuse_placeholders(args, command);
    po::variables_map vm;
    try {
        const int style = po::command_line_style::default_style & ~po::command_line_style::allow_guessing;
        po::store(po::command_line_parser(args).options(all).positional(order).style(style).run(), vm);
        po::notify(vm);
    } catch (const po::error& e) {
        throw InputError("trygg " + command + ": " + std::string(e.what()) + " (see trygg help " + command + ")");
    }
    return vm;
}

}  // namespace trygg
