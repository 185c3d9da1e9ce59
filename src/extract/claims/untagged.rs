//! Quotations with no tag of their own: the speaker they inherit.

use super::{Draft, Reader, Speaker};
use crate::model::Span;

impl Reader<'_> {
    /// The speaker an untagged quotation in paragraph `pi` inherits: one introduced with
    /// no content yet, or the speaker of a quotation in this or the previous paragraph.
    fn carried_speaker(&self, pi: usize) -> Option<Speaker> {
        let near = |s: &Speaker| s.paragraph + 1 >= pi;
        [self.pending, self.last_quote, self.last_speaker]
            .into_iter()
            .flatten()
            .filter(near)
            .max_by_key(|s| s.offset)
    }

    pub(super) fn untagged_quote(&mut self, pi: usize, inner: Span, continues: bool) {
        // `"…," she said. "…"`: one quotation, interrupted by its tag.
        if let Some(d) = self.interrupted.and_then(|i| self.drafts.get_mut(i)) {
            // Only when the tag is short beside the quotation; a long tag between two
            // quotations makes them two claims.
            let gap = inner.start.saturating_sub(d.span.end);
            if gap <= 2 * (d.span.len() + inner.len()) {
                d.span = Span::new(d.span.start, inner.end);
                d.features = None;
                return;
            }
            self.interrupted = None;
        }
        let speaker = if continues {
            self.last_quote.or(self.pending)
        } else {
            self.carried_speaker(pi)
        };
        match speaker {
            Some(sp) => {
                let why = if continues {
                    "quote continues from the previous paragraph"
                } else {
                    "quote follows the speaker's earlier words"
                };
                self.push_quote_draft(inner, sp, why);
                self.last_quote = Some(Speaker {
                    who: sp.who,
                    paragraph: pi,
                    offset: inner.start,
                });
            }
            None => self.push_draft(Draft {
                span: inner,
                direct_quote: true,
                cue: None,
                source: None,
                reported_in: None,
                nameless: false,
                reasons: vec!["direct quote: speaker not named".into()],
                features: None,
            }),
        }
    }

    pub(super) fn push_quote_draft(&mut self, span: Span, sp: Speaker, why: &str) {
        let name = self.resolver.entities()[sp.who.entity].name.clone();
        self.resolver.spoke(sp.who.entity, span.start);
        self.push_draft(Draft {
            span,
            direct_quote: true,
            cue: None,
            source: Some(sp.who),
            reported_in: None,
            nameless: false,
            reasons: vec![format!("{why}: {name}")],
            features: None,
        });
    }
}
