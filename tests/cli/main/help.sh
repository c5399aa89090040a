# `qcode help CMD` equals `qcode CMD --help` for every command, and each
# help names the exit statuses.
for cmd in $("$QCODE" --help | awk '/^Commands:/ { f = 1; next } f && /^  [a-z]/ { print $1 }'); do
  [ "$cmd" = help ] && continue
  "$QCODE" "$cmd" --help > a || echo "$cmd --help failed"
  "$QCODE" help "$cmd" > b || echo "help $cmd failed"
  cmp -s a b && grep -qi 'exit status' a && echo "$cmd ok"
done
