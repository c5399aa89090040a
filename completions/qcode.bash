# Bash completion for qcode: commands, each command's options (read from
# its --help, so they never drift), option values, and code ids after
# --code (read from the codebook given with -c, through `qcode codes`).
# Install: cmake --install puts it in share/bash-completion/completions.

_qcode_formats() {
  case $1 in
    apply|agree|diff|merge|forms|cooccur) echo "tsv csv json" ;;
    code) echo "tsv csv jsonl" ;;
    kwic) echo "text tsv jsonl" ;;
    tokenize) echo "text tsv" ;;
    suggest) echo "tsv csv json yaml" ;;
  esac
}

_qcode() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
  local cmd=${COMP_WORDS[1]} i cb
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W "$(qcode --help 2>/dev/null |
      awk '/^Commands:/ { f = 1; next } f && /^  [a-z]/ { print $1 }') --help --version" -- "$cur"))
    return
  fi
  [ "$cmd" = help ] && { COMPREPLY=($(compgen -W "$(qcode --help 2>/dev/null |
      awk '/^Commands:/ { f = 1; next } f && /^  [a-z]/ { print $1 }')" -- "$cur")); return; }
  # export and import: the format first (read from their --help)
  if [ "$COMP_CWORD" -eq 2 ] && { [ "$cmd" = export ] || [ "$cmd" = import ]; }; then
    COMPREPLY=($(compgen -W "$(qcode "$cmd" --help 2>/dev/null |
      awk '/^Formats:/ { f = 1; next } f && /^  [a-z]/ { print $1 } f && /^$/ { f = 0 }')" -- "$cur"))
    return
  fi
  case $prev in
    --code)
      for ((i = 2; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in -c|--codebook) cb=${COMP_WORDS[i+1]} ;; esac
      done
      [ -n "$cb" ] && COMPREPLY=($(compgen -W "$(qcode codes --paths "$cb" 2>/dev/null)" -- "$cur"))
      return ;;
    -c|--codebook|--meta|-o|--output|--files-from|--gold)
      COMPREPLY=($(compgen -f -- "$cur")); return ;;
    -f|--format) COMPREPLY=($(compgen -W "$(_qcode_formats "$cmd")" -- "$cur")); return ;;
    --unit) COMPREPLY=($(compgen -W "turn paragraph sentence" -- "$cur")); return ;;
    --dictionary-format)
      COMPREPLY=($(compgen -W "qcode liwc quanteda wordstat" -- "$cur")); return ;;
    --transcript-format)
      COMPREPLY=($(compgen -W "auto txt docx odt vtt srt" -- "$cur")); return ;;
    --by) # KEY[,KEY...]: complete the key after the last comma
      local keys=""; [[ $cur == *,* ]] && keys=${cur%,*},
      COMPREPLY=($(compgen -P "$keys" -W "subsector speaker file" -- "${cur##*,}"))
      return ;;
    --value) COMPREPLY=($(compgen -W "segments hits share" -- "$cur")); return ;;
    --missing) COMPREPLY=($(compgen -W "error absent" -- "$cur")); return ;;
    --pos) COMPREPLY=($(compgen -W "verb noun adj" -- "$cur")); return ;;
  esac
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$(qcode "$cmd" --help 2>/dev/null |
      grep -o -- '--[a-z0-9-]*' | sort -u)" -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}

complete -o filenames -F _qcode qcode
