// SHA-256 block compression with the x86 SHA extensions (SHA-NI).
//
// Written for tierscan after the public-domain reference by Jeffrey Walton,
// https://github.com/noloader/SHA-Intrinsics (sha256-x86.c), itself based on Intel's sample
// code and Sean Gulley's for miTLS. Same technique (state kept as ABEF/CDGH, SHA256RNDS2 two
// rounds at a time, SHA256MSG1/MSG2 for the message schedule); restructured here around two
// helpers and a round-constant table instead of sixteen unrolled copies.

#include "csha256.h"

#if defined(__x86_64__)

#include <cpuid.h>
#include <immintrin.h>

/// Enables the instructions used below per function, so the target needs no global `-msha`.
#define CSHA256_TARGET __attribute__((target("sha,sse4.1")))

/// The round constants K0…K63 (FIPS 180-4, section 4.2.2), aligned for 16-byte loads.
static const uint32_t round_constants[64] __attribute__((aligned(16))) = {
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

bool csha256_is_supported(void) {
  unsigned int eax, ebx, ecx, edx;
  if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return false;
  bool ssse3_and_sse41 = (ecx & bit_SSSE3) && (ecx & bit_SSE4_1);
  // Leaf 7, sub-leaf 0, EBX bit 29: SHA extensions. `__get_cpuid_count` fails on CPUs whose
  // highest leaf is below 7.
  if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return false;
  return ssse3_and_sse41 && (ebx & (1u << 29));
}

/// Rounds 4·group … 4·group+3: adds their constants to the four message words in `words`
/// (W[4·group] in the low lane) and runs SHA256RNDS2 twice, on the low then the high pair.
static inline CSHA256_TARGET void four_rounds(__m128i *abef, __m128i *cdgh, __m128i words, int group) {
  __m128i sums = _mm_add_epi32(words, _mm_load_si128((const __m128i *)&round_constants[4 * group]));
  *cdgh = _mm_sha256rnds2_epu32(*cdgh, *abef, sums);
  *abef = _mm_sha256rnds2_epu32(*abef, *cdgh, _mm_shuffle_epi32(sums, 0x0E));
}

/// The next four schedule words W[t…t+3] from the sixteen before them, given as W[t-16…t-13],
/// W[t-12…t-9], W[t-8…t-5], W[t-4…t-1]: MSG1 adds σ0(W[t-15…t-12]), the byte shift supplies
/// W[t-7…t-4], MSG2 adds σ1 of W[t-2], W[t-1] and of the two words it has just produced.
static inline CSHA256_TARGET __m128i next_words(__m128i w16, __m128i w12, __m128i w8, __m128i w4) {
  __m128i partial = _mm_sha256msg1_epu32(w16, w12);
  partial = _mm_add_epi32(partial, _mm_alignr_epi8(w4, w8, 4));
  return _mm_sha256msg2_epu32(partial, w4);
}

CSHA256_TARGET
void csha256_compress_blocks(uint32_t state[8], const void *blocks, size_t block_count) {
  const uint8_t *block = blocks;
  // SHA256RNDS2 wants the working variables as ABEF and CDGH (A and C in the high lanes).
  __m128i dcba = _mm_loadu_si128((const __m128i *)&state[0]);
  __m128i hgfe = _mm_loadu_si128((const __m128i *)&state[4]);
  __m128i cdab = _mm_shuffle_epi32(dcba, 0xB1);
  __m128i efgh = _mm_shuffle_epi32(hgfe, 0x1B);
  __m128i abef = _mm_alignr_epi8(cdab, efgh, 8);
  __m128i cdgh = _mm_blend_epi16(efgh, cdab, 0xF0);
  // Message words are big-endian: reverse the bytes of each 32-bit lane.
  const __m128i byte_swap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);

  for (size_t index = 0; index < block_count; index++, block += 64) {
    const __m128i abef_before = abef, cdgh_before = cdgh;
    __m128i w[4];
    for (int group = 0; group < 4; group++) {
      w[group] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(block + 16 * group)), byte_swap);
      four_rounds(&abef, &cdgh, w[group], group);
    }
    for (int group = 4; group < 16; group++) {
      __m128i next = next_words(w[0], w[1], w[2], w[3]);
      w[0] = w[1];
      w[1] = w[2];
      w[2] = w[3];
      w[3] = next;
      four_rounds(&abef, &cdgh, next, group);
    }
    abef = _mm_add_epi32(abef, abef_before);
    cdgh = _mm_add_epi32(cdgh, cdgh_before);
  }

  // Back from ABEF/CDGH to a…h.
  __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
  __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
  _mm_storeu_si128((__m128i *)&state[0], _mm_blend_epi16(feba, dchg, 0xF0));
  _mm_storeu_si128((__m128i *)&state[4], _mm_alignr_epi8(dchg, feba, 8));
}

#else

bool csha256_is_supported(void) { return false; }

void csha256_compress_blocks(uint32_t state[8], const void *blocks, size_t block_count) {
  (void)state;
  (void)blocks;
  (void)block_count;
  __builtin_trap();
}

#endif
