//! Noun phrases and adverbials around attribution verbs, read off the token list.
//!
//! There is no parser here: a subject is the run of name-like and noun-like words
//! right before a verb, bounded by punctuation, clause words and determiners; a
//! parenthetical between commas ("Jane Ode, 45, a nurse, said") is an appositive.

use super::lexicon::{
    is_auxiliary, is_clause_word, is_determiner, is_subject_pronoun, is_time_word, is_weekday,
};
use super::tokens::{Tok, TokKind};
use crate::model::Span;

/// A noun phrase that names (or points to) a source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Np {
    /// The words naming the source: "Russian President Vladimir Putin", "he", "officials".
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

fn is_preposition(w: &str) -> bool {
    matches!(
        w,
        "of" | "for" | "at" | "in" | "from" | "with" | "on" | "to" | "close" | "familiar" | "near"
    )
}

/// Length of a time expression ending just before `end` ("on Monday", "last week",
/// "earlier this month", "Tuesday"), or 0.
pub fn time_phrase_before(toks: &[Tok], lo: usize, end: usize) -> usize {
    if end <= lo {
        return 0;
    }
    let t = &toks[end - 1];
    let w = t.lower.as_str();
    let mut n = 0;
    if is_weekday(w) || matches!(w, "today" | "yesterday" | "tonight") {
        n = 1;
    } else if matches!(
        w,
        "week" | "month" | "year" | "weekend" | "morning" | "afternoon" | "evening" | "night"
    ) && end >= lo + 2
    {
        let p = toks[end - 2].lower.as_str();
        if matches!(
            p,
            "last" | "this" | "next" | "that" | "earlier" | "late" | "previous"
        ) || is_weekday(p)
        {
            n = 2;
            if end >= lo + 3 && matches!(toks[end - 3].lower.as_str(), "earlier" | "later") {
                n = 3;
            }
        }
    }
    if n > 0
        && end - n > lo
        && matches!(
            toks[end - n - 1].lower.as_str(),
            "on" | "by" | "late" | "early"
        )
    {
        n += 1;
    }
    n
}

/// Moves `end` (exclusive) left over auxiliaries, adverbs and time phrases between a
/// subject and its verb ("has also", "on Monday", "repeatedly").
pub fn skip_back_adverbials(toks: &[Tok], lo: usize, mut end: usize) -> usize {
    while end > lo {
        let t = &toks[end - 1];
        let be = matches!(
            t.lower.as_str(),
            "is" | "was" | "are" | "were" | "be" | "been" | "being"
        );
        if t.is_word() && !t.cap && !be && (is_auxiliary(&t.lower) || is_ly_adverb(t)) {
            end -= 1;
            continue;
        }
        let n = time_phrase_before(toks, lo, end);
        if n > 0 {
            end -= n;
            continue;
        }
        break;
    }
    end
}

/// The subject noun phrase ending just before token `end` (exclusive), not reaching
/// before `lo`.
pub fn np_before(text: &str, toks: &[Tok], lo: usize, end: usize) -> Option<Np> {
    if end <= lo {
        return None;
    }
    if toks[end - 1].is_punct(',') {
        return appositive_np(text, toks, lo, end - 1);
    }
    plain_np_before(toks, lo, end)
}

