//! Subject–verb attributions: `X said (that) …`, `…, X said.`, `X, Y said, …`, and what
//! follows a clause (`, adding that …`, `, but officials said …`).

use super::words::{
    content_span, content_start, cue_at, cue_at_next_progressive, cue_here, is_noun_verb,
    only_closers, speaks, stance_form_ok, stance_subject, starts_clause, tag_comma, tail_is_empty,
    verb_use,
};
use super::{Analysis, Pattern, QuoteToks, Sentence};
use super::{inside_quote, object_end, quote_tokens};
use crate::extract::lexicon::{CueClass, is_determiner, is_subject_pronoun};
use crate::extract::phrases::{Np, np_after, np_before, skip_adverbials, skip_back_adverbials};
use crate::extract::quotes::Quote;
use crate::extract::tokens::{Tok, TokKind};
use crate::model::Span;

/// `, adding that …` / `, saying …` / `and told reporters …` after a main attribution
/// with `source`, starting at token `from` (where [`clause_end`] stopped).
pub(super) fn participles(
    s: &Sentence<'_>,
    from: usize,
    hi: usize,
    source: Np,
    out: &mut Analysis,
) {
    let toks = s.toks;
    let mut i = from;
    while i < hi
        && (toks[i].kind == TokKind::Punct && !toks[i].is_punct('(')
            || toks[i].is("and")
            || toks[i].is("but"))
    {
        i += 1;
    }
    let Some(verb) = toks.get(i).and_then(cue_at) else {
        return;
    };
    let start = content_start(toks, object_end(toks, verb, i + 1, hi), hi);
    if hi.saturating_sub(start) < 3 {
        return;
    }
    let end = clause_end(toks, start, hi);
    if let Some(content) = content_span(s, start, end) {
        out.push_reported(
            content,
            toks[i].span,
            source,
            Pattern::Participle,
            verb.class,
        );
    }
    if end < hi {
        participles(s, end, hi, source, out);
    }
}

/// Where an attributed clause ends: before `, adding` / `, saying`, before
/// `and said` / `but argues`, or at the sentence end.
pub(super) fn clause_end(toks: &[Tok], from: usize, hi: usize) -> usize {
    (from..hi.saturating_sub(1))
        .find(|&i| {
            let t = &toks[i];
            if t.is_punct(',') || t.is_punct(';') {
                let mut j = i + 1;
                while j < hi && toks[j].is_quote() {
                    j += 1;
                }
                let Some(next) = toks.get(j).filter(|_| j < hi) else {
                    return false;
                };
                if cue_at(next).is_some_and(|v| v.progressive && v.class == CueClass::Speech) {
                    return true;
                }
                // "…, tapping the disenfranchisement of …": a participle clause ends it.
                if next.is_word()
                    && !next.cap
                    && next.lower.len() > 5
                    && next.lower.ends_with("ing")
                    && !matches!(
                        next.lower.as_str(),
                        "including"
                            | "according"
                            | "following"
                            | "regarding"
                            | "concerning"
                            | "during"
                            | "something"
                            | "nothing"
                            | "anything"
                            | "everything"
                    )
                {
                    return true;
                }
                // "…, but officials said …": another attribution with its own subject.
                if t.is_punct(';')
                    || next.is_word()
                        && matches!(
                            next.lower.as_str(),
                            "but" | "and" | "while" | "whereas" | "though" | "although"
                        )
                {
                    return (j + 1..hi.min(j + 7)).any(|k| {
                        cue_at(&toks[k]).is_some_and(|v| {
                            !v.progressive
                                && v.lemma != "continue"
                                && matches!(v.class, CueClass::Speech | CueClass::Cognition)
                        }) && verb_use(toks, k)
                    }) && toks[j + 1..hi.min(j + 7)]
                        .iter()
                        .take_while(|t| cue_at(t).is_none())
                        .all(|t| t.is_word() || t.kind == TokKind::Number);
                }
                return false;
            }
            if t.is("and") || t.is("but") {
                let mut j = i + 1;
                while j < hi
                    && toks[j].is_word()
                    && matches!(toks[j].lower.as_str(), "also" | "then" | "later")
                {
                    j += 1;
                }
                return toks.get(j).and_then(cue_at).is_some_and(|v| {
                    !v.progressive && v.class != CueClass::Evidence && toks[j].lower != v.lemma
                });
            }
            false
        })
        .unwrap_or(hi)
}

