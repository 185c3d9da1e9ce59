//! Attributions without a subject–verb pair: `according to X`, `Name: …`, `In a poll,
//! …`, `… saying …`, and agentless reports (`are reported to`).

use super::inside_quote;
use super::verbs::{clause_end, main_subject};
use super::words::{content_span, content_start, cue_at, only_closers, only_openers};
use super::{Analysis, Found, Pattern, QuoteToks, Sentence};
use crate::extract::lexicon::{CueClass, is_clause_word};
use crate::extract::phrases::{Np, np_after, np_before};
use crate::extract::tokens::{Tok, TokKind};
use crate::model::{ClaimKind, Span};

/// `… calls saying shots were fired` / `…, saying the plan had failed` with no other
/// attribution: the phrase before "saying", or the sentence's subject.
pub(super) fn saying(s: &Sentence<'_>, qt: &[QuoteToks], out: &mut Analysis) -> bool {
    let toks = s.toks;
    let n = toks.len();
    let Some(c) = (1..n).find(|&c| {
        !inside_quote(qt, c)
            && cue_at(&toks[c]).is_some_and(|v| v.progressive && v.class == CueClass::Speech)
    }) else {
        return false;
    };
    let verb = cue_at(&toks[c]).map_or(CueClass::Speech, |v| v.class);
    let np = if toks[c - 1].is_punct(',') {
        main_subject(s, c - 1)
    } else {
        // "calls saying", "a statement saying", "officials saying": a noun that speaks.
        np_before(s.text, toks, 0, c).filter(|np| {
            let head = &toks[np.last];
            !head.cap
                && (crate::extract::lexicon::is_source_document(head.stem())
                    || crate::extract::lexicon::is_unnamed_head(head.stem())
                    || crate::extract::lexicon::is_person_role(head.stem())
                    || matches!(
                        head.stem(),
                        "calls"
                            | "call"
                            | "ad"
                            | "ads"
                            | "sign"
                            | "signs"
                            | "banner"
                            | "message"
                            | "messages"
                    ))
        })
    };
    let Some(np) = np else {
        return false;
    };
    let start = content_start(toks, c + 1, n);
    let Some(content) = content_span(s, start, clause_end(toks, start, n)) else {
        return false;
    };
    if n - start < 3 {
        return false;
    }
    out.push_reported(content, toks[c].span, np, Pattern::Participle, verb);
    true
}

/// `According to X, …` and `…, according to X.`
pub(super) fn according_to(s: &Sentence<'_>, qt: &[QuoteToks], out: &mut Analysis) -> bool {
    let toks = s.toks;
    let n = toks.len();
    let Some(i) = (0..n.saturating_sub(2))
        .find(|&i| toks[i].is("according") && toks[i + 1].is("to") && !inside_quote(qt, i))
    else {
        return false;
    };
    let Some((np, after)) = np_after(s.text, toks, i + 2, n) else {
        return false;
    };
    let cue = Span::new(toks[i].span.start, toks[i + 1].span.end);
    // Skip the rest of the source phrase ("'s latest report", "reports").
    let mut phrase_end = after;
    while phrase_end < n
        && !(toks[phrase_end].kind == TokKind::Punct
            && matches!(toks[phrase_end].lower.as_str(), "," | "." | ";" | ":"))
    {
        phrase_end += 1;
    }
    let lead = only_openers(toks, 0, i)
        || i <= 2
            && toks[..i]
                .iter()
                .all(|t| t.is_word() && !t.cap || t.is_punct(',') || t.cap && i == 1);
    let content = if lead {
        let start = if phrase_end < n && toks[phrase_end].is_punct(',') {
            phrase_end + 1
        } else {
            phrase_end
        };
        content_span(s, start, n)
    } else {
        let end = if i > 0 && toks[i - 1].is_punct(',') {
            i - 1
        } else {
            i
        };
        let before = content_span(s, 0, end);
        let after_span = if phrase_end + 1 < n {
            content_span(s, phrase_end + 1, n)
        } else {
            None
        };
        match (before, after_span) {
            (Some(b), Some(a)) if a.len() > b.len() * 2 => Some(Span::new(b.start, a.end)),
            (b, a) => b.or(a),
        }
    };
    let Some(content) = content else {
        return false;
    };
    out.push_reported(content, cue, np, Pattern::AccordingTo, CueClass::Speech);
    true
}