fn plain_np_before(toks: &[Tok], lo: usize, end: usize) -> Option<Np> {
    if end <= lo {
        return None;
    }
    let last = end - 1;
    let head = &toks[last];
    if head.is_word() && is_subject_pronoun(&head.lower) {
        return Some(np(toks, last, last, None));
    }
    // "Just ask …", "Also said …": a capitalised adverb opening the sentence.
    if head.cap
        && last == lo
        && (is_auxiliary(&head.lower) || is_clause_word(&head.lower) || head.lower.ends_with("ly"))
    {
        return None;
    }
    // "Several said", "Many say", "Others argued": a quantifier standing alone.
    if head.is_word()
        && matches!(
            head.lower.as_str(),
            "several"
                | "many"
                | "some"
                | "most"
                | "others"
                | "few"
                | "both"
                | "all"
                | "one"
                | "another"
        )
        && (last == lo
            || toks[last - 1].kind == TokKind::Punct
            || is_clause_word(&toks[last - 1].lower))
    {
        return Some(np(toks, last, last, None));
    }
    // "Those over 60 say": a number may end a described group.
    let numeric_head = head.kind == TokKind::Number
        && last > lo
        && toks[last - 1].is_word()
        && !is_clause_word(&toks[last - 1].lower);
    if !(head.is_word() || numeric_head)
        || is_clause_word(&head.lower)
        || is_determiner(&head.lower)
        || is_time_word(&head.lower) && !head.cap
    {
        return None;
    }
    let mut j = end;
    let mut words = 0;
    while j > lo && words < MAX_NP {
        let t = &toks[j - 1];
        match t.kind {
            TokKind::Punct => {
                let joins = matches!(t.lower.as_str(), "&" | "-" | "'" | "’")
                    && j - 1 > lo
                    && toks[j - 2].is_word()
                    && j < end;
                if joins {
                    j -= 1;
                    continue;
                }
                break;
            }
            TokKind::Number => {
                j -= 1;
                words += 1;
                continue;
            }
            TokKind::Word => {}
        }
        let w = t.lower.as_str();
        if is_determiner(w) {
            j -= 1;
            // "sources close to the talks", "a spokesman for the ministry": the phrase
            // goes on before the preposition.
            let inside = j >= lo + 2
                && matches!(
                    toks[j - 1].lower.as_str(),
                    "to" | "for" | "of" | "at" | "with" | "from" | "in" | "on" | "by"
                )
                && toks[j - 2].is_word()
                && {
                    let h = toks[j - 2].stem();
                    matches!(h, "close" | "closest" | "familiar" | "near")
                        || super::lexicon::is_person_role(h)
                        || super::lexicon::is_unnamed_head(h)
                        || super::lexicon::is_source_document(h)
                };
            if !inside {
                break;
            }
            continue;
        }
        let inner_prep = j >= 2
            && match w {
                // "sources close to the talks"
                "to" => toks[j - 2].is("close") || is_participle(&toks[j - 2].lower),
                // "a report by the watchdog", "a letter sent by the ministry"
                "by" => {
                    super::lexicon::is_source_document(toks[j - 2].stem())
                        || is_participle(&toks[j - 2].lower)
                }
                _ => false,
            };
        if is_subject_pronoun(w) || is_clause_word(w) && !inner_prep {
            break;
        }
        if t.cue.is_some() && j < end && !t.cap {
            break;
        }
        if !t.cap && is_auxiliary(w) {
            break;
        }
        j -= 1;
        words += 1;
    }
    // Drop leading prepositions and conjunctions: "of Ukraine" is no subject.
    while j < end {
        let w = toks[j].lower.as_str();
        if toks[j].is_word() && (is_preposition(w) || w == "and") || toks[j].kind == TokKind::Punct
        {
            j += 1;
        } else {
            break;
        }
    }
    if j >= end {
        return None;
    }
    // "a move officials said was needed": a zero relative clause; the speakers are
    // the plural group right before the verb.
    if last >= j + 2
        && matches!(toks[j].lower.as_str(), "a" | "an")
        && super::lexicon::is_unnamed_head(toks[last].stem())
        && toks[last].lower.ends_with('s')
        && !toks[last - 1].lower.ends_with('s')
    {
        return Some(np(toks, last, last, None));
    }
    Some(np(toks, j, last, None))
}

