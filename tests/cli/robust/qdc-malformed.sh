# Malformed REFI-QDA XML: not well-formed (with the parser's line and
# column), another root element, a Code without a name, codes nested past
# the limit, an empty file, a missing file.
printf '<?xml version="1.0"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0">\n  <Codes><Code name="a">\n</CodeBook>\n' > bad.qdc
"$QCODE" import qdc bad.qdc
echo "exit $?"
printf '<?xml version="1.0"?>\n<Codebook xmlns="urn:other"/>\n' > root.qdc
"$QCODE" import qdc root.qdc
echo "exit $?"
printf '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>\n<Code guid="x" isCodable="true"/></Codes></CodeBook>\n' > noname.qdc
"$QCODE" import qdc noname.qdc
echo "exit $?"
awk 'BEGIN { printf "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes>\n"
  for (i = 0; i < 40; i++) printf "<Code name=\"c%d\" isCodable=\"true\">\n", i
  for (i = 0; i < 40; i++) printf "</Code>"
  print "</Codes></CodeBook>" }' > deep.qdc
"$QCODE" import qdc deep.qdc
echo "exit $?"
: > empty.qdc
"$QCODE" import qdc empty.qdc
echo "exit $?"
"$QCODE" import qdc missing.qdc
echo "exit $?"
