#!/usr/bin/env bash
# Put the offline get-pip stand-in where the ansible-test of VENV looks for its cached copy,
# unless a real get-pip.py is there already (an older copy of the stand-in is replaced).
set -euo pipefail
venv=${1:?usage: seed-get-pip.sh VENV}
stand_in="$(dirname "$0")/get_pip_offline.py"
requirements=$(find "$venv" -path '*/ansible_test/_internal/python_requirements.py' | head -n 1)
version=$(sed -n "s/^ *pip='\([0-9.]*\)',\$/\1/p" "$requirements" | head -n 1)
cache="$HOME/.ansible/test/cache/get_pip_${version//./_}.py"
if [ ! -e "$cache" ] || { grep -q 'A stand-in for the get-pip.py' "$cache" && ! cmp -s "$stand_in" "$cache"; }; then
  mkdir -p "$(dirname "$cache")"
  cp "$stand_in" "$cache.$$"
  mv "$cache.$$" "$cache"
fi
