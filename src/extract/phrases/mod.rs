//! Noun phrases and adverbials around attribution verbs, read off the token list.
//!
//! There is no parser here: a subject is the run of name-like and noun-like words
//! right before a verb, bounded by punctuation, clause words and determiners; a
//! parenthetical between commas ("Jane Ode, 45, a nurse, said") is an appositive.

mod adverbials;
mod after;
mod appositive;
mod before;

pub use adverbials::{
    dated_phrase_before, skip_adverbials, skip_back_adverbials, time_phrase_before,
};
pub use after::{listener_after, np_after};
pub use before::{np_before, ratio_before};

use crate::extract::lexicon;
use crate::extract::tokens::Tok;
use crate::model::Span;

/// A noun phrase that names (or points to) a source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Np {
    /// The words naming the source: "Fisheries Minister Ines Vale", "he", "officials".
    pub span: Span,
    /// A role given between commas: "deputy prime minister for European integration".
    pub appositive: Option<Span>,
    /// Token index range of `span` in the sentence.
    pub first: usize,
    pub last: usize,
}

const MAX_NP: usize = 10;
fn is_ly_adverb(t: &Tok) -> bool {
    t.is_word() && !t.cap && t.lower.len() > 4 && t.lower.ends_with("ly") && t.lower != "only"
}

/// A party and state after a politician's name: "R-Ky", "D-Valdera".
pub(crate) fn is_party_tag(t: &Tok) -> bool {
    let b = t.lower.as_bytes();
    t.cap && b.len() >= 3 && matches!(b[0], b'd' | b'r' | b'i') && b[1] == b'-'
}

pub(crate) fn is_preposition(w: &str) -> bool {
    lexicon::PREPOSITIONS.has(w)
}

/// Past participles that start a reduced relative clause: "a letter sent to X".
fn is_participle(w: &str) -> bool {
    lexicon::PARTICIPLES.has(w)
}

/// Cuts a reduced relative clause off a noun phrase: "A letter sent to Martin Ode"
/// names the letter, not Martin Ode.
fn cut_participle(toks: &[Tok], first: usize, last: usize) -> usize {
    (first + 1..=last)
        .find(|&i| is_participle(&toks[i].lower) && !toks[i].cap)
        .map_or(last, |i| i - 1)
}

fn np(toks: &[Tok], first: usize, last: usize, appositive: Option<Span>) -> Np {
    let last = cut_participle(toks, first, last);
    Np {
        span: Span::new(toks[first].span.start, toks[last].span.end),
        appositive,
        first,
        last,
    }
}

#[cfg(test)]
mod tests;
