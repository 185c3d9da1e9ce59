//! The article with its claims highlighted, as flat pieces.
//!
//! Claims may overlap or nest, and HTML elements may not cross, so instead of opening and
//! closing one element per claim the text is cut at every claim boundary into pieces. Each
//! piece knows every claim covering it and is drawn as one element coloured by the
//! innermost (shortest) of them: the markup is flat and always well formed, however the
//! claims overlap. Claims whose span does not fit the text are skipped.

use crate::model::{ParagraphKind, Span, split_paragraphs};

use super::view::Report;

/// A paragraph of the article, cut into pieces.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Block<'a> {
    pub kind: ParagraphKind,
    pub pieces: Vec<Piece<'a>>,
}

/// A run of text covered by the same claims.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Piece<'a> {
    pub text: &'a str,
    /// Indices into [`Report::entries`] of the claims covering this piece, innermost
    /// (shortest) first; empty for plain text.
    pub claims: Vec<usize>,
    /// Entries whose claim starts with this piece (for link targets in the article).
    pub starts: Vec<usize>,
    /// Entries whose claim ends with this piece (for the `c12` markers after a claim).
    pub ends: Vec<usize>,
}

/// The article's paragraphs, each cut into pieces by the report's claims, made one at a
/// time as they are taken.
pub(super) fn blocks<'a>(report: &Report<'a>) -> impl Iterator<Item = Block<'a>> {
    let text = report.text();
    let spans: Vec<(usize, Span)> = report
        .entries
        .iter()
        .enumerate()
        .filter(|(_, e)| e.text.is_some() && !e.claim.span.is_empty())
        .map(|(i, e)| (i, e.claim.span))
        .collect();
    let mut paragraphs: Vec<(Span, ParagraphKind)> = report
        .project
        .article
        .paragraphs
        .iter()
        .filter(|p| p.span.is_valid_for(text) && !p.span.is_empty())
        .map(|p| (p.span, p.kind))
        .collect();
    if paragraphs.is_empty() {
        paragraphs = split_paragraphs(text)
            .into_iter()
            .map(|s| (s, ParagraphKind::Body))
            .collect();
    }
    // One sweep over paragraphs and claims, both in text order: a claim joins the active
    // list when a paragraph reaches its start and leaves it once a paragraph starts past
    // its end, so the whole article costs O(paragraphs + claims + overlaps), not
    // O(paragraphs × claims).
    let mut spans = spans;
    spans.sort_by_key(|(_, s)| s.start);
    let in_order = paragraphs.windows(2).all(|w| w[0].0.start <= w[1].0.start);
    let mut next = 0;
    let mut active: Vec<(usize, Span)> = Vec::new();
    paragraphs.into_iter().map(move |(para, kind)| {
        let pieces = if in_order {
            while next < spans.len() && spans[next].1.start < para.end {
                active.push(spans[next]);
                next += 1;
            }
            active.retain(|(_, s)| s.end > para.start);
            pieces(text, para, &active)
        } else {
            pieces(text, para, &spans)
        };
        Block { kind, pieces }
    })
}

/// Cuts `para` (a valid span of `text`) at every boundary of the claims in `spans`
/// (valid spans, with their entry index) that overlap it.
fn pieces<'a>(text: &'a str, para: Span, spans: &[(usize, Span)]) -> Vec<Piece<'a>> {
    let inside: Vec<(usize, Span)> = spans
        .iter()
        .filter(|(_, s)| s.overlaps(para))
        .copied()
        .collect();
    let mut cuts = vec![para.start, para.end];
    for (_, s) in &inside {
        cuts.extend([s.start.max(para.start), s.end.min(para.end)]);
    }
    cuts.sort_unstable();
    cuts.dedup();

    let mut out = Vec::with_capacity(cuts.len());
    for pair in cuts.windows(2) {
        let piece = Span::new(pair[0], pair[1]);
        let Some(slice) = piece.slice(text) else {
            continue;
        };
        let mut covering: Vec<(usize, Span)> = inside
            .iter()
            .filter(|(_, s)| s.contains(piece))
            .copied()
            .collect();
        // Innermost first: shortest, then the one starting last, then the later entry.
        covering.sort_by_key(|(i, s)| (s.len(), std::cmp::Reverse(s.start), std::cmp::Reverse(*i)));
        let at = |edge: fn(&Span) -> usize, offset: usize| -> Vec<usize> {
            covering
                .iter()
                .filter(|(_, s)| edge(s) == offset)
                .map(|(i, _)| *i)
                .collect()
        };
        let starts = at(|s| s.start, piece.start);
        let ends = at(|s| s.end, piece.end);
        out.push(Piece {
            text: slice,
            claims: covering.into_iter().map(|(i, _)| i).collect(),
            starts,
            ends,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(pieces: &[Piece<'a>]) -> Vec<(&'a str, Vec<usize>)> {
        pieces.iter().map(|p| (p.text, p.claims.clone())).collect()
    }

    #[test]
    fn plain_paragraph_is_one_piece() {
        let text = "Nothing to see.";
        let p = pieces(text, Span::new(0, text.len()), &[]);
        assert_eq!(texts(&p), [("Nothing to see.", vec![])]);
    }

    #[test]
    fn nested_claim_splits_its_outer_claim() {
        let text = "aa bb cc dd";
        let outer = (0, Span::new(0, 11));
        let inner = (1, Span::new(3, 5));
        let p = pieces(text, Span::new(0, 11), &[outer, inner]);
        assert_eq!(
            texts(&p),
            [("aa ", vec![0]), ("bb", vec![1, 0]), (" cc dd", vec![0])]
        );
        assert_eq!(
            (p[0].starts.as_slice(), p[0].ends.as_slice()),
            (&[0][..], &[][..])
        );
        assert_eq!(
            (p[1].starts.as_slice(), p[1].ends.as_slice()),
            (&[1][..], &[1][..])
        );
        assert_eq!(p[2].ends, [0]);
    }

    #[test]
    fn overlapping_claims_share_the_middle_piece() {
        let text = "one two three";
        let a = (0, Span::new(0, 7));
        let b = (1, Span::new(4, 13));
        let p = pieces(text, Span::new(0, 13), &[a, b]);
        assert_eq!(
            texts(&p),
            [("one ", vec![0]), ("two", vec![0, 1]), (" three", vec![1])]
        );
    }

    #[test]
    fn claim_across_paragraphs_is_clipped_to_each() {
        let text = "first part\nsecond part";
        let claim = (0, Span::new(6, 17));
        let p1 = pieces(text, Span::new(0, 10), &[claim]);
        let p2 = pieces(text, Span::new(11, 22), &[claim]);
        assert_eq!(texts(&p1), [("first ", vec![]), ("part", vec![0])]);
        assert!(p1[1].ends.is_empty());
        assert_eq!(p1[1].starts, [0]);
        assert!(p2[0].starts.is_empty());
        assert_eq!(texts(&p2), [("second", vec![0]), (" part", vec![])]);
        assert_eq!(p2[0].ends, [0]);
    }

    #[test]
    fn identical_spans_are_both_listed() {
        let text = "same";
        let p = pieces(
            text,
            Span::new(0, 4),
            &[(0, Span::new(0, 4)), (1, Span::new(0, 4))],
        );
        assert_eq!(texts(&p), [("same", vec![1, 0])]);
    }
}
