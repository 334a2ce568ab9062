#pragma once
// Nested parallel loops and cancellation. When a task of an enclosing parallel loop throws
// (bad_alloc in one replicate while another runs), TBB cancels the whole tree of task groups:
// a nested parallel_for or parallel_invoke then returns early, without having run all its
// bodies and without throwing. Code that goes on to use their results would read vectors that
// were never filled (this was a segfault in Lagesbild::close_week). Every nested parallel call
// whose results are used is therefore followed by stop_if_cancelled().
#include <tbb/task_group.h>

#include <exception>

namespace trygg {

// Thrown into a task whose group is being cancelled: the exception that caused the
// cancellation is the one TBB hands to the caller, so this one is never reported.
class TaskCancelled : public std::exception {
public:
    const char* what() const noexcept override { return "parallel work cancelled"; }
};

inline void stop_if_cancelled() {
    if (tbb::is_current_task_group_canceling()) throw TaskCancelled();
}

}  // namespace trygg
