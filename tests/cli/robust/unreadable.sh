# A file qcode may not read. root reads any file, so as root the run gives
# up the capabilities that let it (setpriv drops CAP_DAC_OVERRIDE and
# CAP_DAC_READ_SEARCH from the bounding set); it keeps its uid, so the
# checkout stays reachable wherever it is.
cp "$SRC"/tests/fixtures/mini.yaml "$SRC"/tests/fixtures/zorg.txt .
chmod 000 zorg.txt
if [ "$(id -u)" = 0 ]; then
  setpriv --bounding-set=-dac_override,-dac_read_search \
    "$SRC"/tests/cli/bounded "$QCODE" apply -c mini.yaml zorg.txt
else
  "$SRC"/tests/cli/bounded "$QCODE" apply -c mini.yaml zorg.txt
fi
