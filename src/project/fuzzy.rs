//! Finding quotes that were slightly edited: "4,000 crossings" that now reads "4,200
//! crossings", a corrected name, a removed word.
//!
//! All quotes are looked for in one pass over the text. Each quote is cut into 8-byte
//! grams; every place a gram occurs in the text votes for where the quote would start
//! (the text position minus the gram's offset in the quote). The start with the most
//! votes is then checked with an edit distance computed only in a narrow band around
//! it, and accepted when at most a quarter of the quote's bytes differ. The pass is
//! linear in the text (a gram shared by many quotes is ignored beyond a few of them) and
//! the checks are linear in the quotes' lengths; no alignment over the whole text.

use std::collections::HashMap;

use crate::model::Span;

/// Bytes per gram.
const GRAM: usize = 8;
/// A quote shorter than this is only found exactly.
pub(crate) const MIN_QUOTE: usize = 16;
/// Votes are counted per block of this many possible starts.
const BUCKET: usize = 16;
/// A gram shared by more quote positions than this is too common to vote.
const MAX_SHARERS: usize = 4;
/// The widest band the edit distance looks in, on each side of the voted start.
const MAX_BAND: usize = 256;

/// Where each quote lies in `text`, approximately: `None` for a quote that is gone (or
/// shorter than [`MIN_QUOTE`]). `hints` are the expected starts, which break ties.
pub(crate) fn find_all(text: &str, quotes: &[&str], hints: &[usize]) -> Vec<Option<Span>> {
    let mut grams: HashMap<u64, Vec<(u32, u32)>> = HashMap::new();
    for (qi, quote) in quotes.iter().enumerate() {
        if quote.len() < MIN_QUOTE {
            continue;
        }
        for (offset, window) in quote.as_bytes().windows(GRAM).enumerate() {
            let sharers = grams.entry(key(window)).or_default();
            if sharers.len() <= MAX_SHARERS {
                sharers.push((qi as u32, offset as u32));
            }
        }
    }
    grams.retain(|_, sharers| sharers.len() <= MAX_SHARERS);

    let mut votes: Vec<HashMap<usize, u32>> = vec![HashMap::new(); quotes.len()];
    if !grams.is_empty() {
        for (pos, window) in text.as_bytes().windows(GRAM).enumerate() {
            if let Some(sharers) = grams.get(&key(window)) {
                for &(qi, offset) in sharers {
                    if let Some(start) = pos.checked_sub(offset as usize) {
                        *votes[qi as usize].entry(start / BUCKET).or_default() += 1;
                    }
                }
            }
        }
    }

    quotes
        .iter()
        .zip(votes)
        .enumerate()
        .map(|(qi, (quote, votes))| {
            let hint = hints.get(qi).copied().unwrap_or(0);
            let bucket = best_bucket(&votes, hint, quote.len())?;
            align_near(text, quote, bucket * BUCKET + BUCKET / 2)
        })
        .collect()
}

fn key(window: &[u8]) -> u64 {
    let mut bytes = [0_u8; 8];
    bytes.copy_from_slice(&window[..GRAM]);
    u64::from_le_bytes(bytes)
}

/// The bucket with the most votes (counting its two neighbours, as edits shift later
/// grams a little), nearest `hint` on ties; `None` when too few grams matched for the
/// quote to be there at all.
fn best_bucket(votes: &HashMap<usize, u32>, hint: usize, quote_len: usize) -> Option<usize> {
    let grams = quote_len.saturating_sub(GRAM - 1) as u32;
    let around = |b: usize| {
        (b.saturating_sub(1)..=b + 1)
            .filter_map(|n| votes.get(&n))
            .sum::<u32>()
    };
    let (bucket, count) = votes
        .keys()
        .map(|&b| (b, around(b)))
        .max_by(|(b1, v1), (b2, v2)| {
            v1.cmp(v2).then_with(|| {
                let d1 = (b1 * BUCKET).abs_diff(hint);
                let d2 = (b2 * BUCKET).abs_diff(hint);
                d2.cmp(&d1).then(b2.cmp(b1))
            })
        })?;
    // A quarter of the bytes changed still leaves about a fifth of the grams whole.
    (count * 5 >= grams).then_some(bucket)
}

/// The span of `text` closest to `quote` around `guess` (where the quote would start),
/// if it differs from the quote in at most a quarter of its bytes.
fn align_near(text: &str, quote: &str, guess: usize) -> Option<Span> {
    let q = quote.as_bytes();
    let band = (q.len() / 4).min(MAX_BAND) + BUCKET;
    let from = text.floor_char_boundary(guess.saturating_sub(band).min(text.len()));
    let to = text.ceil_char_boundary((guess + q.len() + band).min(text.len()));
    let window = &text.as_bytes()[from..to];
    let (distance, start, end) = banded_distance(q, window, guess - from.min(guess), band)?;
    if distance * 4 > q.len() || (end - start) * 2 < q.len() {
        return None;
    }
    let start = text.floor_char_boundary(from + start);
    let end = text.ceil_char_boundary(from + end);
    let span = Span::new(start, end).trim(text);
    (!span.is_empty()).then_some(span)
}

