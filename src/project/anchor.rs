//! Anchors: where a claim sits in the article, stored so it survives edits of the text.
//!
//! An [`Anchor`] combines the two W3C Web Annotation selectors Hypothesis uses: a
//! *TextPositionSelector* (`start`/`end` byte offsets) and a *TextQuoteSelector* (the
//! `exact` text with up to [`CONTEXT_CHARS`] characters of `prefix` and `suffix`).
//! [`reanchor`] trusts the position while the exact text is still there, and otherwise
//! looks for the exact text, preferring the occurrence whose context matches best and
//! then the one nearest the old position.

use serde::{Deserialize, Serialize};

use crate::model::Span;

/// How many characters (not bytes) of context an anchor keeps on each side.
pub const CONTEXT_CHARS: usize = 32;

/// A span of an article's text, recorded so it can be found again after the text changes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Anchor {
    /// Byte offset where the passage started when the anchor was made.
    pub start: usize,
    /// Byte offset just past the passage.
    pub end: usize,
    /// Up to [`CONTEXT_CHARS`] characters just before the passage.
    pub prefix: String,
    /// The passage itself.
    pub exact: String,
    /// Up to [`CONTEXT_CHARS`] characters just after the passage.
    pub suffix: String,
}

impl Anchor {
    /// The position the anchor was made at (which may be stale).
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// The anchor for `span` of `text`.
///
/// A span that does not fit the text is first snapped to it: both ends are clamped to the
/// text's length, the start moves back and the end forward to the nearest char boundary.
///
/// ```
/// use claimdesk::model::Span;
/// use claimdesk::project::anchor_for;
/// let a = anchor_for("Tea costs 3 €.", Span::new(4, 9));
/// assert_eq!((a.prefix.as_str(), a.exact.as_str(), a.suffix.as_str()), ("Tea ", "costs", " 3 €."));
/// ```
pub fn anchor_for(text: &str, span: Span) -> Anchor {
    let span = snap(text, span);
    let before = &text[..span.start];
    let prefix_from = before
        .char_indices()
        .rev()
        .take(CONTEXT_CHARS)
        .last()
        .map_or(span.start, |(i, _)| i);
    let after = &text[span.end..];
    let suffix_len = after
        .char_indices()
        .nth(CONTEXT_CHARS)
        .map_or(after.len(), |(i, _)| i);
    Anchor {
        start: span.start,
        end: span.end,
        prefix: before[prefix_from..].to_owned(),
        exact: text[span.start..span.end].to_owned(),
        suffix: after[..suffix_len].to_owned(),
    }
}

/// Where `anchor` lies in `text`, or `None` if its exact text is gone.
///
/// The stored position wins while the exact text is still there. Otherwise every
/// occurrence of the exact text is scored by how many characters of prefix and suffix
/// match (at most [`CONTEXT_CHARS`] of each, however long the stored context is); the
/// best score wins, ties go to the occurrence nearest the old position. Occurrences
/// within [`NEAR_BYTES`] of the old position are looked at first, and one with its whole
/// context ends the search; otherwise the whole text is searched once, in time linear in
/// the text and the exact text. An anchor with empty exact text is only found at its
/// stored position.
///
/// ```
/// use claimdesk::model::Span;
/// use claimdesk::project::{anchor_for, reanchor};
/// let old = "Rents rose 9% last year, the council said.";
/// let anchor = anchor_for(old, Span::new(0, 24));
/// let new = "In the city, rents rose 9% last year, the council said.";
/// assert_eq!(reanchor(new, &anchor), None); // "Rents" is now "rents"
/// let new = "Update: Rents rose 9% last year, the council said.";
/// assert_eq!(reanchor(new, &anchor), Some(Span::new(8, 32)));
/// ```
pub fn reanchor(text: &str, anchor: &Anchor) -> Option<Span> {
    if anchor.start <= anchor.end
        && text.get(anchor.start..anchor.end) == Some(anchor.exact.as_str())
    {
        return Some(Span::new(anchor.start, anchor.end));
    }
    if anchor.exact.is_empty() {
        return None;
    }
    let context = Context::of(anchor);
    let near_from =
        text.floor_char_boundary(anchor.start.saturating_sub(NEAR_BYTES).min(text.len()));
    let near_to = text.ceil_char_boundary(
        anchor
            .start
            .saturating_add(anchor.exact.len() + NEAR_BYTES)
            .min(text.len()),
    );
    if near_from > 0 || near_to < text.len() {
        let near = best_occurrence(
            text,
            near_from..near_to,
            &anchor.exact,
            &context,
            anchor.start,
        );
        if let Some((score, span)) = near
            && score == context.full_score()
        {
            return Some(span);
        }
    }
    best_occurrence(text, 0..text.len(), &anchor.exact, &context, anchor.start).map(|(_, s)| s)
}

/// How far from its old position an occurrence is looked for first.
pub const NEAR_BYTES: usize = 16 * 1024;

/// An anchor's context, cut to [`CONTEXT_CHARS`] characters on each side.
struct Context<'a> {
    prefix: &'a str,
    suffix: &'a str,
}

