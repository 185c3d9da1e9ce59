//! Building an article's text one paragraph at a time (for formats whose text is rebuilt
//! from markup rather than kept as in the file).

use crate::model::{Paragraph, ParagraphKind, Span};

/// Paragraphs joined by a blank line ("\n\n"), each one on a single line with its
/// whitespace collapsed, and the span of each.
#[derive(Debug, Default)]
pub(super) struct TextBuilder {
    text: String,
    paragraphs: Vec<Paragraph>,
}

impl TextBuilder {
    /// Appends a paragraph. Runs of whitespace (newlines included) become one space,
    /// invisible characters (zero-width space, soft hyphen, controls) are dropped, and the
    /// ends are trimmed; a paragraph left empty is skipped.
    pub(super) fn push(&mut self, raw: &str, kind: ParagraphKind) {
        let mark = self.text.len();
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
        let start = self.text.len();
        let mut pending_space = false;
        for c in raw.chars() {
            if c.is_whitespace() {
                pending_space = true;
            } else if !is_invisible(c) {
                if pending_space && self.text.len() > start {
                    self.text.push(' ');
                }
                pending_space = false;
                self.text.push(c);
            }
        }
        if self.text.len() == start {
            self.text.truncate(mark);
        } else {
            self.paragraphs.push(Paragraph {
                span: Span::new(start, self.text.len()),
                kind,
            });
        }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.paragraphs.is_empty()
    }

    pub(super) fn finish(self) -> (String, Vec<Paragraph>) {
        (self.text, self.paragraphs)
    }
}

/// Characters that take no space on screen and only confuse matching.
fn is_invisible(c: char) -> bool {
    c.is_control() || matches!(c, '\u{00AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(parts: &[(&str, ParagraphKind)]) -> (String, Vec<Paragraph>) {
        let mut b = TextBuilder::default();
        for (raw, kind) in parts {
            b.push(raw, *kind);
        }
        b.finish()
    }

    #[test]
    fn paragraphs_are_joined_by_a_blank_line() {
        let (text, paragraphs) = build(&[
            ("Storm Closes Schools", ParagraphKind::Heading),
            ("Classes resume Friday.", ParagraphKind::Body),
        ]);
        assert_eq!(text, "Storm Closes Schools\n\nClasses resume Friday.");
        assert_eq!(paragraphs[0].span, Span::new(0, 20));
        assert_eq!(paragraphs[0].kind, ParagraphKind::Heading);
        assert_eq!(
            paragraphs[1].span.slice(&text),
            Some("Classes resume Friday.")
        );
    }

    #[test]
    fn whitespace_inside_a_paragraph_collapses() {
        let (text, _) = build(&[("  The\u{a0}council\n\n  voted\t 5-2. ", ParagraphKind::Body)]);
        assert_eq!(text, "The council voted 5-2.");
    }

    #[test]
    fn blank_and_invisible_paragraphs_are_skipped() {
        let (text, paragraphs) = build(&[
            ("One.", ParagraphKind::Body),
            (" \n\u{200b} ", ParagraphKind::Body),
            ("Two.", ParagraphKind::Body),
        ]);
        assert_eq!(text, "One.\n\nTwo.");
        assert_eq!(paragraphs.len(), 2);
    }

    #[test]
    fn soft_hyphens_and_controls_are_dropped() {
        let (text, _) = build(&[("re\u{ad}open\u{7}ed", ParagraphKind::Body)]);
        assert_eq!(text, "reopened");
    }
}
