//! A bounded, non-expanding XML walker on quick-xml, shared by the vendor XML parsers.
//!
//! Device XML is small and flat; every vendor parser only needs element names and the text of
//! leaf elements. The walker reports those, with limits on nesting depth, element count and
//! text size. It never interprets a DOCTYPE: declared entities are not expanded (a reference to
//! one is kept literally as `&name;`), so billion-laughs and XXE payloads are inert.

use quick_xml::Reader;
use quick_xml::escape::resolve_xml_entity;
use quick_xml::events::Event;

use crate::ParseError;

/// Deepest element nesting accepted.
pub const MAX_DEPTH: usize = 64;
/// Most elements accepted in one document.
pub const MAX_ELEMENTS: usize = 20_000;
/// Longest text kept for one element; the rest is dropped.
const MAX_TEXT: usize = 64 * 1024;

/// What the walker reports.
#[derive(Debug)]
pub(crate) enum XmlEvent<'e> {
    /// An element opened. `name` and `parent` are local names (prefix stripped); `depth` is 1
    /// for the root.
    Open {
        name: &'e str,
        parent: &'e str,
        depth: usize,
    },
    /// An element without child elements closed (or the document ended inside it); `text` is
    /// its trimmed text with references resolved.
    Leaf {
        name: &'e str,
        parent: &'e str,
        text: &'e str,
    },
}

struct Open {
    name: String,
    text: String,
    has_children: bool,
}

fn local(qname: &str) -> String {
    match qname.rfind(':') {
        Some(colon) => qname[colon + 1..].to_owned(),
        None => qname.to_owned(),
    }
}

/// Walks `input`, calling `visit` for each element opened and each leaf closed. Returns the
/// root element's local name (`None` if there is no element at all).
pub(crate) fn walk(
    what: &'static str,
    input: &str,
    mut visit: impl FnMut(XmlEvent<'_>),
) -> Result<Option<String>, ParseError> {
    let mut reader = Reader::from_str(input);
    {
        let config = reader.config_mut();
        // Devices produce sloppy XML; being strict about end names or stray '&' only loses
        // evidence. Nothing here can make the walk unbounded.
        config.check_end_names = false;
        config.allow_unmatched_ends = true;
        config.allow_dangling_amp = true;
    }
    let mut stack: Vec<Open> = Vec::with_capacity(16);
    let mut root: Option<String> = None;
    let mut elements = 0usize;
    loop {
        let offset = reader.buffer_position() as usize;
        let event = reader.read_event().map_err(|e| ParseError::Xml {
            what,
            offset: reader.error_position() as usize,
            message: e.to_string(),
        })?;
        match event {
            Event::Start(ref start) | Event::Empty(ref start) => {
                let is_empty = matches!(event, Event::Empty(_));
                elements += 1;
                if elements > MAX_ELEMENTS {
                    return Err(ParseError::LimitExceeded {
                        what,
                        limit_name: "XML elements",
                        limit: MAX_ELEMENTS,
                        offset: Some(offset),
                    });
                }
                if stack.len() >= MAX_DEPTH {
                    return Err(ParseError::LimitExceeded {
                        what,
                        limit_name: "XML nesting levels",
                        limit: MAX_DEPTH,
                        offset: Some(offset),
                    });
                }
                let name = local(start.name().as_ref());
                if root.is_none() {
                    root = Some(name.clone());
                }
                let depth = stack.len() + 1;
                let parent = match stack.last_mut() {
                    Some(top) => {
                        top.has_children = true;
                        top.name.as_str()
                    }
                    None => "",
                };
                visit(XmlEvent::Open {
                    name: &name,
                    parent,
                    depth,
                });
                if is_empty {
                    visit(XmlEvent::Leaf {
                        name: &name,
                        parent,
                        text: "",
                    });
                } else {
                    stack.push(Open {
                        name,
                        text: String::new(),
                        has_children: false,
                    });
                }
            }
            Event::End(_) => {
                if let Some(open) = stack.pop()
                    && !open.has_children
                {
                    let parent = stack.last().map_or("", |p| p.name.as_str());
                    visit(XmlEvent::Leaf {
                        name: &open.name,
                        parent,
                        text: open.text.trim(),
                    });
                }
            }
            Event::Text(text) => {
                if let Some(top) = stack.last_mut() {
                    push_bounded(&mut top.text, &text.xml10_content());
                }
            }
            Event::CData(data) => {
                if let Some(top) = stack.last_mut() {
                    push_bounded(&mut top.text, &data.xml10_content());
                }
            }
            Event::GeneralRef(reference) => {
                if let Some(top) = stack.last_mut() {
                    let name = reference.xml10_content();
                    if let Ok(Some(c)) = reference.resolve_char_ref() {
                        let mut buf = [0u8; 4];
                        push_bounded(&mut top.text, c.encode_utf8(&mut buf));
                    } else if let Some(s) = resolve_xml_entity(&name) {
                        push_bounded(&mut top.text, s);
                    } else {
                        // Never expanded: kept as written.
                        push_bounded(&mut top.text, "&");
                        push_bounded(&mut top.text, &name);
                        push_bounded(&mut top.text, ";");
                    }
                }
            }
            Event::Eof => break,
            // DOCTYPE (never interpreted), comments, PIs, declarations.
            _ => {}
        }
    }
    // A truncated document: report what the innermost open element held.
    if let Some(open) = stack.pop()
        && !open.has_children
        && !open.text.trim().is_empty()
    {
        let parent = stack.last().map_or("", |p| p.name.as_str());
        visit(XmlEvent::Leaf {
            name: &open.name,
            parent,
            text: open.text.trim(),
        });
    }
    Ok(root)
}

fn push_bounded(text: &mut String, more: &str) {
    if text.len() < MAX_TEXT {
        text.push_str(crate::text::truncate(more, MAX_TEXT - text.len()));
    }
}

/// The local name of the root element, if the input parses that far.
pub fn root_name(input: &str) -> Option<String> {
    let mut reader = Reader::from_str(input);
    reader.config_mut().allow_dangling_amp = true;
    for _ in 0..64 {
        match reader.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => return Some(local(e.name().as_ref())),
            Ok(Event::Eof) | Err(_) => return None,
            Ok(_) => {}
        }
    }
    None
}

