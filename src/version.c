/* version.c: qcode's version, from CMake's project() through
 * qc_version.h, and the versions of the libraries it runs on. */
#include "qcode.h"
#include "codebook.h"
#include "match.h"
#include "utf8.h"
#include "qc_version.h"

#include <stdio.h>

const char *qc_version_string(void) { return QC_VERSION_STRING; }

void qc_library_versions(char *buf, size_t size) {
  char pcre[80];
  qc_regex_version(pcre, sizeof pcre);
  snprintf(buf, size, "libyaml %s, PCRE2 %s, utf8proc %s",
           qc_yaml_library_version(), pcre, qc_utf8_library_version());
}
