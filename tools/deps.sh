#!/bin/sh
# deps.sh: installs the Debian packages qcode needs, if any are missing.
#
# usage: sh tools/deps.sh build|quick|test|bench
#
# build: a C compiler, make, CMake, pkg-config and the -dev packages of
# libyaml, PCRE2, utf8proc, libxml2 and libzip. quick: build plus GNU time, with which the
# robustness tests measure peak memory: what `sh tools/test.sh` (the plain
# test suite) needs. test: what `sh tools/test.sh --all` needs: quick plus
# ucto, the reference Dutch tokenizer the tokenizer is compared with, zsh,
# to check that the zsh completion parses, python3, for the benchmark's
# smoke run, valgrind, for the memcheck run, clang with libFuzzer for
# the fuzz smoke run, Chromium with a font, to render a report for its
# screenshot test, and HTML Tidy, to check the report's markup. bench: build plus what bench/run compares qcode with
# (python3, ripgrep, ucto) and GNU time. As root it runs apt-get;
# otherwise it prints the sudo line to run and exits 1.
set -eu
pkgs="gcc libc6-dev make cmake pkg-config libyaml-dev libpcre2-dev libutf8proc-dev
  libxml2-dev libzip-dev"
case ${1:-build} in
  build) ;;
  quick) pkgs="$pkgs time" ;;
  test) pkgs="$pkgs time ucto zsh python3 valgrind clang libclang-rt-14-dev
    chromium fonts-dejavu-core tidy" ;;
  bench) pkgs="$pkgs python3 ripgrep ucto time" ;;
  *) echo "usage: sh tools/deps.sh build|quick|test|bench" >&2; exit 2 ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "deps.sh: not a Debian/Ubuntu system; install these (or their" \
       "equivalents) yourself: $pkgs" >&2
  exit 0
fi
missing=
for p in $pkgs; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed'; then
    missing="$missing $p"
  fi
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "qcode needs these packages; run:" >&2
  echo "  sudo apt-get install -y$missing" >&2
  exit 1
fi
echo "deps.sh: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends $missing >/dev/null
