//! Text that reaches a file name or a terminal: suggested file names made safe, and
//! control characters made visible.

use std::fmt::Write as _;

/// The longest suggested file name, in characters, before its extension.
pub const MAX_NAME_CHARS: usize = 80;

/// A file name to suggest for a document called `title` (an article's headline, which
/// any web page controls), ending in `.extension`.
///
/// The result names a file in the folder the user picks and nothing else: path
/// separators, characters Windows forbids (`<>:"|?*`) and control characters become
/// `-`, runs of spaces and dashes shrink to one, leading dots and spaces go (no hidden
/// file, no `..`), trailing dots and spaces go (Windows drops them), names Windows
/// reserves (`CON`, `NUL`, `COM1` …) get a `_` in front, and the name is cut to
/// [`MAX_NAME_CHARS`] characters. An empty result is `untitled`.
///
/// ```
/// use claimdesk::fsio::safe_file_name;
/// assert_eq!(safe_file_name("Harbour: the bridge/tunnel vote", "ron"), "Harbour- the bridge-tunnel vote.ron");
/// assert_eq!(safe_file_name("../../etc/passwd", "md"), "etc-passwd.md");
/// assert_eq!(safe_file_name("\u{1b}[31m.", "html"), "[31m.html");
/// ```
pub fn safe_file_name(title: &str, extension: &str) -> String {
    let mut name = String::new();
    for c in title.chars() {
        let c = if c.is_control()
            || matches!(c, '/' | '\\' | '<' | '>' | ':' | '"' | '|' | '?' | '*')
            || is_invisible(c)
        {
            '-'
        } else if c.is_whitespace() {
            ' '
        } else {
            c
        };
        let last = name.chars().next_back();
        if (c == ' ' && matches!(last, Some(' ') | None)) || (c == '-' && last == Some('-')) {
            continue;
        }
        name.push(c);
    }
    let trimmed = name.trim_matches(|c: char| matches!(c, '.' | ' ' | '-'));
    let cut = match trimmed.char_indices().nth(MAX_NAME_CHARS) {
        Some((at, _)) => &trimmed[..at],
        None => trimmed,
    };
    let cut = cut.trim_end_matches(['.', ' ', '-']);
    let mut out = if cut.is_empty() {
        "untitled".to_owned()
    } else if is_reserved_on_windows(cut) {
        format!("_{cut}")
    } else {
        cut.to_owned()
    };
    let extension = extension.trim_start_matches('.');
    if !extension.is_empty() {
        out.push('.');
        out.push_str(extension);
    }
    out
}

/// Format characters that change how text around them shows (bidirectional overrides
/// that make `gpj.exe` look like `exe.jpg`, zero-width spaces).
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}'
    )
}

fn is_reserved_on_windows(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name).trim_end();
    let upper = stem.to_ascii_uppercase();
    matches!(upper.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || ((upper.starts_with("COM") || upper.starts_with("LPT"))
            && upper.len() == 4
            && upper.as_bytes()[3].is_ascii_digit())
}

/// `text` safe to print on a terminal: control characters (ESC, which starts colour and
/// title sequences, BEL, backspace, carriage return, C1 controls) and bidirectional
/// overrides become visible escapes like `\u{1b}`; line feeds and tabs stay when
/// `keep_lines` is set and are escaped otherwise (a file name in an error message).
///
/// ```
/// use claimdesk::fsio::printable;
/// assert_eq!(printable("ok\u{1b}]0;pwned\u{7}", true), "ok\\u{1b}]0;pwned\\u{7}");
/// assert_eq!(printable("two\nlines", false), "two\\u{a}lines");
/// assert_eq!(printable("two\nlines", true), "two\nlines");
/// ```
pub fn printable(text: &str, keep_lines: bool) -> std::borrow::Cow<'_, str> {
    let unsafe_char =
        |c: char| (c.is_control() && !(keep_lines && matches!(c, '\n' | '\t'))) || is_invisible(c);
    if !text.chars().any(unsafe_char) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn separators_and_hidden_names_are_removed() {
        assert_eq!(safe_file_name("a/b\\c", "ron"), "a-b-c.ron");
        assert_eq!(safe_file_name("..", "ron"), "untitled.ron");
        assert_eq!(safe_file_name(".bashrc", "md"), "bashrc.md");
        assert_eq!(safe_file_name("   ", "md"), "untitled.md");
        assert_eq!(safe_file_name("Report. ", "csv"), "Report.csv");
    }

    #[test]
    fn windows_reserved_names_get_a_prefix() {
        assert_eq!(safe_file_name("con", "md"), "_con.md");
        assert_eq!(safe_file_name("COM1", "md"), "_COM1.md");
        assert_eq!(safe_file_name("Console", "md"), "Console.md");
    }

    #[test]
    fn long_titles_are_cut_on_a_char_boundary() {
        let title = "é".repeat(300);
        let name = safe_file_name(&title, "html");
        assert_eq!(name.chars().count(), MAX_NAME_CHARS + ".html".len());
    }

    #[test]
    fn bidi_overrides_and_escapes_do_not_survive() {
        let name = safe_file_name("photo\u{202e}gpj.exe", "md");
        assert_eq!(name, "photo-gpj.exe.md");
        assert_eq!(printable("a\u{202e}b", true), "a\\u{202e}b");
        assert_eq!(printable("a\rb\u{9b}c", true), "a\\u{d}b\\u{9b}c");
    }

    proptest! {
        #[test]
        fn any_title_gives_a_plain_name(title in any::<String>()) {
            let name = safe_file_name(&title, "ron");
            prop_assert!(name.ends_with(".ron"));
            prop_assert!(!name.starts_with('.'));
            prop_assert!(!name.contains(['/', '\\']));
            prop_assert!(!name.chars().any(|c| c.is_control()));
            prop_assert!(name.chars().count() <= MAX_NAME_CHARS + 4);
            let path = std::path::Path::new(&name);
            prop_assert_eq!(path.file_name().and_then(|n| n.to_str()), Some(name.as_str()));
        }

        #[test]
        fn printable_text_has_no_control_characters(text in any::<String>()) {
            let shown = printable(&text, false);
            prop_assert!(!shown.chars().any(|c| c.is_control()));
        }
    }
}
