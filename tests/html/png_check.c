/* png_check.c: checks a screenshot of a qcode report, for the tests. It
 * decodes the PNG (8-bit RGB or RGBA, not interlaced, as Chromium writes
 * them; ISO/IEC 15948, filters of section 9) with zlib and prints
 *   width, height, the share of pixels that are not near white, and the
 *   bounding box and count of the pixels of colour RRGGBB (within 2 per
 *   channel).
 * usage: png_check FILE.png RRGGBB; exits 1 when the file is not a PNG it
 * reads. */
#include <zlib.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t be32(const unsigned char *p) {
  return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static int paeth(int a, int b, int c) {
  int p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

static unsigned char *slurp(const char *path, size_t *n) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  unsigned char *buf = NULL;
  size_t cap = 0;
  *n = 0;
  for (;;) {
    if (*n == cap && !(buf = realloc(buf, cap = cap ? cap * 2 : 1 << 20)))
      break;
    size_t got = fread(buf + *n, 1, cap - *n, f);
    *n += got;
    if (!got)
      break;
  }
  fclose(f);
  return buf;
}

int main(int argc, char **argv) {
  if (argc != 3 || strlen(argv[2]) != 6) {
    fputs("usage: png_check FILE.png RRGGBB\n", stderr);
    return 2;
  }
  unsigned want[3];
  sscanf(argv[2], "%2x%2x%2x", &want[0], &want[1], &want[2]);
  size_t n;
  unsigned char *f = slurp(argv[1], &n);
  if (!f || n < 33 || memcmp(f, "\x89PNG\r\n\x1a\n", 8)) {
    printf("%s: not a PNG\n", argv[1]);
    return 1;
  }
  uint32_t w = 0, h = 0;
  int bpp = 0;
  unsigned char *idat = NULL;
  size_t nidat = 0;
  for (size_t at = 8; at + 12 <= n;) {
    uint32_t len = be32(f + at);
    const unsigned char *type = f + at + 4, *data = f + at + 8;
    if (at + 12 + (size_t)len > n)
      break;
    if (!memcmp(type, "IHDR", 4)) {
      w = be32(data);
      h = be32(data + 4);
      if (data[8] != 8 || (data[9] != 2 && data[9] != 6) || data[12] != 0) {
        printf("%s: not 8-bit RGB(A) without interlace\n", argv[1]);
        return 1;
      }
      bpp = data[9] == 6 ? 4 : 3;
    } else if (!memcmp(type, "IDAT", 4)) {
      idat = realloc(idat, nidat + len);
      memcpy(idat + nidat, data, len);
      nidat += len;
    }
    at += 12 + (size_t)len;
  }
  size_t stride = (size_t)w * (size_t)bpp;
  uLongf raw_len = (uLongf)((stride + 1) * h);
  unsigned char *raw = malloc(raw_len ? raw_len : 1);
  if (!w || !h || !idat || !raw ||
      uncompress(raw, &raw_len, idat, (uLong)nidat) != Z_OK ||
      raw_len != (stride + 1) * h) {
    printf("%s: cannot decode the image data\n", argv[1]);
    return 1;
  }
  /* undo the filters, row by row, in place */
  for (uint32_t y = 0; y < h; y++) {
    unsigned char *row = raw + y * (stride + 1), *cur = row + 1;
    const unsigned char *up = y ? raw + (y - 1) * (stride + 1) + 1 : NULL;
    for (size_t x = 0; x < stride; x++) {
      int a = x >= (size_t)bpp ? cur[x - bpp] : 0, b = up ? up[x] : 0,
          c = up && x >= (size_t)bpp ? up[x - bpp] : 0;
      switch (row[0]) {
      case 1: cur[x] = (unsigned char)(cur[x] + a); break;
      case 2: cur[x] = (unsigned char)(cur[x] + b); break;
      case 3: cur[x] = (unsigned char)(cur[x] + (a + b) / 2); break;
      case 4: cur[x] = (unsigned char)(cur[x] + paeth(a, b, c)); break;
      default: break;
      }
    }
  }
  unsigned long long inked = 0, hits = 0;
  uint32_t x0 = w, y0 = h, x1 = 0, y1 = 0;
  for (uint32_t y = 0; y < h; y++)
    for (uint32_t x = 0; x < w; x++) {
      const unsigned char *p = raw + y * (stride + 1) + 1 + (size_t)x * bpp;
      inked += p[0] < 240 || p[1] < 240 || p[2] < 240;
      if (abs(p[0] - (int)want[0]) <= 2 && abs(p[1] - (int)want[1]) <= 2 &&
          abs(p[2] - (int)want[2]) <= 2) {
        hits++;
        x0 = x < x0 ? x : x0;
        y0 = y < y0 ? y : y0;
        x1 = x > x1 ? x : x1;
        y1 = y > y1 ? y : y1;
      }
    }
  printf("size %ux%u\n", w, h);
  printf("not white %.1f %%\n", 100.0 * (double)inked / ((double)w * h));
  if (hits)
    printf("#%s: %llu pixels in a box of %ux%u at (%u, %u)\n", argv[2], hits,
           x1 - x0 + 1, y1 - y0 + 1, x0, y0);
  else
    printf("#%s: no pixels\n", argv[2]);
  free(raw);
  free(idat);
  free(f);
  return 0;
}
