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

/// An error with its causes, each once (`camsweep_app::error::causes_once`), escaped for the
/// terminal; the line breaks of a multi-line error (an estate file's problems) are kept.
pub fn error_text(err: &anyhow::Error) -> String {
    let text = camsweep_app::error::causes_once(err.as_ref());
    text.split('\n').map(escape).collect::<Vec<_>>().join("\n")
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
}
