//! Writes the character class table (`src/chars`) for the characters below
//! U+3000, from the standard library of the toolchain that builds the crate,
//! so that the table agrees with the library the crate runs with.

use std::path::PathBuf;

include!("src/chars/classes.rs");

fn main() {
    println!("cargo:rerun-if-changed=src/chars/classes.rs");
    let table: Vec<u8> = (0..TABLE_END)
        .map(|u| char::from_u32(u).map_or(0, compute))
        .collect();
    let out_dir = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");
    let path = PathBuf::from(out_dir).join("char_classes.bin");
    if let Err(e) = std::fs::write(&path, table) {
        panic!("cannot write {}: {e}", path.display());
    }
}
