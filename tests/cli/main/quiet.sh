# Quiet by default: with --progress but stderr not a terminal, nothing is
# printed besides the data.
cp "$SRC"/tests/fixtures/mini.yaml "$SRC"/tests/fixtures/zorg.txt .
"$QCODE" apply --progress -c mini.yaml zorg.txt > out.tsv 2> err.txt
echo "exit $?, $(wc -c < err.txt) bytes on stderr, $(wc -l < out.tsv) lines of data"
printf 'zorg.txt\n' | "$QCODE" tokenize --files-from - | head -n 3
