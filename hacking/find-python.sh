#!/usr/bin/env bash
# Print the path of a Python VERSION (such as 3.12) that runs, or fail saying what to install.
# VARIABLE is the make variable that names one (PYTHON, PYTHON312); NAMED, when given, is its
# value and the one to use. Otherwise pythonVERSION on PATH is tried (a pyenv shim counts only if
# it runs), then pyenv's own versions, then the usual system places.
set -euo pipefail
version=${1:?usage: find-python.sh VERSION VARIABLE [NAMED]}
variable=${2:?usage: find-python.sh VERSION VARIABLE [NAMED]}
named=${3:-}

works() {  # the interpreter runs, is of $version and can make virtual environments
  "$1" -c "import sys, venv; sys.exit(sys.version_info[:2] != tuple(map(int, '$version'.split('.'))))" \
    >/dev/null 2>&1
}

if [ -n "$named" ]; then
  if path=$(command -v "$named") && works "$path"; then
    echo "$path"
    exit 0
  fi
  echo "$variable=$named: no working Python $version with venv there" >&2
  exit 1
fi

candidates=()
if path=$(command -v "python$version" 2>/dev/null); then candidates+=("$path"); fi
pyenv_root=$(pyenv root 2>/dev/null || echo "${PYENV_ROOT:-$HOME/.pyenv}")
# The newest patch release first.
while IFS= read -r path; do candidates+=("$path"); done < <(
  ls -d "$pyenv_root"/versions/"$version"*/bin/"python$version" 2>/dev/null | sort -rV)
candidates+=("/usr/local/bin/python$version" "/usr/bin/python$version")

for path in "${candidates[@]}"; do
  if [ -x "$path" ] && works "$path"; then
    echo "$path"
    exit 0
  fi
done
cat >&2 <<EOF
No working Python $version found (tried: python$version on PATH, $pyenv_root/versions/$version*, /usr/local/bin, /usr/bin).
Install one, for example 'pyenv install $version' or 'apt-get install python$version python$version-venv',
or name it: make $variable=/path/to/python$version ...
EOF
exit 1
