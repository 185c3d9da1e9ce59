//! The article being checked.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::Span;
use super::provenance::{self, Fetched, PageMark};

/// Whether a paragraph is a heading ("Why It Matters"), a byline ("By Jane Ode,
/// Reuters") or running text. Import decides; extraction skips headings and bylines and
/// the window shows a byline as text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ParagraphKind {
    Heading,
    Byline,
    #[default]
    Body,
}

/// One paragraph of the article: a byte range of [`Article::text`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Paragraph {
    pub span: Span,
    pub kind: ParagraphKind,
}

/// An imported article: its text (which every span indexes) and metadata.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    pub title: String,
    pub byline: Option<String>,
    pub published: Option<String>,
    pub site: Option<String>,
    pub url: Option<String>,
    /// The file it was imported from, if any.
    pub path: Option<PathBuf>,
    pub text: String,
    pub paragraphs: Vec<Paragraph>,
    /// Hex SHA-256 of `text`.
    pub sha256: String,
    /// The version of the web page that was read, when the article came from a link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fetched: Option<Fetched>,
    /// Where each page starts in `text`, sorted, when the article came from a PDF.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pages: Vec<PageMark>,
}

impl Article {
    /// An article from plain text, split into paragraphs at line breaks (no headings).
    pub fn from_text(title: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let paragraphs = split_paragraphs(&text)
            .into_iter()
            .map(|span| Paragraph {
                span,
                kind: ParagraphKind::Body,
            })
            .collect();
        let sha256 = sha256_hex(&text);
        Self {
            title: title.into(),
            text,
            paragraphs,
            sha256,
            ..Self::default()
        }
    }

    /// Recomputes [`Article::sha256`] after `text` changed.
    pub fn rehash(&mut self) {
        self.sha256 = sha256_hex(&self.text);
    }

    /// The page (of a PDF) on which byte `offset` of the text is printed.
    pub fn page_at(&self, offset: usize) -> Option<u32> {
        provenance::page_at(&self.pages, offset)
    }

    /// "p. 14" (or "pp. 14–15") for a span of the text, when the article has pages.
    pub fn page_citation(&self, span: Span) -> Option<String> {
        let first = self.page_at(span.start)?;
        let last = self
            .page_at(span.end.saturating_sub(1).max(span.start))
            .unwrap_or(first);
        Some(provenance::page_citation(first, last))
    }

    /// The paragraph containing byte `offset`, by index.
    pub fn paragraph_at(&self, offset: usize) -> Option<usize> {
        let i = self.paragraphs.partition_point(|p| p.span.end <= offset);
        (i < self.paragraphs.len() && self.paragraphs[i].span.start <= offset).then_some(i)
    }
}

/// Lowercase hex SHA-256 of a string.
pub fn sha256_hex(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let mut out = String::with_capacity(64);
    for byte in digest {
        use std::fmt::Write as _;
        let _ = write!(out, "{byte:02x}");
    }
    out
}

/// Runs of whitespace become one space; the ends are trimmed.
pub fn collapse_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Splits text into non-empty lines, trimmed of surrounding whitespace: a single newline
/// separates paragraphs, as in much web-copied news text.
pub fn split_paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            push_trimmed(text, Span::new(start, i), &mut out);
            start = i + 1;
        }
    }
    push_trimmed(text, Span::new(start, text.len()), &mut out);
    out
}

fn push_trimmed(text: &str, span: Span, out: &mut Vec<Span>) {
    let span = span.trim(text);
    if !span.is_empty() {
        out.push(span);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_split_on_single_newlines() {
        let a = Article::from_text("t", "One.\n\n  Two.\nThree.  \n");
        let texts: Vec<_> = a
            .paragraphs
            .iter()
            .map(|p| p.span.slice(&a.text).unwrap_or_default())
            .collect();
        assert_eq!(texts, ["One.", "Two.", "Three."]);
    }

    #[test]
    fn paragraph_at_finds_containing_paragraph() {
        let a = Article::from_text("t", "One.\nTwo.");
        assert_eq!(a.paragraph_at(0), Some(0));
        assert_eq!(a.paragraph_at(6), Some(1));
        assert_eq!(a.paragraph_at(4), None);
    }

    #[test]
    fn sha256_is_hex_of_text() {
        assert_eq!(
            sha256_hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
