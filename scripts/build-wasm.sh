#!/usr/bin/env bash
# Builds the npm package into pkg/: the `wasm/` crate through wasm-pack (raw
# bindings in deboiler.js), stripped by wasm-opt from npm's binaryen (installed in e2e/
# by `npm ci`), then the typed API from wasm/js/ and a package.json ready to
# publish. Expects wasm-pack and the matching wasm-bindgen CLI (see .ci/run or
# www/serve.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
# Source paths end up in the binary (panic locations); mapped to fixed names,
# the build is the same size wherever the repository and the crates sit.
remap="--remap-path-prefix=$PWD=/deboiler"
for dir in "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/; do remap="$remap --remap-path-prefix=${dir%/}=/crates"; done
# 128-bit SIMD (memchr's searches, the vectorised loops): every current browser and
# Node from 16.4 run it, and the cleaner is a sixth faster with it.
export RUSTFLAGS="${RUSTFLAGS:-} $remap -C target-feature=+simd128"
wasm-pack build wasm --target web --profile wasm --mode no-install --no-opt --out-dir ../pkg --out-name deboiler
opt=e2e/node_modules/.bin/wasm-opt
[ -x "$opt" ] || (cd e2e && npm ci --no-audit --no-fund)
# Only the names and debug sections are stripped: binaryen's optimisation passes
# (-Oz, -O2, -O3 alike) made the cleaner 5 to 7% slower in Node and the gzipped
# module no smaller than LLVM leaves it. The features are the ones rustc enables
# for wasm32-unknown-unknown by default, and SIMD.
"$opt" --strip-debug --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-multivalue --enable-reference-types --enable-simd \
  pkg/deboiler_bg.wasm -o pkg/deboiler_bg.wasm
cp wasm/js/index.js wasm/js/index.d.ts wasm/js/node.js wasm/js/README.md LICENSE-MIT LICENSE-APACHE pkg/
node scripts/package-json.mjs pkg/package.json
