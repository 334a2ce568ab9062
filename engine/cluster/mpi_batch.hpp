#pragma once
// A batch over the ranks of an MPI job: `mpiexec -n N trygg batch EXPERIMENT.yaml -o OUT.h5`.
// Rank 0 opens the parts folder (checking what an interrupted job kept, with --resume) and
// sends every rank the list of tasks left; rank k simulates tasks k, k + N, k + 2N, … of it on
// its own cores (oneTBB) into the same parts folder (a file system every rank sees: the node's
// disk, or a cluster's shared /home or scratch); when all are done rank 0 assembles the file,
// as a single-process batch would, and removes the parts. A rank that dies takes the job down
// (mpiexec's default) but loses only the replicates it was running: every finished one is a
// part, and the same command with --resume finishes the job.
//
// Static round-robin rather than a rank-0 work queue: the tasks of a batch all cost about the
// same (same weeks, same city), so a static split balances within one task per rank, needs no
// messages while simulating (rank 0 simulates like the others instead of dispatching) and is
// the same partition as Slurm's --shard, with the same code path.
#include "batch/batch.hpp"

#include <string>

namespace trygg {

// Whether this trygg was built with MPI (TRYGG_MPI).
bool built_with_mpi();

// How many ranks the launcher started (Open MPI's OMPI_COMM_WORLD_SIZE, MPICH's and Slurm's
// PMI_SIZE); 1 when trygg was started on its own. Read from the environment, so that a trygg
// started without mpiexec never initialises MPI.
int launched_ranks();

// How many of those ranks share this machine (OMPI_COMM_WORLD_LOCAL_SIZE, MPI_LOCALNRANKS),
// so that each takes its share of the cores by default; 1 without a launcher.
int ranks_on_this_node();

struct RankedBatch {
    int rank = 0;
    int ranks = 1;
    // Rank 0: the whole batch's outcome (Done once assembled). Other ranks: their own tasks.
    BatchResult result;
    // Set on ranks other than 0 when rank 0 refused the batch (bad input: it says why); they
    // end quietly with the same exit status.
    bool refused_by_rank0 = false;
};

// Runs `batch` over the ranks (see above). Call only when launched_ranks() > 1 and
// built_with_mpi(). Rank 0 rethrows what failed on it; another rank's failure is reported
// by that rank and ends rank 0's batch as failed (status file "failed").
RankedBatch run_batch_on_ranks(Batch& batch, bool resume, const std::string& command_line, const BatchHooks& hooks);

}  // namespace trygg
