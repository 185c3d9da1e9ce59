//! One attribution found in a sentence becomes a draft claim: its speaker resolved, its
//! reasons written, the speakers carried forward updated.

use super::super::attribution::{Found, Pattern};
use super::super::lexicon;
use super::super::speakers::Resolved;
use super::super::tokens::Tok;
use super::spans::claim_span;
use super::{Draft, Reader, Speaker};
use crate::model::{ClaimKind, CueClass, Span};

/// The lexicon's cue classes are the model's; its `cognition` is the model's `belief`.
impl From<lexicon::CueClass> for CueClass {
    fn from(class: lexicon::CueClass) -> Self {
        match class {
            lexicon::CueClass::Speech => CueClass::Speech,
            lexicon::CueClass::Cognition => CueClass::Belief,
            lexicon::CueClass::Stance => CueClass::Stance,
            lexicon::CueClass::Evidence => CueClass::Evidence,
        }
    }
}

impl Reader<'_> {
    pub(super) fn found(&mut self, pi: usize, toks: &[Tok], f: &Found) {
        let resolved = match (self.turn, f.source) {
            // The label of a transcript turn: its speaker is already registered.
            (Some((who, label)), Some(np)) if np.span == label => Some(who),
            (_, source) => source.and_then(|np| self.resolver.resolve(self.text, toks, &np)),
        };
        // "the mayor, who said …": the mention is the "who", resolved to the mayor.
        let resolved = match (resolved, f.pattern, f.source, f.cue) {
            (Some(r), Pattern::Relative, Some(np), Some(cue)) => Some(Resolved {
                mention: relative_pronoun(toks, np.span.end, cue.start).unwrap_or(r.mention),
                ..r
            }),
            (r, ..) => r,
        };
        // "Ode said in an interview with Radio Nord. Ode on the morning show: "…"": the
        // quotation's tag is the speech verb that introduced its speaker, not a second
        // mention of the same name (a programme's title) before the colon.
        let verbless = matches!(f.pattern, Pattern::Colon | Pattern::TagThenQuote)
            && f.cue
                .and_then(|c| c.slice(self.text))
                .is_none_or(|c| c.trim() == ":");
        let resolved = match (resolved, self.pending) {
            (Some(r), Some(p)) if verbless && p.paragraph == pi && p.who.entity == r.entity => {
                Some(p.who)
            }
            (r, _) => r,
        };
        let mut reasons = Vec::new();
        let cue_text = f.cue.and_then(|c| c.slice(self.text)).unwrap_or_default();
        let mention_text = f
            .source
            .and_then(|np| np.span.slice(self.text))
            .unwrap_or_default();
        reasons.push(f.pattern.reason(cue_text, mention_text));
        if let Some(why) = f.class.reason() {
            reasons.push(why.to_string());
        }
        if let Some(r) = resolved {
            self.resolver.spoke(r.entity, f.content.start);
            let e = &self.resolver.entities()[r.entity];
            if !e.name.eq_ignore_ascii_case(mention_text) {
                reasons.push(format!("speaker: \"{mention_text}\" is {}", e.name));
            }
        }
        let direct = f.kind == ClaimKind::Quote;
        if let Some(r) = resolved {
            let sp = Speaker {
                who: r,
                paragraph: pi,
                offset: f.content.start,
            };
            if direct || f.pattern == Pattern::Colon {
                self.last_quote = Some(sp);
            }
            self.last_speaker = Some(sp);
        }
        self.pending = None;
        self.push_draft(Draft {
            span: claim_span(self.text, f),
            direct_quote: direct,
            cue: f.cue.map(|c| (c, f.class.into())),
            source: resolved,
            reported_in: f.reported_in,
            nameless: f.source.is_none(),
            reasons,
            features: None,
        });
    }
}

/// The relative pronoun ("who", "which") between offsets `from` and `to`.
fn relative_pronoun(toks: &[Tok], from: usize, to: usize) -> Option<Span> {
    toks.iter()
        .filter(|t| t.span.start >= from && t.span.end <= to)
        .find(|t| t.is("who") || t.is("which"))
        .map(|t| t.span)
}
