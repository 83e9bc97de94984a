//! Reading the pages of one input as a stream of items, in batches, so that
//! memory stays bounded whatever the input's size. Whatever cannot be read
//! becomes an item too ([`Payload::Bad`]), so that every record in is a
//! record out or a reported error.

use crate::input::{decode, Kind, Source};
use crate::json_path::JsonRecord;
use crate::warc::{Next, WarcReader};
use serde_json::{Map, Value};
use std::io::BufRead;

/// JSON lines longer than this take the read buffer instead of a copy.
const LONG_LINE: usize = 1 << 20;

/// One unit of work.
pub struct Item {
    /// Where it came from, for messages: `file`, `file:LINE` or `file#RECORD`.
    pub place: String,
    pub payload: Payload,
    /// Bytes of input it was read from (what bounds a batch's memory).
    pub size: usize,
}

pub enum Payload {
    /// A whole page (plain text input).
    Page(String),
    /// A JSON record; the page is at the text field path.
    Json(JsonRecord),
    /// A WARC record: its headers as fields, and the page.
    Warc(Map<String, Value>, String),
    /// A record that could not be read: why, and the raw line if any.
    Bad { error: String, raw: Option<String> },
}

/// Reads a source's items.
pub struct Items {
    name: String,
    strict: bool,
    state: State,
    /// Set when reading stopped on an error before the end of the input.
    pub read_error: Option<String>,
}

enum State {
    Text(Option<Box<dyn BufRead + Send>>),
    Jsonl {
        reader: Box<dyn BufRead + Send>,
        line: usize,
        offset: u64,
        buffer: Vec<u8>,
    },
    Warc {
        reader: Box<WarcReader<Box<dyn BufRead + Send>>>,
        record: usize,
    },
    Done,
}

impl Items {
    pub fn new(source: &Source, reader: Box<dyn BufRead + Send>, strict: bool) -> Items {
        let state = match source.kind {
            Kind::Text => State::Text(Some(reader)),
            Kind::Jsonl => State::Jsonl {
                reader,
                line: 0,
                offset: 0,
                buffer: Vec::new(),
            },
            Kind::Warc => State::Warc {
                reader: Box::new(WarcReader::new(reader)),
                record: 0,
            },
        };
        Items {
            name: source.name(),
            strict,
            state,
            read_error: None,
        }
    }

    /// Up to `max_items` items or about `max_bytes` of input; empty at the
    /// end. A read error ends the input: the items before it are returned,
    /// followed by one naming the error and where it happened.
    pub fn next_batch(&mut self, max_items: usize, max_bytes: usize) -> Vec<Item> {
        let mut batch = Vec::new();
        let mut bytes = 0;
        while batch.len() < max_items && bytes < max_bytes {
            match self.next_item() {
                Ok(Some(item)) => {
                    bytes += item.size;
                    batch.push(item);
                }
                Ok(None) => break,
                Err((place, error)) => {
                    let error = format!("read error: {error}; the records after it are lost");
                    self.read_error = Some(format!("{place}: {error}"));
                    self.state = State::Done;
                    batch.push(Item {
                        place,
                        payload: Payload::Bad { error, raw: None },
                        size: 0,
                    });
                    break;
                }
            }
        }
        batch
    }

    /// The next item; an error names the place and what went wrong.
    fn next_item(&mut self) -> Result<Option<Item>, (String, String)> {
        let name = &self.name;
        let strict = self.strict;
        match &mut self.state {
            State::Done => Ok(None),
            State::Text(reader) => {
                let Some(mut reader) = reader.take() else {
                    return Ok(None);
                };
                self.state = State::Done;
                let mut bytes = Vec::new();
                reader.read_to_end(&mut bytes).map_err(|e| {
                    (
                        format!("{name} (after byte {})", bytes.len()),
                        e.to_string(),
                    )
                })?;
                let size = bytes.len();
                let payload = match decode(bytes, name, strict) {
                    Ok(text) => Payload::Page(text),
                    Err(e) => bad(format!("{e:#}"), None),
                };
                Ok(Some(Item {
                    place: name.clone(),
                    payload,
                    size,
                }))
            }
            State::Jsonl {
                reader,
                line,
                offset,
                buffer,
            } => loop {
                // Read into a buffer kept from line to line, then copied at
                // its size: a new vector for each line would be grown (and
                // copied) many times over. A long line takes the buffer
                // itself, so that it is never held twice.
                buffer.clear();
                let n = reader.read_until(b'\n', buffer).map_err(|e| {
                    (
                        format!("{name}:{} (byte {offset})", *line + 1),
                        e.to_string(),
                    )
                })?;
                if n == 0 {
                    self.state = State::Done;
                    return Ok(None);
                }
                *line += 1;
                *offset += n as u64;
                // A byte-order mark opens some files written on Windows.
                let bom = *line == 1 && buffer.starts_with(b"\xEF\xBB\xBF");
                let bytes = if buffer.len() > LONG_LINE {
                    let mut taken = std::mem::take(buffer);
                    taken.drain(..if bom { 3 } else { 0 });
                    taken
                } else {
                    buffer[if bom { 3 } else { 0 }..].to_vec()
                };
                if bytes.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                let place = format!("{name}:{line}");
                let payload = match decode(bytes, &place, strict) {
                    Err(e) => bad(format!("{e:#}"), None),
                    Ok(text) => parse_record(text, &place),
                };
                return Ok(Some(Item {
                    place,
                    payload,
                    size: n,
                }));
            },
            State::Warc { reader, record } => loop {
                let next = reader
                    .next_record(is_page)
                    .map_err(|e| (format!("{name}#{}", *record + 1), e.to_string()))?;
                let (offset, headers, body) = match next {
                    Next::End => {
                        self.state = State::Done;
                        return Ok(None);
                    }
                    Next::Bad { offset, error } => {
                        *record += 1;
                        return Ok(Some(Item {
                            place: format!("{name}#{record} (byte {offset})"),
                            payload: bad(format!("invalid WARC: {error}"), None),
                            size: 0,
                        }));
                    }
                    Next::Record {
                        offset,
                        headers,
                        body,
                    } => (offset, headers, body),
                };
                *record += 1;
                // Request, response and metadata records carry no page text.
                if !is_page(&headers) {
                    continue;
                }
                let place = format!("{name}#{record} (byte {offset})");
                let size = body.len();
                let mut fields = Map::new();
                for (key, value) in headers {
                    fields.insert(key, Value::String(value));
                }
                fields.sort_keys();
                let payload = match decode(body, &place, strict) {
                    Ok(text) => Payload::Warc(fields, text),
                    Err(e) => bad(format!("{e:#}"), None),
                };
                return Ok(Some(Item {
                    place,
                    payload,
                    size,
                }));
            },
        }
    }
}

