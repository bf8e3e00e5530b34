#ifndef CTIERSCAN_MALLOC_H
#define CTIERSCAN_MALLOC_H

#if defined(__GLIBC__) || defined(__linux__)
#include <malloc.h>
#endif
#include <stdlib.h>

/// Limits glibc's malloc to `arenas` arenas (`mallopt(M_ARENA_MAX, …)`) unless the user set
/// `MALLOC_ARENA_MAX`; returns 1 when the limit was set. Elsewhere (no glibc) does nothing and
/// returns 0. glibc gives each new thread an arena of its own up to eight per core; memory freed
/// into one arena is reused only by the threads of that arena, so the threads that
/// `ParallelWork` starts for nested splits each kept their own heap (tierscan's 1M scan: +40 MB
/// peak). Swift does not import `mallopt`.
static inline int tierscan_limit_malloc_arenas(int arenas) {
#if defined(M_ARENA_MAX)
  if (getenv("MALLOC_ARENA_MAX") != NULL) return 0;
  return mallopt(M_ARENA_MAX, arenas);
#else
  (void)arenas;
  return 0;
#endif
}

#endif
