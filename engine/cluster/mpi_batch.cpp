#include "cluster/mpi_batch.hpp"

#include "core/error.hpp"

#include <mpi.h>

#include <cstdint>
#include <exception>
#include <vector>

namespace trygg {
namespace {

// MPI for the lifetime of one batch. Only the main thread calls MPI (oneTBB's workers never
// do), which MPI_THREAD_FUNNELED allows.
class MpiSession {
public:
    MpiSession() {
        int provided = 0;
        if (MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided) != MPI_SUCCESS) {
            throw OutputError("trygg batch: MPI could not be initialised (is this an mpiexec launch?)");
        }
        MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
        MPI_Comm_size(MPI_COMM_WORLD, &size_);
    }
    ~MpiSession() { MPI_Finalize(); }
    MpiSession(const MpiSession&) = delete;
    MpiSession& operator=(const MpiSession&) = delete;

    int rank() const { return rank_; }
    int size() const { return size_; }

private:
    int rank_ = 0;
    int size_ = 1;
};

// Rank 0's list of tasks left, on every rank: the count, then (run, replicate) pairs.
std::vector<BatchTask> share_tasks(std::vector<BatchTask> tasks, int rank) {
    long long count = static_cast<long long>(tasks.size());
    MPI_Bcast(&count, 1, MPI_LONG_LONG, 0, MPI_COMM_WORLD);
    std::vector<long long> flat(static_cast<std::size_t>(2 * count));
    if (rank == 0) {
        for (std::size_t t = 0; t < tasks.size(); ++t) {
            flat[2 * t] = static_cast<long long>(tasks[t].run);
            flat[2 * t + 1] = tasks[t].replicate;
        }
    }
    MPI_Bcast(flat.data(), static_cast<int>(flat.size()), MPI_LONG_LONG, 0, MPI_COMM_WORLD);
    tasks.resize(static_cast<std::size_t>(count));
    for (std::size_t t = 0; t < tasks.size(); ++t) {
        tasks[t] = {static_cast<std::size_t>(flat[2 * t]), static_cast<int>(flat[2 * t + 1])};
    }
    return tasks;
}

}  // namespace

bool built_with_mpi() {
    return true;
}

RankedBatch run_batch_on_ranks(Batch& batch, bool resume, const std::string& command_line, const BatchHooks& hooks) {
    const MpiSession mpi;
    RankedBatch out;
    out.rank = mpi.rank();
    out.ranks = mpi.size();
    const auto total = static_cast<std::int64_t>(batch.experiment().runs.size()) * batch.experiment().replicates;

    // Rank 0 alone touches the folder before the tasks are shared, so that no rank writes a
    // part while it is being listed.
    std::vector<BatchTask> todo;
    std::exception_ptr refused;
    int opened = 1;
    if (out.rank == 0) {
        try {
            todo = batch.open_parts(resume);
        } catch (...) {
            refused = std::current_exception();
            opened = 0;
        }
    }
    MPI_Bcast(&opened, 1, MPI_INT, 0, MPI_COMM_WORLD);
    if (!opened) {
        if (refused) std::rethrow_exception(refused);
        out.refused_by_rank0 = true;
        return out;
    }
    todo = share_tasks(std::move(todo), out.rank);
    const std::int64_t kept_before = total - static_cast<std::int64_t>(todo.size());
    if (out.rank == 0) batch.write_status("running", kept_before);

    std::vector<BatchTask> mine;
    for (std::size_t t = static_cast<std::size_t>(out.rank); t < todo.size();
         t += static_cast<std::size_t>(out.ranks)) {
        mine.push_back(todo[t]);
    }
    std::exception_ptr failure;
    try {
        out.result = batch.simulate(mine, 0, hooks, false);
    } catch (...) {
        failure = std::current_exception();
    }
    // Every rank reaches this point, failed or not, so that no rank waits for one that gave up.
    long long local[2] = {out.result.replicates_done, failure ? 1 : 0};
    long long sum[2] = {0, 0};
    MPI_Allreduce(local, sum, 2, MPI_LONG_LONG, MPI_SUM, MPI_COMM_WORLD);
    const std::int64_t done = kept_before + sum[0];
    if (failure) {
        if (out.rank == 0) {
            try {
                batch.write_status("failed", done);
            } catch (const OutputError&) {
                // The failure itself is the one to report.
            }
        }
        std::rethrow_exception(failure);
    }
    if (out.rank != 0) return out;
    if (sum[1] > 0) {
        batch.write_status("failed", done);
        throw OutputError("trygg batch: " + std::to_string(sum[1]) +
                          " other rank(s) failed (their messages say why); the replicates they kept stay in " +
                          batch.files().parts.string() + ": run the same command with --resume");
    }
    if (done < total) {
        batch.write_status("interrupted", done);
        out.result = {BatchEnd::Interrupted, done, total, out.result.seconds};
        return out;
    }
    out.result = batch.assemble(command_line);
    return out;
}

}  // namespace trygg
