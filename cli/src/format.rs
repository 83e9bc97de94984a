//! What is written for a cleaned page: the explanation, and the fields a
//! JSON record gains.

use crate::args::Cli;
use crate::json_path::JsonRecord;
use deboiler::Cleaned;
use serde_json::{json, Map, Value};

/// Every non-blank line of a page under a header naming it: `+` kept or `-`
/// removed, rule and reason.
pub(crate) fn explain(place: &str, cleaned: &Cleaned<'_>) -> String {
    let summary = cleaned.summary();
    format!(
        "== {place}: kept {} of {} lines ({} of {} words), language {}\n{}",
        summary.lines_kept,
        summary.lines,
        summary.words_kept,
        summary.words,
        cleaned.language().unwrap_or("unknown"),
        cleaned.explain()
    )
}

/// The field `--annotate` adds; a record that has it already is an error,
/// never overwritten.
pub(crate) const ANNOTATION: &str = "deboiler";

/// The fields of an output record: a JSON Lines record as it came in, or
/// the headers of a WARC record.
pub(crate) enum Fields {
    Json(JsonRecord),
    Warc(Map<String, Value>),
}

impl Fields {
    fn contains(&self, key: &str) -> bool {
        match self {
            Fields::Json(r) => r.contains(key),
            Fields::Warc(m) => m.contains_key(key),
        }
    }

    fn insert(&mut self, key: &str, value: Value) {
        match self {
            Fields::Json(r) => r.insert(key, &value),
            Fields::Warc(m) => {
                m.insert(key.to_string(), value);
            }
        }
    }

    /// The record as a JSON line, newline included.
    pub(crate) fn to_line(&self) -> String {
        match self {
            Fields::Json(r) => {
                let mut line = String::new();
                r.write_line(&mut line);
                line.push('\n');
                line
            }
            Fields::Warc(m) => format!("{}\n", serde_json::to_string(m).unwrap_or_default()),
        }
    }
}

/// Adds the headline and, with `--annotate`, the counts to a record.
pub(crate) fn finish_record(cli: &Cli, record: &mut Fields, cleaned: &Cleaned<'_>) {
    if !cli.title_field.is_empty() && !record.contains(&cli.title_field) {
        let title = cleaned
            .title()
            .map_or(Value::Null, |t| Value::String(t.to_string()));
        record.insert(&cli.title_field, title);
    }
    if cli.annotate {
        let s = cleaned.summary();
        record.insert(
            ANNOTATION,
            json!({
                "lines": s.lines, "lines_removed": s.lines_removed,
                "words": s.words, "words_removed": s.words_removed,
                "language": cleaned.language(),
                "removed_by_rule": s.removed_by_rule,
            }),
        );
    }
}
