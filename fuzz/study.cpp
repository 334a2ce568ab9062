// libFuzzer target `study`: a validation study file (validation/*.yaml) → load_study_config,
// which also reads the scenarios it names (../scenarios/…, scenarios/…) and, for yearly
// counts, the table of registered crimes (../configs/data/…).
#include "fuzz_support.hpp"
#include "io/validation_config.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto file = trygg::fuzz::write_input("validation/fuzz_study.yaml", data, size);
    trygg::fuzz::expect_typed_errors([&] { (void)trygg::load_study_config(file); });
    return 0;
}
