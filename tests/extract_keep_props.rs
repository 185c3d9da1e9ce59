//! No sentence is dropped for one function word: a checkable sentence (a figure, a
//! date, a named actor) stays a claim when "to", "should", "must", "also", … is added
//! or removed around it (issue 9, item 4).

use claimdesk::extract::extract_text;
use proptest::prelude::*;

const FUNCTION_WORDS: &[&str] = &[
    "to", "should", "must", "also", "still", "then", "not", "will",
];

const SENTENCES: &[&str] = &[
    "The ministry planned to open 14 new clinics in Tarrow by 2027.",
    "Harlow Rail must repay the £40 million loan by March 2026.",
    "The council declined to say whether 300 jobs would be cut this year.",
    "Demand for social housing in Brenmouth rose by 18 percent in 2024.",
    "Senator Ilse Marr should release the audit of the 2023 budget.",
    "The board wants to sell the Kessing plant for $85 million.",
    "Under the plan, fares on the Dunmore line would rise by 12 percent.",
    "The port expected to handle 2.4 million containers in 2025.",
];

/// The share of the sentence's letters and digits that some claim covers, with its cue
/// and the mention of its source: an attribution's claim is its content ("to open 14
/// new clinics"), and the words naming who said it are not lost either.
fn covered(text: &str) -> f64 {
    let x = extract_text(text);
    let mut on = vec![false; text.len()];
    for c in &x.claims {
        let cue = c.cue.as_ref().map(|q| q.span);
        let mention = c.source.and_then(|s| s.mention);
        for span in std::iter::once(c.span).chain(cue).chain(mention) {
            for flag in on.iter_mut().take(span.end).skip(span.start) {
                *flag = true;
            }
        }
    }
    let (mut total, mut hit) = (0usize, 0usize);
    for (i, ch) in text.char_indices() {
        if ch.is_alphanumeric() {
            total += 1;
            hit += usize::from(on[i]);
        }
    }
    hit as f64 / total.max(1) as f64
}

/// The sentence with `word` put before its word number `at`, or, when `remove`, with
/// the first function word from there on taken out.
fn variant(sentence: &str, at: usize, word: &str, remove: bool) -> String {
    let mut words: Vec<&str> = sentence.split(' ').collect();
    if remove {
        let n = words.len();
        if let Some(k) = (0..n)
            .map(|k| (at + k) % n)
            .find(|&k| FUNCTION_WORDS.contains(&words[k]))
        {
            words.remove(k);
        }
    } else {
        words.insert(at.min(words.len() - 1), word);
    }
    words.join(" ")
}

#[test]
fn every_checkable_sentence_is_a_claim() {
    for s in SENTENCES {
        assert!(covered(s) >= 0.6, "{s:?} is not a claim");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn one_function_word_does_not_drop_a_sentence(
        k in 0..SENTENCES.len(),
        at in 1usize..12,
        w in 0..FUNCTION_WORDS.len(),
        remove in any::<bool>(),
    ) {
        let text = variant(SENTENCES[k], at, FUNCTION_WORDS[w], remove);
        prop_assert!(covered(&text) >= 0.6, "{:?} is not a claim", text);
    }
}

/// Every variant the property above draws from, checked one by one, so that a failure
/// never waits on the random draw.
#[test]
fn every_one_word_variant_stays_a_claim() {
    let mut dropped = Vec::new();
    for s in SENTENCES {
        for at in 1..12 {
            for w in FUNCTION_WORDS {
                for remove in [false, true] {
                    let text = variant(s, at, w, remove);
                    if covered(&text) < 0.6 {
                        dropped.push(text);
                    }
                }
            }
        }
    }
    dropped.sort();
    dropped.dedup();
    assert!(
        dropped.is_empty(),
        "{} not claims: {dropped:#?}",
        dropped.len()
    );
}