/// The text of the first leaf element with each of `names` (local names, exact case), and the
/// root element's local name.
pub(crate) fn first_leaves<const N: usize>(
    what: &'static str,
    input: &str,
    names: [&str; N],
) -> Result<(Option<String>, [Option<String>; N]), ParseError> {
    let mut found: [Option<String>; N] = std::array::from_fn(|_| None);
    let root = walk(what, input, |event| {
        if let XmlEvent::Leaf { name, text, .. } = event
            && let Some(i) = names.iter().position(|n| *n == name)
            && found[i].is_none()
            && !text.is_empty()
        {
            found[i] = Some(text.to_owned());
        }
    })?;
    Ok((root, found))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leaves(input: &str) -> Result<Vec<(String, String)>, ParseError> {
        let mut out = Vec::new();
        walk("test", input, |e| {
            if let XmlEvent::Leaf { name, text, .. } = e {
                out.push((name.to_owned(), text.to_owned()));
            }
        })?;
        Ok(out)
    }

    #[test]
    fn reports_leaves_with_references_resolved() {
        let got =
            leaves("<a:r xmlns:a='x'><a:k>v &amp; w&#33;</a:k><e/><p><![CDATA[<c>]]></p></a:r>")
                .unwrap();
        assert_eq!(
            got,
            vec![
                ("k".into(), "v & w!".into()),
                ("e".into(), String::new()),
                ("p".into(), "<c>".into())
            ]
        );
    }

    #[test]
    fn billion_laughs_is_not_expanded() {
        let bomb = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><lolz>&lol3;</lolz>"#;
        assert_eq!(
            leaves(bomb).unwrap(),
            vec![("lolz".into(), "&lol3;".into())]
        );
        let xxe = r#"<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><r>&xxe;</r>"#;
        assert_eq!(leaves(xxe).unwrap(), vec![("r".into(), "&xxe;".into())]);
    }

    #[test]
    fn depth_and_element_limits_are_enforced() {
        let deep = "<a>".repeat(MAX_DEPTH + 1);
        let err = leaves(&deep).unwrap_err();
        assert!(
            matches!(
                err,
                ParseError::LimitExceeded {
                    limit: MAX_DEPTH,
                    ..
                }
            ),
            "{err}"
        );
        let wide = format!("<r>{}</r>", "<e/>".repeat(MAX_ELEMENTS + 1));
        let err = leaves(&wide).unwrap_err();
        assert!(
            matches!(
                err,
                ParseError::LimitExceeded {
                    limit: MAX_ELEMENTS,
                    ..
                }
            ),
            "{err}"
        );
    }

    #[test]
    fn truncated_document_keeps_what_arrived() {
        assert_eq!(
            leaves("<r><model>DS-2CD</model><serial>DS-2").unwrap(),
            vec![
                ("model".into(), "DS-2CD".into()),
                ("serial".into(), "DS-2".into())
            ]
        );
    }
}
