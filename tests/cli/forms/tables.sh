# src/forms-verbs.inc and src/forms-nouns.inc, which src/forms.c compiles
# in, are generated from the tables src/forms-verbs.tsv and
# src/forms-nouns.tsv; this test fails when one is out of date. After
# editing a table, run from the source tree: sh tests/cli/forms/tables.sh --write
SRC=${SRC:-.}
gen() {
  tab=$(printf '\t')
  printf '/* %s.inc: generated from src/%s.tsv by tests/cli/forms/tables.sh;\n' "$1" "$1"
  printf ' * do not edit. After changing the table: sh tests/cli/forms/tables.sh --write */\n'
  sed -e '/^#/d' -e '/^[[:space:]]*$/d' -e 's/\\/\\\\/g' -e 's/"/\\"/g' \
      -e "s/$tab/\\\\t/g" -e 's/.*/"&",/' "$SRC/src/$1.tsv"
}
for t in forms-verbs forms-nouns; do
  if [ "${1:-}" = --write ]; then
    gen $t > "$SRC/src/$t.inc" && echo "wrote src/$t.inc"
  elif gen $t | cmp -s - "$SRC/src/$t.inc"; then
    echo "$t.inc is current"
  else
    echo "$t.inc is out of date: run sh tests/cli/forms/tables.sh --write"
  fi
done
