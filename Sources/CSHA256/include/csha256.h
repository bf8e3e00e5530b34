#ifndef CSHA256_H
#define CSHA256_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/// Whether this CPU can run `csha256_compress_blocks`: x86-64 with the SHA extensions, SSSE3
/// and SSE4.1. Always false on other architectures.
bool csha256_is_supported(void);

/// Runs the SHA-256 compression function (FIPS 180-4, section 6.2.2) over `block_count`
/// consecutive 64-byte blocks at `blocks`, updating `state` (the eight working words a…h,
/// native byte order) in place. Padding is the caller's business.
///
/// Precondition: `csha256_is_supported()`; otherwise the process traps.
void csha256_compress_blocks(uint32_t state[8], const void *blocks, size_t block_count);

#endif
