# export qdpx: -o is needed, transcripts are needed, standard input is
# refused, --encoding converts a source (its text goes in as UTF-8), an
# unknown --selections is a usage error, a file that is not UTF-8 is a data
# error and leaves no .qdpx behind.
cp "$SRC"/tests/fixtures/zorg.txt "$SRC"/tests/fixtures/latin1.txt .
cb=$SRC/tests/fixtures/mini.yaml
"$QCODE" export qdpx -c "$cb" zorg.txt; echo "exit $?"
"$QCODE" export qdpx -c "$cb" -o p.qdpx; echo "exit $?"
"$QCODE" export qdpx -c "$cb" -o p.qdpx - < zorg.txt; echo "exit $?"
"$QCODE" export qdpx -c "$cb" --set subsector=zorg --encoding latin1 -o p.qdpx latin1.txt; echo "exit $?"
"$QCODE" import qdpx p.qdpx | cut -f 1,2,6 | head -n 3
rm -f p.qdpx
"$QCODE" export qdpx -c "$cb" --selections word -o p.qdpx zorg.txt; echo "exit $?"
"$QCODE" export qdc -c "$cb" zorg.txt; echo "exit $?"
"$QCODE" export qdpx -c "$cb" -o p.qdpx zorg.txt latin1.txt; echo "exit $?"
ls p.qdpx 2>/dev/null || echo "no p.qdpx"
