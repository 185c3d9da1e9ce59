//! Bytes to text: byte-order marks, UTF-8 with a Windows-1252 fallback, line endings.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

use super::Failure;

/// A file's text, and a warning when it was not read as UTF-8.
#[derive(Debug)]
pub(super) struct Decoded {
    pub(super) text: String,
    pub(super) warning: Option<String>,
}

/// Decodes a file's bytes.
///
/// A byte-order mark picks the encoding and is dropped. Without one, UTF-8 is tried; a
/// web page (`html`) that is not valid UTF-8 is decoded with the charset its `<meta>`
/// declares, and anything else with Windows-1252 plus a warning. CRLF and lone CR become
/// LF; nothing else changes, so offsets match the file for UTF-8 text with LF endings.
///
/// Empty input and input with NUL characters (a binary file) are refused.
pub(super) fn decode(bytes: &[u8], html: bool) -> Result<Decoded, Failure> {
    if bytes.is_empty() {
        return Err(Failure::Empty);
    }
    let (text, warning) = match Encoding::for_bom(bytes) {
        Some((encoding, bom_len)) => {
            let body = bytes.get(bom_len..).unwrap_or_default();
            if encoding == UTF_8 {
                decode_unmarked(body, html)?
            } else {
                let (text, had_errors) = encoding.decode_without_bom_handling(body);
                if text.contains('\0') {
                    return Err(Failure::Binary);
                }
                let warning = had_errors.then(|| {
                    format!(
                        "not valid {}; unreadable bytes were replaced with \u{fffd}",
                        encoding.name()
                    )
                });
                (text.into_owned(), warning)
            }
        }
        None => decode_unmarked(bytes, html)?,
    };
    Ok(Decoded {
        text: normalize_line_endings(text),
        warning,
    })
}

fn decode_unmarked(bytes: &[u8], html: bool) -> Result<(String, Option<String>), Failure> {
    if bytes.contains(&0) {
        return Err(Failure::Binary);
    }
    let bad_at = match std::str::from_utf8(bytes) {
        Ok(text) => return Ok((text.to_owned(), None)),
        Err(e) => e.valid_up_to(),
    };
    if html
        && let Some(encoding) = declared_charset(bytes)
        && encoding != UTF_8
    {
        let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
        let warning = had_errors.then(|| {
            format!(
                "not valid {} as the page declares; unreadable bytes were replaced with \u{fffd}",
                encoding.name()
            )
        });
        return Ok((text.into_owned(), warning));
    }
    let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
    let warning = format!(
        "not valid UTF-8 (first bad byte at offset {bad_at}); read as Windows-1252, \
         so check accented letters and curly quotes"
    );
    Ok((text.into_owned(), Some(warning)))
}

/// The encoding named by `charset=` in the first few kilobytes of a page, as browsers
/// look for it (`<meta charset="…">` or `<meta http-equiv … content="…; charset=…">`).
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes.get(..4096).unwrap_or(bytes).to_ascii_lowercase();
    let at = head.windows(8).position(|w| w == b"charset=")?;
    let rest = head.get(at + 8..)?;
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| matches!(b, b'"' | b'\'' | b';' | b'>' | b'/') || b.is_ascii_whitespace())
        .unwrap_or(rest.len());
    // A page can't really be UTF-16 if its <meta> was readable as ASCII: browsers read UTF-8.
    Encoding::for_label(rest.get(..end)?).map(Encoding::output_encoding)
}

/// CRLF and lone CR become LF; text without CR is returned as is (no copy).
fn normalize_line_endings(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            chars.next_if_eq(&'\n');
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(bytes: &[u8]) -> String {
        decode(bytes, false).map(|d| d.text).unwrap_or_default()
    }

    #[test]
    fn bom_is_dropped() {
        assert_eq!(text_of(b"\xEF\xBB\xBFCouncil votes"), "Council votes");
    }

    #[test]
    fn crlf_and_lone_cr_become_lf() {
        assert_eq!(
            text_of(b"One\r\nTwo\rThree\n\r\nFour"),
            "One\nTwo\nThree\n\nFour"
        );
    }

    #[test]
    fn utf8_without_cr_is_unchanged() {
        let s = "Caf\u{e9} owner \u{201c}relieved\u{201d}\n\n  indented\t\n";
        assert_eq!(text_of(s.as_bytes()), s);
    }

    #[test]
    fn invalid_utf8_falls_back_to_windows_1252_with_warning() {
        let decoded = decode(b"caf\xe9 \x93open\x94", false);
        let Ok(decoded) = decoded else {
            panic!("decoding failed: {decoded:?}");
        };
        assert_eq!(decoded.text, "caf\u{e9} \u{201c}open\u{201d}");
        let warning = decoded.warning.unwrap_or_default();
        assert!(warning.contains("Windows-1252"), "{warning}");
        assert!(warning.contains("offset 3"), "{warning}");
    }

    #[test]
    fn empty_bytes_are_refused() {
        assert_eq!(decode(b"", false).err(), Some(Failure::Empty));
    }

    #[test]
    fn nul_bytes_mean_binary() {
        assert_eq!(
            decode(b"PK\x03\x04\x00\x00", false).err(),
            Some(Failure::Binary)
        );
        assert_eq!(
            decode(b"\xEF\xBB\xBFa\x00b", false).err(),
            Some(Failure::Binary)
        );
    }

    #[test]
    fn utf16_with_bom_is_decoded_not_called_binary() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "Hi\r\nthere".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(text_of(&bytes), "Hi\nthere");
    }

    #[test]
    fn html_uses_the_declared_charset() {
        let page = b"<html><head><meta charset=\"windows-1251\"></head><body>\xcf\xf0\xe8</body>";
        let decoded = decode(page, true);
        let Ok(decoded) = decoded else {
            panic!("decoding failed: {decoded:?}");
        };
        assert!(
            decoded.text.contains("\u{41f}\u{440}\u{438}"),
            "{}",
            decoded.text
        );
        assert_eq!(decoded.warning, None);
    }

    #[test]
    fn html_declared_utf8_but_invalid_falls_back_with_warning() {
        let page = b"<meta charset=utf-8><p>caf\xe9</p>";
        let decoded = decode(page, true);
        assert!(decoded.is_ok_and(|d| d.text.contains("caf\u{e9}") && d.warning.is_some()));
    }
}
