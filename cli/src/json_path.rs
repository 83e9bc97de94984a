//! Dotted paths (`page.body`) into JSON records.

use serde_json::{Map, Value};

/// The value at a dotted path (`page.body`) of a JSON object.
pub(crate) fn get_path<'v>(record: &'v Map<String, Value>, path: &str) -> Option<&'v Value> {
    let mut parts = path.split('.');
    let mut value = record.get(parts.next()?)?;
    for part in parts {
        value = value.as_object()?.get(part)?;
    }
    Some(value)
}

/// Sets the value at a dotted path that `get_path` found.
pub(crate) fn set_path(record: &mut Map<String, Value>, path: &str, new: Value) {
    let mut parts: Vec<&str> = path.split('.').collect();
    let Some(last) = parts.pop() else { return };
    let mut map = record;
    for part in parts {
        match map.get_mut(part).and_then(Value::as_object_mut) {
            Some(inner) => map = inner,
            None => return,
        }
    }
    map.insert(last.to_string(), new);
}
