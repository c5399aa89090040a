#!/bin/sh
# compare.sh: how far qcode's Dutch tokenizer agrees with ucto, the
# reference Dutch tokenizer.
#
#   sh compare.sh [--min PCT] QCODE_BINARY FILE|DIR...
#
# Each FILE (or each *.txt file in a DIR) is tokenised twice, one token per
# line: by `QCODE_BINARY tokenize FILE` and by `ucto -L nld`. `qcode
# tokenize` does not tokenise transcript front matter, speaker labels or
# comment lines, so ucto gets the same text: this script removes the front
# matter (from a first line `---` to the next `---` line), drops the lines
# that start with `#`, and strips from each line a leading timestamp and
# speaker label (`[00:12:34] P1: `, `Moderator: `, `Deelnemer 3: `), a
# carriage return and a byte-order mark. ucto runs with `-N NONE
# --filter=NO` so that it prints the characters of the input unchanged, and
# its configuration chatter on stderr is thrown away.
#
# The two token lists are aligned with diff(1): a token counts as agreed
# when it is in their longest common subsequence. The script prints
#
#   ucto agreement: P% of ucto's N tokens (M qcode tokens)
#
# and the most frequent differences ("ucto tokens => qcode tokens"; the
# environment variable COMPARE_TOP sets how many, default 15).
# Exit status: 0 done; 1 agreement below --min PCT (default 0) or qcode
# failed; 2 usage; 77 skipped (ucto not installed, or no input files).
set -u

usage() {
  echo "usage: compare.sh [--min PCT] QCODE_BINARY FILE|DIR..." >&2
  exit 2
}

min=0
while [ $# -gt 0 ]; do
  case $1 in
  --min) [ $# -ge 2 ] || usage; min=$2; shift 2 ;;
  --min=*) min=${1#--min=}; shift ;;
  --) shift; break ;;
  -*) usage ;;
  *) break ;;
  esac
done
[ $# -ge 2 ] || usage
case $min in '' | *[!0-9.]*) usage ;; esac
qcode=$1
shift

if ! command -v ucto >/dev/null 2>&1; then
  echo "compare.sh: ucto is not installed; skipped" >&2
  exit 77
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/qcode-ucto.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

# The input files, in a stable order.
: >"$tmp/files"
for arg in "$@"; do
  if [ -d "$arg" ]; then
    for f in "$arg"/*.txt; do
      [ -f "$f" ] && printf '%s\n' "$f" >>"$tmp/files"
    done
  elif [ -f "$arg" ]; then
    printf '%s\n' "$arg" >>"$tmp/files"
  else
    echo "compare.sh: cannot read '$arg'" >&2
    exit 2
  fi
done
if [ ! -s "$tmp/files" ]; then
  echo "compare.sh: no input files; skipped" >&2
  exit 77
fi

bom=$(printf "\357\273\277")
# The text qcode tokenises: no front matter, comments, labels, CRs or BOM.
plain() {
  LC_ALL=C sed "1s/^$bom//" "$1" |
    LC_ALL=C awk '{ sub(/\r$/, "") }
      NR == 1 && $0 == "---" { fm = 1; next }
      fm && $0 == "---" { fm = 0; next }
      fm || /^#/ { next }
      { print }' |
    LC_ALL=C sed -E 's/^(\[?[0-9]{1,2}:[0-9]{2}(:[0-9]{2})?([.,][0-9]+)?\]?[ 	]+)?[A-Z][^: 	]*( [A-Z0-9][^: 	]*){0,2}:([ 	]+|$)//'
}

: >"$tmp/hunks"
ntotal=0
mtotal=0
common=0
while IFS= read -r f; do
  plain "$f" >"$tmp/in.txt"
  ucto -L nld -N NONE --filter=NO "$tmp/in.txt" "$tmp/ucto.raw" 2>/dev/null
  tr ' ' '\n' <"$tmp/ucto.raw" | sed -e '/^$/d' -e '/^<utt>$/d' >"$tmp/u"
  if ! "$qcode" tokenize "$f" >"$tmp/q" 2>"$tmp/err"; then
    echo "compare.sh: '$qcode tokenize $f' failed:" >&2
    cat "$tmp/err" >&2
    exit 1
  fi
  n=$(wc -l <"$tmp/u")
  m=$(wc -l <"$tmp/q")
  # Lines only in ucto's list are the ones diff deletes.
  diff "$tmp/u" "$tmp/q" >"$tmp/d"
  del=$(grep -c '^<' "$tmp/d")
  ntotal=$((ntotal + n))
  mtotal=$((mtotal + m))
  common=$((common + n - del))
  # One line per hunk: "ucto side => qcode side".
  awk 'function flush() { if (h) print (l == "" ? "(none)" : substr(l, 2)) " => " (r == "" ? "(none)" : substr(r, 2)); l = r = ""; h = 0 }
    /^[0-9]/ { flush(); h = 1; next }
    /^</ { l = l " " substr($0, 3); next }
    /^>/ { r = r " " substr($0, 3); next }
    END { flush() }' "$tmp/d" >>"$tmp/hunks"
done <"$tmp/files"

pct=$(awk -v c="$common" -v n="$ntotal" \
  'BEGIN { printf "%.1f", n ? 100 * c / n : 100 }')
echo "ucto agreement: $pct% of ucto's $ntotal tokens ($mtotal qcode tokens)"
if [ -s "$tmp/hunks" ]; then
  echo "most frequent differences (ucto => qcode):"
  sort "$tmp/hunks" | uniq -c | sort -k1,1nr -k2 | head -n "${COMPARE_TOP:-15}"
fi
if awk -v p="$pct" -v m="$min" 'BEGIN { exit !(p + 0 < m + 0) }'; then
  echo "compare.sh: agreement $pct% is below the minimum $min%" >&2
  exit 1
fi
exit 0