impl<'a> Context<'a> {
    fn of(anchor: &'a Anchor) -> Self {
        let prefix = anchor.prefix.as_str();
        let from = prefix
            .char_indices()
            .rev()
            .nth(CONTEXT_CHARS - 1)
            .map_or(0, |(i, _)| i);
        let suffix = anchor.suffix.as_str();
        let to = suffix
            .char_indices()
            .nth(CONTEXT_CHARS)
            .map_or(suffix.len(), |(i, _)| i);
        Context {
            prefix: &prefix[from..],
            suffix: &suffix[..to],
        }
    }

    fn full_score(&self) -> usize {
        self.prefix.chars().count() + self.suffix.chars().count()
    }
}

/// Finds `exact` nearest `near` without context: for short references such as source
/// mentions, which only store their text and position.
pub(crate) fn locate(text: &str, exact: &str, span: Span) -> Option<Span> {
    reanchor(
        text,
        &Anchor {
            start: span.start,
            end: span.end,
            prefix: String::new(),
            exact: exact.to_owned(),
            suffix: String::new(),
        },
    )
}

fn snap(text: &str, span: Span) -> Span {
    let (lo, hi) = (span.start.min(span.end), span.start.max(span.end));
    let end = text.ceil_char_boundary(hi.min(text.len()));
    let start = text.floor_char_boundary(lo.min(end));
    Span::new(start, end)
}

/// The occurrence of `exact` inside `range` of `text` whose context matches best, as
/// `(score, span)`; ties go to the one nearest `near`, then the earlier.
fn best_occurrence(
    text: &str,
    range: std::ops::Range<usize>,
    exact: &str,
    context: &Context<'_>,
    near: usize,
) -> Option<(usize, Span)> {
    // (score, distance, start): higher score first, then smaller distance, then earlier.
    let mut best: Option<(usize, usize, usize)> = None;
    let offset = range.start;
    for found in occurrences(&text.as_bytes()[range], exact.as_bytes()) {
        let start = offset + found;
        let end = start + exact.len();
        let score = common_tail_chars(&text[..start], context.prefix)
            + common_head_chars(&text[end..], context.suffix);
        let distance = start.abs_diff(near);
        let better = match best {
            None => true,
            Some((s, d, _)) => score > s || (score == s && distance < d),
        };
        if better {
            best = Some((score, distance, start));
        }
    }
    best.map(|(score, _, start)| (score, Span::new(start, start + exact.len())))
}

/// Every start of `pattern` in `haystack`, overlapping ones included, by Knuth–Morris–
/// Pratt: linear in both, however repetitive they are. A valid UTF-8 pattern found in
/// valid UTF-8 text always starts and ends on char boundaries.
pub(crate) fn occurrences<'a>(
    haystack: &'a [u8],
    pattern: &'a [u8],
) -> impl Iterator<Item = usize> + 'a {
    let mut fail = vec![0_usize; pattern.len()];
    let mut k = 0;
    for i in 1..pattern.len() {
        while k > 0 && pattern[i] != pattern[k] {
            k = fail[k - 1];
        }
        if pattern[i] == pattern[k] {
            k += 1;
        }
        fail[i] = k;
    }
    let mut matched = 0;
    haystack.iter().enumerate().filter_map(move |(i, &b)| {
        if pattern.is_empty() {
            return None;
        }
        while matched > 0 && b != pattern[matched] {
            matched = fail[matched - 1];
        }
        if b == pattern[matched] {
            matched += 1;
        }
        if matched == pattern.len() {
            matched = fail[matched - 1];
            Some(i + 1 - pattern.len())
        } else {
            None
        }
    })
}

