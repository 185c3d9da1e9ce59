//! Placing claims in an article's text: by position while the text there is unchanged,
//! else by their quote and its context, else by a fuzzy match of the quote; a claim that
//! none of these finds is lost (and becomes an orphan).

use super::anchor::{Anchor, reanchor};
use super::fuzzy;
use crate::model::Span;

/// Where an anchored passage went in a (possibly edited) text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placement {
    /// At its stored position, with the same text.
    Kept(Span),
    /// The same text, somewhere else.
    Moved(Span),
    /// Text close to the quote (a corrected figure, a changed word), here.
    Changed(Span),
    /// Not in the text, even approximately.
    Lost,
}

impl Placement {
    pub fn span(self) -> Option<Span> {
        match self {
            Placement::Kept(s) | Placement::Moved(s) | Placement::Changed(s) => Some(s),
            Placement::Lost => None,
        }
    }
}

/// Places every anchor in `text` (see the [module docs](self)). Exact search is linear
/// per anchor, looking near the anchor's position first; all fuzzy matches are found in
/// one pass over the text.
pub fn place_all(text: &str, anchors: &[Anchor]) -> Vec<Placement> {
    let mut out: Vec<Placement> = anchors.iter().map(|a| place_exact(text, a)).collect();
    let lost: Vec<usize> = (0..anchors.len())
        .filter(|&i| out[i] == Placement::Lost)
        .collect();
    let lost_anchors: Vec<&Anchor> = lost.iter().map(|&i| &anchors[i]).collect();
    for (&i, placed) in lost.iter().zip(place_fuzzy(text, &lost_anchors)) {
        out[i] = placed;
    }
    out
}

/// The first stages for one anchor: kept at its position, or moved to where its quote is
/// now; `Lost` if neither, for [`place_fuzzy`] to try.
pub(crate) fn place_exact(text: &str, anchor: &Anchor) -> Placement {
    match reanchor(text, anchor) {
        Some(span) if span == anchor.span() => Placement::Kept(span),
        Some(span) => Placement::Moved(span),
        None => Placement::Lost,
    }
}

/// The last stage, for anchors [`place_exact`] lost, all in one pass over the text:
/// `Changed` where text close to the quote is found, else `Lost`.
pub(crate) fn place_fuzzy(text: &str, lost: &[&Anchor]) -> Vec<Placement> {
    let mut out = vec![Placement::Lost; lost.len()];
    let tried: Vec<usize> = (0..lost.len())
        .filter(|&i| lost[i].exact.len() >= fuzzy::MIN_QUOTE)
        .collect();
    if !tried.is_empty() {
        let quotes: Vec<&str> = tried.iter().map(|&i| lost[i].exact.as_str()).collect();
        let hints: Vec<usize> = tried.iter().map(|&i| lost[i].start).collect();
        for (&i, found) in tried.iter().zip(fuzzy::find_all(text, &quotes, &hints)) {
            if let Some(span) = found {
                out[i] = Placement::Changed(span);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project::anchor_for;

    #[test]
    fn each_stage_in_turn() {
        let old = "The board met on Tuesday. The ferry will carry 4,000 crossings a month. \
                   Traders were less sure. Ines Vale left early.";
        let spans = [
            Span::new(0, 25),
            Span::new(26, 71),
            Span::new(72, 95),
            Span::new(96, 117),
        ];
        let anchors: Vec<Anchor> = spans.iter().map(|s| anchor_for(old, *s)).collect();
        assert_eq!(anchors[3].exact, "Ines Vale left early.");
        let new = "The board met on Tuesday. Update: the ferry will carry 4,200 crossings a \
                   month. Traders were less sure. The meeting closed at six.";
        let placed = place_all(new, &anchors);
        assert_eq!(placed[0], Placement::Kept(Span::new(0, 25)));
        let texts: Vec<Option<&str>> = placed
            .iter()
            .map(|p| p.span().and_then(|s| s.slice(new)))
            .collect();
        assert!(matches!(placed[1], Placement::Changed(_)), "{placed:?}");
        assert_eq!(
            texts[1],
            Some("the ferry will carry 4,200 crossings a month.")
        );
        assert!(matches!(placed[2], Placement::Moved(_)));
        assert_eq!(texts[2], Some("Traders were less sure."));
        assert_eq!(placed[3], Placement::Lost);
    }
}
