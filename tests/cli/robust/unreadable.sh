# A file qcode may not read. root reads any file, so as root the run drops
# to user nobody (setpriv), for whom the scratch folder is closed.
cp "$SRC"/tests/fixtures/mini.yaml "$SRC"/tests/fixtures/zorg.txt .
chmod 000 zorg.txt
if [ "$(id -u)" = 0 ]; then
  setpriv --reuid=65534 --regid=65534 --clear-groups \
    "$SRC"/tests/cli/bounded "$QCODE" apply -c - zorg.txt < mini.yaml
else
  "$SRC"/tests/cli/bounded "$QCODE" apply -c - zorg.txt < mini.yaml
fi
