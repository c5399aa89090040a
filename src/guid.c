/* guid.c: SHA-1 (FIPS 180-4, section 6.1) and name-based UUIDs (RFC 9562,
 * section 5.5). SHA-1 is weak against collisions made on purpose; here it
 * only turns code paths into identifiers, as the RFC's version 5 asks. */
#include "guid.h"
#include "memory.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t rol(uint32_t x, unsigned n) {
  return (x << n) | (x >> (32 - n));
}

/* One 64-byte block into the state h. */
static void sha1_block(uint32_t h[5], const uint8_t *p) {
  uint32_t w[80];
  for (int t = 0; t < 16; t++)
    w[t] = (uint32_t)p[4 * t] << 24 | (uint32_t)p[4 * t + 1] << 16 |
           (uint32_t)p[4 * t + 2] << 8 | p[4 * t + 3];
  for (int t = 16; t < 80; t++)
    w[t] = rol(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
  uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
  for (int t = 0; t < 80; t++) {
    uint32_t f, k;
    if (t < 20) {
      f = (b & c) | (~b & d);
      k = 0x5a827999;
    } else if (t < 40) {
      f = b ^ c ^ d;
      k = 0x6ed9eba1;
    } else if (t < 60) {
      f = (b & c) | (b & d) | (c & d);
      k = 0x8f1bbcdc;
    } else {
      f = b ^ c ^ d;
      k = 0xca62c1d6;
    }
    uint32_t tmp = rol(a, 5) + f + e + k + w[t];
    e = d;
    d = c;
    c = rol(b, 30);
    b = a;
    a = tmp;
  }
  h[0] += a;
  h[1] += b;
  h[2] += c;
  h[3] += d;
  h[4] += e;
}

void qc_sha1(const void *data, size_t len, uint8_t digest[20]) {
  uint32_t h[5] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476,
                   0xc3d2e1f0};
  const uint8_t *p = data;
  size_t left = len;
  for (; left >= 64; p += 64, left -= 64)
    sha1_block(h, p);
  /* the padding: a 1 bit, zeros, the length in bits (big-endian) */
  uint8_t last[128] = {0};
  memcpy(last, p, left);
  last[left] = 0x80;
  size_t n = left < 56 ? 64 : 128;
  uint64_t bits = (uint64_t)len * 8;
  for (int i = 0; i < 8; i++)
    last[n - 1 - i] = (uint8_t)(bits >> (8 * i));
  sha1_block(h, last);
  if (n == 128)
    sha1_block(h, last + 64);
  for (int i = 0; i < 5; i++)
    for (int j = 0; j < 4; j++)
      digest[4 * i + j] = (uint8_t)(h[i] >> (24 - 8 * j));
}

/* UUID 5 of "urn:qcode:code" in the URL namespace
 * 6ba7b811-9dad-11d1-80b4-00c04fd430c8; test_guid checks it. */
const uint8_t qc_uuid_ns_code[16] = {0xc2, 0x0b, 0xe8, 0xc5, 0xba, 0xc6,
                                     0x5b, 0xf7, 0xa3, 0x45, 0xf9, 0x03,
                                     0x10, 0x29, 0x18, 0x0a};

void qc_uuid5(const uint8_t ns[16], const char *name, char out[37]) {
  size_t len = strlen(name);
  uint8_t *buf = qc_xmalloc(16 + len), d[20];
  memcpy(buf, ns, 16);
  memcpy(buf + 16, name, len);
  qc_sha1(buf, 16 + len, d);
  free(buf);
  d[6] = (uint8_t)((d[6] & 0x0f) | 0x50); /* version 5 */
  d[8] = (uint8_t)((d[8] & 0x3f) | 0x80); /* variant 10 (RFC 9562) */
  char *o = out;
  for (int i = 0; i < 16; i++) {
    if (i == 4 || i == 6 || i == 8 || i == 10)
      *o++ = '-';
    o += sprintf(o, "%02X", d[i]);
  }
  *o = '\0';
}
