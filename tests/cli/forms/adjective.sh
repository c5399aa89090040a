# Adjectives are never guessed: --pos adj. groot: a long vowel written
# once before -e; lief: f becomes v; duur: -der after r; praktisch: no
# superlative in -st.
"$QCODE" forms --pos adj groot lief duur praktisch
