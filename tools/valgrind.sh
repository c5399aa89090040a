#!/bin/sh
# valgrind.sh: the unit tests, the fuzz corpora and the command-line tests
# under valgrind's memcheck: no invalid reads or writes, no use of
# uninitialised memory, no leaks. PCRE2's JIT code cannot be checked by
# valgrind (it reports false errors inside it), so this build uses PCRE2's
# interpreter (-DQCODE_JIT=OFF); ASan covers the JIT build.
set -eu
cd "$(dirname "$0")/.."
cmake -S . -B build-vg -DCMAKE_BUILD_TYPE=RelWithDebInfo -DQCODE_JIT=OFF \
  -DQCODE_WERROR=ON >/dev/null
cmake --build build-vg -j"$(nproc)" >/dev/null
vg="valgrind -q --error-exitcode=99 --leak-check=full"
vg="$vg --errors-for-leak-kinds=definite,indirect"
failed=0
for t in build-vg/tests/test_*; do
  QCODE_SOURCE_DIR=$PWD $vg "$t" >/dev/null 2>build-vg/vg.log ||
    { echo "valgrind: $t failed"; cat build-vg/vg.log; failed=1; }
done
for r in build-vg/tests/fuzz/replay_*; do
  target=${r##*/replay_}
  $vg "$r" "tests/fuzz/corpus/$target" >/dev/null 2>build-vg/vg.log ||
    { echo "valgrind: $r failed"; cat build-vg/vg.log; failed=1; }
done
printf '#!/bin/sh\nexec %s "%s" "$@"\n' "$vg" "$PWD/build-vg/qcode" \
  > build-vg/qcode-valgrind
chmod +x build-vg/qcode-valgrind
# valgrind is some 30 times slower and has its own memory: the robustness
# tests check only for crashes here, on a 2 MB long line.
QCODE_MEM_LIMIT_MB=0 QCODE_TIME_LIMIT=600 QCODE_LONG_LINE_MB=2 \
  sh tests/cli/run.sh build-vg/qcode-valgrind . || failed=1
exit $failed
