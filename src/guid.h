/* guid.h: name-based GUIDs, so that a re-export of a codebook gives its
 * codes the same GUIDs (REFI-QDA identifies codes by GUID). */
#ifndef QC_GUID_H
#define QC_GUID_H

#include <stddef.h>
#include <stdint.h>

/* The SHA-1 digest of data[0..len) (FIPS 180-4). */
void qc_sha1(const void *data, size_t len, uint8_t digest[20]);

/* The UUID of version 5 (name-based, SHA-1; RFC 9562, 5.5) of 'name' in
 * the namespace 'ns' (16 bytes, network order), written into out as 36
 * upper-case characters and a NUL, the form ATLAS.ti writes. */
void qc_uuid5(const uint8_t ns[16], const char *name, char out[37]);

/* The namespace qcode's code GUIDs are made in: the UUID 5 of
 * "urn:qcode:code" in RFC 9562's URL namespace. */
extern const uint8_t qc_uuid_ns_code[16];

#endif
