//! Text to matching terms: the one analysis both the index and the queries go through.
//!
//! Claims come back reworded, in a tweet's shorthand, with numbers written another way.
//! [`analyze`] turns any text into [`Term`]s that survive those changes:
//!
//! - URLs (`https://…`, `pic.twitter.com/…`, `www.…`) are dropped; `@handles` and
//!   `#HashTags` are split into their words (`#AustralianFires` → australian fires);
//!   emoji and other symbols separate words and are otherwise ignored;
//! - numbers are read with their scale and unit, so `$14.8tn`, `$14.8 trillion` and
//!   `14.8 trillion dollars` all give the terms `14800000000000` and `dollar`; `50%`,
//!   `50 percent` and `fifty per cent` give `50` and `percent`;
//! - words are lower-cased, possessives dropped (`Trump's` → trump), English stop words
//!   removed and the rest stemmed (Porter 2), so `vaccines`/`vaccinated` meet;
//! - capitalised words inside a sentence are marked as names, for the re-ranker to weigh.
//!
//! ```
//! use claimdesk::library::normalize::analyze;
//! let a: Vec<String> = analyze("Debt hit $14.8tn").into_iter().map(|t| t.text).collect();
//! let b: Vec<String> = analyze("debt hit 14.8 trillion dollars").into_iter().map(|t| t.text).collect();
//! assert_eq!(a, b);
//! ```

use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};

use super::numbers::{self, NumberWord};

/// What a term stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TermKind {
    /// An ordinary word, stemmed.
    Word,
    /// A capitalised word inside a sentence: a person, place or organisation.
    Name,
    /// A number in canonical form (`14800000000000`, `2.5`).
    Number,
    /// The unit of the number before it (`dollar`, `percent`).
    Unit,
}

/// One matching term.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Term {
    pub text: String,
    pub kind: TermKind,
}

/// The terms of `text`, in order.
pub fn analyze(text: &str) -> Vec<Term> {
    let words = split_words(text);
    let mut out = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        if let Some((value, unit, used)) = numbers::read(&words[i..]) {
            out.push(Term {
                text: value,
                kind: TermKind::Number,
            });
            if let Some(unit) = unit {
                out.push(Term {
                    text: unit.to_owned(),
                    kind: TermKind::Unit,
                });
            }
            i += used.max(1);
            continue;
        }
        let w = &words[i];
        i += 1;
        let lower = fold(&w.text);
        let lower = strip_possessive(&lower);
        if lower.is_empty() || is_stop_word(lower) {
            continue;
        }
        let kind = if w.capitalised && !w.sentence_start && lower.len() > 1 {
            TermKind::Name
        } else {
            TermKind::Word
        };
        out.push(Term {
            text: stem(lower),
            kind,
        });
    }
    out
}

/// The terms' texts joined by spaces: what the index stores for a field.
pub fn analyzed_text(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    for t in analyze(text) {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(&t.text);
    }
    s
}

/// A word of the input before analysis.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Word {
    /// Letters, digits and the marks inside a number (`14.8`, `1,200`, `$5`).
    pub text: String,
    pub capitalised: bool,
    /// First word of a sentence, a title line or a hashtag/handle part.
    pub sentence_start: bool,
}

impl NumberWord for Word {
    fn text(&self) -> &str {
        &self.text
    }
}

/// Splits text into words, dropping URLs and splitting handles and hashtags.
pub(super) fn split_words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut sentence_start = true;
    for chunk in text.split_whitespace() {
        let chunk = before_url(chunk);
        if chunk.is_empty() {
            continue;
        }
        let (tagged, body) = match chunk.strip_prefix(['@', '#']) {
            Some(rest) => (true, rest),
            None => (false, chunk),
        };
        let mut pieces = Vec::new();
        word_pieces(body, &mut pieces);
        for piece in pieces {
            if tagged {
                for part in camel_parts(&piece) {
                    out.push(Word {
                        capitalised: false,
                        sentence_start: true,
                        text: part,
                    });
                }
            } else {
                let capitalised = piece.chars().next().is_some_and(char::is_uppercase);
                out.push(Word {
                    text: piece,
                    capitalised,
                    sentence_start,
                });
            }
            sentence_start = false;
        }
        if ends_sentence(chunk) {
            sentence_start = true;
        }
    }
    out
}

fn ends_sentence(chunk: &str) -> bool {
    let trimmed = chunk.trim_end_matches(['"', '\'', '”', '’', ')', ']']);
    trimmed.ends_with(['.', '!', '?', ':', '—']) || chunk == "—" || chunk == "-"
}

/// The part of a chunk before a URL in it: tweets glue links to the last word
/// (`#Minecrafthttps://t.co/…`, `act.pic.twitter.com/…`).
fn before_url(chunk: &str) -> &str {
    const MARKS: [&str; 4] = ["http://", "https://", "pic.twitter.com/", "www."];
    let lower = chunk.to_ascii_lowercase();
    let cut = MARKS
        .iter()
        .filter_map(|m| lower.find(m))
        .min()
        .unwrap_or(chunk.len());
    let head = chunk.get(..cut).unwrap_or_default();
    let bare = head.trim_start_matches(['(', '[', '"', '\'', '“']);
    let lower_bare = bare.to_ascii_lowercase();
    if lower_bare.starts_with("t.co/") || lower_bare.starts_with("bit.ly/") {
        ""
    } else {
        head
    }
}