/// Words that label a line rather than name a speaker ("Update: …").
pub(super) fn is_label(w: &str) -> bool {
    matches!(
        w,
        "note"
            | "update"
            | "updated"
            | "correction"
            | "photo"
            | "source"
            | "related"
            | "watch"
            | "warning"
            | "breaking"
            | "why"
            | "what"
            | "how"
            | "when"
            | "where"
            | "who"
            | "read"
            | "listen"
            | "video"
            | "exclusive"
            | "analysis"
            | "opinion"
            | "q"
            | "a"
            | "editor's"
            | "editor’s"
            | "background"
            | "context"
            | "bottom"
            | "summary"
            | "example"
            | "tip"
            | "result"
            | "results"
            | "verdict"
            | "claim"
            | "fact"
            | "rating"
            | "live"
            | "more"
            | "also"
            | "here"
            | "today"
            | "now"
            | "next"
            | "first"
            | "second"
            | "third"
            | "finally"
    )
}

/// `Graham: Trump's rhetoric is destroying the party` — a short name, a colon, a claim.
pub(super) fn headline_colon(s: &Sentence<'_>, qt: &[QuoteToks], out: &mut Analysis) -> bool {
    let toks = s.toks;
    let n = toks.len();
    let Some(k) = (1..n.min(7)).find(|&k| toks[k].is_punct(':')) else {
        return false;
    };
    if inside_quote(qt, k) || n - k < 5 {
        return false;
    }
    let words = &toks[..k];
    let head = &toks[k - 1];
    let all_words = words
        .iter()
        .all(|t| t.is_word() || t.is_punct('.') || t.is_punct('\''));
    // "Revealed:", "Updated:" and other one-word labels end in -ed.
    let label = words.iter().any(|t| is_label(&t.lower)) || k == 1 && toks[0].lower.ends_with("ed");
    if !all_words || !head.cap || label || !toks[0].cap {
        return false;
    }
    // A list of names after the colon ("South Carolina: Ann Ode, Bo Lee, …") is no claim.
    let rest_words: Vec<&Tok> = toks[k + 1..].iter().filter(|t| t.is_word()).collect();
    let lowercase = rest_words.iter().filter(|t| !t.cap).count();
    let commas = toks[k + 1..].iter().filter(|t| t.is_punct(',')).count();
    if commas >= 3 && lowercase * 10 < rest_words.len() * 3 {
        return false;
    }
    let Some(content) = content_span(s, k + 1, n) else {
        return false;
    };
    let np = Np {
        span: Span::new(toks[0].span.start, head.span.end),
        appositive: None,
        first: 0,
        last: k - 1,
    };
    out.push_reported(content, toks[k].span, np, Pattern::Colon, CueClass::Speech);
    true
}

