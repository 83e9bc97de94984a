//! Any bytes as a JSON Lines file and as a WARC file, through the readers
//! the CLI uses: no panic, the reading ends, and nothing is lost in silence.
//! Every non-blank JSON line is one item (a record or a reported error), and
//! every WARC item is a page or a reported error.
#![no_main]

use deboiler_cli::input::{Kind, Source};
use deboiler_cli::records::{Items, Payload};
use libfuzzer_sys::fuzz_target;
use std::io::Cursor;
use std::path::PathBuf;

fn read_all(data: &[u8], kind: Kind) -> Vec<Payload> {
    let source = Source {
        path: None,
        relative: PathBuf::from("fuzz"),
        kind,
    };
    let mut items = Items::new(&source, Box::new(Cursor::new(data.to_vec())), false);
    let mut all = Vec::new();
    loop {
        let batch = items.next_batch(64, 1 << 20);
        if batch.is_empty() {
            return all;
        }
        // Each WARC item consumes at least one byte of input.
        assert!(all.len() + batch.len() <= data.len() + 1);
        all.extend(batch.into_iter().map(|item| item.payload));
    }
}

fuzz_target!(|data: &[u8]| {
    let items = read_all(data, Kind::Jsonl);
    let body = data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data);
    let lines = body
        .split(|&b| b == b'\n')
        .filter(|l| !l.iter().all(u8::is_ascii_whitespace))
        .count();
    assert_eq!(items.len(), lines, "one item per non-blank line");

    for payload in read_all(data, Kind::Warc) {
        assert!(matches!(payload, Payload::Warc(..) | Payload::Bad { .. }));
    }
});