/// An attribution inside the content of the last one found: `Bloomberg reports that
/// …, according to the Roper Center` — Bloomberg's report is itself attributed.
pub(super) fn nested(s: &Sentence<'_>, out: &mut Analysis) {
    let Some(outer) = out.found.last().copied() else {
        return;
    };
    if !matches!(outer.pattern, Pattern::InvertedTag | Pattern::AccordingTo) {
        return;
    }
    let toks = s.toks;
    let Some(a) = toks
        .iter()
        .position(|t| t.span.start >= outer.content.start)
    else {
        return;
    };
    let b = toks
        .iter()
        .rposition(|t| t.span.end <= outer.content.end)
        .map_or(a, |b| b + 1);
    if b <= a + 3 {
        return;
    }
    let quotes: Vec<Quote> = s
        .quotes
        .iter()
        .filter(|q| outer.content.contains_offset(q.open.start))
        .copied()
        .collect();
    let sub = Sentence {
        text: s.text,
        span: outer.content,
        toks: &toks[a..b],
        quotes: &quotes,
        para_end: s.para_end,
    };
    let qt = quote_tokens(&sub);
    let mut inner = Analysis::default();
    if verb_patterns(&sub, &qt, &mut inner, false) {
        out.found.extend(
            inner
                .found
                .into_iter()
                .filter(|f| f.pattern == Pattern::SubjectVerb),
        );
    }
}

/// Subject–verb patterns (`X said …`, `…, X said.`); true if one was found.
pub(super) fn verb_patterns(
    s: &Sentence<'_>,
    qt: &[QuoteToks],
    out: &mut Analysis,
    allow_nested: bool,
) -> bool {
    if inverted_at_end(s, qt, out) {
        if allow_nested {
            nested(s, out);
        }
        return true;
    }
    // Speech and evidence verbs first: "X plans to …, sources say" is the sources'.
    verb_scan(s, qt, out, allow_nested, false) || verb_scan(s, qt, out, allow_nested, true)
}

/// `…, the Financial Times has reported.` / `…, said the minister.` closing the sentence.
pub(super) fn inverted_at_end(s: &Sentence<'_>, qt: &[QuoteToks], out: &mut Analysis) -> bool {
    let toks = s.toks;
    let n = toks.len();
    for c in (n.saturating_sub(16)..n).rev() {
        if inside_quote(qt, c) || c < 3 {
            continue;
        }
        let Some(verb) = cue_at(&toks[c]) else {
            continue;
        };
        if verb.progressive
            || !matches!(verb.class, CueClass::Speech | CueClass::Evidence)
            || !verb_use(toks, c)
            || is_noun_verb(&toks[c].lower) && !toks[c].lower.ends_with('s')
        {
            continue;
        }
        let after = skip_adverbials(toks, object_end(toks, verb, c + 1, n), n);
        if !tail_is_empty(toks, after, n) {
            continue;
        }
        let end = skip_back_adverbials(toks, 0, c);
        let (np, comma) = if let Some(np) = np_before(s.text, toks, 0, end)
            .filter(|np| np.appositive.is_none() || tag_comma(toks, np.first).is_some())
        {
            let Some(comma) = tag_comma(toks, np.first) else {
                continue;
            };
            (np, comma)
        } else if let Some(comma) = tag_comma(toks, c)
            && let Some((np, after)) = np_after(s.text, toks, c + 1, n)
            && tail_is_empty(toks, skip_adverbials(toks, after, n), n)
        {
            (np, comma)
        } else {
            continue;
        };
        if comma < 3 {
            return false;
        }
        let Some(content) = content_span(s, 0, comma) else {
            return false;
        };
        out.push_reported(content, toks[c].span, np, Pattern::InvertedTag, verb.class);
        return true;
    }
    false
}

