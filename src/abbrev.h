/* abbrev.h: the list of Dutch abbreviations that end in a period. */
#ifndef QC_ABBREV_H
#define QC_ABBREV_H

#include <stdbool.h>
#include <stddef.h>

/* True when s[0..len) is a known Dutch abbreviation such as "bijv", "dhr",
 * "o.a" or "enz". The comparison ignores ASCII case, and one final period is
 * optional: "bijv" and "bijv." both match. 's' need not be NUL-terminated. */
bool qc_abbrev_is_known(const char *s, size_t len);

/* Number of entries in the list, and entry i (lowercase, without the final
 * period; sorted bytewise). For tests and documentation. */
size_t qc_abbrev_count(void);
const char *qc_abbrev_at(size_t i);

#endif
