//! Text → claims and their sources. Pure and deterministic: the same text always gives
//! the same claims, ids and sources.
//!
//! Stages, one file each: [`segment`] (sentences), [`quotes`] (quotation marks),
//! [`tokens`], [`phrases`] (subjects and adverbials), [`attribution`] (patterns in a
//! sentence), [`speakers`] (names, roles, pronouns → sources) and [`score`]
//! (check-worthiness, kind and reasons, with the trained model in [`learned`]).
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
mod claims;
pub mod learned;
pub mod lexicon;
pub mod phrases;
pub mod quotes;
pub mod score;
pub mod segment;
pub mod speakers;
pub mod tokens;
mod transcript;

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
    let usable = |p: &Paragraph| p.span.is_valid_for(text) && !p.span.is_empty();
    // Copied only when some paragraph must be left out: an article's list is 3 MB at
    // 8 MB of wire copy, held through the whole extraction.
    if paragraphs.iter().all(usable) {
        return claims::Reader::new(text).read(paragraphs);
    }
    let paragraphs: Vec<Paragraph> = paragraphs.iter().copied().filter(usable).collect();
    claims::Reader::new(text).read(&paragraphs)
}

/// Sentence spans of a paragraph that never cut through a quotation.
pub fn sentences_in(text: &str, para: Span, quotes: &[quotes::Quote]) -> Vec<Span> {
    let raw = segment::sentences(text, para);
    // Quotations are in order of their opening marks; `reach[k]` is the furthest end of
    // the first k + 1 of them, so "does a quotation opened before here run past there"
    // is one binary search.
    let outer: Vec<Span> = quotes.iter().map(|q| q.outer(para.end)).collect();
    let reach: Vec<usize> = outer
        .iter()
        .scan(0, |m, o| {
            *m = (*m).max(o.end);
            Some(*m)
        })
        .collect();
    let mut out: Vec<Span> = Vec::with_capacity(raw.len());
    for s in raw {
        if let Some(last) = out.last_mut() {
            // `"Who pays?" Ode asked.`: a question or exclamation in quotes and its tag.
            let quoted_stop = last.slice(text).is_some_and(|l| {
                l.ends_with(['"', '”', '\''])
                    && l.trim_end_matches(['"', '”', '\'']).ends_with(['?', '!'])
            });
            if quoted_stop && starts_with_tag(s.slice(text).unwrap_or_default()) {
                *last = Span::new(last.start, s.end);
                continue;
            }
            // A quotation opened before the end of the last sentence (hence before this
            // one starts) that runs into this one.
            let before = outer.partition_point(|o| o.start < last.end.min(s.start));
            let cuts_quote = before > 0 && reach[before - 1] > s.start;
            if cuts_quote {
                *last = Span::new(last.start, s.end);
                continue;
            }
        }
        out.push(s);
    }
    out
}

/// True if a sentence opens like a speech tag: a speech verb among its first five words
/// and no quotation mark before it ("Ode asked.", "said the minister").
fn starts_with_tag(sentence: &str) -> bool {
    sentence
        .split_whitespace()
        .take(5)
        .take_while(|w| !w.starts_with(['"', '“', '\'']))
        .any(|w| {
            let w = w
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            lexicon::cue_verb(&w)
                .is_some_and(|v| v.class == lexicon::CueClass::Speech && !v.progressive)
        })
}

#[cfg(test)]
#[path = "extract_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "coverage_tests.rs"]
mod coverage_tests;

#[cfg(test)]
#[path = "speaker_cases_tests.rs"]
mod speaker_cases_tests;
