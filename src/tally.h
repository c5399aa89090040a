/* tally.h: the tally's internals for `merge`, which rebuilds a tally from
 * tables instead of coding transcripts. */
#ifndef QC_TALLY_H
#define QC_TALLY_H

#include "qcode.h"

#include <stdint.h>

/* A tally over the given code paths (copied), tagged with a codebook
 * fingerprint (copied); caller frees with qc_tally_free. */
qc_tally *qc_tally_new_codes(const char *const *paths, size_t ncodes,
                             const char *fingerprint);
void qc_tally_add_counts(qc_tally *t, const char *group, size_t code,
                         uint64_t segments, uint64_t hits);
void qc_tally_add_totals(qc_tally *t, const char *group, uint64_t segments,
                         uint64_t tokens);

#endif
