//! Writes the character class table (`src/chars`) for the characters below
//! U+3000, from the standard library of the toolchain that builds the crate,
//! so that the table agrees with the library the crate runs with.

use std::path::PathBuf;

include!("src/chars/classes.rs");

fn main() {
    println!("cargo:rerun-if-changed=src/chars/classes.rs");
    // `simd16`: the target has 128-bit vector instructions the line loops
    // use (see `src/simd16.rs`): x86-64, whose SSE2 every processor has,
    // and WebAssembly built with SIMD.
    println!("cargo:rustc-check-cfg=cfg(simd16)");
    let arch = std::env::var("CARGO_CFG_TARGET_ARCH").unwrap_or_default();
    let features = std::env::var("CARGO_CFG_TARGET_FEATURE").unwrap_or_default();
    if arch == "x86_64" || (arch == "wasm32" && features.split(',').any(|f| f == "simd128")) {
        println!("cargo:rustc-cfg=simd16");
    }
    let table: Vec<u8> = (0..TABLE_END)
        .map(|u| char::from_u32(u).map_or(0, compute))
        .collect();
    let out_dir = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");
    let path = PathBuf::from(out_dir).join("char_classes.bin");
    if let Err(e) = std::fs::write(&path, table) {
        panic!("cannot write {}: {e}", path.display());
    }
}