/// Edit distance between `q` and the best-matching stretch of `w`, looking only where
/// `q` starts within `band` bytes of `offset` in `w` (and drifts at most `band`):
/// `(distance, start, end)` of the stretch in `w`. O(|q| · band) time, O(band) memory.
fn banded_distance(
    q: &[u8],
    w: &[u8],
    offset: usize,
    band: usize,
) -> Option<(usize, usize, usize)> {
    const INF: usize = usize::MAX / 2;
    let width = 2 * band + 1;
    // Row i covers columns j = i + offset - band + k for k in 0..width.
    let column = |i: usize, k: usize| (i + offset + k).checked_sub(band);
    let mut cost = vec![INF; width];
    let mut start = vec![0_usize; width];
    for k in 0..width {
        if let Some(j) = column(0, k).filter(|&j| j <= w.len()) {
            cost[k] = 0;
            start[k] = j;
        }
    }
    let mut next_cost = vec![INF; width];
    let mut next_start = vec![0_usize; width];
    for i in 1..=q.len() {
        for k in 0..width {
            next_cost[k] = INF;
            let Some(j) = column(i, k).filter(|&j| j <= w.len()) else {
                continue;
            };
            // From (i-1, j-1): same k. From (i-1, j): k+1. From (i, j-1): k-1.
            let mut best = (INF, 0);
            if j > 0 && cost[k] < INF {
                let step = usize::from(q[i - 1] != w[j - 1]);
                best = (cost[k] + step, start[k]);
            }
            if k + 1 < width && cost[k + 1] + 1 < best.0 {
                best = (cost[k + 1] + 1, start[k + 1]);
            }
            if k > 0 && next_cost[k - 1] + 1 < best.0 {
                best = (next_cost[k - 1] + 1, next_start[k - 1]);
            }
            next_cost[k] = best.0;
            next_start[k] = best.1;
        }
        std::mem::swap(&mut cost, &mut next_cost);
        std::mem::swap(&mut start, &mut next_start);
    }
    (0..width)
        .filter(|&k| cost[k] < INF)
        .filter_map(|k| column(q.len(), k).map(|j| (cost[k], start[k], j)))
        .min_by_key(|&(c, s, j)| (c, (j - s.min(j)).abs_diff(q.len())))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    const TEXT: &str = "The harbour board met on Tuesday. \u{201c}The new ferry berth will carry \
                        4,000 crossings a month,\u{201d} said Ines Vale, the port director. \
                        The dockworkers' union disputed the figure.";

    fn find(text: &str, quote: &str) -> Option<String> {
        find_all(text, &[quote], &[0])[0]
            .and_then(|s| s.slice(text))
            .map(str::to_owned)
    }

    #[test]
    fn an_exact_quote_is_found_where_it_is() {
        let quote = "The new ferry berth will carry 4,000 crossings a month";
        assert_eq!(find(TEXT, quote).as_deref(), Some(quote));
    }

    #[test]
    fn a_corrected_figure_is_found() {
        let edited = TEXT.replace("4,000", "4,200");
        let quote = "The new ferry berth will carry 4,000 crossings a month";
        assert_eq!(
            find(&edited, quote).as_deref(),
            Some("The new ferry berth will carry 4,200 crossings a month")
        );
    }

    #[test]
    fn a_removed_and_an_added_word_are_tolerated() {
        let edited = TEXT
            .replace("new ferry", "ferry")
            .replace("a month", "each month");
        let quote = "The new ferry berth will carry 4,000 crossings a month";
        assert_eq!(
            find(&edited, quote).as_deref(),
            Some("The ferry berth will carry 4,000 crossings each month")
        );
    }

    #[test]
    fn a_rewritten_sentence_is_not_found() {
        let quote = "The new ferry berth will carry 4,000 crossings a month";
        let edited = TEXT.replace(quote, "Ferries will dock at the old pier until spring");
        assert_eq!(find(&edited, quote), None);
        assert_eq!(find("", quote), None);
    }

    #[test]
    fn short_quotes_are_left_to_exact_search() {
        assert_eq!(find(TEXT, "Ines Vale"), None);
    }

    #[test]
    fn many_quotes_are_placed_in_one_pass() {
        let quotes = [
            "The harbour board met on Tuesday.",
            "The dockworkers' union disputed the figure.",
            "Nothing of the sort was ever said here.",
        ];
        let edited = TEXT.replace("Tuesday", "Wednesday");
        let found = find_all(&edited, &quotes, &[0, 0, 0]);
        let texts: Vec<_> = found
            .iter()
            .map(|s| s.and_then(|s| s.slice(&edited)))
            .collect();
        assert_eq!(
            texts,
            [
                Some("The harbour board met on Wednesday."),
                Some("The dockworkers' union disputed the figure."),
                None
            ]
        );
    }

    #[test]
    fn ties_go_to_the_copy_nearest_the_hint() {
        let para = "The ferry will carry four thousand crossings every month. ";
        let text = para.repeat(3);
        let quote = "The ferry will carry four thousand crossings every month.";
        let hint = 2 * para.len();
        let found = find_all(&text, &[quote], &[hint])[0];
        assert_eq!(found.map(|s| s.start), Some(hint));
    }

    proptest! {
        #[test]
        fn spans_lie_on_char_boundaries(text in "\\PC{0,300}", quote in "\\PC{16,60}") {
            let found = find_all(&text, &[quote.as_str()], &[0])[0];
            if let Some(span) = found {
                prop_assert!(span.slice(&text).is_some());
            }
        }

        #[test]
        fn one_changed_char_in_a_long_quote_is_found(
            words in proptest::collection::vec("[a-z]{3,9}", 8..20),
            at in any::<prop::sample::Index>(),
        ) {
            let quote = words.join(" ");
            let mut chars: Vec<char> = quote.chars().collect();
            let i = at.index(chars.len());
            chars[i] = if chars[i] == 'q' { 'z' } else { 'q' };
            let edited: String = chars.into_iter().collect();
            let text = format!("Before it all. {edited} And after.");
            let found = find_all(&text, &[quote.as_str()], &[0])[0];
            prop_assert_eq!(found.and_then(|s| s.slice(&text)), Some(edited.as_str()));
        }
    }
}
