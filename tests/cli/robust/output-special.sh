# -o through a symbolic link replaces the link's target and keeps the link;
# -o to a named pipe or a device writes into it instead of replacing it.
cp "$SRC"/tests/fixtures/mini.yaml "$SRC"/tests/fixtures/zorg.txt .
echo old > target.tsv
ln -s target.tsv link.tsv
"$SRC"/tests/cli/bounded "$QCODE" apply -c mini.yaml -o link.tsv zorg.txt
[ -L link.tsv ] && echo "link kept"
head -n 1 target.tsv
mkfifo pipe
cat pipe > got.tsv &
"$SRC"/tests/cli/bounded "$QCODE" apply -c mini.yaml -o pipe zorg.txt
wait
[ -p pipe ] && echo "pipe kept"
cmp got.tsv target.tsv && echo "same table through the pipe"
"$SRC"/tests/cli/bounded "$QCODE" apply -c mini.yaml -o /dev/null zorg.txt
[ -c /dev/null ] && echo "/dev/null kept"
