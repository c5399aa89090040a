# Every command in the README's ```sh blocks works as written: each line
# (after joining lines that end in a backslash) that is a qcode command, or
# a pipeline of qcode and coreutils, runs in order in a copy of the source
# tree, with this build's qcode first on PATH, and must exit 0 (or 1 for
# `qcode diff` and `qcode check`, where the README says 1 is a finding).
# Setup lines and lines that need what the test cannot have are skipped,
# each for a reason in skip_reason below. Any other line fails the test, so
# that a new example is either run or given a reason. New blocks and lines
# are picked up from the README as they are added; the output does not list
# them, so no expected file needs updating.

# The reason a README line is not run, or nothing.
skip_reason() {
  case $1 in
  'sh tools/'*) echo "setup: installs packages and builds (the suite runs on a build)" ;;
  'export PATH='*) echo "setup: puts build/ on PATH (this test puts qcode on PATH itself)" ;;
  'cmake '*) echo "builds or installs (the suite runs on a build)" ;;
  'git config '* | 'git difftool '*) echo "configures git, or opens a difftool on a tag v1" ;;
  'parallel '*) echo "GNU parallel is not a dependency of qcode" ;;
  *OLD.yaml* | *NEW.yaml* | *TABLE...*) echo "placeholders, not files" ;;
  *'<(git show '*) history_reason "$1" ;;
  'qcode merge *.tsv'*) echo "merges the tables of the parallel line, which is skipped" ;;
  esac
}

# A codebook from the git history, <(git show REV:PATH), runs with bash on
# the source tree's repository when it has REV (a clone with history, not a
# tarball or a shallow clone; there is no tag v1 yet).
history_reason() {
  command -v bash >/dev/null && command -v git >/dev/null ||
    { echo "needs bash and git"; return; }
  for rev in $(printf '%s\n' "$1" | grep -o '<(git show [^:)]*' | cut -c12-); do
    GIT_DIR=$SRC/.git git rev-parse -q --verify "$rev^{commit}" >/dev/null 2>&1 ||
      echo "needs $rev in the git history"
  done
}

# True when every command of the line (the first word of each part between
# | ; && ||) is qcode or a coreutils-like tool.
runnable() {
  printf '%s\n' "$1" | sed 's/&&/\n/g; s/||/\n/g; s/[|;]/\n/g' |
    awk '{ sub(/^[ (]+/, ""); split($0, w, " ") }
      w[1] != "" && w[1] !~ /^(qcode|cat|find|ls|xargs|sh|split|head|tail|sort|uniq|cut|wc|tr|tee|grep)$/ { bad = 1 }
      END { exit bad }'
}

# The copy: everything but git's data and build folders (QCODE is in one).
for e in "$SRC"/* "$SRC"/.[!.]*; do
  case ${e##*/} in
  .git | build*) ;;
  *) [ -e "$e" ] && [ "$e" != "$(dirname "$QCODE")" ] && cp -R "$e" . ;;
  esac
done
mkdir .readme-bin && ln -s "$QCODE" .readme-bin/qcode
PATH="$PWD/.readme-bin:$PATH"
export PATH

awk '/^```sh *$/ { block = 1; next } /^```/ { block = 0; next } block' \
  "$SRC"/README.md |
  awk '{ line = line $0 } /\\$/ { sub(/\\$/, "", line); next }
    { print line; line = "" }' > .readme-lines
ran=0 failed=0 n=0
while IFS= read -r line; do
  n=$((n + 1))
  line=$(printf '%s' "$line" | sed 's/^[ 	]*//')
  case $line in '' | '#'*) continue ;; esac
  [ -n "$(skip_reason "$line")" ] && continue
  if ! runnable "$line"; then
    echo "README line neither run nor skipped (run it, or add a reason to" \
      "skip_reason in tests/cli/main/readme-examples.sh): $line"
    failed=$((failed + 1))
    continue
  fi
  ran=$((ran + 1))
  case $line in
  *'<('*) GIT_DIR=$SRC/.git bash -c "$line" > .out.$n 2> .err.$n < /dev/null ;;
  *) sh -c "$line" > .out.$n 2> .err.$n < /dev/null ;;
  esac
  status=$?
  case $status:$line in
  0:* | 1:'qcode diff '* | 1:'qcode check '*) ;;
  *)
    echo "README example failed with exit status $status: $line"
    head -n 5 .err.$n | sed 's/^/  /'
    failed=$((failed + 1))
    ;;
  esac
done < .readme-lines
# A guard against an extraction that finds nothing.
[ "$ran" -ge 10 ] || { echo "only $ran README examples found"; failed=1; }
[ "$failed" -eq 0 ] && echo "every README example that can run succeeded"
