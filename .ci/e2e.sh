#!/usr/bin/env bash
# End-to-end tests in a real VS Code workbench (code-server + Chromium), run by .ci/run after `npm test`.
# Installs what is missing non-interactively: Chromium and the -dev packages code-server's native modules need
# (apt-get, as root), then code-server itself with Node 24 into .cache/ (skipped when the cache is warm).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config)
# CHROMIUM_PATH points the suite at another Chromium build; otherwise Debian's is used.
[[ -n "${CHROMIUM_PATH:-}" ]] || packages+=(chromium)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if ((${#missing[@]} > 0)); then
  echo "== apt-get install ${missing[*]}"
  if [[ $(id -u) -ne 0 ]]; then
    echo "e2e.sh: these Debian packages are missing and installing them needs root: ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

echo "== code-server (installed once into .cache/)"
time node scripts/e2e/install-code-server.mjs

echo "== npm run test:e2e"
time npm run test:e2e
