# REFI-QDA XML with a DOCTYPE is refused: an exponential entity expansion
# ("billion laughs") and an external entity that would read a local file
# are neither expanded nor read, in well under the time and memory bound.
cat > laughs.qdc <<'XML'
<?xml version="1.0"?>
<!DOCTYPE CodeBook [
 <!ENTITY a "lollollollollollollollollollol">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
 <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
 <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
 <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
 <!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">
 <!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">
]>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>
<Code guid="00000000-0000-0000-0000-000000000001" name="a" isCodable="true"><Description>&i;</Description></Code>
</Codes></CodeBook>
XML
"$SRC"/tests/cli/bounded "$QCODE" import qdc laughs.qdc
echo "exit $?"
echo "geheim" > secret.txt
cat > xxe.qdc <<XML
<?xml version="1.0"?>
<!DOCTYPE CodeBook [ <!ENTITY x SYSTEM "file://$PWD/secret.txt"> ]>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>
<Code guid="00000000-0000-0000-0000-000000000001" name="a" isCodable="true"><Description>&x;</Description></Code>
</Codes></CodeBook>
XML
"$SRC"/tests/cli/bounded "$QCODE" import qdc -o out.yaml xxe.qdc 2> err.txt
echo "exit $?"
sed "s|$PWD|DIR|g" err.txt
grep -l geheim out.yaml 2>/dev/null || echo "nothing written, nothing read"
