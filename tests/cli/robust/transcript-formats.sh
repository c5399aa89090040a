# Damaged .docx, .odt, .vtt and .srt transcripts: each is an error with
# the file (and for XML and subtitles the line and column) and exit status
# 3, quickly and without a crash. The zip bomb's word/document.xml would
# inflate to 300 MiB, lying-size.docx's zip directory says a tenth of its
# word/document.xml; the XML cases carry an external entity or a billion
# laughs; the subtitle cases are malformed cue times and cue blocks.
f=$SRC/tests/fixtures/formats
run() { "$SRC"/tests/cli/bounded "$QCODE" extract "$@" 2>&1; echo "exit $?"; }
head -c 300 "$f"/mini.docx > cut.docx
run cut.docx
for x in bomb.docx lying-size.docx xxe.docx broken-xml.docx laughs.odt no-content.odt; do
  cp "$f/$x" .
  run "$x"
done
# a zip that is neither a .docx nor an .odt, named .docx
cp "$f"/no-content.odt other.docx
run other.docx
bad() { printf "$2" > "$1"; run "$1"; }
bad no-header.vtt '00:00:01.000 --> 00:00:02.000\nhallo\n'
bad minutes.vtt 'WEBVTT\n\n00:61:00.000 --> 00:62:00.000\nhallo\n'
bad comma.vtt 'WEBVTT\n\n00:00:01,000 --> 00:00:02,000\nhallo\n'
bad short-ms.vtt 'WEBVTT\n\n00:00:01.00 --> 00:00:02.000\nhallo\n'
bad backwards.vtt 'WEBVTT\n\n00:00:05.000 --> 00:00:02.000\nhallo\n'
bad no-arrow.vtt 'WEBVTT\n\ncue-1\n00:00:01.000 00:00:02.000\nhallo\n'
bad glued.vtt 'WEBVTT\n00:00:01.000 --> 00:00:02.000\nhallo\n'
bad two-cues.vtt 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhallo\n00:00:02.000 --> 00:00:03.000\ndaar\n'
bad latin1.vtt 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\ncaf\351\n'
bad number.srt '1\n00:00:01,000 --> 00:00:02,000\nhallo\n\nzomaar tekst\n'
bad no-timing.srt '1\nhallo\n'
bad seconds.srt '1\n00:00:75,000 --> 00:00:76,000\nhallo\n'
bad ms.srt '1\n00:00:01,5000 --> 00:00:02,000\nhallo\n'
# --encoding cannot apply to a zip of XML
cp "$f"/mini.docx .
run --encoding latin1 mini.docx
# the same errors stop `apply`
"$QCODE" apply -c "$SRC"/codebooks/digitalisering.yaml minutes.vtt
echo "exit $?"
