//! The according rule family: `according to X, …` and `…, according to X.`

use super::inside_quote;
use super::words::{content_span, only_openers};
use super::{Analysis, Found, Pattern, QuoteToks, Sentence};
use crate::extract::lexicon::{self, CueClass};
use crate::extract::phrases::{Np, np_after};
use crate::extract::tokens::{Tok, TokKind};
use crate::model::Span;

/// `According to X, …` and `…, according to X.`
pub(super) fn according_to(s: &Sentence<'_>, qt: &[QuoteToks], out: &mut Analysis) -> bool {
    let toks = s.toks;
    let n = toks.len();
    let Some(i) = (0..n.saturating_sub(2))
        .find(|&i| toks[i].is("according") && toks[i + 1].is("to") && !inside_quote(qt, i))
    else {
        return false;
    };
    let Some((mut np, mut after)) = np_after(s.text, toks, i + 2, n) else {
        return false;
    };
    let cue = Span::new(toks[i].span.start, toks[i + 1].span.end);
    let lead = only_openers(toks, 0, i)
        || i <= 2
            && toks[..i]
                .iter()
                .all(|t| t.is_word() && !t.cap || t.is_punct(',') || t.cap && i == 1);
    // "According to the mayor, the port will close": what looks like an appositive is
    // the subject of the content when no comma closes it ("According to Vale, the
    // mayor, the port …" has one).
    if lead && np.appositive.is_some() && !toks.get(after).is_some_and(|t| t.is_punct(',')) {
        np.appositive = None;
        after = np.last + 1;
    }
    // Skip the rest of the source phrase ("'s latest report", "reports").
    let phrase_end = source_phrase_end(toks, after);
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

/// The token after the source phrase that starts at token `from`: the first `,` `.` `;`
/// or `:`, or the end of the sentence.
fn source_phrase_end(toks: &[Tok], from: usize) -> usize {
    let mut end = from;
    while end < toks.len()
        && !(toks[end].kind == TokKind::Punct
            && matches!(toks[end].lower.as_str(), "," | "." | ";" | ":"))
    {
        end += 1;
    }
    end
}

/// The whole source phrase of an `according to` whose source is `np`: "an analysis for
/// The Harbour Gazette", "the Valdera Times's latest report".
fn source_phrase(toks: &[Tok], np: Span) -> Span {
    let from = toks.partition_point(|t| t.span.end <= np.end);
    let end = source_phrase_end(toks, from);
    let last = toks[from..end]
        .iter()
        .rposition(|t| t.kind != TokKind::Punct)
        .map_or(np.end, |k| toks[from + k].span.end);
    Span::new(np.start, last.max(np.end))
}

/// `X estimated that …, according to an analysis for Y`: the content is X's, so the
/// report that carries it gives no claim of its own (one claim per content); the report
/// is kept on X's attribution as where it was reported.
pub(super) fn keep_inner_of_according(s: &Sentence<'_>, out: &mut Analysis) {
    // Attributions whose speaker and content both lie inside another's content.
    let inner: Vec<(usize, Span)> = out
        .found
        .iter()
        .enumerate()
        .filter(|(_, f)| f.pattern == Pattern::SubjectVerb)
        .filter_map(|(k, f)| {
            f.source
                .map(|np| (k, Span::new(np.span.start, f.content.end)))
        })
        .collect();
    // The report carries it whether named after the content ("…, according to Y") or
    // before it ("According to a report in Y, X found that …").
    // Before it, the inner speaker comes after the whole source phrase ("according to
    // Chinese state press reports, …" holds no speaker "Chinese").
    let toks = s.toks;
    let carries = |f: &Found, c: Span| {
        let after_phrase = f
            .source
            .is_some_and(|np| source_phrase(toks, np.span).end <= c.start);
        f.pattern == Pattern::AccordingTo
            && f.content.contains(c)
            && f.cue
                .is_some_and(|cue| cue.start >= c.end || cue.end <= c.start && after_phrase)
    };
    // "Six in 10 say …, according to the survey": respondents' answers are the
    // survey's finding; the survey stays the source and the inner one goes.
    let survey_of = |f: &Found, k: usize| {
        f.source.is_some_and(|np| {
            toks[np.first..=np.last]
                .iter()
                .any(|t| t.is_word() && lexicon::SURVEY_NOUNS.has(t.lower.as_str()))
        }) && out.found[k].source.is_some_and(|np| respondents(toks, np))
    };
    // "Mrs. Vale has worried for months that …, according to her advisers": a belief or
    // a position reported by someone else is that someone's claim, not the holder's.
    // What the holder said, estimated or found stays theirs (`X estimated …`).
    let not_a_statement =
        |k: usize| matches!(out.found[k].class, CueClass::Cognition | CueClass::Stance);
    let answered: Vec<usize> = inner
        .iter()
        .filter(|&&(k, c)| {
            out.found
                .iter()
                .any(|f| carries(f, c) && (survey_of(f, k) || not_a_statement(k)))
        })
        .map(|&(k, _)| k)
        .collect();
    if !answered.is_empty() {
        let mut k = 0;
        out.found.retain(|_| {
            k += 1;
            !answered.contains(&(k - 1))
        });
        return;
    }
    let mut reports = Vec::new();
    for f in &out.found {
        for &(k, c) in &inner {
            if let Some(np) = f.source.filter(|_| carries(f, c)) {
                reports.push((k, source_phrase(toks, np.span)));
            }
        }
    }
    for (k, report) in reports {
        out.found[k].reported_in.get_or_insert(report);
    }
    out.found
        .retain(|f| !inner.iter().any(|&(_, c)| carries(f, c)));
}

/// A share of a group answering a poll: "Six in 10", "51 percent of respondents",
/// "most voters".
fn respondents(toks: &[Tok], np: Np) -> bool {
    let words = &toks[np.first..=np.last];
    words.iter().any(|t| {
        matches!(
            t.lower.as_str(),
            "percent" | "%" | "majority" | "majorities"
        )
    }) || crate::extract::phrases::ratio_before(toks, np.first, np.last).is_some()
        || words[0].kind == TokKind::Number
        || words[0].is_word() && lexicon::SHARES.has(words[0].lower.as_str())
}
