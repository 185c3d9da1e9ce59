//! Noun phrases after a verb: inverted tags ("said Jane Ode, a nurse") and the person
//! addressed ("told reporters").

use crate::extract::lexicon::{
    self, is_clause_word, is_determiner, is_subject_pronoun, is_time_word,
};
use crate::extract::tokens::{Tok, TokKind};
use crate::model::Span;

use super::{MAX_NP, Np, is_preposition, np};

/// The noun phrase starting at token `start` (inverted tags: `said Jane Ode, a nurse`).
/// Returns it and the index after it (after any appositive).
pub fn np_after(text: &str, toks: &[Tok], start: usize, hi: usize) -> Option<(Np, usize)> {
    if start >= hi {
        return None;
    }
    let first = &toks[start];
    if !first.is_word() || is_clause_word(&first.lower) && !is_subject_pronoun(&first.lower) {
        return None;
    }
    if is_subject_pronoun(&first.lower) {
        return Some((np(toks, start, start, None), start + 1));
    }
    let mut j = start;
    let mut words = 0;
    let mut seen_det = false;
    while j < hi && words < MAX_NP {
        let t = &toks[j];
        if t.kind == TokKind::Punct {
            // "Ledger/Ipsos": a slash joins two names, as pollsters write them.
            let slash =
                t.is_punct('/') && j > start && j + 1 < hi && toks[j - 1].cap && toks[j + 1].cap;
            let joins = (matches!(t.lower.as_str(), "&" | "-" | "'" | "’") || slash)
                && j + 1 < hi
                && toks[j + 1].is_word();
            if joins && j > start {
                j += 1;
                continue;
            }
            break;
        }
        let w = t.lower.as_str();
        if j > start && is_subject_pronoun(w) {
            break;
        }
        if is_determiner(w) {
            if j > start && !seen_det && !lexicon::ROLE_PREPOSITIONS.has(toks[j - 1].lower.as_str())
            {
                break;
            }
            seen_det = true;
        } else if is_clause_word(w) && !(w == "to" && j > start && toks[j - 1].is("close"))
            || !t.cap && is_time_word(w)
            || j > start && t.kind == TokKind::Word && !t.cap && lexicon::ROLE_TIME_WORDS.has(w)
        {
            break;
        }
        j += 1;
        words += 1;
    }
    // Trailing prepositions belong to what follows.
    let mut last = j;
    while last > start && is_preposition(&toks[last - 1].lower) {
        last -= 1;
    }
    if last == start {
        return None;
    }
    let mut phrase = np(toks, start, last - 1, None);
    let mut next = last;
    if let Some(found) = name_after_role(text, toks, &phrase, next, hi) {
        return Some(found);
    }
    if let Some((role, end)) = appositive_after(text, toks, next, hi) {
        phrase.appositive = Some(role);
        next = end;
    }
    Some((phrase, next))
}

/// The person addressed after "told", "assured", "asked": "reporters", "him", "the
/// BBC", "BBC News", "a news conference"; returns the index after it.
pub fn listener_after(toks: &[Tok], start: usize, hi: usize) -> Option<usize> {
    let t = toks.get(start).filter(|_| start < hi)?;
    if !t.is_word() || t.is("that") {
        return None;
    }
    if lexicon::LISTENERS.has(t.lower.as_str()) {
        return Some(start + 1);
    }
    let mut i = start;
    if is_determiner(&t.lower) {
        i += 1;
    }
    let caps_start = i;
    while i < hi && toks[i].cap && toks[i].is_word() && i - caps_start < 3 {
        // "BBC News US policy": a second acronym starts the next phrase.
        if toks[i].acronym && i - caps_start >= 2 {
            break;
        }
        i += 1;
    }
    // "TheBlaze founder Glenn Beck", "host Chris Cuomo": a role word and a name.
    if i < hi
        && toks[i].is_word()
        && !toks[i].cap
        && lexicon::is_person_role(toks[i].stem())
        && toks.get(i + 1).is_some_and(|t| t.cap)
    {
        i += 1;
        let name_start = i;
        while i < hi && toks[i].cap && toks[i].is_word() && i - name_start < 3 {
            i += 1;
        }
    }
    if i > caps_start {
        return Some(i);
    }
    // "the newspaper", "the committee": a determiner and up to two lowercase nouns.
    if i > start {
        let mut k = i;
        while k < hi
            && k - i < 2
            && toks[k].is_word()
            && !toks[k].cap
            && !is_clause_word(&toks[k].lower)
            && !is_subject_pronoun(&toks[k].lower)
        {
            k += 1;
        }
        if k > i {
            return Some(k);
        }
    }
    None
}