/// Past participles that start a reduced relative clause: "a letter sent to X".
fn is_participle(w: &str) -> bool {
    matches!(
        w,
        "sent"
            | "written"
            | "given"
            | "made"
            | "issued"
            | "released"
            | "published"
            | "signed"
            | "addressed"
            | "posted"
            | "delivered"
            | "obtained"
            | "seen"
            | "commissioned"
            | "conducted"
            | "prepared"
            | "compiled"
            | "produced"
            | "carried"
            | "filed"
    )
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

/// `NAME, APPOSITIVE,` before a verb: `comma` is the index of the closing comma. The
/// appositive may itself hold commas ("Jane Ode, 45, a nurse from Leeds, Mass., said");
/// it may come first and the name second ("the FBI director, James Comey, said"); and a
/// parenthesis may stand in for it ("Sen. Jack Reed (D-R.I.), said").
fn appositive_np(text: &str, toks: &[Tok], lo: usize, comma: usize) -> Option<Np> {
    if comma > lo && toks[comma - 1].is_punct(')') {
        let open = (lo..comma - 1).rev().find(|&i| toks[i].is_punct('('))?;
        let subject = plain_np_before(toks, lo, open)?;
        return toks[subject.last].cap.then_some(subject);
    }
    let floor = lo.max(comma.saturating_sub(40));
    let mut k = comma;
    let mut chunks = 0;
    while k > floor && chunks < 4 {
        k -= 1;
        let t = &toks[k];
        if t.kind == TokKind::Punct && matches!(t.lower.as_str(), "." | ";" | ":" | "!" | "?")
            || t.is_quote()
        {
            return None;
        }
        if !t.is_punct(',') || k + 1 >= comma {
            continue;
        }
        chunks += 1;
        if let Some(found) = appositive_at(text, toks, lo, k, comma) {
            return Some(found);
        }
    }
    None
}

/// The role in an appositive: "Jane Ode, 45, a nurse from Leeds, who …" has the role
/// "a nurse from Leeds" — an age and a relative clause are not roles.
fn role_in(text: &str, inner: &[Tok]) -> Option<Span> {
    let mut chunks: Vec<&[Tok]> = inner
        .split(|t| t.is_punct(','))
        .filter(|c| !c.is_empty())
        .collect();
    if let Some(i) = chunks
        .iter()
        .position(|c| matches!(c[0].lower.as_str(), "who" | "whose" | "which"))
    {
        chunks.truncate(i);
    }
    chunks.retain(|c| !(c.len() == 1 && c[0].kind == TokKind::Number));
    let first = chunks.first()?.first()?;
    let last = chunks.last()?.last()?;
    Some(Span::new(first.span.start, last.span.end).trim(text))
}

/// Tries `toks[..k]` as the subject and `toks[k + 1..comma]` as its appositive.
fn appositive_at(text: &str, toks: &[Tok], lo: usize, k: usize, comma: usize) -> Option<Np> {
    let inner = &toks[k + 1..comma];
    let inner_first = inner.first()?;
    let w = inner_first.lower.as_str();
    let parenthetical = matches!(
        w,
        "in" | "on"
            | "at"
            | "during"
            | "speaking"
            | "however"
            | "meanwhile"
            | "though"
            | "too"
            | "for"
            | "after"
            | "when"
    );
    let relative = matches!(w, "who" | "whose" | "which");
    let mentions_role = inner.iter().any(|t| {
        t.is_word()
            && (super::lexicon::is_person_role(t.stem()) || super::lexicon::is_org_word(t.stem()))
    });
    let role_like = !inner_first.cap
        || is_determiner(w)
        || inner_first.kind == TokKind::Number
        || inner_first.is_possessive()
        || super::lexicon::is_person_role(w)
        || super::lexicon::is_nationality(w)
        || mentions_role && inner_first.cap && inner.iter().any(|t| t.is_word() && !t.cap);
    let name_only = inner
        .iter()
        .all(|t| t.cap && t.is_word() || t.is_punct('.'));
    // "Rep. Sander Levin (Mich.), a superdelegate, said": skip the parenthesis.
    let mut before = k;
    if before > lo && toks[before - 1].is_punct(')') {
        before = (lo..before - 1).rev().find(|&i| toks[i].is_punct('('))?;
    }
    let subject = plain_np_before(toks, lo, before)?;
    let head = &toks[subject.last];
    // "the director of the FBI, James Comey, said": the name is the source.
    if name_only
        && !head.cap
        && (super::lexicon::is_person_role(head.stem())
            || toks[subject.first..=subject.last]
                .iter()
                .any(|t| super::lexicon::is_person_role(t.stem())))
    {
        let role = Span::new(toks[subject.first].span.start, head.span.end).trim(text);
        return Some(Np {
            span: Span::new(inner_first.span.start, inner[inner.len() - 1].span.end),
            appositive: Some(role),
            first: k + 1,
            last: comma - 1,
        });
    }
    if !(parenthetical || relative || role_like) {
        return None;
    }
    // A name (or pronoun) takes an appositive; "the deal, a big one," is no source.
    let describes_source =
        super::lexicon::is_source_document(head.stem()) || super::lexicon::is_org_word(head.stem());
    if !(head.cap || is_subject_pronoun(&head.lower) || describes_source) {
        return None;
    }
    let appositive = if parenthetical || relative {
        None
    } else {
        role_in(text, inner)
    };
    Some(Np {
        appositive,
        ..subject
    })
}

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
            let joins = matches!(t.lower.as_str(), "&" | "-" | "'" | "’")
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
            if j > start
                && !seen_det
                && !matches!(
                    toks[j - 1].lower.as_str(),
                    "of" | "for" | "at" | "to" | "with" | "from" | "in"
                )
            {
                break;
            }
            seen_det = true;
        } else if is_clause_word(w) && !(w == "to" && j > start && toks[j - 1].is("close"))
            || !t.cap && is_time_word(w)
            || j > start
                && t.kind == TokKind::Word
                && !t.cap
                && matches!(
                    w,
                    "on" | "in"
                        | "at"
                        | "during"
                        | "after"
                        | "before"
                        | "last"
                        | "this"
                        | "earlier"
                        | "late"
                )
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
    // ", a spokesman for the ministry" up to the end or the next comma.
    if next < hi && toks[next].is_punct(',') && next + 1 < hi {
        let a = &toks[next + 1];
        if !a.cap || is_determiner(&a.lower) || super::lexicon::is_person_role(&a.lower) {
            let mut e = next + 1;
            while e < hi
                && !(toks[e].kind == TokKind::Punct
                    && matches!(toks[e].lower.as_str(), "," | "." | ";" | ":" | "!" | "?"))
                && !toks[e].is_quote()
            {
                e += 1;
            }
            if e > next + 1 && e - next <= 16 {
                let w = a.lower.as_str();
                let role_words = toks[next + 1..e].iter().any(|t| {
                    t.is_word()
                        && (super::lexicon::is_person_role(t.stem())
                            || super::lexicon::is_org_word(t.stem()))
                });
                let opens_like_role = is_determiner(w)
                    && !matches!(w, "some" | "many" | "most" | "all" | "no")
                    || a.is_possessive()
                    || w == "then"
                    || w == "now"
                    || w == "former";
                if (role_words || opens_like_role)
                    && !matches!(
                        w,
                        "in" | "on"
                            | "at"
                            | "adding"
                            | "saying"
                            | "and"
                            | "but"
                            | "according"
                            | "who"
                            | "which"
                            | "whose"
                            | "where"
                            | "when"
                    )
                    && a.cue.is_none()
                {
                    phrase.appositive =
                        Some(Span::new(toks[next + 1].span.start, toks[e - 1].span.end).trim(text));
                    next = e;
                }
            }
        }
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
    if matches!(
        t.lower.as_str(),
        "him"
            | "her"
            | "them"
            | "me"
            | "us"
            | "you"
            | "reporters"
            | "journalists"
            | "lawmakers"
            | "supporters"
            | "voters"
            | "listeners"
            | "viewers"
            | "readers"
            | "members"
            | "parliament"
            | "congress"
            | "senators"
            | "delegates"
            | "residents"
            | "students"
            | "staff"
            | "employees"
            | "investors"
            | "analysts"
            | "officials"
    ) {
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
        && super::lexicon::is_person_role(toks[i].stem())
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

/// Index after a time or place adverbial starting at `i` ("on Monday", "last week",
/// "in a statement", "on Twitter", "at a news conference", "Tuesday"), or `i`.
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
        if is_weekday(w) || matches!(w, "today" | "yesterday" | "tonight") {
            i += 1;
            // "Monday night", "Tuesday morning".
            if i < hi
                && matches!(
                    toks[i].lower.as_str(),
                    "morning" | "afternoon" | "evening" | "night"
                )
            {
                i += 1;
            }
        } else if matches!(w, "last" | "this" | "next" | "earlier" | "late")
            && i + 1 < hi
            && is_time_word(&toks[i + 1].lower)
        {
            i += 2;
        } else if matches!(
            w,
            "on" | "in" | "at" | "during" | "via" | "through" | "over" | "late" | "early"
        ) && i + 1 < hi
        {
            // A short prepositional phrase: up to a comma, "that", or 6 words, and only
            // if it is about time, place or medium (a determiner, a date, a name).
            let mut j = i + 1;
            let mut n = 0;
            while j < hi && n < 7 {
                let t = &toks[j];
                if t.kind == TokKind::Punct
                    || t.is("that")
                    || t.is_word() && is_subject_pronoun(&t.lower)
                {
                    break;
                }
                if j > i + 1
                    && !t.cap
                    && t.is_word()
                    && !is_determiner(&t.lower)
                    && !matches!(
                        t.lower.as_str(),
                        "of" | "with"
                            | "to"
                            | "news"
                            | "conference"
                            | "statement"
                            | "interview"
                            | "briefing"
                            | "speech"
                            | "press"
                            | "release"
                            | "television"
                            | "radio"
                            | "post"
                            | "letter"
                            | "meeting"
                            | "call"
                            | "phone"
                            | "hearing"
                    )
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
                        || t.is_word()
                            && (is_subject_pronoun(&t.lower) || is_determiner(&t.lower) || t.cap)
                });
            if j > i + 1 && ends_well {
                i = j;
                // "in an interview with Pavel Ode, a state TV host, …": skip the host.
                if i + 1 < hi
                    && toks[i].is_punct(',')
                    && toks[i - 1].cap
                    && toks[i + 1].is_word()
                    && (is_determiner(&toks[i + 1].lower) || !toks[i + 1].cap)
                {
                    let mut k = i + 1;
                    let stop = |t: &Tok| {
                        t.is_quote()
                            || t.is("that")
                            || t.kind == TokKind::Punct
                                && matches!(t.lower.as_str(), "," | ":" | "." | ";")
                    };
                    while k < hi && !stop(&toks[k]) {
                        k += 1;
                    }
                    // A clause ("on Monday, the dam is full") is not an appositive.
                    let clause = toks[i + 1..k].iter().any(|t| {
                        matches!(
                            t.lower.as_str(),
                            "is" | "was"
                                | "are"
                                | "were"
                                | "has"
                                | "have"
                                | "had"
                                | "will"
                                | "would"
                                | "can"
                                | "could"
                                | "should"
                                | "may"
                                | "might"
                                | "must"
                                | "do"
                                | "does"
                                | "did"
                        )
                    });
                    let after_time = is_time_word(&toks[i - 1].lower);
                    if k - i <= 14 && !clause && !after_time && (k >= hi || !toks[k].is("that")) {
                        i = k;
                    }
                }
            } else {
                return start.max(i);
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

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn toks(text: &str) -> Vec<Tok> {
        tokenize(text, Span::new(0, text.len()))
    }

    fn before(text: &str, verb: &str) -> Option<(String, Option<String>)> {
        let toks = toks(text);
        let i = toks.iter().position(|t| t.lower == verb)?;
        let end = skip_back_adverbials(&toks, 0, i);
        np_before(text, &toks, 0, end).map(|n| {
            (
                text[n.span.start..n.span.end].to_string(),
                n.appositive.map(|a| text[a.start..a.end].to_string()),
            )
        })
    }

    #[test]
    fn name_with_role_before_verb() {
        assert_eq!(
            before("Russian President Vladimir Putin said on Monday", "said").map(|x| x.0),
            Some("Russian President Vladimir Putin".into())
        );
    }

    #[test]
    fn auxiliaries_and_time_are_skipped() {
        assert_eq!(
            before("Trump has also said", "said").map(|x| x.0),
            Some("Trump".into())
        );
        assert_eq!(
            before("The minister on Monday said", "said").map(|x| x.0),
            Some("The minister".into())
        );
    }

    #[test]
    fn appositive_role() {
        assert_eq!(
            before("Olga Ode, deputy minister for water, said", "said"),
            Some(("Olga Ode".into(), Some("deputy minister for water".into())))
        );
    }

    #[test]
    fn parenthetical_is_not_a_role() {
        assert_eq!(
            before("The ministry, in a statement, said", "said"),
            Some(("The ministry".into(), None))
        );
        assert_eq!(
            before("Jane Ode, in a statement, said", "said"),
            Some(("Jane Ode".into(), None))
        );
    }

    #[test]
    fn unnamed_sources_with_prepositions() {
        assert_eq!(
            before("It will close, sources close to the talks say", "say").map(|x| x.0),
            Some("sources close to the talks".into())
        );
    }

    #[test]
    fn pronoun_subject() {
        assert_eq!(
            before("Then he said", "said").map(|x| x.0),
            Some("he".into())
        );
    }

    #[test]
    fn clause_word_blocks_subject() {
        assert_eq!(before("It is said", "said"), None);
    }

    #[test]
    fn np_after_with_appositive() {
        let text = "said Jane Ode, a nurse at the clinic.";
        let t = toks(text);
        let (n, next) = np_after(text, &t, 1, t.len()).expect("np");
        assert_eq!(&text[n.span.start..n.span.end], "Jane Ode");
        assert_eq!(
            n.appositive.map(|a| &text[a.start..a.end]),
            Some("a nurse at the clinic")
        );
        assert!(t[next].is_punct('.'));
    }

    #[test]
    fn adverbials_are_skipped() {
        let text = "said on Monday he would go";
        let t = toks(text);
        let i = skip_adverbials(&t, 1, t.len());
        assert_eq!(t[i].lower, "he");
        let text = "said in a statement that it would";
        let t = toks(text);
        assert_eq!(t[skip_adverbials(&t, 1, t.len())].lower, "that");
    }
}
