# A .qdc written by another tool: nested codes, names that are not ids
# (diacritics, spaces, a clash between siblings), a description without
# qcode's layout, codes inside a Project's project.qde.
cat > in.qdc <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Some QDA 1.0">
  <Codes>
    <Code guid="00000000-0000-0000-0000-000000000001" name="Competenties" isCodable="false">
      <Description>Welke competenties een beurt noemt.
Examples: zie handleiding.</Description>
      <Code guid="00000000-0000-0000-0000-000000000002" name="Digitale vaardigheden" isCodable="true"/>
      <Code guid="00000000-0000-0000-0000-000000000003" name="Digitale  Vaardigheden!" isCodable="true"/>
      <Code guid="00000000-0000-0000-0000-000000000004" name="Één &amp; ander" isCodable="true"/>
    </Code>
    <Code guid="00000000-0000-0000-0000-000000000005" name="_intern" isCodable="true"/>
  </Codes>
</CodeBook>
XML
"$QCODE" import qdc in.qdc
echo "exit $?"
cat > project.qde <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Mijn project">
  <CodeBook><Codes><Code guid="00000000-0000-0000-0000-000000000001" name="toon" isCodable="true"/></Codes></CodeBook>
</Project>
XML
"$QCODE" import qdc -o out.yaml project.qde
echo "exit $?"
cat out.yaml
