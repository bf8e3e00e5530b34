#ifndef CTIERSCAN_PREFETCH_H
#define CTIERSCAN_PREFETCH_H

/// Asks the processor to bring the cache line holding `address` into its caches for a read
/// (`__builtin_prefetch`, locality 3): a hint that never faults, whatever the address, and
/// changes no result. Swift has no prefetch of its own; this header-only function is inlined
/// into the Swift code that calls it (random walks over the graph's arrays, where each step's
/// address is known several steps before it is read).
static inline void tierscan_prefetch(const void *address) { __builtin_prefetch(address, 0, 3); }

#endif
