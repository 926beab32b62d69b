// HALLWAY_ASSERT: a check for programming errors (bugs), never for input.
// Active in every build type: a broken invariant in production should stop
// loudly rather than corrupt data.
#pragma once

#include <cstdio>
#include <cstdlib>

#define HALLWAY_ASSERT(cond)                                                   \
  do {                                                                         \
    if (!(cond)) {                                                             \
      std::fprintf(stderr, "assertion failed: %s at %s:%d\n", #cond, __FILE__, \
                   __LINE__);                                                  \
      std::abort();                                                            \
    }                                                                          \
  } while (false)
