# exact: each suggestion's figures are what pasting it into the codebook
# gives, which is the promise of `qcode suggest`. For EVERY row of the
# table the rule is pasted as a researcher would (paste.awk: an item of the
# code's rules: list, or of its exclude: rules: list), the transcripts are
# coded again with `qcode code --all`, and
#   - kappa_after, precision_after and recall_after equal the kappa,
#     precision and recall of `qcode agree --code CODE` on that coding and
#     the sheet (both printed with 4 decimals), and the _before figures
#     those of agree on the coding before the paste;
#   - changed equals the segments whose coding of CODE differs between the
#     coding before and after the paste (a segment has CODE when it has
#     CODE or a descendant, as agree rolls a coding up), and right_turns /
#     wrong_turns are those of them the sheet then agrees / disagrees with,
#     in the coding's order (right and wrong count them);
#   - agree warns of nothing.
# One line per row: "ok CODE ACTION RULE", or MISMATCH with the figures.
#
# First on the synthetic fixture (tests/fixtures/suggest-*), made so that
# each kind of suggestion comes out (see the comment in
# suggest-codebook.yaml): for tone/optimist the form {verbs: [besparen]}
# (bespaart, bespaarde, bespaard, besparen: 4 turns), the unused class
# '@gain' (vooruitgang, verbetering: 3), the word tijdswinst (3), "meer"
# near a '@time' word (3; alone, tijd and meer also code pessimist turns),
# and the exclusion of the ironic "zogezegd"; for tone/pessimist the class
# '@gain' negated ("geen vooruitgang"); for tech/digital the word computer
# and the exclusion of medicatie (medication tablets), pasted into its
# existing exclude: block. The table is printed whole, so that ranks,
# figures and turns are pinned.
#
# Then parent codes (only a summary line; MISMATCH lines when not exact):
# an exclusion on a parent uncodes the parent, not its children, so its
# figures must be measured as `agree` rolls the children up again; the
# same for the _before figures of a parent with an exclusion of its own.
#
# Then on the sample corpus (FG1 against the development gold, --top 2),
# with the tuned codebook and with the codebook as first written (no
# rules: keys in its codes: paste.awk makes them), and by sentence, only a
# count summary, so that the expected output does not follow every tuning
# of the corpus.
set -u
unit=
paste=$SRC/tests/cli/suggest/paste.awk
tab=$(printf '\t')

