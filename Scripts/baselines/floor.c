/* The physical floor of a scan (issue #21): what one core needs to read, parse and intern
 * relationships.csv and to relax risk over the graph 30 times. Not a scan: no entities, no risk
 * lists, no output, no validation beyond what parsing needs; a reference for how fast the part of
 * a scan that cannot be avoided can possibly be.
 *
 *   cc -O3 -march=native -o /tmp/floor Scripts/baselines/floor.c
 *   /tmp/floor DIR/relationships.csv        # prints counts, phase times and a checksum
 *
 * 1. read: the whole file into memory with read(2);
 * 2. parse: split each line into fields (RFC 4180 quotes honoured), take from, to, type, share,
 *    basis and confidence (column positions from the header);
 * 3. intern: from/to ids into an open-addressing hash table (FNV-1a, linear probing) → dense
 *    indices; edges as struct-of-arrays (src, dst, transmission factor);
 * 4. relax: sources are every 50th interned id (score 1.0); 30 passes of
 *    score[dst] = max(score[dst], score[src] * t) over all transmitting edges in risk direction
 *    (supplies/subcontracts forward, operates/owns backward, owns only with share >= 50).
 * Single-threaded on purpose.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

typedef struct {
  const char *start; /* points into the file buffer */
  uint32_t length;
  uint32_t index;
} Slot;

typedef struct {
  Slot *slots;
  uint64_t mask;
  uint32_t count;
} Table;

static uint64_t fnv(const char *p, uint32_t n) {
  uint64_t h = 1469598103934665603ull;
  for (uint32_t i = 0; i < n; i++) { h ^= (unsigned char)p[i]; h *= 1099511628211ull; }
  return h;
}

static void grow(Table *t);

static uint32_t intern(Table *t, const char *p, uint32_t n) {
  if ((uint64_t)(t->count + 1) * 2 > t->mask + 1) grow(t);
  uint64_t i = fnv(p, n) & t->mask;
  for (;;) {
    Slot *s = &t->slots[i];
    if (!s->start) {
      s->start = p; s->length = n; s->index = t->count++;
      return s->index;
    }
    if (s->length == n && memcmp(s->start, p, n) == 0) return s->index;
    i = (i + 1) & t->mask;
  }
}

static void grow(Table *t) {
  uint64_t size = (t->mask + 1) * 2;
  Slot *old = t->slots;
  uint64_t old_size = t->mask + 1;
  t->slots = calloc(size, sizeof(Slot));
  t->mask = size - 1;
  for (uint64_t j = 0; j < old_size; j++) {
    if (!old[j].start) continue;
    uint64_t i = fnv(old[j].start, old[j].length) & t->mask;
    while (t->slots[i].start) i = (i + 1) & t->mask;
    t->slots[i] = old[j];
  }
  free(old);
}

/* The next field from *p (up to ',' or end of line); quotes are stripped only at the edges (ids
 * and numbers of a relationships file hold no doubled quotes). Returns the field length. */
static uint32_t field(const char **p, const char *end, const char **start) {
  const char *q = *p;
  if (q < end && *q == '"') {
    q++;
    *start = q;
    while (q < end && !(*q == '"' && (q + 1 >= end || q[1] != '"'))) q += (*q == '"') ? 2 : 1;
    uint32_t n = (uint32_t)(q - *start);
    if (q < end) q++;
    *p = q;
    return n;
  }
  *start = q;
  while (q < end && *q != ',' && *q != '\n' && *q != '\r') q++;
  *p = q;
  return (uint32_t)(q - *start);
}

static int lower_equals(const char *p, uint32_t n, const char *word) {
  size_t m = strlen(word);
  if (n != m) return 0;
  for (uint32_t i = 0; i < n; i++) {
    char c = p[i];
    if (c >= 'A' && c <= 'Z') c += 32;
    if (c != word[i]) return 0;
  }
  return 1;
}

static double number(const char *p, uint32_t n, double fallback) {
  if (n == 0 || n > 30) return fallback;
  char buffer[32];
  memcpy(buffer, p, n);
  buffer[n] = 0;
  char *end;
  double v = strtod(buffer, &end);
  return end == buffer ? fallback : v;
}

