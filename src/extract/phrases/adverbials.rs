//! Adverbials between a subject and its verb, or after a verb: time ("on Monday",
//! "last week"), place and medium ("in a statement", "at a news conference").

use crate::extract::lexicon::{
    self, is_auxiliary, is_determiner, is_subject_pronoun, is_time_word, is_weekday,
};
use crate::extract::tokens::{Tok, TokKind};

use super::is_ly_adverb;

/// Length of a time expression ending just before `end` ("on Monday", "last week",
/// "earlier this month", "Tuesday"), or 0.
pub fn time_phrase_before(toks: &[Tok], lo: usize, end: usize) -> usize {
    if end <= lo {
        return 0;
    }
    let t = &toks[end - 1];
    let w = t.lower.as_str();
    let mut n = 0;
    if is_weekday(w) || lexicon::TODAY_WORDS.has(w) {
        n = 1;
    } else if lexicon::TIME_NOUNS.has(w) && end >= lo + 2 {
        let p = toks[end - 2].lower.as_str();
        if lexicon::TIME_MODIFIERS.has(p) || is_weekday(p) {
            n = 2;
            if end >= lo + 3 && matches!(toks[end - 3].lower.as_str(), "earlier" | "later") {
                n = 3;
            }
        }
    }
    if n > 0 && end - n > lo && lexicon::TIME_PREPOSITIONS.has(toks[end - n - 1].lower.as_str()) {
        n += 1;
    }
    if n == 0 {
        n = dated_phrase_before(toks, lo, end);
    }
    n
}

/// "in 2010", "in March", "since March 2019": a preposition and a month or a year
/// (with its month), ending before `end`; its length, or 0. Without the preposition a
/// month may be a name ("Theresa May said").
pub fn dated_phrase_before(toks: &[Tok], lo: usize, end: usize) -> usize {
    let mut n = 0;
    if crate::extract::score::is_year(&toks[end - 1]) {
        n = 1;
        if end >= lo + 2 && lexicon::is_month(&toks[end - 2].lower) {
            n = 2;
        }
    } else if lexicon::is_month(&toks[end - 1].lower) {
        n = 1;
    }
    let preposition = n > 0
        && end - n > lo
        && matches!(
            toks[end - n - 1].lower.as_str(),
            "in" | "since" | "until" | "by"
        );
    if preposition { n + 1 } else { 0 }
}

/// Moves `end` (exclusive) left over auxiliaries, adverbs and time phrases between a
/// subject and its verb ("has also", "on Monday", "repeatedly").
pub fn skip_back_adverbials(toks: &[Tok], lo: usize, mut end: usize) -> usize {
    while end > lo {
        let t = &toks[end - 1];
        let be = lexicon::BE_FORMS.has(t.lower.as_str());
        if t.is_word() && !t.cap && !be && (is_auxiliary(&t.lower) || is_ly_adverb(t)) {
            end -= 1;
            continue;
        }
        let n = time_phrase_before(toks, lo, end);
        if n > 0 {
            end -= n;
            continue;
        }
        // "The experts, however, said": a linking adverb set off by commas.
        if end >= lo + 4
            && t.is_punct(',')
            && toks[end - 3].is_punct(',')
            && toks[end - 2].is_word()
            && (lexicon::SENTENCE_ADVERBS.has(toks[end - 2].lower.as_str())
                || matches!(
                    toks[end - 2].lower.as_str(),
                    "though" | "too" | "also" | "again"
                ))
        {
            end -= 3;
            continue;
        }
        break;
    }
    end
}

