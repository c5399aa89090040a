# Bash completion: commands, options from --help, code ids after --code.
command -v bash >/dev/null || { echo "bash is not installed" >&2; exit 77; }
mkdir bin && ln -s "$QCODE" bin/qcode
cp "$SRC"/tests/fixtures/mini.yaml .
PATH="$PWD/bin:$PATH" bash -c '
  . "$SRC"/completions/qcode.bash
  complete_line() {
    COMP_WORDS=($1); COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    [ "${1% }" != "$1" ] && { COMP_WORDS+=(""); COMP_CWORD=${#COMP_WORDS[@]}; COMP_CWORD=$((COMP_CWORD - 1)); }
    COMPREPLY=(); _qcode; printf "%s\n" "${COMPREPLY[@]}" | sort | tr "\n" " "; echo
  }
  complete_line "qcode ap"
  complete_line "qcode kwic -c mini.yaml --code "
  complete_line "qcode kwic -c mini.yaml --code tone/"
  complete_line "qcode apply --wi"
  complete_line "qcode code -f "
  complete_line "qcode export "
  complete_line "qcode import q"
  complete_line "qcode code --transcript-format "
  complete_line "qcode code --tim"
  complete_line "qcode ext"
'
