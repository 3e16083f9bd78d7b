#!/usr/bin/env bash
# The main job, for real: a venv with pip-explain, then a pip install that has
# to compile C code on a machine where no C compiler can be found.
#
# netifaces 0.11.0 ships only an sdist for Linux on CPython >= 3.10, so pip
# builds it. Every C/C++ compiler is hidden by running pip with a PATH made of
# symlinks to everything in /usr/local/bin, /usr/bin and /bin except the
# compilers (nothing on the system is touched). pip fails exactly as it would
# without pip-explain; pip-explain's panel follows pip's last line.
#
#   bash scripts/demo.sh            (PYTHON=python3.12 bash scripts/demo.sh for another Python)
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
python=${PYTHON:-python3}
work=$(mktemp -d "${TMPDIR:-/tmp}/pip-explain-demo.XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "== setting up a venv with pip-explain in $work" >&2
"$python" -m venv "$work/venv"
"$work/venv/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip
"$work/venv/bin/python" -m pip install -q --disable-pip-version-check "$here"

mkdir "$work/bin"
for d in /usr/local/bin /usr/bin /bin; do
  [ -d "$d" ] || continue
  for f in "$d"/*; do
    b=${f##*/}
    case $b in
      gcc|gcc-[0-9]*|cc|c89|c99|c89-gcc|c99-gcc|*-gcc|*-gcc-[0-9]*|clang|clang-[0-9]*|tcc|g++|g++-[0-9]*|c++|*-g++|*-g++-[0-9]*|clang++*) continue ;;
    esac
    [ -e "$work/bin/$b" ] || ln -s "$f" "$work/bin/$b"
  done
done

echo "== pip install netifaces==0.11.0, with no C compiler on PATH" >&2
set +e
env -u CC -u CXX PATH="$work/venv/bin:$work/bin" PIP_DISABLE_PIP_VERSION_CHECK=1 \
  pip install --no-cache-dir netifaces==0.11.0
rc=$?
set -e
echo "== pip exited with $rc" >&2
