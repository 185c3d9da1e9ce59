//! The colon rule family: Headline style: `Name: …`.

use super::inside_quote;
use super::words::content_span;
use super::{Analysis, Pattern, QuoteToks, Sentence};
use crate::extract::lexicon;
use crate::extract::lexicon::CueClass;
use crate::extract::phrases::Np;
use crate::extract::tokens::Tok;
use crate::model::Span;

/// Words that label a line rather than name a speaker ("Update: …").
pub(super) fn is_label(w: &str) -> bool {
    lexicon::LINE_LABELS.has(w)
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
    // "According to the Ledger: …": the source is what follows "according to".
    let first = if k > 2 && toks[0].is("according") && toks[1].is("to") {
        2
    } else {
        0
    };
    let np = Np {
        span: Span::new(toks[first].span.start, head.span.end),
        appositive: None,
        first,
        last: k - 1,
    };
    out.push_reported(content, toks[k].span, np, Pattern::Colon, CueClass::Speech);
    true
}

#[cfg(test)]
mod tests {
    use super::super::tests::run;

    #[test]
    fn according_to_before_a_colon_names_what_follows() {
        let (outs, _) =
            run("According to the Valley Ledger: \"The mayor has changed her mind on the tolls.\"");
        let o = outs.first().expect("a claim");
        assert_eq!(o.source.as_deref(), Some("the Valley Ledger"));
        let (outs, _) = run("Graham: the rhetoric is destroying the party from within.");
        assert_eq!(outs[0].source.as_deref(), Some("Graham"));
    }

    #[test]
    fn a_feature_label_before_a_colon_is_no_source() {
        let (outs, _) = run("The Latest: Mayor Vale tells voters the ferry will run all winter.");
        assert_eq!(outs.len(), 1);
        assert_eq!(outs[0].source.as_deref(), Some("Mayor Vale"));
        let (outs, _) = run("Question: what would the new levy pay for in the first year?");
        assert!(outs.is_empty(), "{:?}", outs[0].source);
    }
}
