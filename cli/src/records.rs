//! Reading the pages of one input as a stream of items, in batches, so that
//! memory stays bounded whatever the input's size.

use super::input::{decode, Kind, Source};
use anyhow::{Context as _, Result};
use serde_json::{Map, Value};
use std::io::BufRead;

/// One unit of work.
pub struct Item {
    /// Where it came from, for messages: `file`, `file:LINE` or `file#RECORD`.
    pub place: String,
    pub payload: Payload,
}

pub enum Payload {
    /// A whole page (plain text input).
    Page(String),
    /// A JSON record; the page is at the text field path.
    Json(Map<String, Value>),
    /// A WARC record: its headers as fields, and the page.
    Warc(Map<String, Value>, String),
    /// A record that could not be read: why, and the raw line if any.
    Bad { error: String, raw: Option<String> },
}

impl Item {
    /// Bytes of page text (or raw input) this item carries.
    pub fn size(&self) -> usize {
        match &self.payload {
            Payload::Page(t) | Payload::Warc(_, t) => t.len(),
            Payload::Json(m) => m.values().map(|v| v.as_str().map_or(16, str::len)).sum(),
            Payload::Bad { raw, .. } => raw.as_ref().map_or(0, String::len),
        }
    }
}

/// Reads a source's items.
pub struct Items {
    name: String,
    strict: bool,
    state: State,
}

enum State {
    Text(Option<Box<dyn BufRead + Send>>),
    Jsonl {
        reader: Box<dyn BufRead + Send>,
        line: usize,
    },
    Warc {
        records: warc::RawRecordIter<Box<dyn BufRead + Send>>,
        record: usize,
    },
    Done,
}

impl Items {
    pub fn new(source: &Source, reader: Box<dyn BufRead + Send>, strict: bool) -> Items {
        let state = match source.kind {
            Kind::Text => State::Text(Some(reader)),
            Kind::Jsonl => State::Jsonl { reader, line: 0 },
            Kind::Warc => State::Warc {
                records: warc::WarcReader::new(reader).iter_raw_records(),
                record: 0,
            },
        };
        Items {
            name: source.name(),
            strict,
            state,
        }
    }

    /// Up to `max_items` items or about `max_bytes` of text; empty at the end.
    pub fn next_batch(&mut self, max_items: usize, max_bytes: usize) -> Result<Vec<Item>> {
        let mut batch = Vec::new();
        let mut bytes = 0;
        while batch.len() < max_items && bytes < max_bytes {
            match self.next_item()? {
                Some(item) => {
                    bytes += item.size();
                    batch.push(item);
                }
                None => break,
            }
        }
        Ok(batch)
    }

    fn next_item(&mut self) -> Result<Option<Item>> {
        let name = &self.name;
        match &mut self.state {
            State::Done => Ok(None),
            State::Text(reader) => {
                let Some(mut reader) = reader.take() else {
                    return Ok(None);
                };
                let mut bytes = Vec::new();
                reader.read_to_end(&mut bytes).context("cannot read")?;
                self.state = State::Done;
                let payload = match decode(bytes, name, self.strict) {
                    Ok(text) => Payload::Page(text),
                    Err(e) => Payload::Bad {
                        error: format!("{e:#}"),
                        raw: None,
                    },
                };
                Ok(Some(Item {
                    place: name.clone(),
                    payload,
                }))
            }
            State::Jsonl { reader, line } => loop {
                let mut bytes = Vec::new();
                if reader
                    .read_until(b'\n', &mut bytes)
                    .context("cannot read")?
                    == 0
                {
                    self.state = State::Done;
                    return Ok(None);
                }
                *line += 1;
                if bytes.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                let place = format!("{name}:{line}");
                let payload = match decode(bytes, &place, self.strict) {
                    Err(e) => Payload::Bad {
                        error: format!("{e:#}"),
                        raw: None,
                    },
                    Ok(text) => match serde_json::from_str::<Value>(&text) {
                        Ok(Value::Object(map)) => Payload::Json(map),
                        Ok(_) => Payload::Bad {
                            error: "not a JSON object".into(),
                            raw: Some(text.trim_end().to_string()),
                        },
                        Err(e) => Payload::Bad {
                            error: format!("invalid JSON: {e}"),
                            raw: Some(text.trim_end().to_string()),
                        },
                    },
                };
                return Ok(Some(Item { place, payload }));
            },
            State::Warc { records, record } => loop {
                let Some(next) = records.next() else {
                    self.state = State::Done;
                    return Ok(None);
                };
                *record += 1;
                let place = format!("{name}#{record}");
                let (header, body) = match next {
                    Ok(parts) => parts,
                    Err(e) => {
                        // A broken record ends the file: the parser cannot resync.
                        self.state = State::Done;
                        return Ok(Some(Item {
                            place,
                            payload: Payload::Bad {
                                error: format!("invalid WARC record: {e}"),
                                raw: None,
                            },
                        }));
                    }
                };
                let mut fields = Map::new();
                for (key, value) in &header.headers {
                    fields.insert(
                        header_name(&key.to_string()),
                        Value::String(String::from_utf8_lossy(value).into_owned()),
                    );
                }
                let warc_type = fields
                    .get("WARC-Type")
                    .and_then(Value::as_str)
                    .unwrap_or("");
                // Only converted text pages; request/response/metadata records carry no page text.
                if !matches!(warc_type, "conversion" | "resource") {
                    continue;
                }
                fields.sort_keys();
                let payload = match decode(body, &place, self.strict) {
                    Ok(text) => Payload::Warc(fields, text),
                    Err(e) => Payload::Bad {
                        error: format!("{e:#}"),
                        raw: None,
                    },
                };
                return Ok(Some(Item { place, payload }));
            },
        }
    }
}

/// The WARC parser lower-cases header names; give them their usual spelling
/// (`warc-target-uri` → `WARC-Target-URI`).
fn header_name(lower: &str) -> String {
    lower
        .split('-')
        .map(|part| match part {
            "warc" | "uri" | "id" | "ip" => part.to_uppercase(),
            _ => {
                let mut chars = part.chars();
                chars
                    .next()
                    .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
            }
        })
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::header_name;

    #[test]
    fn header_names_get_their_usual_spelling() {
        assert_eq!(header_name("warc-target-uri"), "WARC-Target-URI");
        assert_eq!(header_name("content-length"), "Content-Length");
        assert_eq!(header_name("warc-record-id"), "WARC-Record-ID");
    }
}
