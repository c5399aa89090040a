# The default codebook is valid and all its examples pass.
"$QCODE" check -v "$SRC"/codebooks/digitalisering.yaml | sed 's|.*/codebooks/|codebooks/|'
