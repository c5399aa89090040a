# paste.awk: pastes one `qcode suggest` rule into a codebook, as a
# researcher would: the item goes into the rules: list of the code with
# id ID (role "rule") or into the rules: list of its exclude: block (role
# "exclude"), each made where missing. Block-style codebooks only.
#   awk -v id=ID -v role=rule|exclude -v item='{words: [x]}' -f paste.awk CB
function indent(s) { match(s, /^ */); return RLENGTH }
function spaces(n,  s) { s = ""; while (n-- > 0) s = s " "; return s }
{ line[NR] = $0 }
END {
  for (i = 1; i <= NR; i++)
    if (line[i] ~ ("^ *- id: *" id " *$")) { start = i; break }
  if (!start) { print "paste.awk: no code " id > "/dev/stderr"; exit 2 }
  ci = indent(line[start]) + 2           # the code's keys
  end = NR
  for (i = start + 1; i <= NR; i++)
    if (line[i] !~ /^ *(#.*)?$/ && indent(line[i]) < ci) { end = i - 1; break }
  host = start; hi = ci                  # where the rules: key goes
  if (role == "exclude") {
    host = 0
    for (i = start + 1; i <= end; i++)
      if (indent(line[i]) == ci && line[i] ~ /^ *exclude: *$/) { host = i; break }
    hi = ci + 2
  }
  at = 0; text = ""
  if (role == "exclude" && !host) {
    at = start
    text = spaces(ci) "exclude:\n" spaces(ci + 2) "rules:\n" spaces(ci + 4) "- " item
  } else {
    stop = end
    for (i = host + 1; i <= end; i++)    # the host block ends at a key left of hi
      if (line[i] !~ /^ *(#.*)?$/ && indent(line[i]) < hi) { stop = i - 1; break }
    for (i = host + 1; i <= stop; i++)
      if (indent(line[i]) == hi && line[i] ~ /^ *rules: *$/) { at = i; break }
    if (at) {
      ii = hi + 2
      for (j = at + 1; j <= stop; j++)
        if (line[j] !~ /^ *(#.*)?$/) { ii = indent(line[j]); break }
      text = spaces(ii) "- " item
    } else {
      at = host
      text = spaces(hi) "rules:\n" spaces(hi + 2) "- " item
    }
  }
  for (i = 1; i <= NR; i++) {
    print line[i]
    if (i == at) print text
  }
}