/// ", a spokesman for the ministry" after a phrase ending before `next` (a comma), up
/// to the end or the next comma: the role and the index after it.
fn appositive_after(text: &str, toks: &[Tok], next: usize, hi: usize) -> Option<(Span, usize)> {
    if !(next < hi && toks[next].is_punct(',') && next + 1 < hi) {
        return None;
    }
    let a = &toks[next + 1];
    if !(!a.cap || is_determiner(&a.lower) || lexicon::is_person_role(&a.lower)) {
        return None;
    }
    let mut e = next + 1;
    while e < hi
        && !(toks[e].kind == TokKind::Punct
            && matches!(toks[e].lower.as_str(), "," | "." | ";" | ":" | "!" | "?"))
        && !toks[e].is_quote()
    {
        e += 1;
    }
    if !(e > next + 1 && e - next <= 16) {
        return None;
    }
    let w = a.lower.as_str();
    let role_words = toks[next + 1..e].iter().any(|t| {
        t.is_word() && (lexicon::is_person_role(t.stem()) || lexicon::is_org_word(t.stem()))
    });
    let opens_like_role = is_determiner(w) && !lexicon::OPEN_QUANTIFIERS.has(w)
        || a.is_possessive()
        || w == "then"
        || w == "now"
        || w == "former";
    ((role_words || opens_like_role) && !lexicon::NOT_ROLE_FOLLOWERS.has(w) && a.cue.is_none())
        .then(|| {
            (
                Span::new(toks[next + 1].span.start, toks[e - 1].span.end).trim(text),
                e,
            )
        })
}

/// "said the company's chief executive, Paul J. Marsh.": a role, a comma and a name
/// (one to four capitalised words and initials) closing the tag: the name is the
/// source, the phrase before it its role.
fn name_after_role(
    text: &str,
    toks: &[Tok],
    role: &Np,
    comma: usize,
    hi: usize,
) -> Option<(Np, usize)> {
    let head = &toks[role.last];
    let is_role = |t: &Tok| !t.cap && lexicon::is_person_role(t.stem());
    // "the ministry's spokesman, Oleg Varn", "a spokesman for the Foreign Ministry, Oleg
    // Varn": a role word heads the phrase, or opens a "for"/"of" phrase inside it.
    let role_phrase = is_role(head)
        || (role.first..role.last).any(|k| {
            is_role(&toks[k]) && lexicon::ROLE_PREPOSITIONS.has(toks[k + 1].lower.as_str())
        });
    if !role_phrase || !toks.get(comma)?.is_punct(',') {
        return None;
    }
    let first = comma + 1;
    let mut j = first;
    while j < hi
        && (toks[j].is_word() && toks[j].cap
            || toks[j].is_punct('.') && j > first && toks[j - 1].lower.len() == 1 && j + 1 < hi)
    {
        j += 1;
    }
    let words = toks[first..j].iter().filter(|t| t.is_word()).count();
    let closes = j == hi
        || toks[j].kind == TokKind::Punct
            && matches!(toks[j].lower.as_str(), "," | "." | ";" | "!" | "?")
        || toks[j].is_quote();
    if !(1..=4).contains(&words) || !closes || !toks[j - 1].is_word() {
        return None;
    }
    let span = Span::new(toks[first].span.start, toks[j - 1].span.end);
    let role = Span::new(toks[role.first].span.start, head.span.end).trim(text);
    Some((
        Np {
            span,
            appositive: Some(role),
            first,
            last: j - 1,
        },
        j,
    ))
}
