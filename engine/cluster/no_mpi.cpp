// Stands in for cluster/mpi_batch.cpp in a trygg built without MPI (TRYGG_MPI=OFF, or no MPI
// found): batch_command refuses an mpiexec launch before it gets here.
#include "cluster/mpi_batch.hpp"

#include "core/error.hpp"

namespace trygg {

bool built_with_mpi() {
    return false;
}

RankedBatch run_batch_on_ranks(Batch&, bool, const std::string&, const BatchHooks&) {
    throw LogicError("run_batch_on_ranks: this trygg was built without MPI");
}

}  // namespace trygg
