//! The passive rule family: Nobody named: `are reported to`, `reportedly`, `is said to`.

use super::inside_quote;
use super::words::content_span;
use super::{Analysis, Found, Pattern, QuoteToks, Sentence};
use crate::extract::lexicon;
use crate::extract::lexicon::CueClass;
use crate::model::{ClaimKind, Span};

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
        } else if lexicon::PASSIVE_BE.has(w)
            && i + 2 < n
            && lexicon::PASSIVE_CUES.has(toks[i + 1].lower.as_str())
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
                reported_in: None,
            });
        }
        return;
    }
}
