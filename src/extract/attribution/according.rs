//! The according rule family: `according to X, …` and `…, according to X.`

use super::inside_quote;
use super::words::{content_span, only_openers};
use super::{Analysis, Pattern, QuoteToks, Sentence};
use crate::extract::lexicon::CueClass;
use crate::extract::phrases::np_after;
use crate::extract::tokens::TokKind;
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

/// `X estimated that …, according to an analysis for Y`: the content is X's, so the
/// report that carries it gives no claim of its own (one claim per content).
pub(super) fn keep_inner_of_according(out: &mut Analysis) {
    // Attributions whose speaker and content both lie inside another's content.
    let inner: Vec<Span> = out
        .found
        .iter()
        .filter(|f| f.pattern == Pattern::SubjectVerb)
        .filter_map(|f| f.source.map(|np| Span::new(np.span.start, f.content.end)))
        .collect();
    // Only a report named after the content ("…, according to Y") carries it.
    out.found.retain(|f| {
        f.pattern != Pattern::AccordingTo
            || !inner
                .iter()
                .any(|c| f.content.contains(*c) && f.cue.is_some_and(|cue| cue.start >= c.end))
    });
}
