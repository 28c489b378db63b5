//! The one place that makes device and user data safe for a terminal. A camera may put any
//! bytes in its banner or title (clear screen, a new window title, a cursor move); every table
//! and message that carries such data passes it through [`escape`] (or [`clip`]) first.

/// `println!` that returns the write error instead of panicking, so a closed pipe
/// (`camsweep plan list | head -1`) ends the command quietly (`exit.rs` maps it to exit 0).
macro_rules! outln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout().lock(), $($arg)*)
    }};
}

/// `print!` that returns the write error instead of panicking (see [`outln!`]).
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        write!(std::io::stdout().lock(), $($arg)*)
    }};
}

/// Replaces control characters (C0, DEL, C1: which includes ESC and CSI) by a visible `\u{..}`
/// form, so a device's text can never drive the operator's terminal.
pub fn escape(text: &str) -> String {
    if !text.chars().any(char::is_control) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_control() {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// An error with its causes, `a: b: c`, each cause once: a cause whose text the one before it
/// already holds is left out (sqlx's database error repeats its source's text, so the
/// register's open failure printed "unable to open database file" twice). Device and file text
/// inside errors is escaped; the line breaks of a multi-line error (an estate file's list of
/// problems) are kept.
pub fn error_text(err: &anyhow::Error) -> String {
    let mut parts: Vec<String> = Vec::new();
    for cause in err.chain() {
        let text = cause.to_string();
        if text.is_empty() || parts.last().is_some_and(|last| last.contains(&text)) {
            continue;
        }
        parts.push(text);
    }
    parts
        .join(": ")
        .split('\n')
        .map(escape)
        .collect::<Vec<_>>()
        .join("\n")
}

/// [`escape`], then cut to `width` characters with an ellipsis, for table columns.
pub fn clip(text: &str, width: usize) -> String {
    let text = escape(text);
    if text.chars().count() <= width {
        text
    } else {
        let mut out: String = text.chars().take(width.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

/// Output formats of the commands that print text or JSON (`kb`, `policy`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TextFormat {
    Text,
    Json,
}

/// Pretty JSON and a newline. Serialises first, so that a closed stdout surfaces as an
/// `io::Error` (a broken pipe, which the binary treats as success) rather than inside a
/// `serde_json::Error`.
pub fn write_json(
    out: &mut impl std::io::Write,
    value: &impl serde::Serialize,
) -> anyhow::Result<()> {
    let text = serde_json::to_string_pretty(value)?;
    writeln!(out, "{text}")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_from_devices_become_visible_text() {
        assert_eq!(escape("App-webs/"), "App-webs/");
        assert_eq!(
            escape("\u{1b}[2J\u{1b}]0;pwned\u{7}cam"),
            "\\u{1b}[2J\\u{1b}]0;pwned\\u{7}cam"
        );
        assert_eq!(escape("a\u{9b}b"), "a\\u{9b}b", "C1 CSI");
        assert_eq!(escape("line\nbreak"), "line\\u{a}break");
        assert!(!clip("\u{1b}[31mred title", 8).contains('\u{1b}'));
        assert_eq!(clip("abcdefgh", 4), "abc…");
    }

    /// Regression: opening a register in a missing directory printed sqlx's cause twice.
    #[test]
    fn each_cause_is_printed_once_and_device_text_is_escaped() {
        #[derive(Debug)]
        struct Outer(Inner);
        #[derive(Debug)]
        struct Inner;
        impl std::fmt::Display for Outer {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "error returned from database: {}", self.0)
            }
        }
        impl std::fmt::Display for Inner {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("(code: 14) unable to open database file")
            }
        }
        impl std::error::Error for Outer {
            fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
                Some(&self.0)
            }
        }
        impl std::error::Error for Inner {}
        let err = anyhow::Error::new(Outer(Inner)).context("cannot open the register at x.db");
        assert_eq!(
            error_text(&err),
            "cannot open the register at x.db: error returned from database: (code: 14) unable \
             to open database file"
        );
        let err = anyhow::anyhow!("the estate file has 1 error(s):\n  e.toml:2: title \u{1b}[2J");
        assert_eq!(
            error_text(&err),
            "the estate file has 1 error(s):\n  e.toml:2: title \\u{1b}[2J"
        );
    }
}
