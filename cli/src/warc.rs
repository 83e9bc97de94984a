//! A streaming WARC/WET reader that holds up against damaged files: LF or
//! CRLF line endings, a bad `Content-Length` (it resynchronises on the next
//! `WARC/1.` line), junk between records, and a file cut short. Every
//! problem is returned as a [`Next::Bad`] naming the byte offset, so a
//! caller can count it; nothing is dropped in silence.

use std::io::{self, BufRead, Cursor, Read};

/// A header block larger than this is not WARC (a record's headers are a
/// few hundred bytes).
const MAX_HEADER_BYTES: usize = 1 << 20;

/// Bodies of records that are not wanted are still read up to this size.
const MAX_SCANNED_BODY: u64 = 16 << 20;

/// What the reader found next.
#[derive(Debug)]
pub enum Next {
    /// A record: where it starts, its headers in order, and its body (empty
    /// unless `want_body` said to keep it).
    Record {
        offset: u64,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
    },
    /// Something that is not a whole record, with where and why.
    Bad { offset: u64, error: String },
    /// The end of the input.
    End,
}

/// Reads WARC records one at a time.
pub struct WarcReader<R> {
    reader: R,
    /// Bytes of the input consumed so far.
    offset: u64,
    done: bool,
}

type Boxed = Box<dyn BufRead + Send>;

impl WarcReader<Boxed> {
    pub fn new(reader: Boxed) -> Self {
        WarcReader {
            reader,
            offset: 0,
            done: false,
        }
    }

    /// The next record. `want_body` is asked with the headers whether to keep
    /// the body; other bodies are skipped without being held in memory.
    pub fn next_record(
        &mut self,
        want_body: impl Fn(&[(String, String)]) -> bool,
    ) -> io::Result<Next> {
        if self.done {
            return Ok(Next::End);
        }
        let mut line = Vec::new();
        // Blank lines between records.
        let start = loop {
            let at = self.offset;
            if self.read_line(&mut line)? == 0 {
                self.done = true;
                return Ok(Next::End);
            }
            if !trim_eol(&line).is_empty() {
                break at;
            }
        };
        if !trim_eol(&line).starts_with(b"WARC/") {
            let skipped = line.len() as u64 + self.skip_to_next_record()?;
            return Ok(Next::Bad {
                offset: start,
                error: format!(
                    "not a WARC record (no `WARC/1.x` line); skipped {skipped} bytes to the next record"
                ),
            });
        }
        let mut headers: Vec<(String, String)> = Vec::new();
        let mut header_bytes = 0;
        loop {
            if self.read_line(&mut line)? == 0 {
                self.done = true;
                return Ok(Next::Bad {
                    offset: start,
                    error: "truncated record: the file ends inside its headers".into(),
                });
            }
            header_bytes += line.len();
            let text = trim_eol(&line);
            if text.is_empty() {
                break;
            }
            if header_bytes > MAX_HEADER_BYTES {
                let skipped = header_bytes as u64 + self.skip_to_next_record()?;
                return Ok(Next::Bad {
                    offset: start,
                    error: format!("headers over 1 MB: not WARC; skipped {skipped} bytes"),
                });
            }
            let text = String::from_utf8_lossy(text);
            match (text.starts_with([' ', '\t']), headers.last_mut()) {
                (true, Some(last)) => {
                    last.1.push(' ');
                    last.1.push_str(text.trim());
                }
                _ => {
                    if let Some((name, value)) = text.split_once(':') {
                        headers.push((name.trim().to_string(), value.trim().to_string()));
                    }
                }
            }
        }
        let length = headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case("Content-Length"))
            .and_then(|(_, v)| v.parse::<u64>().ok());
        let Some(length) = length else {
            let skipped = self.skip_to_next_record()?;
            return Ok(Next::Bad {
                offset: start,
                error: format!(
                    "record without a valid Content-Length; skipped {skipped} bytes to the next record"
                ),
            });
        };
        let keep = want_body(&headers);
        let mut body = Vec::new();
        // Bodies not wanted are read too when small, so that a wrong length
        // can be found and the records it swallowed recovered.
        let got = if keep || length <= MAX_SCANNED_BODY {
            (&mut self.reader).take(length).read_to_end(&mut body)? as u64
        } else {
            io::copy(&mut (&mut self.reader).take(length), &mut io::sink())?
        };
        self.offset += got;
        if got < length {
            // Either the file is cut short, or the length is too long and the
            // body holds the records after it.
            if let Some(at) = find_record_start(&body) {
                let rest = body.split_off(at);
                self.push_back(rest);
                return Ok(Next::Bad {
                    offset: start,
                    error: format!(
                        "Content-Length {length} runs past the next record; resumed there"
                    ),
                });
            }
            self.done = true;
            return Ok(Next::Bad {
                offset: start,
                error: format!(
                    "truncated record: Content-Length is {length} but the file ends after {got} bytes"
                ),
            });
        }
        // A record ends with two line breaks; anything else means its
        // Content-Length was wrong.
        if !self.at_record_end()? {
            // Too long a length swallows the next records: look for them in the body.
            if let Some(at) = find_record_start(&body) {
                let rest = body.split_off(at);
                self.push_back(rest);
            } else {
                self.skip_to_next_record()?;
            }
            return Ok(Next::Bad {
                offset: start,
                error: format!(
                    "Content-Length {length} does not end at a record boundary; resumed at the next record"
                ),
            });
        }
        if !keep {
            body = Vec::new();
        }
        Ok(Next::Record {
            offset: start,
            headers,
            body,
        })
    }

    fn read_line(&mut self, line: &mut Vec<u8>) -> io::Result<usize> {
        line.clear();
        let n = (&mut self.reader)
            .take(MAX_HEADER_BYTES as u64)
            .read_until(b'\n', line)?;
        self.offset += n as u64;
        Ok(n)
    }

    /// Reads the blank line(s) after a body: true if they are there (or the
    /// input ends).
    fn at_record_end(&mut self) -> io::Result<bool> {
        for _ in 0..2 {
            let buf = self.reader.fill_buf()?;
            let n = match buf {
                [] => return Ok(true),
                [b'\r', b'\n', ..] => 2,
                [b'\n', ..] => 1,
                [b'\r'] => 1,
                _ => return Ok(false),
            };
            self.reader.consume(n);
            self.offset += n as u64;
        }
        Ok(true)
    }

    /// Skips to the next line that starts a record; returns the bytes skipped.
    fn skip_to_next_record(&mut self) -> io::Result<u64> {
        let mut skipped = 0;
        let mut line = Vec::new();
        loop {
            let n = self.read_line(&mut line)?;
            if n == 0 {
                self.done = true;
                return Ok(skipped);
            }
            if line.starts_with(b"WARC/1.") {
                self.push_back(std::mem::take(&mut line));
                return Ok(skipped);
            }
            skipped += n as u64;
        }
    }

    /// Puts `bytes` back in front of the input, to be read again.
    fn push_back(&mut self, bytes: Vec<u8>) {
        self.offset -= bytes.len() as u64;
        let rest = std::mem::replace(&mut self.reader, Box::new(io::empty()));
        self.reader = Box::new(Cursor::new(bytes).chain(rest));
    }
}

