# The zsh completion parses (skipped without zsh).
command -v zsh >/dev/null ||
  { echo "zsh is not installed (sh tools/deps.sh test installs it)" >&2; exit 77; }
zsh -n "$SRC"/completions/_qcode && echo "zsh completion parses"
