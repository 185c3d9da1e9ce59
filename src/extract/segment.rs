//! Sentence segmentation for news text.
//!
//! A sentence ends at `.`, `!`, `?` or an ellipsis, after any closing quotes and
//! brackets, when whitespace follows and the next word can start a sentence. Titles
//! ("Mr.", "Gov."), initials ("J. R."), "No. 10", month abbreviations before a day and
//! decimals ("$14.8") never end one; "U.S." ends one only before a word that usually
//! starts a sentence ("The", "He").

use crate::extract::lexicon;
use crate::model::Span;

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '}')
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '«' | '„' | '(' | '[' | '`')
}

/// Byte spans of the sentences of `text[span]`, trimmed, in order, covering all its
/// non-space text.
pub fn sentences(text: &str, span: Span) -> Vec<Span> {
    let Some(para) = span.slice(text) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = para.as_bytes();
    let char_at = |i: usize| para.get(i..).and_then(|r| r.chars().next());
    let mut i = 0;
    while i < bytes.len() {
        // Only ASCII stops and the ellipsis (E2 80 A6) can end a sentence.
        let b = bytes[i];
        if !(matches!(b, b'.' | b'!' | b'?')
            || b == 0xE2 && bytes.get(i + 1..i + 3) == Some(&[0x80, 0xA6]))
        {
            i += 1;
            continue;
        }
        let pos = i;
        let Some(c) = char_at(i) else {
            i += 1;
            continue;
        };
        // Consume a run of terminal punctuation ("?!", "...").
        let mut j = i;
        let mut run = 0;
        while let Some(d) = char_at(j).filter(|d| matches!(d, '.' | '!' | '?' | '…')) {
            j += d.len_utf8();
            run += 1;
        }
        let run_is_ellipsis = c == '…' || run >= 3;
        // Closing quotes and brackets belong to the sentence.
        while let Some(d) = char_at(j).filter(|d| is_closer(*d)) {
            j += d.len_utf8();
        }
        let end_byte = j;
        // Must be followed by whitespace (or the end).
        match char_at(j) {
            None => break,
            Some(d) if !d.is_whitespace() => {
                i = j.max(i + 1);
                continue;
            }
            Some(_) => {}
        }
        let mut k = j;
        while let Some(d) = char_at(k).filter(|d| d.is_whitespace()) {
            k += d.len_utf8();
        }
        let Some(next) = char_at(k) else {
            break;
        };
        let next_word = word_at(para, k);
        let starts_ok = next.is_uppercase()
            || next.is_ascii_digit()
            || is_opener(next)
            || matches!(next, '—' | '–' | '-' | '•' | '*' | '$' | '£' | '€');
        let boundary = starts_ok
            && !pull_quote_name(&para[k..])
            && !(c == '.' && !run_is_ellipsis && !period_ends_sentence(para, pos, next, next_word))
            && !(run_is_ellipsis && next.is_lowercase());
        if boundary {
            push_trimmed(text, span.start + start, span.start + end_byte, &mut out);
            start = k;
        }
        i = k;
    }
    push_trimmed(text, span.start + start, span.start + para.len(), &mut out);
    out
}

/// `— Kim Osei` after a quotation, up to the paragraph end or the next quotation: the
/// name a pull quote is signed with, which stays in the quotation's sentence.
fn pull_quote_name(rest: &str) -> bool {
    let Some(after) = rest.strip_prefix(['—', '–', '―']) else {
        return false;
    };
    let line = after.split(is_opener).next().unwrap_or("");
    let words: Vec<&str> = line.split_whitespace().collect();
    (1..=4).contains(&words.len())
        && line.len() <= 60
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase)
                && w.trim_end_matches('.')
                    .chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        })
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let s = Span::new(start, end).trim(text);
    if !s.is_empty() {
        out.push(s);
    }
}

/// The word (letters, digits, apostrophes) starting at byte `at`, without opening quotes.
fn word_at(s: &str, at: usize) -> &str {
    let rest = &s[at..];
    let rest = rest.trim_start_matches(is_opener);
    let end = rest
        .char_indices()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map_or(rest.len(), |(i, _)| i);
    &rest[..end]
}

/// Decides whether the period at byte `pos` of `para` ends a sentence, given the first
/// char and word of what follows.
fn period_ends_sentence(para: &str, pos: usize, next: char, next_word: &str) -> bool {
    let before = &para[..pos];
    // The token before the period: letters, digits and inner periods ("U.S", "e.g").
    let tok_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let tok = &before[tok_start..];
    if tok.is_empty() {
        return true;
    }
    let lower = tok.to_lowercase();
    if lexicon::TITLES.has(&lower) {
        return false;
    }
    // A single capital letter is an initial ("J. R. Ellison"), unless it is the pronoun "I"
    // or a one-letter word closing a sentence ("Plan B.").
    let mut tchars = tok.chars();
    if let (Some(first), None) = (tchars.next(), tchars.next())
        && first.is_uppercase()
    {
        return first == 'I' || !next.is_uppercase() || starts_sentence(next_word);
    }
    // Initials run together: "J.R." — treat like a name prefix when a name follows.
    let is_dotted = tok.contains('.')
        && tok
            .split('.')
            .all(|p| p.chars().count() <= 2 && p.chars().all(char::is_alphabetic));
    let soft = lexicon::SOFT_ABBREVIATIONS.has(&lower);
    if soft || is_dotted {
        if next.is_ascii_digit() {
            return lower == "a.m" || lower == "p.m" || !soft_takes_number(&lower);
        }
        return starts_sentence(next_word);
    }
    true
}