# verify CODEBOOK SHEET FILE...: checks every row of table.tsv (the
# suggestions for CODEBOOK against SHEET on FILE..., coded with the options
# in $unit) and prints a line per row ("ok" lines unless $quiet is 1); sets
# nrows and nok. A segment has a code when `code --all` gives it the code or
# a descendant (as `agree` rolls a sheet up); the sheet is rolled up too.
verify() {
  cb=$1 sheet=$2
  shift 2
  "$QCODE" code -c "$cb" --all $unit "$@" > before.tsv || echo "code failed: $cb"
  nrows=0 nok=0
  tail -n +2 table.tsv > rows.tsv
  while IFS= read -r line; do
    nrows=$((nrows + 1))
    field() { printf '%s\n' "$line" | cut -f"$1"; }
    code=$(field 1) action=$(field 2) rule=$(field 5)
    awk -v id="${code##*/}" -v role="$action" -v item="$rule" -f "$paste" "$cb" > pasted.yaml
    if ! "$QCODE" code -c pasted.yaml --all $unit "$@" > after.tsv 2> code.err; then
      echo "MISMATCH $code $action $rule: the pasted codebook fails: $(head -n 1 code.err)"
      continue
    fi
    "$QCODE" agree --code "$code" after.tsv "$sheet" > agree.tsv 2> agree.err
    "$QCODE" agree --code "$code" before.tsv "$sheet" >> agree.tsv 2>> agree.err
    got=$(awk -F'\t' 'NR == 2 || NR == 5 { printf "%s%s\t%s\t%s", NR == 5 ? "\t" : "", $7, $9, $10 } END { print "" }' agree.tsv)
    want=$(field 10)$tab$(field 13)$tab$(field 15)$tab$(field 9)$tab$(field 12)$tab$(field 14)
    # the changed segments, and those the sheet (rolled up) agrees with
    turns=$(awk -F'\t' -v code="$code" '
      function has(c) { return c == code || index(c, code "/") == 1 }
      FILENAME == ARGV[1] { if (FNR > 1) { seg[$1 ":" $2] = 1; if (has($7)) b[$1 ":" $2] = 1 }; next }
      FILENAME == ARGV[2] { if (FNR > 1 && has($7)) a[$1 ":" $2] = 1; next }
      FNR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
      { if (has($col["code"])) g[$col["file"] ":" $col["segment"]] = 1 }
      END {
        n = 0; right = ""; wrong = ""
        # in the order the segments come in the coding
        while ((getline l < ARGV[1]) > 0) {
          split(l, f, "\t"); k = f[1] ":" f[2]
          if (!(k in seg) || (k in done)) continue
          done[k] = 1
          if ((k in a) == (k in b)) continue
          n++
          if ((k in a) == (k in g)) right = right (right == "" ? "" : ";") k
          else wrong = wrong (wrong == "" ? "" : ";") k
        }
        print n "\t" right "\t" wrong
      }' before.tsv after.tsv "$sheet")
    want_turns=$(field 6)$tab$(field 16)$tab$(field 17)
    nright=$(printf '%s\n' "$turns" | cut -f2 | tr ';' '\n' | grep -c .)
    nwrong=$(printf '%s\n' "$turns" | cut -f3 | tr ';' '\n' | grep -c .)
    if [ "$got" = "$want" ] && [ "$turns" = "$want_turns" ] &&
       [ "$nright" = "$(field 7)" ] && [ "$nwrong" = "$(field 8)" ] && [ ! -s agree.err ]; then
      nok=$((nok + 1))
      [ "$quiet" = 1 ] || echo "ok $code $action $rule"
    else
      echo "MISMATCH $code $action $rule:"
      echo "  kappa, precision, recall after, and before: suggest $want; agree $got" | tr '\t' ' '
      echo "  changed, right, wrong turns: suggest $want_turns; recoded $turns" | tr '\t' '|'
      echo "  right, wrong: suggest $(field 7) $(field 8); recoded $nright $nwrong"
      [ -s agree.err ] && echo "  agree: $(head -n 1 agree.err)"
    fi
  done < rows.tsv
}

cp "$SRC"/tests/fixtures/suggest-codebook.yaml "$SRC"/tests/fixtures/suggest-zorg.txt \
  "$SRC"/tests/fixtures/suggest-welzijn.txt "$SRC"/tests/fixtures/suggest-sheet.tsv .
files="suggest-zorg.txt suggest-welzijn.txt"
"$QCODE" suggest -c suggest-codebook.yaml --gold suggest-sheet.tsv $files > table.tsv
echo "exit $?"
cat table.tsv
quiet=0
verify suggest-codebook.yaml suggest-sheet.tsv $files
echo "fixture: $nrows suggestions, $nok exact"
# every kind and both actions come out
for k in form class word near; do
  awk -F'\t' -v k="$k" '$4 == k' table.tsv | grep -q . || echo "no $k suggestion"
done
awk -F'\t' '$2 == "exclude"' table.tsv | grep -q . || echo "no exclusion"

# Parent codes (--code tone --code tech; the sheet names leaves and is
# rolled up): a parent's rules and exclusions are pasted into the parent.
# An exclusion on a parent removes the parent only, not a child that codes
# the turn too (codebooks/README.md), and `agree` rolls the child up into
# the parent again: the figures must be those agree gives.
"$QCODE" suggest -c suggest-codebook.yaml --gold suggest-sheet.tsv --code tone --code tech \
  $files > table.tsv
echo "exit $?"
quiet=1
verify suggest-codebook.yaml suggest-sheet.tsv $files
[ "$nrows" -ge 5 ] || echo "too few suggestions: $nrows"
[ "$nok" = "$nrows" ] && echo "parents: every suggestion exact"
# The same with an exclusion of tech's own (medicatie), which uncodes tech
# in two turns that tech/digital codes: for agree they stay coded tech.
awk -v id=tech -v role=exclude -v item='{words: [medicatie]}' -f "$paste" \
  suggest-codebook.yaml > parent-exclude.yaml
"$QCODE" suggest -c parent-exclude.yaml --gold suggest-sheet.tsv --code tech $files > table.tsv
echo "exit $?"
verify parent-exclude.yaml suggest-sheet.tsv $files
[ "$nrows" -ge 1 ] || echo "too few suggestions: $nrows"
[ "$nok" = "$nrows" ] && echo "parent with an exclusion: every suggestion exact"

# The sample corpus, named as the development gold names it.
mkdir corpus
cp "$SRC"/corpus/*-fg1.txt corpus/
cp "$SRC"/corpus/gold/dev.tsv gold.tsv
quiet=1
for cb in "$SRC"/codebooks/digitalisering.yaml "$SRC"/tests/fixtures/digitalisering-domain.yaml; do
  name=$(basename "$cb")
  cp "$cb" "$name"
  "$QCODE" suggest -c "$name" --gold gold.tsv --top 2 corpus/*-fg1.txt > table.tsv
  echo "exit $?"
  verify "$name" gold.tsv corpus/*-fg1.txt
  echo "sample, $name: $nrows suggestions, $nok exact"
  [ "$nrows" -ge 10 ] || echo "too few suggestions: $nrows"
done

# Sentences as the coding unit, on the sample corpus: the sheet is the
# tuned codebook's coding of the core codes (tone, will-can) by sentence,
# and the codebook as first written learns from it.
unit="--unit sentence"
"$QCODE" code $unit -c digitalisering.yaml --all corpus/*-fg1.txt | awk -F'\t' '
  BEGIN { OFS = "\t"; print "file", "segment", "code" }
  NR > 1 { k = $1 OFS $2; if (!(k in seen)) { seen[k] = 1; order[++n] = k }
    if ($7 ~ /^(tone|will-can)\//) rows[k] = rows[k] k OFS $7 "\n" }
  END { for (i = 1; i <= n; i++) { k = order[i]; if (k in rows) printf "%s", rows[k]; else print k, "" } }' > sentences.tsv
"$QCODE" suggest $unit -c digitalisering-domain.yaml --gold sentences.tsv --top 2 corpus/*-fg1.txt > table.tsv
echo "exit $?"
verify digitalisering-domain.yaml sentences.tsv corpus/*-fg1.txt
echo "sample by sentence: $nrows suggestions, $nok exact"
[ "$nrows" -ge 6 ] || echo "too few suggestions: $nrows"
