//! Spans of claims: datelines, the main clause before a late
//! attribution, a claim's extent.

use super::super::attribution::{Found, Pattern};
use crate::extract::lexicon::{self, is_subject_pronoun};
use crate::extract::phrases::is_preposition;
use crate::extract::tokens::{Tok, TokKind};
use crate::model::Span;

/// Where a dateline opening a paragraph ends: `CORK, Ireland, Feb. 11 — ` or
/// `WASHINGTON (Reuters) - `. The place and date are not part of any claim.
pub(super) fn dateline_end(text: &str, sentence: Span) -> Option<usize> {
    let s = sentence.slice(text)?;
    // Datelines open with a place in capitals ("CORK", "WASHINGTON").
    let first_word = s.split([',', ' ', '(']).next()?;
    if first_word.len() < 3 || first_word.bytes().any(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let head: String = s.chars().take(80).collect();
    let (dash, width) = [" — ", " – ", " -- ", " - ", "—"]
        .iter()
        .filter_map(|d| head.find(d).map(|i| (i, d.len())))
        .min()?;
    let place = &head[..dash];
    let first = place.split([',', ' ', '(']).next()?;
    let shouting = first.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && first
            .chars()
            .all(|c| !c.is_alphabetic() || c.is_uppercase());
    let tidy = place
        .split_whitespace()
        .all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == '('));
    (shouting && tidy).then(|| {
        let rest = &s[dash + width..];
        sentence.start + dash + width + (rest.len() - rest.trim_start().len())
    })
}

/// `The council voted to raise tolls by 37 percent, a move officials said was needed`:
/// an attribution buried late in a sentence leaves the main clause before it
/// unattributed; that clause is a claim of its own (up to its last comma).
pub(super) fn main_clause_before(text: &str, sentence: Span, found: &[Found]) -> Option<Span> {
    let first = found.iter().min_by_key(|f| f.content.start)?;
    if !matches!(
        first.pattern,
        Pattern::SubjectVerb | Pattern::Participle | Pattern::Relative
    ) {
        return None;
    }
    let speaker = first.source.map_or(first.content.start, |np| np.span.start);
    // "The plan was drawn up by Acme, which said …": the clause ends with the speaker.
    let prefix = if first.pattern == Pattern::Relative {
        Span::new(sentence.start, first.source?.span.end).trim(text)
    } else {
        let start = speaker.min(first.content.start);
        if (start - sentence.start) * 5 < sentence.len() * 2 {
            return None;
        }
        let head = Span::new(sentence.start, start).slice(text)?;
        let comma = head.rfind(',')?;
        Span::new(sentence.start, sentence.start + comma).trim(text)
    };
    // An opening adverbial ("Until the announcement of the shutdown, …") is no clause.
    let opener = prefix
        .slice(text)?
        .split_whitespace()
        .map(str::to_lowercase)
        .find(|w| !lexicon::LEADING_CONJUNCTIONS.has(w.as_str()))?;
    let adverbial = lexicon::ADVERBIAL_OPENERS.has(opener.as_str());
    (word_count(text, prefix) >= 8 && !adverbial).then_some(prefix)
}

/// `When Ode said the pier was safe, the crowd cheered loudly`, `The trust, which says
/// it must save £48m, will close two wards`: the words after the last attribution that
/// make a clause of their own are a claim too, so no text is dropped. A relative or
/// participle clause about the speaker, where it was said, or a quotation (claimed on
/// its own) is not.
pub(super) fn main_clause_after(
    text: &str,
    sentence: Span,
    toks: &[Tok],
    found: &[Found],
) -> Option<Span> {
    let end = found
        .iter()
        .map(|f| {
            let cue = f.cue.map_or(0, |c| c.end);
            let source = f.source.map_or(0, |np| {
                np.appositive
                    .map_or(np.span.end, |a| a.end.max(np.span.end))
            });
            f.content.end.max(cue).max(source)
        })
        .max()?;
    let mut i = toks.partition_point(|t| t.span.start < end);
    // "…, Voss said Friday, as they pressed …": the day belongs to the tag.
    i = crate::extract::phrases::skip_adverbials(toks, i, toks.len());
    while i < toks.len()
        && (toks[i].kind == TokKind::Punct && !toks[i].is_quote()
            || toks[i].is_word() && lexicon::CONJUNCTIONS.has(toks[i].lower.as_str()))
    {
        i += 1;
    }
    let rest = &toks[i..];
    let first = rest.first()?;
    let opener = first.lower.as_str();
    // A clause opens with its subject or, after a relative clause, its verb; not with
    // "a lawyer for the club" (a role) or "reporters after the meeting" (a listener).
    let opens_clause = first.is_word()
        && (first.cap
            || is_subject_pronoun(opener)
            || lexicon::is_auxiliary(opener)
            || matches!(
                opener,
                "the" | "this" | "these" | "its" | "his" | "her" | "their" | "our" | "there"
            ));
    if !opens_clause
        || lexicon::RELATIVE_PRONOUNS.has(opener)
        || is_preposition(opener)
        || opener.ends_with("ing")
        || rest.iter().any(Tok::is_quote)
        || rest.iter().filter(|t| t.is_word()).count() < 4
    {
        return None;
    }
    let finite = rest.iter().any(|t| {
        let w = t.lower.as_str();
        t.is_word() && !t.cap && (lexicon::FINITE_VERBS.has(w) || w.len() > 3 && w.ends_with("ed"))
    });
    finite.then(|| trim_final_period(text, Span::new(first.span.start, sentence.end)).trim(text))
}

/// The span a found attribution's claim covers: its content, or — when the content is
/// short beside the words introducing it (`Ode said a deal had been secured`) — the
/// whole clause from the speaker on, so the claim reads on its own.
pub(super) fn claim_span(text: &str, f: &Found) -> Span {
    let Some(np) = f.source else {
        return f.content;
    };
    if f.pattern != Pattern::SubjectVerb || np.span.start >= f.content.start {
        return f.content;
    }
    let prefix = f.content.start - np.span.start;
    let content = f.content.len();
    // Not over an appositive ("Ode, a nurse at the clinic, said …"): the speaker and
    // the role are shown beside the claim.
    // Nor over another verb coordinated before the cue ("Vale praised the plan and said
    // …"): that verb is an attribution of its own. (An "and" inside a clause set off by
    // commas, "Ode, who grows maize and beans, said …", is no such verb.)
    let coordinated = f.cue.is_some_and(|cue| {
        Span::new(np.span.end, cue.start.max(np.span.end))
            .slice(text)
            .is_some_and(|gap| {
                !gap.contains(',') && gap.split_whitespace().any(|w| w == "and" || w == "but")
            })
    });
    let plain = np.appositive.is_none() && !coordinated;
    if plain && 2 * content < 3 * prefix && 2 * content >= prefix {
        Span::new(np.span.start, f.content.end)
    } else {
        f.content
    }
}

pub(super) fn word_count(text: &str, span: Span) -> usize {
    span.slice(text).map_or(0, |s| s.split_whitespace().count())
}

/// Drops one final period (not "?" or "!" or a closing quote) from a sentence span.
pub(super) fn trim_final_period(text: &str, span: Span) -> Span {
    match span.slice(text) {
        Some(s) if s.ends_with('.') && !s.ends_with("...") => Span::new(span.start, span.end - 1),
        _ => span,
    }
}
