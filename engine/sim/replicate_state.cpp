#include "sim/replicate_state.hpp"

namespace trygg {

StateReader::StateReader(const ReplicateState& state) : state_(state), read_(state.names.size(), 0) {
    if (state.names.size() != state.bytes.size()) throw LogicError("ReplicateState: names and fields differ in number");
    for (std::size_t k = 0; k < state.names.size(); ++k) {
        if (!index_.emplace(state.names[k], k).second)
            throw InputError("the state holds field '" + state.names[k] + "' twice");
    }
}

const std::vector<std::uint8_t>& StateReader::find(std::string_view name) {
    const std::string full = prefix_ + std::string(name);
    const auto it = index_.find(full);
    if (it == index_.end()) throw InputError("the state lacks field '" + full + "' (a state of another model)");
    read_[it->second] = 1;
    return state_.bytes[it->second];
}

void StateReader::mismatch(std::string_view name, const char* what) const {
    throw InputError("the state's field '" + prefix_ + std::string(name) + "' has another " + what +
                     " than this model's (a state of another model or city)");
}

void StateReader::finish() const {
    for (std::size_t k = 0; k < read_.size(); ++k) {
        if (!read_[k]) throw InputError("the state holds field '" + state_.names[k] + "', unknown to this model");
    }
}

}  // namespace trygg
