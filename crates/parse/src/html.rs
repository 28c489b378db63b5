//! HTML: the page title.

use crate::text::{collapse_whitespace, decode_entities, find_ascii_ci};

/// How far into a page the title is looked for; device pages put it in the first few KiB.
const TITLE_SEARCH_LIMIT: usize = 256 * 1024;
/// Longest title kept.
const TITLE_MAX: usize = 1024;

/// The text of the first `<title>` element, entities decoded and whitespace collapsed.
///
/// Tolerant: attributes on `<title ...>`, any letter case, a missing `</title>` (the title then
/// runs to the next `<`). Returns `None` when there is no title or it is empty.
pub fn title(html: &str) -> Option<String> {
    let bytes = &html.as_bytes()[..html.len().min(TITLE_SEARCH_LIMIT)];
    let mut from = 0;
    let start = loop {
        let at = from + find_ascii_ci(&bytes[from..], b"<title")?;
        let after = at + 6;
        // `<titlebar>` is not a title.
        match bytes.get(after) {
            Some(b'>') | Some(b' ') | Some(b'\t') | Some(b'\r') | Some(b'\n') | Some(b'/') => {
                let close = bytes[after..].iter().position(|&b| b == b'>')?;
                break after + close + 1;
            }
            _ => from = after,
        }
    };
    let rest = &bytes[start..];
    let end = find_ascii_ci(rest, b"</title")
        .or_else(|| rest.iter().position(|&b| b == b'<'))
        .unwrap_or(rest.len());
    // start/end are at ASCII bytes or the end of the searched prefix: find a char boundary.
    let mut end = start + end;
    while !html.is_char_boundary(end) {
        end -= 1;
    }
    let raw = &html[start..end];
    let text = collapse_whitespace(&decode_entities(raw)).into_owned();
    if text.is_empty() {
        None
    } else {
        Some(crate::text::truncate(&text, TITLE_MAX).to_owned())
    }
}

/// Whether a body looks like HTML (cheap sniff of the first bytes).
pub(crate) fn looks_like_html(body: &str) -> bool {
    let head = &body.as_bytes()[..body.len().min(1024)];
    find_ascii_ci(head, b"<html").is_some()
        || find_ascii_ci(head, b"<!doctype html").is_some()
        || find_ascii_ci(head, b"<head").is_some()
        || find_ascii_ci(head, b"<title").is_some()
}

#[cfg(test)]
mod tests {
    use super::title;

    #[test]
    fn finds_titles() {
        assert_eq!(
            title("<html><head><TITLE>\n  Web  Service </TITLE>").as_deref(),
            Some("Web Service")
        );
        assert_eq!(
            title("<title lang=\"en\">NVR &amp; DVR</title>").as_deref(),
            Some("NVR & DVR")
        );
        assert_eq!(
            title("<titlebar>x</titlebar><title>Real</title>").as_deref(),
            Some("Real")
        );
        assert_eq!(
            title("<title>unterminated").as_deref(),
            Some("unterminated")
        );
        assert_eq!(title("<title></title>"), None);
        assert_eq!(title("no title here"), None);
        assert_eq!(
            title("<title>中文标题</title>").as_deref(),
            Some("中文标题")
        );
    }
}