/// `In a Bloomberg poll released Monday, 50 percent chose Clinton.` / `Trump leads by
/// 57 percent to 33 percent in the 50-state poll.`
pub(super) fn in_a_poll(s: &Sentence<'_>, qt: &[QuoteToks], out: &mut Analysis) -> bool {
    let toks = s.toks;
    let n = toks.len();
    let Some(i) = (0..n.saturating_sub(2)).find(|&i| {
        toks[i].is("in")
            && toks[i + 1].is_word()
            && matches!(
                toks[i + 1].lower.as_str(),
                "a" | "an" | "the" | "this" | "that" | "one"
            )
            && !inside_quote(qt, i)
    }) else {
        return false;
    };
    // The document noun closing the phrase: "a CBS News poll", "the latest survey".
    let Some(head) = (i + 2..n.min(i + 10)).find(|&k| {
        toks[k].is_word()
            && !toks[k].cap
            && matches!(
                toks[k].stem(),
                "poll"
                    | "polls"
                    | "survey"
                    | "surveys"
                    | "study"
                    | "report"
                    | "analysis"
                    | "census"
                    | "audit"
                    | "tally"
                    | "count"
                    | "estimate"
                    | "estimates"
                    | "forecast"
                    | "projection"
                    | "review"
                    | "index"
            )
    }) else {
        return false;
    };
    if toks[i + 2..head].iter().any(|t| {
        t.kind == TokKind::Punct && !t.is_punct('/') && !t.is_punct('-')
            || t.is_word() && !t.cap && is_clause_word(&t.lower)
    }) {
        return false;
    }
    // The rest of the document phrase: "released Sunday", "of likely voters".
    let mut phrase_end = head + 1;
    while phrase_end < n
        && !(toks[phrase_end].kind == TokKind::Punct)
        && phrase_end - head < 6
        && !toks[phrase_end].is("that")
    {
        phrase_end += 1;
    }
    let content = if i == 0 || only_openers(toks, 0, i) {
        let start = if phrase_end < n && toks[phrase_end].is_punct(',') {
            phrase_end + 1
        } else {
            phrase_end
        };
        content_span(s, start, n)
    } else if only_closers(toks, phrase_end, n) || phrase_end < n && toks[phrase_end].is_punct(',')
    {
        content_span(s, 0, i)
    } else {
        None
    };
    let Some(content) = content.filter(|c| c.len() > 12) else {
        return false;
    };
    let np = Np {
        span: Span::new(toks[i + 1].span.start, toks[head].span.end),
        appositive: None,
        first: i + 1,
        last: head,
    };
    out.push_reported(
        content,
        toks[i].span,
        np,
        Pattern::InDocument,
        CueClass::Evidence,
    );
    true
}

/// `X are reported to …`, `X reportedly …`, `it is understood that …`.
pub(super) fn passive(s: &Sentence<'_>, qt: &[QuoteToks], out: &mut Analysis) {
    let toks = s.toks;
    let n = toks.len();
    for i in 0..n {
        if inside_quote(qt, i) {
            continue;
        }
        let w = toks[i].lower.as_str();
        let cue_end = if w == "reportedly" || w == "allegedly" {
            Some(i)
        } else if matches!(w, "is" | "are" | "was" | "were" | "been")
            && i + 2 < n
            && matches!(
                toks[i + 1].lower.as_str(),
                "reported"
                    | "said"
                    | "believed"
                    | "thought"
                    | "alleged"
                    | "rumored"
                    | "rumoured"
                    | "understood"
                    | "estimated"
                    | "expected"
                    | "projected"
                    | "predicted"
                    | "forecast"
            )
            && matches!(toks[i + 2].lower.as_str(), "to" | "that")
        {
            Some(i + 2)
        } else {
            None
        };
        let Some(cue_end) = cue_end else {
            continue;
        };
        let impersonal = i > 0 && toks[i - 1].is("it") && toks[cue_end].is("that");
        let content = if impersonal {
            content_span(s, cue_end + 1, n)
        } else {
            content_span(s, 0, n)
        };
        if let Some(content) = content {
            let start = i;
            let cue = Span::new(
                toks[start].span.start,
                toks[if cue_end > i && toks[cue_end].is("that") {
                    cue_end - 1
                } else {
                    cue_end
                }]
                .span
                .end,
            );
            out.found.push(Found {
                content,
                kind: ClaimKind::Reported,
                cue: Some(cue),
                source: None,
                pattern: Pattern::Passive,
                class: CueClass::Speech,
            });
        }
        return;
    }
}
