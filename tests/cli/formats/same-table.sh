# A .docx, .odt, .vtt and .srt rendering of a transcript (by
# tools/render-transcript.c) give the same apply table as the .txt: for
# zorg-fg1 (timestamps, P1 labels) and maatwerk-fg1 (no timestamps,
# "Deelnemer 1" labels), both of the development half. The .srt has no
# metadata: its front matter comes from --meta.
R=$(dirname "$QCODE")/render-transcript
[ -x "$R" ] || { echo "render-transcript is not built (it needs libzip)" >&2; exit 77; }
cp "$SRC"/codebooks/digitalisering.yaml cb.yaml
for t in zorg-fg1 maatwerk-fg1; do
  cp "$SRC/corpus/$t.txt" .
  "$QCODE" apply -c cb.yaml "$t.txt" >"$t.txt.table"
  [ "$(wc -l <"$t.txt.table")" -gt 1 ] || echo "$t.txt: empty table"
  # the front matter as a --meta row for the .srt
  awk -v f="$t.srt" 'NR == 1 && $0 == "---" { on = 1; next }
    on && ($0 == "---" || $0 == "...") { exit }
    on && /^[A-Za-z0-9_.-]+:/ { k = $0; sub(/:.*/, "", k); v = $0
      sub(/^[^:]*:[ \t]*/, "", v); h = h "\t" k; r = r "\t" v }
    END { print "file" h; print f r }' "$t.txt" >"$t.meta.tsv"
  for f in docx odt vtt srt; do
    "$R" "$f" "$t.txt" "$t.$f" || { echo "$t.$f: render-transcript failed"; continue; }
    cmp -s "$t.txt" "$t.$f" && echo "$t.$f: a copy of the .txt"
    case $f in
      docx|odt) [ "$(head -c 2 "$t.$f")" = PK ] || echo "$t.$f: not a zip" ;;
    esac
    if [ "$f" = srt ]; then set -- --meta "$t.meta.tsv"; else set --; fi
    "$QCODE" apply -c cb.yaml "$@" "$t.$f" >"$t.$f.table"
    if cmp -s "$t.txt.table" "$t.$f.table"; then
      echo "$t.$f: same table"
    else
      echo "$t.$f: table differs from the .txt's:"
      diff "$t.txt.table" "$t.$f.table" | head -5
    fi
  done
done