/// True for abbreviations that take a period: titles ("mr", "gov") and others ("inc",
/// "no", "jan"). Lowercase, without the period.
pub fn is_abbreviation(word: &str) -> bool {
    lexicon::TITLES.has(word) || lexicon::SOFT_ABBREVIATIONS.has(word)
}

fn soft_takes_number(lower: &str) -> bool {
    lexicon::NUMBER_ABBREVIATIONS.has(lower)
}

fn starts_sentence(word: &str) -> bool {
    let lower = word.to_lowercase();
    lexicon::SENTENCE_STARTERS.has(&lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text, Span::new(0, text.len()))
            .into_iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn splits_plain_sentences() {
        assert_eq!(
            split("It rained. We left! Why? Fine."),
            ["It rained.", "We left!", "Why?", "Fine."]
        );
    }

    #[test]
    fn titles_do_not_end_sentences() {
        assert_eq!(
            split("Mr. Abara met Dr. Lind and Gov. Tate. They talked."),
            ["Mr. Abara met Dr. Lind and Gov. Tate.", "They talked."]
        );
    }

    #[test]
    fn us_inside_sentence_is_kept() {
        assert_eq!(
            split("He would grant the U.S. Navy access. Talks continue."),
            ["He would grant the U.S. Navy access.", "Talks continue."]
        );
    }

    #[test]
    fn us_at_sentence_end_splits_before_starter() {
        assert_eq!(
            split("The deal favours the U.S. The minister disagreed."),
            ["The deal favours the U.S.", "The minister disagreed."]
        );
    }

    #[test]
    fn decimals_and_money_do_not_split() {
        assert_eq!(
            split("Reserves are worth $3.2 billion. Output rose 4.5 percent."),
            [
                "Reserves are worth $3.2 billion.",
                "Output rose 4.5 percent."
            ]
        );
    }

    #[test]
    fn number_abbreviation_before_digit() {
        assert_eq!(
            split("He spoke at No. 10 on Jan. 5. Nobody came."),
            ["He spoke at No. 10 on Jan. 5.", "Nobody came."]
        );
    }

    #[test]
    fn initials_stay_in_name() {
        assert_eq!(
            split("J. R. Ellison and J.R. Moss wrote it. It sold."),
            ["J. R. Ellison and J.R. Moss wrote it.", "It sold."]
        );
    }

    #[test]
    fn closing_quote_after_period_stays_with_sentence() {
        assert_eq!(
            split("She said: \"We are ready.\" Then she left."),
            ["She said: \"We are ready.\"", "Then she left."]
        );
        assert_eq!(
            split("“It is over.” The crowd cheered."),
            ["“It is over.”", "The crowd cheered."]
        );
    }

    #[test]
    fn comma_inside_quote_does_not_split() {
        assert_eq!(
            split("\"We will win,\" she said. \"Count on it.\""),
            ["\"We will win,\" she said.", "\"Count on it.\""]
        );
    }

    #[test]
    fn ellipsis_before_lowercase_continues() {
        assert_eq!(
            split("We waited... and waited. Then… Nothing."),
            ["We waited... and waited.", "Then…", "Nothing."]
        );
    }

    #[test]
    fn dashes_do_not_split() {
        assert_eq!(
            split("Regions — Donetsk and Luhansk — are occupied. Talks stalled."),
            [
                "Regions — Donetsk and Luhansk — are occupied.",
                "Talks stalled."
            ]
        );
    }

    #[test]
    fn inc_before_lowercase_continues() {
        assert_eq!(
            split("Acme Inc. said profits rose. Shares fell."),
            ["Acme Inc. said profits rose.", "Shares fell."]
        );
    }

    #[test]
    fn pronoun_i_ends_sentence() {
        assert_eq!(
            split("Nobody was as sure as I. We went."),
            ["Nobody was as sure as I.", "We went."]
        );
    }

    #[test]
    fn offsets_are_relative_to_whole_text() {
        let text = "Head\nOne. Two.";
        let spans = sentences(text, Span::new(5, text.len()));
        assert_eq!(spans, vec![Span::new(5, 9), Span::new(10, 14)]);
    }

    #[test]
    fn the_name_signing_a_pull_quote_stays_with_it() {
        assert_eq!(
            split("“I am ashamed of the council.” — Kim Osei “We deserve better.” ― Ana Ruiz"),
            ["“I am ashamed of the council.” — Kim Osei “We deserve better.” ― Ana Ruiz"]
        );
        // A dash opening a sentence of its own still starts one.
        assert_eq!(
            split("The vote is on Monday. — The council will meet at noon to debate the fares."),
            [
                "The vote is on Monday.",
                "— The council will meet at noon to debate the fares."
            ]
        );
    }
}
