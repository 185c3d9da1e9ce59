//! A quotation that runs on into the next paragraph — opened and not closed, the next
//! paragraph opening with a quote mark, as news style continues a long quotation — is
//! one claim: the claim ending in the first part takes in the one starting the next.

use super::Reader;
use crate::extract::quotes::Quote;
use crate::model::Span;

/// The reason a joined claim gives.
const WHY: &str = "quotation continues in the next paragraph";

/// The part of a continued quotation a paragraph ends in, for the next paragraph.
#[derive(Clone, Copy)]
pub(super) struct OpenQuote {
    /// The draft holding the quotation so far.
    draft: usize,
}

impl Reader<'_> {
    /// After paragraph `para`, whose drafts start at `first_draft`: joins the quotation it
    /// opens with to `open` (the one the previous paragraph left open) if `continues`, and
    /// returns the quotation this paragraph leaves open, if any. Looks only at this
    /// paragraph's drafts, so the whole article costs one pass.
    pub(super) fn continue_quote(
        &mut self,
        first_draft: usize,
        para: Span,
        quotes: &[Quote],
        open: Option<OpenQuote>,
        continues: bool,
    ) -> Option<OpenQuote> {
        let mut joined = None;
        if continues && let (Some(open), Some(first)) = (open, quotes.first()) {
            let inner = first.inner(para.end);
            let next = (first_draft..self.drafts.len())
                .filter(|&i| self.drafts[i].direct_quote && inner.contains(self.drafts[i].span))
                .min_by_key(|&i| self.drafts[i].span.start);
            if let Some(next) = next
                && self.join(open.draft, next)
            {
                joined = Some(open.draft);
            }
        }
        let last = quotes.last().filter(|q| q.close.is_none())?;
        let inner = last.inner(para.end);
        (first_draft..self.drafts.len())
            .chain(joined)
            .filter(|&i| self.drafts[i].direct_quote && inner.overlaps(self.drafts[i].span))
            .filter(|&i| self.drafts[i].span.end <= inner.end)
            .max_by_key(|&i| self.drafts[i].span.end)
            .map(|draft| OpenQuote { draft })
    }

    /// Draft `next` (this paragraph's) joins draft `into` (an earlier one), unless they
    /// have different speakers. `next` is removed.
    fn join(&mut self, into: usize, next: usize) -> bool {
        let (a, b) = (&self.drafts[into], &self.drafts[next]);
        if into >= next || b.span.start < a.span.end {
            return false;
        }
        if let (Some(x), Some(y)) = (a.source, b.source)
            && x.entity != y.entity
        {
            return false;
        }
        let b = self.drafts.remove(next);
        let a = &mut self.drafts[into];
        a.span = Span::new(a.span.start, b.span.end);
        a.features = None;
        if a.source.is_none() && b.source.is_some() {
            a.source = b.source;
            a.cue = b.cue;
            a.reported_in = b.reported_in;
            a.nameless = b.nameless;
            a.reasons = b.reasons;
        }
        if !a.reasons.iter().any(|r| r == WHY) {
            a.reasons.push(WHY.to_owned());
        }
        true
    }
}
