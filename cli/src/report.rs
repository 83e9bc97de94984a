//! The `--report` file: every line's decision as a JSON line, in the
//! library's own [`Decision`] schema (as `--format json` and the web page
//! show it) plus where the page came from.

use deboiler::Decision;
use serde::Serialize;

#[derive(Serialize)]
struct Line<'a> {
    /// File and line (or record) the page came from.
    source: &'a str,
    /// The record's id, if it has one.
    id: Option<&'a str>,
    #[serde(flatten)]
    decision: &'a Decision,
    /// The line's output text.
    text: &'a str,
}

/// One decision as a line of the report (without the newline).
pub(crate) fn line(source: &str, id: Option<&str>, decision: &Decision, text: &str) -> String {
    let line = Line {
        source,
        id,
        decision,
        text,
    };
    // Serialising plain strings and numbers cannot fail.
    serde_json::to_string(&line).unwrap_or_default()
}
