//! Word tokens with their byte spans.

use crate::model::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    /// Letters, with inner apostrophes, hyphens and periods ("Rover's", "state-run", "U.S.").
    Word,
    /// Digits with inner separators ("2,000", "14.8", "1940s").
    Number,
    /// Any other single character that is not whitespace.
    Punct,
}

/// A token's lowercase text, kept inline when short (almost every word), so that
/// tokenizing does not allocate once per word.
pub type Lower = compact_str::CompactString;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tok {
    pub span: Span,
    pub kind: TokKind,
    /// Lowercase text; for words a trailing possessive "'s" is kept.
    pub lower: Lower,
    /// First character is uppercase.
    pub cap: bool,
    /// Two or more letters, all uppercase ("BBC", "U.S.").
    pub acronym: bool,
    /// The attribution verb this word is, looked up once here.
    pub cue: Option<super::lexicon::CueVerb>,
}

impl Tok {
    pub fn is(&self, word: &str) -> bool {
        self.lower == word
    }

    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }

    /// A word whose lowercase text passes `test` ("in" and `is_preposition`).
    pub fn is_word_in(&self, test: impl Fn(&str) -> bool) -> bool {
        self.is_word() && test(&self.lower)
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokKind::Punct && self.lower.starts_with(c)
    }

    /// Any opening or closing quotation mark.
    pub fn is_quote(&self) -> bool {
        self.kind == TokKind::Punct && is_quote_char(self.lower.chars().next().unwrap_or(' '))
    }

    /// The word without a possessive ending ("minister's" → "minister").
    pub fn stem(&self) -> &str {
        let l = self.lower.as_str();
        l.strip_suffix("'s")
            .or_else(|| l.strip_suffix("’s"))
            .unwrap_or(l)
    }

    pub fn is_possessive(&self) -> bool {
        self.lower.ends_with("'s") || self.lower.ends_with("’s")
    }
}

pub fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '”' | '„' | '«' | '»' | '‘' | '’' | '\'' | '`'
    )
}

fn is_inner_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‑' | '.' | '&')
}

/// Splits `text[span]` into tokens.
pub fn tokenize(text: &str, span: Span) -> Vec<Tok> {
    let Some(s) = span.slice(text) else {
        return Vec::new();
    };
    let base = span.start;
    let mut out = Vec::with_capacity(s.len() / 5);
    let mut i = 0;
    while let Some(c) = char_at(s, i) {
        if c.is_whitespace() {
            i += c.len_utf8();
        } else if c.is_alphanumeric() {
            let end = word_end(s, i, c);
            out.push(word_tok(&s[i..end], base + i, c));
            i = end;
        } else {
            let end = i + c.len_utf8();
            out.push(Tok {
                span: Span::new(base + i, base + end),
                kind: TokKind::Punct,
                lower: Lower::from(&*c.encode_utf8(&mut [0u8; 4])),
                cap: false,
                acronym: false,
                cue: None,
            });
            i = end;
        }
    }
    out
}

/// The character starting at byte `i` of `s` (a char boundary), read a byte at a time
/// when it is ASCII, as almost all of it is.
fn char_at(s: &str, i: usize) -> Option<char> {
    let b = *s.as_bytes().get(i)?;
    if b.is_ascii() {
        Some(char::from(b))
    } else {
        s[i..].chars().next()
    }
}

/// The end of the word or number that starts with `c` at `i`.
fn word_end(s: &str, i: usize, c: char) -> usize {
    let numeric = c.is_ascii_digit();
    let mut end = i + c.len_utf8();
    while let Some(d) = char_at(s, end) {
        if d.is_alphanumeric() {
            end += d.len_utf8();
            continue;
        }
        // A joiner stays inside the token when a letter or digit follows it:
        // "U.S", "14.8", "2,000", "state-run", "Rover's".
        let joiner = is_inner_joiner(d) || (numeric && d == ',');
        if joiner {
            let after = char_at(s, end + d.len_utf8());
            if after.is_some_and(char::is_alphanumeric) && !(numeric && d == '-') {
                end += d.len_utf8();
                continue;
            }
            // Keep the final period of dotted abbreviations: "U.S." "a.m."
            if d == '.' && s[i..end].contains('.') && !numeric {
                end += 1;
            }
        }
        break;
    }
    // Keep the period of a title or an initial: "Mr.", "Gov.", "J.", "Inc.".
    if s[end..].starts_with('.') && !numeric {
        let w = &s[i..end];
        let initial = w.chars().count() == 1 && c.is_uppercase();
        if initial || super::segment::is_abbreviation(&lowercase(w)) {
            end += 1;
        }
    }
    end
}

/// `word` in lowercase, inline (no allocation) when short.
fn lowercase(word: &str) -> Lower {
    if word.is_ascii() {
        let mut l = Lower::from(word);
        // Most words are lowercase already.
        if word.bytes().any(|b| b.is_ascii_uppercase()) {
            l.make_ascii_lowercase();
        }
        l
    } else {
        Lower::from(word.to_lowercase())
    }
}

/// The token for `word` (starting with `c`) at offset `start`.
fn word_tok(word: &str, start: usize, c: char) -> Tok {
    // "2,000", "14.8", and numbers with a unit ("1940s", "3rd", "10pm").
    let kind = if c.is_ascii_digit() {
        TokKind::Number
    } else {
        TokKind::Word
    };
    let lower = lowercase(word);
    let cue = if kind == TokKind::Word {
        super::lexicon::cue_verb(&lower)
    } else {
        None
    };
    let acronym = c.is_uppercase()
        && if word.is_ascii() {
            let mut letters = word.bytes().filter(u8::is_ascii_alphabetic);
            letters.clone().nth(1).is_some() && letters.all(|b| b.is_ascii_uppercase())
        } else {
            let mut letters = word.chars().filter(|x| x.is_alphabetic());
            letters.clone().nth(1).is_some() && letters.all(char::is_uppercase)
        };
    Tok {
        span: Span::new(start, start + word.len()),
        kind,
        lower,
        cue,
        cap: c.is_uppercase(),
        acronym,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        tokenize(text, Span::new(0, text.len()))
            .into_iter()
            .map(|t| text[t.span.start..t.span.end].to_string())
            .collect()
    }

    #[test]
    fn keeps_inner_joiners() {
        assert_eq!(
            words("Rover's state-run U.S. deal"),
            ["Rover's", "state-run", "U.S.", "deal"]
        );
    }

    #[test]
    fn titles_and_initials_keep_their_period() {
        assert_eq!(
            words("Mr. J. Ode of Acme Inc. left."),
            ["Mr.", "J.", "Ode", "of", "Acme", "Inc.", "left", "."]
        );
    }

    #[test]
    fn numbers_keep_separators() {
        assert_eq!(
            words("$14.8 trillion, 2,000 jobs."),
            ["$", "14.8", "trillion", ",", "2,000", "jobs", "."]
        );
    }

    #[test]
    fn quotes_are_punctuation() {
        let toks = tokenize("“Yes,” he said", Span::new(0, "“Yes,” he said".len()));
        assert!(toks[0].is_quote());
        assert_eq!(toks[1].lower, "yes");
        assert!(toks[3].is_quote());
    }

    #[test]
    fn trailing_apostrophe_is_not_swallowed() {
        assert_eq!(words("'Stop' now"), ["'", "Stop", "'", "now"]);
    }

    #[test]
    fn spans_are_offset_by_span_start() {
        let text = "xx Hello";
        let toks = tokenize(text, Span::new(3, 8));
        assert_eq!(toks[0].span, Span::new(3, 8));
        assert!(toks[0].cap);
    }
}
