#include "cluster/mpi_batch.hpp"

#include <cstdlib>
#include <initializer_list>
#include <string>

namespace trygg {
namespace {

// The first of the variables that is set to a positive whole number, or 1.
int positive_from_environment(std::initializer_list<const char*> names) {
    for (const char* name : names) {
        const char* value = std::getenv(name);
        if (value == nullptr) continue;
        char* end = nullptr;
        const long n = std::strtol(value, &end, 10);
        if (end != value && *end == '\0' && n >= 1 && n <= 1'000'000) return static_cast<int>(n);
    }
    return 1;
}

}  // namespace

int launched_ranks() {
    return positive_from_environment({"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_SIZE"});
}

int ranks_on_this_node() {
    return positive_from_environment({"OMPI_COMM_WORLD_LOCAL_SIZE", "MPI_LOCALNRANKS", "PMI_LOCAL_SIZE"});
}

}  // namespace trygg
