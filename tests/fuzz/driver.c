/* driver.c: replays fuzz inputs without libFuzzer (the idea of zstd's
 * tests/fuzz/regression_driver.c). Linked with one fuzz target; each
 * argument is a file or a directory whose regular files (not
 * recursively, in name order, hidden files skipped) are read into a buffer
 * of exactly their size and passed to LLVMFuzzerTestOneInput, so that
 * `ctest` runs the committed corpus under gcc and, in the sanitizer build,
 * ASan and UBSan. A failed check aborts; an unreadable argument or an empty
 * run is an error. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int run_file(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    perror(path);
    return -1;
  }
  size_t cap = 4096, len = 0;
  uint8_t *buf = malloc(cap);
  size_t got;
  while (buf && (got = fread(buf + len, 1, cap - len, f)) > 0) {
    len += got;
    if (len == cap)
      buf = realloc(buf, cap *= 2);
  }
  int bad = !buf || ferror(f);
  fclose(f);
  if (bad) {
    fprintf(stderr, "%s: cannot read\n", path);
    free(buf);
    return -1;
  }
  /* An exact copy, so that reading one byte past the input is caught. */
  uint8_t *data = malloc(len ? len : 1);
  if (!data) {
    free(buf);
    return -1;
  }
  memcpy(data, buf, len);
  free(buf);
  fprintf(stderr, "running %s (%zu bytes)\n", path, len);
  LLVMFuzzerTestOneInput(data, len);
  free(data);
  return 0;
}

static int by_name(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static int run_dir(const char *dir, size_t *count) {
  DIR *d = opendir(dir);
  if (!d) {
    perror(dir);
    return -1;
  }
  char **names = NULL;
  size_t n = 0, cap = 0;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    if (e->d_name[0] == '.')
      continue;
    if (n == cap) {
      cap = cap ? 2 * cap : 64;
      char **p = realloc(names, cap * sizeof *names);
      if (!p)
        abort();
      names = p;
    }
    size_t len = strlen(dir) + strlen(e->d_name) + 2;
    names[n] = malloc(len);
    if (!names[n])
      abort();
    snprintf(names[n++], len, "%s/%s", dir, e->d_name);
  }
  closedir(d);
  qsort(names, n, sizeof *names, by_name);
  int rc = 0;
  for (size_t i = 0; i < n; i++) {
    struct stat st;
    if (stat(names[i], &st) == 0 && S_ISREG(st.st_mode)) {
      if (run_file(names[i]) != 0)
        rc = -1;
      else
        (*count)++;
    }
    free(names[i]);
  }
  free(names);
  return rc;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: %s FILE|DIR...\n", argv[0]);
    return 2;
  }
  size_t count = 0;
  int rc = 0;
  for (int i = 1; i < argc; i++) {
    struct stat st;
    if (stat(argv[i], &st) != 0) {
      perror(argv[i]);
      rc = 1;
    } else if (S_ISDIR(st.st_mode)) {
      if (run_dir(argv[i], &count) != 0)
        rc = 1;
    } else if (run_file(argv[i]) != 0) {
      rc = 1;
    } else {
      count++;
    }
  }
  fprintf(stderr, "%zu input(s) replayed\n", count);
  if (count == 0) {
    fprintf(stderr, "no inputs found\n");
    return 1;
  }
  return rc;
}