int main(int argc, char **argv) {
  if (argc != 2) { fprintf(stderr, "usage: %s relationships.csv\n", argv[0]); return 64; }
  double t0 = now();
  int fd = open(argv[1], O_RDONLY);
  if (fd < 0) { perror(argv[1]); return 66; }
  struct stat st;
  fstat(fd, &st);
  char *data = malloc((size_t)st.st_size + 1);
  size_t got = 0;
  while (got < (size_t)st.st_size) {
    ssize_t r = read(fd, data + got, (size_t)st.st_size - got);
    if (r <= 0) { perror("read"); return 74; }
    got += (size_t)r;
  }
  close(fd);
  double t_read = now();

  const char *p = data, *end = data + got;
  /* header: column positions */
  int col_from = -1, col_to = -1, col_type = -1, col_share = -1, col_basis = -1, col_conf = -1, columns = 0;
  while (p < end && *p != '\n') {
    const char *s;
    uint32_t n = field(&p, end, &s);
    if (lower_equals(s, n, "from")) col_from = columns;
    else if (lower_equals(s, n, "to")) col_to = columns;
    else if (lower_equals(s, n, "type")) col_type = columns;
    else if (lower_equals(s, n, "share")) col_share = columns;
    else if (lower_equals(s, n, "basis")) col_basis = columns;
    else if (lower_equals(s, n, "confidence")) col_conf = columns;
    columns++;
    if (p < end && *p == ',') p++;
    else while (p < end && *p == '\r') p++;
  }
  if (p < end) p++;
  if (col_from < 0 || col_to < 0 || col_type < 0) { fprintf(stderr, "not a relationships file\n"); return 65; }

  size_t cap = 1 << 20, m = 0;
  uint32_t *src = malloc(cap * sizeof(uint32_t)), *dst = malloc(cap * sizeof(uint32_t));
  float *tt = malloc(cap * sizeof(float));
  Table table = {calloc(1 << 16, sizeof(Slot)), (1 << 16) - 1, 0};
  size_t lines = 0;
  while (p < end) {
    const char *f[6] = {0};
    uint32_t n[6] = {0};
    int column = 0;
    for (;;) {
      const char *s;
      uint32_t len = field(&p, end, &s);
      int slot = column == col_from ? 0 : column == col_to ? 1 : column == col_type ? 2 : column == col_share ? 3
               : column == col_basis ? 4 : column == col_conf ? 5 : -1;
      if (slot >= 0) { f[slot] = s; n[slot] = len; }
      column++;
      if (p < end && *p == ',') { p++; continue; }
      while (p < end && (*p == '\r' || *p == '\n')) p++;
      break;
    }
    lines++;
    if (!f[0] || !f[1] || !n[0] || !n[1]) continue;
    int type = lower_equals(f[2], n[2], "supplies") ? 0 : lower_equals(f[2], n[2], "subcontracts") ? 1
             : lower_equals(f[2], n[2], "owns") ? 2 : lower_equals(f[2], n[2], "operates") ? 3 : -1;
    if (type < 0) continue;
    uint32_t a = intern(&table, f[0], n[0]), b = intern(&table, f[1], n[1]);
    if (type == 2 && number(f[3], n[3], 0) < 50) continue;
    double basis = n[4] == 0 || lower_equals(f[4], n[4], "declared") ? 0.9
                 : lower_equals(f[4], n[4], "observed") ? 1.0 : 0.5;
    double confidence = number(f[5], n[5], basis);
    if (m == cap) {
      cap *= 2;
      src = realloc(src, cap * sizeof(uint32_t));
      dst = realloc(dst, cap * sizeof(uint32_t));
      tt = realloc(tt, cap * sizeof(float));
    }
    int forward = type <= 1;
    src[m] = forward ? a : b;
    dst[m] = forward ? b : a;
    tt[m] = (float)(confidence * 0.85);
    m++;
  }
  double t_parse = now();

  uint32_t nodes = table.count;
  float *score = calloc(nodes, sizeof(float));
  for (uint32_t v = 0; v < nodes; v += 50) score[v] = 1.0f;
  for (int pass = 0; pass < 30; pass++) {
    for (size_t e = 0; e < m; e++) {
      float c = score[src[e]] * tt[e];
      if (c > score[dst[e]]) score[dst[e]] = c;
    }
  }
  double t_relax = now();
  double sum = 0;
  for (uint32_t v = 0; v < nodes; v++) sum += score[v];
  printf("floor: %zu lines, %u ids, %zu transmitting edges; read %.3f s, parse+intern %.3f s, "
         "30 passes %.3f s, total %.3f s; checksum %.6f\n",
         lines, nodes, m, t_read - t0, t_parse - t_read, t_relax - t_parse, t_relax - t0, sum);
  return 0;
}
