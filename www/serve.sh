#!/usr/bin/env bash
# Builds the WebAssembly package into pkg/ and serves the repository on
# http://127.0.0.1:8000/www/ (Ctrl-C stops). Installs the wasm tools the first
# time (a few minutes), with the versions CI uses.
set -euo pipefail
cd "$(dirname "$0")/.."
rustup target list --installed | grep -q '^wasm32-unknown-unknown$' || rustup target add wasm32-unknown-unknown
WB=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/"/,"",$3); print $3}' Cargo.lock)
[ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $WB" ] || cargo install wasm-bindgen-cli --version "$WB"
[ "$(wasm-pack --version 2>/dev/null)" = "wasm-pack 0.15.1" ] || cargo install wasm-pack --version 0.15.1 --locked
bash scripts/build-wasm.sh
echo "Open http://127.0.0.1:${PORT:-8000}/www/"
exec python3 -m http.server "${PORT:-8000}" --bind 127.0.0.1
