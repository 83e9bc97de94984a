//! Helpers shared by the command-line tests.
#![allow(dead_code)]

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

pub const BATCH: &str = "../tests/fixtures/batch";

pub fn deboiler() -> Command {
    Command::cargo_bin("deboiler").expect("binary built")
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(BATCH).join(name)
}

pub fn json_lines(bytes: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(bytes)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect()
}

pub fn read_jsonl(path: &Path) -> Vec<Value> {
    json_lines(&std::fs::read(path).expect("readable"))
}

/// Every file under `dir`, hidden ones included.
pub fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                files.extend(walk(&path));
            } else {
                files.push(path);
            }
        }
    }
    files
}

/// The summary's counts: (records in, written, skipped, errors).
pub fn balance(stderr: &[u8]) -> (usize, usize, usize, usize) {
    let text = String::from_utf8_lossy(stderr);
    let line = text
        .lines()
        .find(|l| l.starts_with("deboiler: records: "))
        .unwrap_or_else(|| panic!("no summary in: {text}"));
    let numbers: Vec<usize> = line
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|t| t.parse().ok())
        .collect();
    (numbers[0], numbers[1], numbers[2], numbers[3])
}

/// A page of article prose, `n` making it unique.
pub fn page(n: usize) -> String {
    format!(
        "Home | News | Sport\nThe council met on Tuesday evening to discuss budget number {n} for the coming year, and the debate went on for several hours.\nMembers argued about the cost of repairing the old bridge, which has been closed to traffic since the floods in the spring.\nShare on Facebook"
    )
}

/// `n` JSON Lines records with ids 0..n.
pub fn records(n: usize) -> String {
    (0..n)
        .map(|i| format!("{}\n", serde_json::json!({"id": i, "text": page(i)})))
        .collect()
}