/// The word pieces of one whitespace-separated chunk: runs of letters and digits, with
/// apostrophes inside words, and `.`/`,` between digits and a leading currency sign kept
/// (so numbers stay whole). Everything else separates.
fn word_pieces(chunk: &str, out: &mut Vec<String>) {
    let chars: Vec<char> = chunk.chars().collect();
    let mut cur = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1).copied();
        let keep = c.is_alphanumeric()
            || (matches!(c, '.' | ',')
                && prev.is_some_and(|p| p.is_ascii_digit())
                && next.is_some_and(|n| n.is_ascii_digit()))
            || (matches!(c, '\'' | '’')
                && prev.is_some_and(char::is_alphanumeric)
                && next.is_some_and(char::is_alphanumeric))
            || (numbers::is_currency(c) && next.is_some_and(|n| n.is_ascii_digit()))
            || (c == '%' && prev.is_some_and(|p| p.is_ascii_digit()));
        if keep {
            if c == '%' {
                // "50%" reads as "50 percent".
                out.push(std::mem::take(&mut cur));
                out.push("%".to_owned());
                continue;
            }
            if numbers::is_currency(c) && !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            cur.push(c);
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out.retain(|p| !p.is_empty());
}

/// `AustralianFires` → Australian, Fires; `COVID19` → COVID, 19; `real_donald` → real, donald.
fn camel_parts(s: &str) -> Vec<String> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut cur = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_alphanumeric() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if let Some(&p) = i.checked_sub(1).and_then(|j| chars.get(j)) {
            let next_lower = chars.get(i + 1).is_some_and(|n| n.is_lowercase());
            let boundary = (p.is_lowercase() && c.is_uppercase())
                || (p.is_uppercase() && c.is_uppercase() && next_lower)
                || (p.is_alphabetic() && c.is_ascii_digit())
                || (p.is_ascii_digit() && c.is_alphabetic());
            if boundary && !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
        }
        cur.push(c);
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Lower case with the curly apostrophe folded and common Latin accents removed.
fn fold(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            '’' | '‘' => '\'',
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            other => other,
        })
        .collect()
}

fn strip_possessive(s: &str) -> &str {
    let s = s.strip_suffix("'s").unwrap_or(s);
    s.trim_matches('\'')
}

fn stem(word: &str) -> String {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    let stemmer = STEMMER.get_or_init(|| Stemmer::create(Algorithm::English));
    if word.chars().any(|c| c.is_ascii_digit()) {
        word.to_owned()
    } else {
        stemmer.stem(word).into_owned()
    }
}

/// English function words that say nothing about which claim is meant.
const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "after",
    "again",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "been",
    "before",
    "being",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "it's",
    "its",
    "itself",
    "just",
    "let's",
    "me",
    "more",
    "most",
    "my",
    "myself",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "same",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "very",
    "via",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
];

fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        analyze(s).into_iter().map(|t| t.text).collect()
    }

    fn kinds(s: &str, kind: TermKind) -> Vec<String> {
        analyze(s)
            .into_iter()
            .filter(|t| t.kind == kind)
            .map(|t| t.text)
            .collect()
    }

    #[test]
    fn money_with_short_scale_equals_spelled_out() {
        assert_eq!(
            texts("The port owes $14.8tn"),
            texts("the port owes 14.8 trillion dollars")
        );
        assert_eq!(texts("$2.5bn deal"), texts("2.5 billion dollar deal"));
        assert_eq!(texts("£300m"), texts("300 million pounds"));
    }

    #[test]
    fn percent_sign_and_word_meet() {
        assert_eq!(texts("fares up 37%"), texts("fares up 37 per cent"));
        assert_eq!(texts("fares up 37 percent"), texts("fares up 37%"));
    }

    #[test]
    fn thousands_separators_and_number_words() {
        assert_eq!(texts("1,200 nurses"), texts("1200 nurses"));
        assert_eq!(texts("two million voters"), texts("2,000,000 voters"));
        assert_eq!(texts("twelve ferries"), texts("12 ferries"));
    }

    #[test]
    fn urls_are_dropped_and_handles_split() {
        let t = texts("Read it https://example.org/x?y=1 pic.twitter.com/AbC123 @HarbourTrust");
        assert_eq!(t, vec!["read", "harbour", "trust"]);
    }

    #[test]
    fn links_glued_to_words_are_cut_off() {
        assert_eq!(texts("#Minecrafthttps://t.co/V4L"), vec!["minecraft"]);
        assert_eq!(texts("ferries.pic.twitter.com/Ab1"), vec!["ferri"]);
    }

    #[test]
    fn hashtags_split_on_case_and_digits() {
        assert_eq!(texts("#AustralianFires"), vec!["australian", "fire"]);
        assert_eq!(texts("#COVID19Vaccine"), vec!["covid", "19", "vaccin"]);
    }

    #[test]
    fn emoji_separate_words_and_vanish() {
        assert_eq!(texts("bridge🔥closed 😡😡"), vec!["bridg", "close"]);
    }

    #[test]
    fn possessives_and_curly_apostrophes_fold() {
        assert_eq!(texts("Moriarty’s budget"), texts("Moriarty's budget"));
        assert_eq!(texts("Moriarty's budget"), texts("Moriarty budget"));
    }

    #[test]
    fn stems_meet_across_inflections() {
        assert_eq!(texts("vaccines"), texts("vaccine"));
        assert_eq!(texts("closed"), texts("closing"));
    }

    #[test]
    fn capitalised_words_inside_a_sentence_are_names() {
        assert_eq!(
            kinds(
                "The mayor said Ines Vale lied. Then she left.",
                TermKind::Name
            ),
            vec!["ine", "vale"]
        );
    }

    #[test]
    fn stop_words_go() {
        assert!(texts("it is of the and to").is_empty());
    }

    #[test]
    fn accents_fold() {
        assert_eq!(texts("Pérez café"), texts("Perez cafe"));
    }
}
