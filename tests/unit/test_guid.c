/* test_guid.c: SHA-1 against the FIPS 180-4 / RFC 3174 test vectors and
 * name-based UUIDs against RFC 9562's worked example and Python's uuid5
 * (src/guid.c). */
#include "guid.h"
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *hex_sha1(const char *s, size_t len) {
  static char out[41];
  uint8_t d[20];
  qc_sha1(s, len, d);
  for (int i = 0; i < 20; i++)
    sprintf(out + 2 * i, "%02x", d[i]);
  return out;
}

static void sha1_vectors(qc_test *t) {
  STR_EQ(t, hex_sha1("abc", 3), "a9993e364706816aba3e25717850c26c9cd0d89d",
         "abc");
  STR_EQ(t, hex_sha1("", 0), "da39a3ee5e6b4b0d3255bfef95601890afd80709",
         "empty");
  const char *two =
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
  STR_EQ(t, hex_sha1(two, strlen(two)),
         "84983e441c3bd26ebaae4aa1f95129e5e54670f1", "448-bit message");
  /* a million 'a': many blocks */
  char *m = malloc(1000000);
  memset(m, 'a', 1000000);
  STR_EQ(t, hex_sha1(m, 1000000), "34aa973cd4c4daa4f61eeb2bdbad27316534016f",
         "a million a");
  free(m);
  /* lengths around the padding edge (55, 56, 63, 64 bytes) */
  STR_EQ(t, hex_sha1("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 55),
         "c1c8bbdc22796e28c0e15163d20899b65621d65a", "55 bytes");
  STR_EQ(t, hex_sha1("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 56),
         "c2db330f6083854c99d4b5bfb6e8f29f201be699", "56 bytes");
}

static void uuid5_vectors(qc_test *t) {
  static const uint8_t dns[16] = {0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad,
                                  0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0,
                                  0x4f, 0xd4, 0x30, 0xc8};
  static const uint8_t url[16] = {0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad,
                                  0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0,
                                  0x4f, 0xd4, 0x30, 0xc8};
  char u[37];
  /* RFC 9562, appendix A.4 */
  qc_uuid5(dns, "www.example.com", u);
  STR_EQ(t, u, "2ED6657D-E927-568B-95E1-2665A8AEA6A2", "RFC 9562 A.4");
  qc_uuid5(dns, "python.org", u);
  STR_EQ(t, u, "886313E1-3B8A-5372-9B90-0C9AEE199E5D", "python.org");
  /* the code namespace is what its comment says it is */
  qc_uuid5(url, "urn:qcode:code", u);
  STR_EQ(t, u, "C20BE8C5-BAC6-5BF7-A345-F9031029180A", "code namespace");
  qc_uuid5(qc_uuid_ns_code, "tone/optimist", u);
  STR_EQ(t, u, "F830825C-6203-54D2-A616-2AD9131B1442", "a code path");
}

int main(void) {
  qc_test t = QC_TEST_INIT;
  QC_RUN(&t, sha1_vectors);
  QC_RUN(&t, uuid5_vectors);
  return qc_test_finish(&t);
}
