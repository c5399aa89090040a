"$QCODE" --version | head -1
"$QCODE" --version | sed -n 2p | grep -o 'PCRE2 [0-9.]*' | sed 's/[0-9.]*$/N/'