pub(super) fn verb_scan(
    s: &Sentence<'_>,
    qt: &[QuoteToks],
    out: &mut Analysis,
    allow_nested: bool,
    all_classes: bool,
) -> bool {
    let toks = s.toks;
    let n = toks.len();
    for c in 0..n {
        if inside_quote(qt, c) {
            continue;
        }
        let Some((verb, verb_end)) = cue_here(toks, c) else {
            continue;
        };
        if !all_classes && !matches!(verb.class, CueClass::Speech | CueClass::Evidence) {
            continue;
        }
        // "is accusing", "was calling for": a progressive form after "be" is finite.
        let be_before = c > 0
            && matches!(
                toks[c - 1].lower.as_str(),
                "be" | "been" | "being" | "was" | "were" | "is" | "are" | "'s" | "’s"
            );
        if verb.progressive && !be_before || toks[c].cap && c > 0 {
            continue;
        }
        if c > 0 && (toks[c - 1].is("to") || be_before && !verb.progressive) {
            continue; // "declined to say", "was told": not this pattern
        }
        if !verb_use(toks, c) || !stance_form_ok(toks, c, verb) {
            continue; // a noun: "the report", "in 30 states", "an attack"
        }
        // "Frank notes", "she claims": after a name or pronoun the word is a verb.
        let after_subject = c > 0
            && toks[c - 1].is_word()
            && (toks[c - 1].cap || is_subject_pronoun(&toks[c - 1].lower));
        // A quotation mark glued to the word is a possessive ("the states’ votes").
        let clause_follows = toks.get(verb_end + 1).is_some_and(|t| {
            t.is("that")
                || t.is_punct(':')
                || t.is_quote() && t.span.start > toks[verb_end].span.end
        });
        let ends_tag = c + 1 < n && only_closers(toks, skip_adverbials(toks, verb_end + 1, n), n);
        if is_noun_verb(&toks[c].lower) && !(after_subject || clause_follows || ends_tag) {
            continue;
        }
        let c_end = verb_end;
        // The whole cue: "said", "pointed out", "calls for".
        let verb_span = Span::new(toks[c].span.start, toks[c_end].span.end);
        let end = skip_back_adverbials(toks, 0, if be_before { c - 1 } else { c });
        // `… and said …`: the verb shares the sentence's subject.
        let coordinated = end > 0 && (toks[end - 1].is("and") || toks[end - 1].is("but"));
        // "the trust, which says it must save £48m": the relative pronoun stands for
        // the phrase before the comma.
        let relative = end >= 3
            && toks[end - 1].is_word()
            && matches!(toks[end - 1].lower.as_str(), "which" | "who")
            && toks[end - 2].is_punct(',');
        let np = if coordinated {
            main_subject(s, end - 1)
        } else if relative {
            np_before(s.text, toks, 0, end - 2).filter(|np| np.appositive.is_none())
        } else {
            np_before(s.text, toks, 0, end)
        };
        // `said X` inverted at the end: `…, said the minister.`
        if let Some(comma) = tag_comma(toks, c)
            && np.is_none()
        {
            if let Some((np, after)) = np_after(s.text, toks, c + 1, n)
                && tail_is_empty(toks, skip_adverbials(toks, after, n), n)
                && let Some(content) = content_span(s, 0, comma)
            {
                out.push_reported(content, toks[c].span, np, Pattern::InvertedTag, verb.class);
                if allow_nested {
                    nested(s, out);
                }
                return true;
            }
            continue;
        }
        // A thing that cannot speak is no source ("the increase will add €500"), unless
        // the verb plainly reports speech ("the front-runner complained that …").
        let reports_speech = toks
            .get(verb_end + 1)
            .is_some_and(|t| t.is("that") || t.is_quote() || t.is_punct(':'));
        let Some(np) = np.filter(|np| reports_speech || speaks(toks, np)) else {
            continue;
        };
        // Inverted: `…, the Financial Times has reported.`
        if let Some(comma) = tag_comma(toks, np.first)
            && !coordinated
            && !relative
            && (matches!(verb.class, CueClass::Speech | CueClass::Evidence)
                || stance_subject(toks, &np))
        {
            let after = object_end(toks, verb, c_end + 1, n);
            let after = skip_adverbials(toks, after, n);
            // `In a merger, he said, the brand would survive.`: a tag inside the
            // sentence; the claim is the whole sentence around it.
            if after + 3 < n
                && toks[after].is_punct(',')
                && !cue_at_next_progressive(toks, after)
                && matches!(verb.class, CueClass::Speech)
                && comma >= 1
                && let Some(content) = content_span(s, 0, n)
            {
                out.push_reported(content, toks[c].span, np, Pattern::InvertedTag, verb.class);
                return true;
            }
            if (tail_is_empty(toks, after, n)
                || after < n && toks[after].is_punct(',') && cue_at_next_progressive(toks, after))
                && let Some(content) = content_span(s, 0, comma)
                && np.first >= 3
            {
                out.push_reported(content, toks[c].span, np, Pattern::InvertedTag, verb.class);
                participles(s, after, n, np, out);
                if allow_nested
                    && let Some(i) = out
                        .found
                        .iter()
                        .rposition(|f| f.pattern == Pattern::InvertedTag)
                {
                    // Look inside the inverted claim (it must be last for `nested`).
                    let f = out.found.remove(i);
                    out.found.push(f);
                    nested(s, out);
                }
                return true;
            }
        }
        // Subject + verb + content.
        let mut start = object_end(toks, verb, c_end + 1, n);
        start = skip_adverbials(toks, start, n);
        let has_that = start < n && toks[start].is("that");
        if has_that {
            start += 1;
        }
        // "As Ode noted, the plant never closed": the whole main clause is what she
        // noted.
        let as_clause =
            np.first > 0 && toks[np.first - 1].is("as") && start < n && toks[start].is_punct(',');
        if as_clause && let Some(content) = content_span(s, start + 1, n) {
            out.push_reported(content, verb_span, np, Pattern::SubjectVerb, verb.class);
            return true;
        }
        if start < n
            && toks[start].kind == TokKind::Punct
            && matches!(toks[start].lower.as_str(), "," | ":")
        {
            start += 1;
        }
        // Nothing said yet, or only where it was said ("in an interview with a radio
        // station"): the quotation that follows is this speaker's.
        let only_setting = start < n
            && toks[start].is_word()
            && matches!(
                toks[start].lower.as_str(),
                "in" | "on"
                    | "at"
                    | "during"
                    | "with"
                    | "to"
                    | "from"
                    | "by"
                    | "after"
                    | "before"
                    | "via"
                    | "outside"
                    | "inside"
                    | "near"
                    | "over"
            )
            && (start..n).all(|i| {
                let t = &toks[i];
                t.kind == TokKind::Number
                    || t.kind == TokKind::Punct
                        && matches!(t.lower.as_str(), "," | "." | ":" | ";" | "-" | "'" | "’")
                    || t.is_word()
                        && !is_subject_pronoun(&t.lower)
                        && (cue_at(t).is_none() || t.cap || !verb_use(toks, i))
                        && !crate::extract::lexicon::is_auxiliary(&t.lower)
                        && !t.is("that")
            });
        if start >= n
            || only_closers(toks, start, n)
            || only_setting
                && toks
                    .last()
                    .is_some_and(|t| t.is_punct(':') || t.is_punct('.'))
        {
            out.pending = Some((np, toks[c].span));
            return true;
        }
        // "spoke at a rally" says nothing; "spoke of a crisis" does.
        if matches!(verb.lemma, "speak" | "talk")
            && !matches!(toks[start].lower.as_str(), "about" | "of")
        {
            continue;
        }
        let clause = has_that || starts_clause(toks, start, n) || c_end > c;
        let document = crate::extract::lexicon::is_source_document(toks[np.last].stem());
        let ok = match verb.class {
            CueClass::Speech => clause || n - start >= 4 && !toks[start].is("to"),
            CueClass::Evidence => clause || document && n - start >= 3,
            CueClass::Cognition => clause,
            CueClass::Stance => stance_subject(toks, &np) && n - start >= 3,
        };
        if !ok {
            continue;
        }
        let mut end = clause_end(toks, start, n);
        // "When Ode said X, the crowd cheered": the subordinate clause ends at a comma.
        let subordinate = np.first > 0
            && toks[np.first - 1].is_word()
            && matches!(
                toks[np.first - 1].lower.as_str(),
                "when"
                    | "while"
                    | "as"
                    | "if"
                    | "although"
                    | "though"
                    | "after"
                    | "because"
                    | "since"
                    | "before"
                    | "until"
                    | "once"
                    | "whereas"
                    | "even"
            );
        if (subordinate || relative)
            && let Some(comma) =
                (start..end).find(|&i| toks[i].is_punct(',') && !inside_quote(qt, i))
        {
            end = comma;
        }
        let Some(content) = content_span(s, start, end) else {
            continue;
        };
        out.push_reported(
            content,
            verb_span,
            np,
            if relative {
                Pattern::Relative
            } else {
                Pattern::SubjectVerb
            },
            verb.class,
        );
        let before = out.found.len();
        participles(s, end, n, np, out);
        if out.found.len() == before && end < n {
            remainder(s, end, out);
        }
        return true;
    }
    false
}

