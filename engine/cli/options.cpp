#include "cli/options.hpp"

#include "core/error.hpp"

namespace trygg {

namespace po = boost::program_options;

po::variables_map parse_command_line(const std::vector<std::string>& args, const po::options_description& visible,
                                     const std::vector<std::string>& positional, const std::string& command) {
    po::options_description all;
    all.add(visible);
    po::positional_options_description order;
    for (const auto& name : positional) {
        all.add_options()(name.c_str(), po::value<std::string>());
        order.add(name.c_str(), 1);
    }
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
