//! Finding the line of a value inside JSON text by its path (`devices[3].address`), so that a
//! problem found after parsing (an address that is not one, a date in 2099) can be reported as
//! `file:line` like a syntax error. serde_json keeps no positions for values; this walks the
//! text once per lookup, skipping what is off the path, without allocating per value.

/// One step of a path into a JSON document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// A member of an object.
    Key(&'static str),
    /// An element of an array.
    Index(usize),
}

/// The 1-based line where the value at `path` starts in `text`, or `None` when the path is not
/// there (or the text is not JSON: the caller parsed it already, so that does not happen).
pub fn line_of(text: &[u8], path: &[Step]) -> Option<usize> {
    let mut walker = Walker { text, pos: 0 };
    walker.skip_ws();
    for step in path {
        match step {
            Step::Key(key) => walker.enter_member(key)?,
            Step::Index(i) => walker.enter_element(*i)?,
        }
        walker.skip_ws();
    }
    let before = &text[..walker.pos.min(text.len())];
    Some(1 + before.iter().filter(|&&b| b == b'\n').count())
}

struct Walker<'a> {
    text: &'a [u8],
    pos: usize,
}

impl<'a> Walker<'a> {
    fn peek(&self) -> Option<u8> {
        self.text.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\r' | b'\n')) {
            self.pos += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> Option<()> {
        self.skip_ws();
        (self.peek()? == byte).then(|| self.pos += 1)
    }

    /// Skips a string (at its opening quote); returns its raw contents.
    fn string(&mut self) -> Option<&'a [u8]> {
        self.eat(b'"')?;
        let start = self.pos;
        loop {
            match self.peek()? {
                b'"' => break,
                b'\\' => self.pos += 2,
                _ => self.pos += 1,
            }
        }
        let raw = &self.text[start..self.pos];
        self.pos += 1;
        Some(raw)
    }

    /// Skips one value of any kind. Depth is the parser's problem: the text was parsed already,
    /// and nesting is counted, not recursed.
    fn skip_value(&mut self) -> Option<()> {
        self.skip_ws();
        match self.peek()? {
            b'"' => self.string().map(drop),
            b'{' | b'[' => {
                let mut depth = 0usize;
                loop {
                    match self.peek()? {
                        b'"' => {
                            self.string()?;
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth -= 1;
                            if depth == 0 {
                                self.pos += 1;
                                return Some(());
                            }
                        }
                        _ => {}
                    }
                    self.pos += 1;
                }
            }
            _ => {
                while !matches!(
                    self.peek(),
                    None | Some(b',' | b'}' | b']' | b' ' | b'\t' | b'\r' | b'\n')
                ) {
                    self.pos += 1;
                }
                Some(())
            }
        }
    }

    fn enter_member(&mut self, key: &str) -> Option<()> {
        self.eat(b'{')?;
        loop {
            self.skip_ws();
            if self.peek()? == b'}' {
                return None;
            }
            let name = self.string()?;
            self.eat(b':')?;
            if name == key.as_bytes() {
                self.skip_ws();
                return Some(());
            }
            self.skip_value()?;
            self.skip_ws();
            if self.peek()? == b',' {
                self.pos += 1;
            }
        }
    }

    fn enter_element(&mut self, index: usize) -> Option<()> {
        self.eat(b'[')?;
        for _ in 0..index {
            self.skip_ws();
            if self.peek()? == b']' {
                return None;
            }
            self.skip_value()?;
            self.eat(b',')?;
        }
        self.skip_ws();
        (self.peek()? != b']').then_some(())
    }
}

#[cfg(test)]
mod tests {
    use super::Step::{Index, Key};
    use super::*;

    const DOC: &str = r#"{
  "scan": {"id": "a\"}", "targets": ["x", "y"]},
  "devices": [
    {"address": "127.0.0.1", "nested": {"a": [1, {"b": "]"}]}},
    {
      "address": "not-an-ip",
      "observations": [
        {"kind": "mac", "value": "zz"}
      ]
    }
  ]
}"#;

    #[test]
    fn finds_the_line_of_a_value_by_its_path() {
        let t = DOC.as_bytes();
        assert_eq!(
            line_of(t, &[Key("scan"), Key("targets"), Index(1)]),
            Some(2)
        );
        assert_eq!(
            line_of(t, &[Key("devices"), Index(0), Key("address")]),
            Some(4)
        );
        assert_eq!(
            line_of(t, &[Key("devices"), Index(1), Key("address")]),
            Some(6)
        );
        assert_eq!(
            line_of(
                t,
                &[
                    Key("devices"),
                    Index(1),
                    Key("observations"),
                    Index(0),
                    Key("value")
                ]
            ),
            Some(8)
        );
        assert_eq!(line_of(t, &[Key("devices"), Index(2)]), None);
        assert_eq!(line_of(t, &[Key("nope")]), None);
        assert_eq!(line_of(b"not json", &[Key("a")]), None);
        assert_eq!(line_of(b"", &[Index(0)]), None);
    }
}
