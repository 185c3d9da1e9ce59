//! Properties of the library's text handling on arbitrary input: the analysis and the
//! ClaimReview reader never panic, and the analysis is stable under what it ignores.

use std::path::Path;

use claimdesk::library::normalize::{analyze, analyzed_text};
use claimdesk::library::{entries_from_claimreview, parse_date, parse_tweet};
use proptest::prelude::*;

proptest! {
    #[test]
    fn analysis_terms_are_single_nonempty_words(text in "\\PC{0,200}") {
        for t in analyze(&text) {
            prop_assert!(!t.text.is_empty());
            prop_assert!(!t.text.contains(char::is_whitespace), "{:?}", t.text);
        }
    }

    #[test]
    fn links_and_emoji_change_nothing(words in "[A-Za-z0-9 ,.$%]{0,80}") {
        let plain = analyzed_text(&words);
        let noisy = format!("{words} https://t.co/AbC12 😡🔥 pic.twitter.com/xyZ");
        prop_assert_eq!(analyzed_text(&noisy), plain);
    }

    #[test]
    fn claimreview_reader_never_panics(text in "\\PC{0,300}") {
        let _ = entries_from_claimreview(&text, Path::new("x.json"));
    }

    #[test]
    fn tweet_parsing_and_dates_never_panic(text in "\\PC{0,120}") {
        let q = parse_tweet(&text);
        prop_assert!(q.text.len() <= text.len());
        let _ = parse_date(&text);
    }
}
