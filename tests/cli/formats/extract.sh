# What qcode reads in each format (`qcode extract`), and the times that
# `code` and `kwic` report: a small transcript rendered as .docx, .odt,
# .vtt and .srt (tests/fixtures/formats/mini.*, by tools/render-transcript.c).
f=$SRC/tests/fixtures/formats
cp "$f"/mini.* .
cp "$SRC"/codebooks/digitalisering.yaml cb.yaml
for x in docx odt vtt srt; do
  echo "== extract mini.$x"
  "$QCODE" extract "mini.$x"
done
echo "== by content, from standard input"
"$QCODE" extract - < mini.vtt | head -n 3
"$QCODE" extract --transcript-format srt - < mini.srt | head -n 1
echo "== code: cue times, on for subtitles"
"$QCODE" code -c cb.yaml mini.vtt
echo "== code --times on a .txt: the turn timestamps, no end time"
"$QCODE" code --times -c cb.yaml mini.txt
echo "== kwic: the time of the hit's cue"
"$QCODE" kwic -c cb.yaml --set subsector=zorg mini.srt
"$QCODE" kwic -f tsv -c cb.yaml --set subsector=zorg mini.srt
echo "== a plain .txt that looks like WebVTT is read as text by its name"
cp mini.vtt looks-like.txt
"$QCODE" code -c cb.yaml --set subsector=zorg looks-like.txt | cut -f 1-6 | head -n 2
echo "== tokenize: offsets into the extracted text"
"$QCODE" tokenize -f tsv mini.docx | head -n 3
"$QCODE" tokenize --transcript-format odt - < mini.odt | head -n 2
echo "== unknown format"
"$QCODE" extract --transcript-format pdf mini.vtt
echo "exit $?"
