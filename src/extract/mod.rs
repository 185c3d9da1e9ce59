//! Text → claims and their sources. Pure and deterministic: the same text always gives
//! the same claims, ids and sources.
//!
//! Stages, one file each: [`segment`] (sentences), [`quotes`] (quotation marks),
//! [`tokens`], [`phrases`] (subjects and adverbials), [`attribution`] (patterns in a
//! sentence), [`speakers`] (names, roles, pronouns → sources) and [`score`]
//! (check-worthiness, kind and reasons).
//!
//! ```
//! use claimdesk::extract::extract_text;
//! let text = "\"The dam is full,\" Water Minister Ana Ruiz said on Monday.";
//! let found = extract_text(text);
//! let claim = &found.claims[0];
//! assert_eq!(claim.text(text), "The dam is full");
//! let source = found.sources.iter().find(|s| Some(s.id) == claim.source.map(|c| c.id)).unwrap();
//! assert_eq!(source.name, "Ana Ruiz");
//! assert_eq!(source.role.as_deref(), Some("Water Minister"));
//! ```

pub mod attribution;
mod draft;
pub mod lexicon;
pub mod phrases;
pub mod quotes;
pub mod score;
pub mod segment;
pub mod speakers;
pub mod tokens;

use crate::model::{Article, Claim, Paragraph, ParagraphKind, Source, Span, split_paragraphs};

/// Claims and the source registry of one article.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Extraction {
    pub sources: Vec<Source>,
    pub claims: Vec<Claim>,
}

/// Extracts claims from an imported article (its headings are skipped).
pub fn extract_article(article: &Article) -> Extraction {
    extract(&article.text, &article.paragraphs)
}

/// Extracts claims from plain text, one paragraph per line.
pub fn extract_text(text: &str) -> Extraction {
    let paragraphs: Vec<Paragraph> = split_paragraphs(text)
        .into_iter()
        .map(|span| Paragraph {
            span,
            kind: ParagraphKind::Body,
        })
        .collect();
    extract(text, &paragraphs)
}

/// Extracts claims from `text` divided into `paragraphs`. Paragraph spans that do not
/// fit the text are ignored.
pub fn extract(text: &str, paragraphs: &[Paragraph]) -> Extraction {
    let paragraphs: Vec<Paragraph> = paragraphs
        .iter()
        .filter(|p| p.span.is_valid_for(text) && !p.span.is_empty())
        .copied()
        .collect();
    draft::Reader::new(text).read(&paragraphs)
}

/// Sentence spans of a paragraph that never cut through a quotation.
pub fn sentences_in(text: &str, para: Span, quotes: &[quotes::Quote]) -> Vec<Span> {
    let raw = segment::sentences(text, para);
    let mut out: Vec<Span> = Vec::with_capacity(raw.len());
    for s in raw {
        if let Some(last) = out.last_mut() {
            let cuts_quote = quotes.iter().any(|q| {
                let outer = q.outer(para.end);
                outer.start < last.end && s.start < outer.end && outer.start < s.start
            });
            if cuts_quote {
                *last = Span::new(last.start, s.end);
                continue;
            }
        }
        out.push(s);
    }
    out
}

#[cfg(test)]
#[path = "extract_tests.rs"]
mod tests;
