//! Any bytes as a JSON config: an error or a working cleaner, never a panic
//! (user regexes included).
#![no_main]

use deboiler::{Cleaner, Config};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(config) = Config::from_json(text) {
        if let Ok(cleaner) = Cleaner::new(config) {
            let _ = cleaner.clean("Subscribe to our newsletter\nThe council met on Tuesday to discuss the budget for next year.");
        }
    }
});
