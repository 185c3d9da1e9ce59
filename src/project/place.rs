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
    let mut out: Vec<Placement> = anchors
        .iter()
        .map(|a| match reanchor(text, a) {
            Some(span) if span == a.span() => Placement::Kept(span),
            Some(span) => Placement::Moved(span),
            None => Placement::Lost,
        })
        .collect();
    let lost: Vec<usize> = (0..anchors.len())
        .filter(|&i| out[i] == Placement::Lost && anchors[i].exact.len() >= fuzzy::MIN_QUOTE)
        .collect();
    if !lost.is_empty() {
        let quotes: Vec<&str> = lost.iter().map(|&i| anchors[i].exact.as_str()).collect();
        let hints: Vec<usize> = lost.iter().map(|&i| anchors[i].start).collect();
        for (&i, found) in lost.iter().zip(fuzzy::find_all(text, &quotes, &hints)) {
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
