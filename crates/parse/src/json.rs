//! Shared helpers for the JSON discovery replies (DHIP, DVR-IP).

use serde_json::Value;

use crate::ParseError;

/// Reads the first JSON value in `bytes` (trailing bytes, e.g. a NUL or a newline, are
/// ignored). serde_json bounds nesting at 128 levels, so deep input is an error, not a stack
/// overflow.
pub(crate) fn first_value(what: &'static str, bytes: &[u8]) -> Result<Value, ParseError> {
    let mut stream = serde_json::Deserializer::from_slice(bytes).into_iter::<Value>();
    match stream.next() {
        Some(Ok(value)) => Ok(value),
        Some(Err(err)) => Err(ParseError::json(what, &err)),
        None => Err(ParseError::Malformed {
            what,
            expected: "a JSON value",
            offset: None,
        }),
    }
}

/// The offset of the first `{` at or after `from`.
pub(crate) fn find_object_start(bytes: &[u8], from: usize) -> Option<usize> {
    bytes
        .get(from..)?
        .iter()
        .position(|&b| b == b'{')
        .map(|p| p + from)
}

/// A string or number member of `object`, looked up by key with surrounding spaces ignored
/// (XiongMai firmware sends `"DeviceType "`).
pub(crate) fn member<'v>(object: &'v Value, key: &str) -> Option<std::borrow::Cow<'v, str>> {
    let map = object.as_object()?;
    let value = map.get(key).or_else(|| {
        map.iter()
            .find(|(k, _)| k.trim().eq_ignore_ascii_case(key))
            .map(|(_, v)| v)
    })?;
    match value {
        Value::String(s) => Some(std::borrow::Cow::Borrowed(s.as_str())),
        Value::Number(n) => Some(std::borrow::Cow::Owned(n.to_string())),
        _ => None,
    }
}
