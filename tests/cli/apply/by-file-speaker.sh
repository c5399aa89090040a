# --by file,speaker: one column per key, rows sorted by the key tuple, so
# the P1 and P2 of two files stay apart; --by speaker alone pools them.
# (The codebook column is left out: it changes with the codebook.)
cp "$SRC"/tests/fixtures/mini.yaml "$SRC"/tests/fixtures/zorg.txt .
printf -- '---\nsubsector: zorg\n---\nP2: Dat geeft tijdswinst.\nP1: Geen tijdswinst hoor.\n' > fg2.txt
"$QCODE" apply -c mini.yaml --by file,speaker zorg.txt fg2.txt | cut -f 1-8
"$QCODE" apply -c mini.yaml --by subsector,file,speaker --wide --value hits zorg.txt fg2.txt | cut -f 1-8
"$QCODE" apply -c mini.yaml --by file,speaker -f json zorg.txt fg2.txt | sed -n 2p | sed 's/,"codebook":"[^"]*"//'
"$QCODE" apply -c mini.yaml --by speaker --wide zorg.txt fg2.txt | cut -f 1-3
