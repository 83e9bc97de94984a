//! JSON Lines records, kept as they came in: every top-level field is held
//! as its raw JSON text and written back byte for byte, except the one that
//! holds the page text (reached by a dotted path, `page.body`) and the
//! fields deboiler adds.

use indexmap::IndexMap;
use serde_json::value::RawValue;
use serde_json::Value;

/// One JSON Lines record.
#[derive(Debug, Clone)]
pub struct JsonRecord {
    fields: IndexMap<String, Box<RawValue>>,
}

impl JsonRecord {
    /// Parses a JSON object; anything else is an error saying what it is.
    pub fn parse(text: &str) -> Result<JsonRecord, String> {
        if !text.trim_start().starts_with('{') {
            // Still report invalid JSON as such.
            return match serde_json::from_str::<serde::de::IgnoredAny>(text) {
                Ok(_) => Err("not a JSON object".into()),
                Err(e) => Err(format!("invalid JSON: {e}")),
            };
        }
        serde_json::from_str(text)
            .map(|fields| JsonRecord { fields })
            .map_err(|e| format!("invalid JSON: {e}"))
    }

    /// The value at a dotted path, parsed; `None` if a part is missing.
    pub fn get(&self, path: &str) -> Option<Value> {
        let mut parts = path.split('.');
        let raw = self.fields.get(parts.next()?)?;
        let mut value: Value = serde_json::from_str(raw.get()).ok()?;
        for part in parts {
            value = value.as_object_mut()?.remove(part)?;
        }
        Some(value)
    }

    /// The value at a dotted path as text for messages: a string as it
    /// reads, anything else as its JSON (a 30-digit id stays 30 digits).
    pub fn label(&self, path: &str) -> Option<String> {
        if !path.contains('.') {
            let raw = self.fields.get(path)?.get();
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

    /// A copy of the record with the value at `path` replaced; the field
    /// being replaced (the page text, the bulk of a record) is not copied.
    pub fn with(&self, path: &str, new: Value) -> JsonRecord {
        let Some((top, value)) = self.top_level_with(path, new) else {
            return self.clone();
        };
        let Ok(replacement) = serde_json::value::to_raw_value(&value) else {
            return self.clone();
        };
        let fields = self
            .fields
            .iter()
            .map(|(key, raw)| {
                let raw = if key == top {
                    replacement.clone()
                } else {
                    raw.clone()
                };
                (key.clone(), raw)
            })
            .collect();
        JsonRecord { fields }
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
        if let Ok(raw) = serde_json::value::to_raw_value(value) {
            self.fields.insert(key.to_string(), raw);
        }
    }

    /// The record as one JSON line (without the newline).
    pub fn to_line(&self) -> String {
        serde_json::to_string(&self.fields).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn untouched_fields_come_out_byte_for_byte() {
        let line = r#"{"id":123456789012345678901234567890,"e":1E2,"s":"caf\u00e9","page":{"body":"old","n":1.50},"t":"x"}"#;
        let record = JsonRecord::parse(line).unwrap();
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
        assert!(JsonRecord::parse("[1, 2]")
            .unwrap_err()
            .contains("not a JSON object"));
        assert!(JsonRecord::parse("{oops")
            .unwrap_err()
            .contains("invalid JSON"));
    }
}