/// Attributions in what follows a clause: `…, but officials said …`.
pub(super) fn remainder(s: &Sentence<'_>, from: usize, out: &mut Analysis) {
    let toks = s.toks;
    let n = toks.len();
    let mut a = from;
    while a < n
        && (toks[a].kind == TokKind::Punct
            || toks[a].is_word()
                && matches!(
                    toks[a].lower.as_str(),
                    "and" | "but" | "while" | "whereas" | "though" | "although" | "yet"
                ))
    {
        a += 1;
    }
    if n.saturating_sub(a) < 4 {
        return;
    }
    let span = Span::new(toks[a].span.start, toks[n - 1].span.end);
    let quotes: Vec<Quote> = s
        .quotes
        .iter()
        .filter(|q| span.contains_offset(q.open.start))
        .copied()
        .collect();
    let sub = Sentence {
        text: s.text,
        span,
        toks: &toks[a..],
        quotes: &quotes,
        para_end: s.para_end,
    };
    let qt = quote_tokens(&sub);
    let mut inner = Analysis::default();
    if verb_patterns(&sub, &qt, &mut inner, false) {
        out.found.extend(inner.found);
    }
}

/// The subject at the start of the sentence, for a verb coordinated with the main one
/// (`Giles tried again and said …`): a pronoun, a run of capitalised words, or a
/// determiner and the words up to the first verb-like word, before token `before`.
pub(super) fn main_subject(s: &Sentence<'_>, before: usize) -> Option<Np> {
    let toks = s.toks;
    let mut first = toks.iter().position(super::super::tokens::Tok::is_word)?;
    // "In an interview with CNN, Trump …", "On Tuesday, she …": skip the opener.
    if toks[first].is_word()
        && (matches!(
            toks[first].lower.as_str(),
            "in" | "on"
                | "at"
                | "during"
                | "after"
                | "before"
                | "speaking"
                | "asked"
                | "earlier"
                | "later"
                | "meanwhile"
                | "however"
                | "still"
                | "but"
                | "and"
                | "yet"
                | "then"
        ) || crate::extract::lexicon::is_time_word(&toks[first].lower))
        && let Some(comma) = (first + 1..before.min(first + 16)).find(|&i| toks[i].is_punct(','))
    {
        first = comma + 1;
    } else if first > 1 {
        return None;
    }
    if first >= before || !toks[first].is_word() {
        return None;
    }
    let t = &toks[first];
    let mut last = first;
    if is_subject_pronoun(&t.lower) {
        // a pronoun alone
    } else if t.cap && !is_determiner(&t.lower) {
        while last + 1 < before && toks[last + 1].cap && toks[last + 1].is_word() {
            last += 1;
        }
    } else if is_determiner(&t.lower) {
        while last + 1 < before && last - first < 8 {
            let n = &toks[last + 1];
            let verbish = n.is_word()
                && !n.cap
                && (n.lower.ends_with("ed")
                    || crate::extract::lexicon::is_auxiliary(&n.lower)
                    || cue_at(n).is_some()
                    || crate::extract::lexicon::is_clause_word(&n.lower) && n.lower != "to");
            if verbish || n.kind == TokKind::Punct {
                break;
            }
            last += 1;
        }
        if last == first {
            return None;
        }
    } else {
        return None;
    }
    Some(Np {
        span: Span::new(toks[first].span.start, toks[last].span.end),
        appositive: None,
        first,
        last,
    })
}
