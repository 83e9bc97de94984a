//! Cleaning one item: a page, a JSON record or a WARC record in, what to
//! write and what to count out. Runs on the worker threads.

use crate::args::{Cli, Format, OnError};
use crate::format::{self, Fields};
use crate::records::{Item, Payload};
use crate::report;
use deboiler::{Cleaned, Cleaner, Hints};
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// What cleaning one item gave.
pub struct Done {
    /// Text to write (a page, a JSON line); `None` for a skipped record.
    pub output: Option<String>,
    /// Lines for the `--report` file.
    pub report: Vec<String>,
    /// The error, for records that could not be read.
    pub error: Option<String>,
    pub bytes_in: usize,
    pub bytes_out: usize,
    pub lines: usize,
    /// Removed lines per rule code.
    pub removed: BTreeMap<String, usize>,
}

/// What the workers need to know (a few references: copied to the thread
/// that cleans while the batch run reads and writes).
#[derive(Clone, Copy)]
pub struct Worker<'a> {
    pub cli: &'a Cli,
    pub cleaner: &'a Cleaner,
    /// Whether decisions go to a `--report` file.
    pub reporting: bool,
    /// Whether output goes to a stream (each page ends with a newline).
    pub stream: bool,
}

impl Worker<'_> {
    pub fn clean(&self, item: &Item) -> Done {
        let cli = self.cli;
        match &item.payload {
            Payload::Page(text) => {
                let cleaned = self.cleaner.clean(text);
                let output = match (cli.explain, cli.format) {
                    (true, _) => format::explain(&item.place, &cleaned),
                    (false, Format::Json) => {
                        format!("{}\n", serde_json::to_string(&cleaned).unwrap_or_default())
                    }
                    (false, Format::Text) => {
                        let rendered = cleaned.rendered();
                        // On a terminal or pipe each page ends with a newline;
                        // a file holds exactly the article.
                        if self.stream && !rendered.is_empty() {
                            format!("{rendered}\n")
                        } else {
                            rendered
                        }
                    }
                };
                self.done(text, &cleaned, output, &item.place, None)
            }
            Payload::Json(record) => {
                let field = &cli.text_field;
                let text = match record.get(field) {
                    Some(Value::String(text)) => text,
                    None | Some(Value::Null) => {
                        let why = format!("record has no {field:?} field");
                        return self.failed(item, why, Some(record.to_line()));
                    }
                    Some(_) => {
                        let why = format!("field {field:?} is not a string");
                        return self.failed(item, why, Some(record.to_line()));
                    }
                };
                if cli.annotate && record.contains(format::ANNOTATION) {
                    let why = format!(
                        "record already has a {:?} field, which --annotate would overwrite",
                        format::ANNOTATION
                    );
                    return self.failed(item, why, Some(record.to_line()));
                }
                let id = record.label(&cli.id_field);
                // A title field that is there but null says the page has none.
                let string = |path: &str| match record.get(path) {
                    _ if path.is_empty() => None,
                    Some(Value::String(s)) => Some(s),
                    Some(Value::Null) => Some(String::new()),
                    _ => None,
                };
                let (title, url) = (string(&cli.title_field), string(&cli.url_field));
                let mut hints = Hints::default();
                if let Some(title) = &title {
                    hints = hints.with_title(title);
                }
                if let Some(url) = &url {
                    hints = hints.with_url(url);
                }
                let cleaned = self.cleaner.clean_with(&text, &hints);
                let output = if cli.explain {
                    format::explain(&item.place, &cleaned)
                } else {
                    let mut fields =
                        Fields::Json(record.with(field, Value::String(cleaned.text())));
                    format::finish_record(cli, &mut fields, &cleaned);
                    fields.to_line()
                };
                let place = match &id {
                    Some(id) => format!("{} ({id})", item.place),
                    None => item.place.clone(),
                };
                self.done(&text, &cleaned, output, &place, id)
            }
            Payload::Warc(headers, text) => {
                let url = headers.get("WARC-Target-URI").and_then(Value::as_str);
                let hints = Hints::default().with_url(url.unwrap_or(""));
                let cleaned = self.cleaner.clean_with(text, &hints);
                let id = headers
                    .get("WARC-Record-ID")
                    .and_then(Value::as_str)
                    .map(str::to_string);
                let output = if cli.explain {
                    format::explain(&item.place, &cleaned)
                } else {
                    let mut headers = headers.clone();
                    headers.insert("text".into(), Value::String(cleaned.text()));
                    let mut fields = Fields::Warc(headers);
                    format::finish_record(cli, &mut fields, &cleaned);
                    fields.to_line()
                };
                self.done(text, &cleaned, output, &item.place, id)
            }
            Payload::Bad { error, raw } => self.failed(item, error.clone(), raw.clone()),
        }
    }

    fn done(
        &self,
        input: &str,
        cleaned: &Cleaned<'_>,
        output: String,
        place: &str,
        id: Option<String>,
    ) -> Done {
        // Bytes of kept text, counted without building the text again.
        let kept = cleaned.kept_lines().map(str::len).sum();
        let summary = cleaned.summary();
        let report = if self.reporting {
            cleaned
                .decisions()
                .filter(|d| !d.blank)
                .map(|d| report::line(place, id.as_deref(), &d, cleaned.line_text(&d)))
                .collect()
        } else {
            Vec::new()
        };
        Done {
            bytes_in: input.len(),
            bytes_out: kept,
            output: Some(output),
            report,
            error: None,
            lines: summary.lines,
            removed: summary.removed_by_rule,
        }
    }

    fn failed(&self, item: &Item, error: String, raw: Option<String>) -> Done {
        let output = (self.cli.on_error == OnError::Pass).then(|| {
            let mut record = json!({"error": error, "source": item.place});
            if let Some(raw) = &raw {
                record["raw"] = Value::String(raw.clone());
            }
            format!("{record}\n")
        });
        Done {
            output,
            report: Vec::new(),
            error: Some(error),
            bytes_in: item.size,
            bytes_out: 0,
            lines: 0,
            removed: BTreeMap::new(),
        }
    }
}
