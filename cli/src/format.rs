//! What is written for a cleaned page: the explanation, and the fields a
//! JSON record gains.

use crate::args::Cli;
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

/// Adds the headline and, with `--annotate`, the counts to a JSON record.
pub(crate) fn finish_record(cli: &Cli, record: &mut Map<String, Value>, cleaned: &Cleaned<'_>) {
    if !cli.title_field.is_empty() && !record.contains_key(&cli.title_field) {
        let title = cleaned
            .title()
            .map_or(Value::Null, |t| Value::String(t.to_string()));
        record.insert(cli.title_field.clone(), title);
    }
    if cli.annotate {
        let s = cleaned.summary();
        record.insert(
            "deboiler".into(),
            json!({
                "lines": s.lines, "lines_removed": s.lines_removed,
                "words": s.words, "words_removed": s.words_removed,
                "language": cleaned.language(),
                "removed_by_rule": s.removed_by_rule,
            }),
        );
    }
}
