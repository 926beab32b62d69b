#!/usr/bin/env bash
# Installs the Debian packages Hallway needs, only those missing, so it is
# cheap to run every time. `--test` adds what the test suite needs and
# `--bench` what the benchmarks need. Works as root without a terminal (CI);
# uses sudo otherwise.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config git
  libboost1.74-dev libboost-program-options1.74-dev nlohmann-json3-dev
  libsqlite3-dev libpq-dev libsodium-dev libcmark-gfm-dev libcmark-gfm-extensions-dev
  libvips-dev zlib1g-dev libxapian-dev libeigen3-dev libexpat1-dev
  libavformat-dev libavcodec-dev libswscale-dev libavutil-dev
)
for arg in "$@"; do
  case "$arg" in
    --test) packages+=(libgtest-dev postgresql python3-aiosmtpd chromium fonts-dejavu-core) ;;
    --bench) packages+=(libbenchmark-dev wrk nginx-light procps) ;;
    *) echo "install-deps: unknown option $arg" >&2; exit 2 ;;
  esac
done
command -v node >/dev/null 2>&1 || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi
sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