fn trim_eol(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// Where a record's version line starts inside `body`, if one does.
fn find_record_start(body: &[u8]) -> Option<usize> {
    memchr::memmem::find_iter(body, b"\nWARC/1.")
        .next()
        .map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn records(input: &str) -> Vec<String> {
        let mut reader = WarcReader::new(Box::new(Cursor::new(input.as_bytes().to_vec())));
        let mut out = Vec::new();
        loop {
            match reader.next_record(|_| true).expect("in-memory read") {
                Next::Record { offset, body, .. } => {
                    out.push(format!("{offset}:{}", String::from_utf8_lossy(&body)))
                }
                Next::Bad { offset, error } => out.push(format!("{offset}!{error}")),
                Next::End => return out,
            }
        }
    }

    fn record(body: &str, eol: &str) -> String {
        format!(
            "WARC/1.0{eol}WARC-Type: conversion{eol}Content-Length: {}{eol}{eol}{body}{eol}{eol}",
            body.len()
        )
    }

    #[test]
    fn crlf_and_lf_files_give_the_same_records() {
        for eol in ["\r\n", "\n"] {
            let input = format!("{}{}", record("first page", eol), record("second", eol));
            let got = records(&input);
            assert_eq!(got.len(), 2, "{eol:?}: {got:?}");
            assert!(got[0].ends_with(":first page") && got[1].ends_with(":second"));
        }
    }

    #[test]
    fn a_wrong_content_length_costs_one_record_not_the_rest() {
        let good = record("good one", "\r\n");
        let too_long = "WARC/1.0\r\nContent-Length: 500\r\n\r\nshort body\r\n\r\n";
        let too_short = "WARC/1.0\r\nContent-Length: 3\r\n\r\nlonger body\r\n\r\n";
        let input = format!("{too_long}{good}{too_short}{good}");
        let got = records(&input);
        let bad = got.iter().filter(|r| r.contains('!')).count();
        let ok = got.iter().filter(|r| r.ends_with(":good one")).count();
        assert_eq!((bad, ok), (2, 2), "{got:?}");
    }

    #[test]
    fn junk_and_truncation_are_reported_with_offsets() {
        assert_eq!(records("{\"text\": \"json, not warc\"}\n").len(), 1);
        assert!(records("{\"a\": 1}\n")[0].starts_with("0!not a WARC record"));
        let cut = record("a page that goes on", "\r\n");
        let got = records(&cut[..cut.len() - 10]);
        assert!(got[0].starts_with("0!truncated record"), "{got:?}");
        let got = records("WARC/1.0\r\nContent-Len");
        assert!(got[0].contains("ends inside its headers"), "{got:?}");
    }
}
