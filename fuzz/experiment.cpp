// libFuzzer target `experiment`: an experiment file (configs/experiments/*.yaml) →
// load_experiment_config, which also reads every scenario it names (../../scenarios/…).
#include "fuzz_support.hpp"
#include "io/experiment_config.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto file = trygg::fuzz::write_input("configs/experiments/fuzz_experiment.yaml", data, size);
    trygg::fuzz::expect_typed_errors([&] { (void)trygg::load_experiment_config(file); });
    return 0;
}