/// Index after a time or place adverbial starting at `i` ("on Monday", "last week",
/// "in a statement", "on Twitter", "at a news conference", "Tuesday", "earlier,"), or `i`.
pub fn skip_adverbials(toks: &[Tok], mut i: usize, hi: usize) -> usize {
    loop {
        let start = i;
        while i < hi && toks[i].is_word() && !toks[i].cap && is_ly_adverb(&toks[i]) {
            i += 1;
        }
        if i >= hi {
            return i;
        }
        let w = toks[i].lower.as_str();
        if is_weekday(w) || lexicon::TODAY_WORDS.has(w) {
            i += 1;
            // "Monday night", "Tuesday morning".
            if i < hi && lexicon::DAY_PARTS.has(toks[i].lower.as_str()) {
                i += 1;
            }
        } else if lexicon::BARE_TIME_ADVERBS.has(w)
            && i + 1 < hi
            && (toks[i + 1].is_punct(',') || toks[i + 1].is("that"))
        {
            // "said before, …", "said earlier that …"; not "said before the vote".
            i += 1;
        } else if lexicon::TIME_MODIFIERS_AFTER.has(w)
            && i + 1 < hi
            && is_time_word(&toks[i + 1].lower)
        {
            i += 2;
        } else if lexicon::TIME_PREPOSITIONS_AFTER.has(w) && i + 1 < hi {
            match setting_phrase_end(toks, i, hi) {
                Some(end) => i = skip_host(toks, end, hi),
                None => return start.max(i),
            }
        } else {
            return i;
        }
        if i < hi && toks[i].is_punct(',') && i + 1 < hi && !toks[i + 1].is_quote() {
            i += 1;
        }
        if i == start {
            return i;
        }
    }
}

/// The end of a short prepositional phrase opened at `i`: up to a comma, "that", or 6
/// words, and only if it is about time, place or medium (a determiner, a date, a name).
fn setting_phrase_end(toks: &[Tok], i: usize, hi: usize) -> Option<usize> {
    let mut j = i + 1;
    let mut n = 0;
    while j < hi && n < 7 {
        let t = &toks[j];
        if t.kind == TokKind::Punct || t.is("that") || t.is_word() && is_subject_pronoun(&t.lower) {
            break;
        }
        if j > i + 1
            && !t.cap
            && t.is_word()
            && !is_determiner(&t.lower)
            && !lexicon::SETTING_WORDS.has(t.lower.as_str())
            && !is_time_word(&t.lower)
        {
            break;
        }
        j += 1;
        n += 1;
    }
    let next = toks.get(j);
    let ends_well = j >= hi
        || next.is_some_and(|t| {
            t.kind == TokKind::Punct
                && matches!(
                    t.lower.as_str(),
                    "," | ":" | "." | "!" | "?" | ";" | ")" | "—" | "–"
                )
                || t.is("that")
                || t.is_quote()
                || t.is_word() && (is_subject_pronoun(&t.lower) || is_determiner(&t.lower) || t.cap)
        });
    (j > i + 1 && ends_well).then_some(j)
}

/// "in an interview with Pavel Ode, a state TV host, …": after a name ending before `i`
/// (a comma), the index after its appositive, or `i`.
fn skip_host(toks: &[Tok], i: usize, hi: usize) -> usize {
    if !(i + 1 < hi
        && toks[i].is_punct(',')
        && toks[i - 1].cap
        && toks[i + 1].is_word()
        && (is_determiner(&toks[i + 1].lower) || !toks[i + 1].cap))
    {
        return i;
    }
    let mut k = i + 1;
    let stop = |t: &Tok| {
        t.is_quote()
            || t.is("that")
            || t.kind == TokKind::Punct && matches!(t.lower.as_str(), "," | ":" | "." | ";")
    };
    while k < hi && !stop(&toks[k]) {
        k += 1;
    }
    // A clause ("on Monday, the dam is full") is not an appositive.
    let clause = toks[i + 1..k]
        .iter()
        .any(|t| lexicon::CLAUSE_VERBS.has(t.lower.as_str()));
    let after_time = is_time_word(&toks[i - 1].lower);
    if k - i <= 14 && !clause && !after_time && (k >= hi || !toks[k].is("that")) {
        k
    } else {
        i
    }
}
