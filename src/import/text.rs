//! Plain text (`.txt`): the decoded file is the article text, unchanged, so every offset
//! matches the file (after a dropped BOM and CRLF line endings).

use crate::model::{Paragraph, ParagraphKind, split_paragraphs};

use super::{Failure, Parsed, cues};

/// Splits decoded text into one paragraph per non-blank line, marks headings, and finds
/// the headline, the byline and the date near the top.
pub(super) fn parse(text: String) -> Result<Parsed, Failure> {
    if text.trim().is_empty() {
        return Err(Failure::Empty);
    }
    let mut paragraphs: Vec<Paragraph> = split_paragraphs(&text)
        .into_iter()
        .enumerate()
        .map(|(i, span)| {
            let line = span.slice(&text).unwrap_or_default();
            let kind = if cues::looks_like_heading(line, i == 0) {
                ParagraphKind::Heading
            } else {
                ParagraphKind::Body
            };
            Paragraph { span, kind }
        })
        .collect();
    let top = cues::scan_top(&text, &mut paragraphs);
    let title = paragraphs
        .first()
        .filter(|p| p.kind == ParagraphKind::Heading && !top.marked.contains(&0))
        .and_then(|p| p.span.slice(&text))
        .map(str::to_owned);
    Ok(Parsed {
        title,
        byline: top.byline,
        published: top.published,
        text,
        paragraphs,
        ..Parsed::default()
    })
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;
    use std::path::Path;
    use std::time::Instant;

    use super::*;
    use crate::import::test_support::import_as;
    use crate::import::{Format, ImportError, Imported, import_bytes};
    use crate::model::Span;

    const STORY: &str = "\
Harbour Council Approves Ferry Subsidy
By Nadia Okafor and Piet Vos, Coastal Ledger
March 3, 2026
The council voted 7-2 on Tuesday to fund the night ferry for two more years.
\"It keeps the island connected,\" said councillor Rosa Imbert.
What Happens Next
The subsidy starts in April, the finance office said.
";

    fn import(text: &str) -> Imported {
        import_as(text, Format::Text, "ferry.txt")
    }

    fn kinds(imported: &Imported) -> Vec<ParagraphKind> {
        imported.article.paragraphs.iter().map(|p| p.kind).collect()
    }

    #[test]
    fn text_matches_file_byte_for_byte() {
        let imported = import(STORY);
        assert_eq!(imported.article.text, STORY);
        assert!(imported.warnings.is_empty());
        let last = imported.article.paragraphs[6].span;
        assert_eq!(
            &STORY.as_bytes()[last.start..last.end],
            b"The subsidy starts in April, the finance office said."
        );
    }

    #[test]
    fn headline_byline_and_date_are_found() {
        let a = import(STORY).article;
        assert_eq!(a.title, "Harbour Council Approves Ferry Subsidy");
        assert_eq!(
            a.byline.as_deref(),
            Some("Nadia Okafor and Piet Vos, Coastal Ledger")
        );
        assert_eq!(a.published.as_deref(), Some("March 3, 2026"));
        assert_eq!(a.path.as_deref(), Some(Path::new("ferry.txt")));
        assert_eq!(a.sha256, crate::model::sha256_hex(STORY));
    }

    #[test]
    fn headings_and_the_byline_are_marked() {
        use ParagraphKind::{Body, Byline, Heading};
        assert_eq!(
            kinds(&import(STORY)),
            [Heading, Byline, Heading, Body, Body, Heading, Body]
        );
    }

    #[test]
    fn single_newline_separates_paragraphs() {
        let a = import("First line of copy.\nSecond line of copy.\n\n  Third.  \n").article;
        let texts: Vec<_> = a
            .paragraphs
            .iter()
            .filter_map(|p| p.span.slice(&a.text))
            .collect();
        assert_eq!(
            texts,
            ["First line of copy.", "Second line of copy.", "Third."]
        );
    }

    #[test]
    fn title_is_file_stem_when_first_line_is_a_sentence() {
        let a = import("The council met on Tuesday.\nIt adjourned at noon.").article;
        assert_eq!(a.title, "ferry");
        assert!(a.paragraphs.iter().all(|p| p.kind == ParagraphKind::Body));
    }

    #[test]
    fn title_is_not_the_byline() {
        let a = import("By Omar Haddad\nThe library reopens Monday.").article;
        assert_eq!(a.title, "ferry");
        assert_eq!(a.byline.as_deref(), Some("Omar Haddad"));
    }

    #[test]
    fn bom_is_dropped_and_crlf_becomes_lf() {
        let bytes = b"\xEF\xBB\xBFRoad Works Delayed\r\nThe bypass opens in May.\r\n";
        let imported = import_bytes(bytes, Format::Text, None);
        let a = imported.map(|i| i.article).unwrap_or_default();
        assert_eq!(a.text, "Road Works Delayed\nThe bypass opens in May.\n");
        assert_eq!(a.title, "Road Works Delayed");
    }

    #[test]
    fn windows_1252_fallback_warns() {
        let imported = import_bytes(
            b"caf\xe9 owners protest",
            Format::Text,
            Some(Path::new("cafe.txt")),
        );
        let Ok(imported) = imported else {
            panic!("import failed: {imported:?}");
        };
        assert_eq!(imported.article.text, "caf\u{e9} owners protest");
        assert_eq!(imported.warnings.len(), 1);
        assert!(imported.warnings[0].starts_with("cafe.txt: not valid UTF-8"));
    }

    #[test]
    fn empty_file_is_an_error() {
        let err = import_bytes(b"", Format::Text, Some(Path::new("notes.txt")));
        let Err(err) = err else {
            panic!("empty file was imported");
        };
        assert!(matches!(err, ImportError::Empty { .. }));
        assert_eq!(err.to_string(), "notes.txt: the file is empty");
    }

    #[test]
    fn whitespace_only_file_is_empty() {
        let err = import_bytes(b" \r\n\t\n ", Format::Text, Some(Path::new("notes.txt")));
        assert!(matches!(err, Err(ImportError::Empty { .. })));
    }

    #[test]
    fn bom_only_file_is_empty() {
        let err = import_bytes(b"\xEF\xBB\xBF\r\n", Format::Text, None);
        assert!(matches!(err, Err(ImportError::Empty { .. })));
    }

    #[test]
    fn nul_bytes_are_a_binary_file() {
        let err = import_bytes(b"%PDF\x00\x01", Format::Text, Some(Path::new("scan.txt")));
        let Err(err) = err else {
            panic!("binary file was imported");
        };
        assert_eq!(
            err.to_string(),
            "scan.txt: this looks like a binary file (it contains NUL bytes), not an article"
        );
    }

    #[test]
    fn multi_megabyte_text_imports_quickly() {
        let mut text = String::from("Budget Hearing Runs Late\n");
        for i in 0..60_000 {
            let _ = writeln!(
                text,
                "Paragraph {i}: the committee heard from residents about rates."
            );
        }
        assert!(text.len() > 3_000_000);
        let started = Instant::now();
        let a = import(&text).article;
        assert_eq!(a.paragraphs.len(), 60_001);
        assert!(
            started.elapsed().as_secs() < 5,
            "took {:?}",
            started.elapsed()
        );
        assert_eq!(a.paragraphs[1].span, Span::new(25, 85));
    }
}
