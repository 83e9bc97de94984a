//! JSON Lines records, kept as they came in: every top-level field is held
//! as its raw JSON text and written back byte for byte, except the one that
//! holds the page text (reached by a dotted path, `page.body`) and the
//! fields deboiler adds.

use indexmap::IndexMap;
use serde_json::value::RawValue;
use serde_json::Value;
use std::ops::Range;
use std::sync::Arc;

/// One JSON Lines record.
#[derive(Debug, Clone)]
pub struct JsonRecord {
    /// The line it was read from, shared by its copies: a field that is not
    /// replaced is written back from here, never copied on its own.
    line: Arc<String>,
    fields: IndexMap<String, Raw>,
}

/// A field's raw JSON text.
#[derive(Debug, Clone)]
enum Raw {
    /// Where it is in the line.
    Span(Range<usize>),
    /// Written since (the cleaned text, an added field).
    Written(String),
}

impl JsonRecord {
    /// Parses a line holding a JSON object, which the record keeps;
    /// anything else is an error saying what it is, with the line.
    pub fn from_line(line: String) -> Result<JsonRecord, (String, String)> {
        match spans(&line) {
            Ok(fields) => Ok(JsonRecord {
                line: Arc::new(line),
                fields,
            }),
            Err(error) => Err((error, line)),
        }
    }

    fn raw(&self, key: &str) -> Option<&str> {
        self.fields.get(key).map(|raw| self.text(raw))
    }

    fn text<'a>(&'a self, raw: &'a Raw) -> &'a str {
        match raw {
            Raw::Span(span) => &self.line[span.clone()],
            Raw::Written(text) => text,
        }
    }

    /// The value at a dotted path, parsed; `None` if a part is missing.
    pub fn get(&self, path: &str) -> Option<Value> {
        let mut parts = path.split('.');
        let raw = self.raw(parts.next()?)?;
        let mut value: Value = serde_json::from_str(raw).ok()?;
        for part in parts {
            value = value.as_object_mut()?.remove(part)?;
        }
        Some(value)
    }

    /// The value at a dotted path as text for messages: a string as it
    /// reads, anything else as its JSON (a 30-digit id stays 30 digits).
    pub fn label(&self, path: &str) -> Option<String> {
        if !path.contains('.') {
            let raw = self.raw(path)?;
            // Only a string is parsed: numeric ids, the common case, are
            // their JSON as it is, without a parse error made and dropped.
            if !raw.starts_with('"') {
                return Some(raw.to_string());
            }
            return Some(match serde_json::from_str::<String>(raw) {
                Ok(text) => text,
                Err(_) => raw.to_string(),
            });
        }
        self.get(path).map(|v| match v {
            Value::String(s) => s,
            other => other.to_string(),
        })
    }

    /// A copy of the record with the value at `path` replaced; the line
    /// is shared, not copied.
    pub fn with(&self, path: &str, new: Value) -> JsonRecord {
        let Some((top, value)) = self.top_level_with(path, new) else {
            return self.clone();
        };
        let Ok(replacement) = serde_json::to_string(&value) else {
            return self.clone();
        };
        let mut record = self.clone();
        if let Some(raw) = record.fields.get_mut(top) {
            *raw = Raw::Written(replacement);
        }
        record
    }

    /// The top-level field that holds `path`, with `new` put at `path`.
    fn top_level_with<'p>(&self, path: &'p str, new: Value) -> Option<(&'p str, Value)> {
        let mut parts: Vec<&str> = path.split('.').collect();
        let top = parts.remove(0);
        let Some(last) = parts.pop() else {
            return Some((top, new));
        };
        let mut value = self.get(top)?;
        let mut map = &mut value;
        for part in parts {
            map = map.get_mut(part)?;
        }
        map.as_object_mut()?.insert(last.to_string(), new);
        Some((top, value))
    }

    /// Whether the record has a top-level field `key`.
    pub fn contains(&self, key: &str) -> bool {
        self.fields.contains_key(key)
    }

    /// Adds or replaces a top-level field.
    pub fn insert(&mut self, key: &str, value: &Value) {
        if let Ok(raw) = serde_json::to_string(value) {
            self.fields.insert(key.to_string(), Raw::Written(raw));
        }
    }

    /// The record as one JSON line (without the newline).
    pub fn to_line(&self) -> String {
        let mut line = String::new();
        self.write_line(&mut line);
        line
    }

    /// Appends the record as one JSON line (without the newline), written
    /// as `serde_json` writes a map: compact, keys escaped.
    pub fn write_line(&self, out: &mut String) {
        let size: usize = (self.fields.iter())
            .map(|(key, raw)| key.len() + 4 + self.text(raw).len())
            .sum();
        out.reserve(size + 2);
        out.push('{');
        for (i, (key, raw)) in self.fields.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            push_key(out, key);
            out.push(':');
            out.push_str(self.text(raw));
        }
        out.push('}');
    }
}

