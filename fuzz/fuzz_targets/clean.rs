//! Any bytes, decoded lossily as the CLI does, through both configs: no panic,
//! spans on the input, output lines taken from input lines.
#![no_main]

use deboiler::{Cleaner, Config};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn cleaners() -> &'static [Cleaner; 2] {
    static CLEANERS: OnceLock<[Cleaner; 2]> = OnceLock::new();
    CLEANERS.get_or_init(|| {
        [
            Cleaner::new(Config::default()).unwrap(),
            Cleaner::new(Config { keep_markup: true, ..Config::default() }).unwrap(),
        ]
    })
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for cleaner in cleaners() {
        let cleaned = cleaner.clean(&text);
        for d in cleaned.decisions() {
            assert!(d.span.end <= text.len());
            assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
        }
        let _ = serde_json::to_string(&cleaned).unwrap();
        let _ = cleaned.rendered();
    }
});