/// How many characters `a` and `b` share at their ends.
fn common_tail_chars(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

/// How many characters `a` and `b` share at their starts.
fn common_head_chars(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn span_of(text: &str, needle: &str) -> Span {
        let start = text.find(needle).unwrap_or(usize::MAX);
        Span::new(start, start + needle.len())
    }

    const TEXT: &str = "The harbour reopened on Monday. \"We moved 4,000 crates in a week,\" \
                        said the port director, Ines Vale. Traders were less sure.";

    #[test]
    fn anchor_keeps_exact_text_and_context() {
        let span = span_of(TEXT, "We moved 4,000 crates in a week");
        let a = anchor_for(TEXT, span);
        assert_eq!(a.exact, "We moved 4,000 crates in a week");
        assert_eq!(a.prefix, "he harbour reopened on Monday. \"");
        assert_eq!(a.prefix.chars().count(), CONTEXT_CHARS);
        assert_eq!(a.suffix, ",\" said the port director, Ines ");
        assert_eq!((a.start, a.end), (span.start, span.end));
    }

    #[test]
    fn context_is_shorter_at_the_ends_of_the_text() {
        let a = anchor_for("Short text.", Span::new(0, 5));
        assert_eq!((a.prefix.as_str(), a.suffix.as_str()), ("", " text."));
        let a = anchor_for("Short text.", Span::new(6, 11));
        assert_eq!((a.prefix.as_str(), a.suffix.as_str()), ("Short ", ""));
    }

    #[test]
    fn context_is_cut_on_char_boundaries_with_accents_dashes_and_emoji() {
        let text = "Café — «crème» 🍰🍰🍰 déjà vu — ";
        let filler = "é—🎉".repeat(20);
        let text = format!("{filler}{text}{filler}");
        let span = span_of(&text, "«crème»");
        let a = anchor_for(&text, span);
        assert_eq!(a.exact, "«crème»");
        assert_eq!(a.prefix.chars().count(), CONTEXT_CHARS);
        assert_eq!(a.suffix.chars().count(), CONTEXT_CHARS);
        assert!(a.prefix.ends_with("Café — "));
        assert!(a.suffix.starts_with(" 🍰🍰🍰 déjà vu — é—🎉"));
    }

    #[test]
    fn anchor_for_snaps_a_span_off_char_boundaries() {
        let text = "né — là";
        // 2 is inside "é", 6 is inside "—".
        let a = anchor_for(text, Span { start: 2, end: 6 });
        assert_eq!(a.exact, "é —");
        assert_eq!((a.start, a.end), (1, 7));
        let a = anchor_for(text, Span::new(3, 999));
        assert_eq!(a.exact, " — là");
        assert_eq!(a.suffix, "");
    }

    #[test]
    fn reanchor_keeps_position_when_text_is_unchanged() {
        let span = span_of(TEXT, "Traders were less sure.");
        assert_eq!(reanchor(TEXT, &anchor_for(TEXT, span)), Some(span));
    }

    #[test]
    fn insertion_before_the_claim_shifts_it() {
        let span = span_of(TEXT, "We moved 4,000 crates in a week");
        let anchor = anchor_for(TEXT, span);
        let edited = format!("Breaking — {TEXT}");
        let found = reanchor(&edited, &anchor).map(|s| &edited[s.start..s.end]);
        assert_eq!(found, Some("We moved 4,000 crates in a week"));
        assert_eq!(
            reanchor(&edited, &anchor),
            Some(span.shifted("Breaking — ".len()))
        );
    }

    #[test]
    fn exact_text_moved_elsewhere_is_found() {
        let span = span_of(TEXT, "Traders were less sure.");
        let anchor = anchor_for(TEXT, span);
        let edited = "Traders were less sure. The harbour reopened on Monday.";
        assert_eq!(reanchor(edited, &anchor), Some(Span::new(0, 23)));
    }

    #[test]
    fn duplicated_text_picks_the_occurrence_with_matching_context() {
        let text = "Mayor Ruiz said taxes will fall. Councillor Moss said taxes will fall.";
        let span = Span::new(text.rfind("taxes").unwrap_or(0), text.len() - 1);
        let anchor = anchor_for(text, span);
        assert_eq!(anchor.exact, "taxes will fall");
        // The text before both sentences grows, so the old position no longer fits.
        let edited = format!("Budget day. Councillor Moss said taxes will fall. {text}");
        let found = reanchor(&edited, &anchor).unwrap_or_default();
        let before = &edited[..found.start];
        assert!(before.ends_with("Mayor Ruiz said taxes will fall. Councillor Moss said "));
    }

    #[test]
    fn equal_context_prefers_the_occurrence_nearest_the_old_position() {
        let anchor = Anchor {
            start: 20,
            end: 22,
            prefix: String::new(),
            exact: "ok".into(),
            suffix: String::new(),
        };
        let text = "ok ........ ........ ok ........ ok";
        assert_eq!(reanchor(text, &anchor), Some(Span::new(21, 23)));
    }

    #[test]
    fn deleted_text_is_not_found() {
        let span = span_of(TEXT, "Traders were less sure.");
        let anchor = anchor_for(TEXT, span);
        let edited = TEXT.replace("Traders were less sure.", "");
        assert_eq!(reanchor(&edited, &anchor), None);
        assert_eq!(reanchor("", &anchor), None);
    }

    #[test]
    fn empty_anchor_is_only_found_at_its_position() {
        let anchor = anchor_for("abc", Span::new(1, 1));
        assert_eq!(reanchor("xyz", &anchor), Some(Span::new(1, 1)));
        assert_eq!(reanchor("", &anchor), None);
    }

    #[test]
    fn reanchor_never_panics_on_nonsense_positions() {
        let anchor = Anchor {
            start: 9,
            end: 2,
            prefix: "zz".into(),
            exact: "é".into(),
            suffix: "q".into(),
        };
        assert_eq!(reanchor("aé", &anchor), Some(Span::new(1, 3)));
        let anchor = Anchor {
            start: usize::MAX,
            end: usize::MAX,
            ..anchor
        };
        assert_eq!(reanchor("aéé", &anchor), Some(Span::new(3, 5)));
    }

    #[test]
    fn locate_finds_a_mention_nearest_its_old_place() {
        let text = "Vale spoke first. Later, Vale spoke again.";
        assert_eq!(
            locate(text, "Vale", Span::new(27, 31)),
            Some(Span::new(25, 29))
        );
        assert_eq!(locate(text, "Moss", Span::new(0, 4)), None);
    }

    #[test]
    fn occurrences_finds_overlapping_matches() {
        let found: Vec<usize> = occurrences(b"aaaa", b"aa").collect();
        assert_eq!(found, [0, 1, 2]);
        let found: Vec<usize> = occurrences(b"abcabcab", b"cab").collect();
        assert_eq!(found, [2, 5]);
        assert_eq!(occurrences(b"abc", b"").count(), 0);
        assert_eq!(occurrences(b"", b"a").count(), 0);
    }

    #[test]
    fn huge_stored_context_is_cut_when_read() {
        let filler = "word ".repeat(7_000);
        let text = format!("{filler}The ferry runs. {filler}");
        let at = filler.len();
        let anchor = Anchor {
            start: 0,
            end: 0,
            prefix: filler.clone(),
            exact: "The ferry runs.".into(),
            suffix: filler.clone(),
        };
        let context = Context::of(&anchor);
        assert_eq!(context.prefix.chars().count(), CONTEXT_CHARS);
        assert_eq!(context.suffix.chars().count(), CONTEXT_CHARS);
        assert_eq!(reanchor(&text, &anchor), Some(Span::new(at, at + 15)));
    }

    #[test]
    fn a_far_copy_with_better_context_beats_a_near_one() {
        let near = "Mayor Ruiz said taxes will fall. ";
        let far = "Councillor Moss said taxes will fall. ";
        let text = format!("{near}{}{far}", "x".repeat(NEAR_BYTES * 2));
        let original = far.to_owned();
        let anchor = anchor_for(&original, span_of(&original, "taxes will fall"));
        let found = reanchor(&text, &anchor).unwrap_or_default();
        assert!(text[..found.start].ends_with("Councillor Moss said "));
    }

    fn text_and_span() -> impl Strategy<Value = (String, Span)> {
        any::<String>().prop_flat_map(|text| {
            let bounds: Vec<usize> = text
                .char_indices()
                .map(|(i, _)| i)
                .chain(std::iter::once(text.len()))
                .collect();
            let n = bounds.len();
            (Just(text), Just(bounds), 0..n, 0..n)
                .prop_map(|(text, b, i, j)| (text, Span::new(b[i.min(j)], b[i.max(j)])))
        })
    }

    proptest! {
        #[test]
        fn anchor_round_trips_for_any_text_and_boundary_span((text, span) in text_and_span()) {
            let anchor = anchor_for(&text, span);
            prop_assert_eq!(anchor.exact.as_str(), &text[span.start..span.end]);
            prop_assert!(anchor.prefix.chars().count() <= CONTEXT_CHARS);
            prop_assert!(anchor.suffix.chars().count() <= CONTEXT_CHARS);
            prop_assert!(text[..span.start].ends_with(&anchor.prefix));
            prop_assert!(text[span.end..].starts_with(&anchor.suffix));
            prop_assert_eq!(reanchor(&text, &anchor), Some(span));
        }

        #[test]
        fn reanchor_after_a_prefix_edit_finds_the_same_text(
            (text, span) in text_and_span(),
            inserted in any::<String>(),
        ) {
            prop_assume!(!span.is_empty());
            let anchor = anchor_for(&text, span);
            let edited = format!("{inserted}{text}");
            let found = reanchor(&edited, &anchor);
            prop_assert!(found.is_some());
            let found = found.unwrap_or_default();
            prop_assert_eq!(&edited[found.start..found.end], anchor.exact.as_str());
        }
    }
}
