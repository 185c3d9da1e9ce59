//! The poll rule family: `In a Bloomberg poll, …`, `in the latest survey by X`.

use super::inside_quote;
use super::words::{content_span, only_closers, only_openers};
use super::{Analysis, Pattern, QuoteToks, Sentence};
use crate::extract::lexicon;
use crate::extract::lexicon::{CueClass, is_clause_word};
use crate::extract::phrases::Np;
use crate::extract::tokens::TokKind;
use crate::model::Span;

/// `In a Bloomberg poll released Monday, 50 percent chose Clinton.` / `Trump leads by
/// 57 percent to 33 percent in the 50-state poll.`
pub(super) fn in_a_poll(s: &Sentence<'_>, qt: &[QuoteToks], out: &mut Analysis) -> bool {
    let toks = s.toks;
    let n = toks.len();
    let Some(i) = (0..n.saturating_sub(2)).find(|&i| {
        toks[i].is("in")
            && toks[i + 1].is_word()
            && lexicon::POLL_DETERMINERS.has(toks[i + 1].lower.as_str())
            && !inside_quote(qt, i)
    }) else {
        return false;
    };
    // The document noun closing the phrase: "a CBS News poll", "the latest survey".
    let Some(head) = (i + 2..n.min(i + 10))
        .find(|&k| toks[k].is_word() && !toks[k].cap && lexicon::POLL_NOUNS.has(toks[k].stem()))
    else {
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