fn bad(error: String, raw: Option<String>) -> Payload {
    Payload::Bad { error, raw }
}

/// Whether a WARC record holds a page: `conversion` (WET) or `resource`.
fn is_page(headers: &[(String, String)]) -> bool {
    headers.iter().any(|(name, value)| {
        name.eq_ignore_ascii_case("WARC-Type")
            && matches!(value.as_str(), "conversion" | "resource")
    })
}

/// A JSON line as a record. Lone UTF-16 surrogates in string escapes
/// (`"caf\udce9"`, which Python's `json.dumps` writes for undecodable
/// bytes) become U+FFFD, with a warning.
fn parse_record(text: String, place: &str) -> Payload {
    // Raw fields are not decoded here, so look for surrogates first.
    // One search for `\u`, its next byte asked at each hit.
    let surrogate_like = memchr::memmem::find_iter(text.as_bytes(), b"\\u")
        .any(|at| matches!(text.as_bytes().get(at + 2), Some(b'd' | b'D')));
    let fixed = if surrogate_like {
        replace_lone_surrogates(&text)
    } else {
        None
    };
    if fixed.is_some() {
        eprintln!("deboiler: warning: {place}: lone UTF-16 surrogate escapes replaced with U+FFFD");
    }
    let record = match fixed {
        // On an error the line as it came in is what is reported.
        Some(fixed) => JsonRecord::from_line(fixed).map_err(|(error, _)| (error, text)),
        None => JsonRecord::from_line(text),
    };
    match record {
        Ok(record) => Payload::Json(record),
        Err((error, text)) => bad(error, Some(text.trim_end().into())),
    }
}

/// `text` with every `\uD800`–`\uDFFF` escape that is not half of a valid
/// pair replaced by `\uFFFD`; `None` if there was none.
fn replace_lone_surrogates(text: &str) -> Option<String> {
    let b = text.as_bytes();
    let hex_at = |i: usize| -> Option<u16> {
        let digits = b.get(i + 2..i + 6)?;
        (b.get(i + 1) == Some(&b'u'))
            .then(|| u16::from_str_radix(std::str::from_utf8(digits).ok()?, 16).ok())
            .flatten()
    };
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    let mut last = 0;
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        let Some(unit) = hex_at(i) else {
            // Any other escape: skip it whole, so `\\u` is not read as `\u`.
            i += 2;
            continue;
        };
        let pair = (0xD800..0xDC00).contains(&unit)
            && b.get(i + 6) == Some(&b'\\')
            && hex_at(i + 6).is_some_and(|low| (0xDC00..0xE000).contains(&low));
        if pair {
            i += 12;
        } else if (0xD800..0xE000).contains(&unit) {
            out.push_str(&text[last..i]);
            out.push_str("\\uFFFD");
            changed = true;
            i += 6;
            last = i;
        } else {
            i += 6;
        }
    }
    changed.then(|| {
        out.push_str(&text[last..]);
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lone_surrogates_are_replaced_and_pairs_kept() {
        let fixed = replace_lone_surrogates(r#"{"t": "caf\udce9 \ud83d\ude00 \\udce9"}"#);
        assert_eq!(
            fixed.as_deref(),
            Some(r#"{"t": "caf\uFFFD \ud83d\ude00 \\udce9"}"#)
        );
        assert_eq!(replace_lone_surrogates(r#"{"t": "\ud83d\ude00"}"#), None);
        let Payload::Json(record) = parse_record(r#"{"t": "caf\udce9"}"#.into(), "x") else {
            panic!("the record parses");
        };
        assert_eq!(record.get("t"), Some(Value::String("caf\u{FFFD}".into())));
    }
}
