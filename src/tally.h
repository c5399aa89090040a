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

/* A read-only view of the counts, groups of 'nkeys' keys sorted as in
 * qc_tally_format; arrays borrowed from the tally except the three lists,
 * freed by the release. */
typedef struct qc_tally_counts {
  size_t ngroups;
  const char **names;
  const uint64_t **segments, **hits; /* [group][code] */
  uint64_t *group_segments, *group_tokens; /* [group] */
} qc_tally_counts;

void qc_tally_snapshot(const qc_tally *t, size_t nkeys, qc_tally_counts *out);
void qc_tally_snapshot_release(qc_tally_counts *c);

#endif