/// The record's top-level fields as spans of `line`.
fn spans(line: &str) -> Result<IndexMap<String, Raw>, String> {
    if !line.trim_start().starts_with('{') {
        // Still report invalid JSON as such.
        return match serde_json::from_str::<serde::de::IgnoredAny>(line) {
            Ok(_) => Err("not a JSON object".into()),
            Err(e) => Err(format!("invalid JSON: {e}")),
        };
    }
    let fields: IndexMap<String, &RawValue> =
        serde_json::from_str(line).map_err(|e| format!("invalid JSON: {e}"))?;
    let base = line.as_ptr() as usize;
    Ok(fields
        .into_iter()
        .map(|(key, raw)| {
            let start = raw.get().as_ptr() as usize - base;
            (key, Raw::Span(start..start + raw.get().len()))
        })
        .collect())
}

/// `key` as a JSON string: as it is unless it holds a quote, a backslash
/// or a control character, which only `serde_json` escapes.
fn push_key(out: &mut String, key: &str) {
    if key.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\') {
        out.push_str(&serde_json::to_string(key).unwrap_or_default());
    } else {
        out.push('"');
        out.push_str(key);
        out.push('"');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lines come out as `serde_json` writes a map of their raw fields:
    /// compact, keys escaped as it escapes them, a repeated key in its first
    /// place with its last value.
    #[test]
    fn lines_are_written_as_serde_json_writes_the_raw_fields() {
        for line in [
            r#"{ "a" : 1 , "b" : [1, 2] }"#,
            r#"{"k\"q":"x","tab\tkey":true,"caf\u00e9":null,"\u0001":{}}"#,
            r#"{"a":1,"b":2,"a":3}"#,
            r#"{}"#,
        ] {
            let raw: IndexMap<String, Box<RawValue>> = serde_json::from_str(line).unwrap();
            let expected = serde_json::to_string(&raw).unwrap();
            assert_eq!(
                JsonRecord::from_line(line.into()).unwrap().to_line(),
                expected
            );
        }
    }

    #[test]
    fn labels_read_strings_and_keep_other_values_as_written() {
        let line = r#"{"s":"caf\u00e9 \"x\"","n":-1.50,"b":true,"z":null,"o":{"k":"v"}}"#;
        let record = JsonRecord::from_line(line.into()).unwrap();
        let label = |key: &str| record.label(key);
        assert_eq!(label("s").as_deref(), Some("café \"x\""));
        assert_eq!(label("n").as_deref(), Some("-1.50"));
        assert_eq!(label("b").as_deref(), Some("true"));
        assert_eq!(label("z").as_deref(), Some("null"));
        assert_eq!(label("o").as_deref(), Some(r#"{"k":"v"}"#));
        assert_eq!(label("o.k").as_deref(), Some("v"));
        assert_eq!(label("missing"), None);
    }

    #[test]
    fn untouched_fields_come_out_byte_for_byte() {
        let line = r#"{"id":123456789012345678901234567890,"e":1E2,"s":"caf\u00e9","page":{"body":"old","n":1.50},"t":"x"}"#;
        let record = JsonRecord::from_line(line.into()).unwrap();
        assert_eq!(
            record.label("id").as_deref(),
            Some("123456789012345678901234567890")
        );
        let record = record.with("t", Value::String("new".into()));
        assert_eq!(
            record.to_line(),
            r#"{"id":123456789012345678901234567890,"e":1E2,"s":"caf\u00e9","page":{"body":"old","n":1.50},"t":"new"}"#
        );
        let record = record.with("page.body", Value::String("cleaned".into()));
        assert_eq!(
            record.get("page.body"),
            Some(Value::String("cleaned".into()))
        );
        assert!(record.to_line().ends_with(r#""t":"new"}"#));
        let (error, line) = JsonRecord::from_line("[1, 2]".into()).unwrap_err();
        assert!(error.contains("not a JSON object"));
        assert_eq!(line, "[1, 2]");
        let (error, _) = JsonRecord::from_line("{oops".into()).unwrap_err();
        assert!(error.contains("invalid JSON"));
    }
}
