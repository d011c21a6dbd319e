#!/usr/bin/env bash
# Put the offline get-pip stand-in where the ansible-test of VENV looks for its cached copy,
# unless a copy is there already.
set -euo pipefail
venv=${1:?usage: seed-get-pip.sh VENV}
requirements=$(find "$venv" -path '*/ansible_test/_internal/python_requirements.py' | head -n 1)
version=$(sed -n "s/^ *pip='\([0-9.]*\)',\$/\1/p" "$requirements" | head -n 1)
cache="$HOME/.ansible/test/cache/get_pip_${version//./_}.py"
if [ ! -e "$cache" ]; then
  mkdir -p "$(dirname "$cache")"
  cp "$(dirname "$0")/get_pip_offline.py" "$cache"
fi
