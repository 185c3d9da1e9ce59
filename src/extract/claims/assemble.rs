//! Drafts → claims with ids, scores and reasons, and the source registry.

use super::super::Extraction;
use super::super::score::{self, FACT_THRESHOLD};
use super::super::speakers::{Resolved, Resolver};
use super::super::tokens;
use super::{Draft, Reader};
use crate::model::{
    Claim, ClaimId, ClaimSource, Cue, Origin, Reasons, ReportedIn, Review, Source, SourceId,
    SourceKind, Span, sort_large_by_key,
};

/// The sources claims point to, numbered in the order claims first name them. A source
/// is filled in from its entity at the end, when the resolver has seen every mention.
#[derive(Default)]
pub(super) struct Registry {
    entity_ids: Vec<Option<SourceId>>,
    /// The entity of each source in id order; `None` for the nameless one.
    entity_of: Vec<Option<usize>>,
    nameless_id: Option<SourceId>,
    /// The cues of the nameless attributions, its mentions.
    nameless_mentions: Vec<Span>,
}

impl Registry {
    /// The source of an entity the resolver found, registered on first use.
    fn entity(&mut self, r: Resolved) -> ClaimSource {
        if self.entity_ids.len() <= r.entity {
            self.entity_ids.resize(r.entity + 1, None);
        }
        let entity_of = &mut self.entity_of;
        let id = *self.entity_ids[r.entity].get_or_insert_with(|| {
            entity_of.push(Some(r.entity));
            SourceId(entity_of.len() as u32)
        });
        ClaimSource {
            id,
            mention: Some(r.mention),
        }
    }

    /// The one unnamed source of all nameless attributions ("are reported to"); its
    /// mentions are their cues.
    fn nameless(&mut self, cue: Option<Span>) -> ClaimSource {
        let entity_of = &mut self.entity_of;
        let id = *self.nameless_id.get_or_insert_with(|| {
            entity_of.push(None);
            SourceId(entity_of.len() as u32)
        });
        self.nameless_mentions.extend(cue);
        ClaimSource { id, mention: cue }
    }

    /// The sources, in id order, taken from the resolver's entities.
    fn sources(self, resolver: Resolver) -> Vec<Source> {
        let mut nameless_mentions = Some(self.nameless_mentions);
        let mut entities = resolver.into_entities();
        let mut sources: Vec<Source> = Vec::with_capacity(self.entity_of.len());
        for (i, of) in self.entity_of.into_iter().enumerate() {
            let id = SourceId(i as u32 + 1);
            let mut src = if let Some(e) = of {
                let e = &mut entities[e];
                let mut src = Source::new(id, std::mem::take(&mut e.name), e.kind);
                src.role = e.role.take();
                src.aliases = std::mem::take(&mut e.aliases);
                src.mentions = std::mem::take(&mut e.mentions);
                src
            } else {
                let mut src = Source::new(id, String::new(), SourceKind::Unnamed);
                src.mentions = nameless_mentions.take().unwrap_or_default();
                src
            };
            tidy_mentions(&mut src);
            sources.push(src);
        }
        sources
    }
}

impl Reader<'_> {
    /// Turns the drafts that start before `bound` into claims, in span order (equal
    /// spans once). Called between paragraphs when nothing read later can change them
    /// or come before them, so drafts never pile up over a long article.
    pub(super) fn settle(&mut self, bound: usize) {
        self.interrupted = None;
        sort_by_span(&mut self.drafts);
        let n = self.drafts.partition_point(|d| d.span.start < bound);
        let mut last = None;
        for d in self.drafts.drain(..n) {
            if last == Some(d.span) {
                continue;
            }
            last = Some(d.span);
            let id = ClaimId(self.claims.len() as u32 + 1);
            if let Some(claim) = claim_of(self.text, d, id, &mut self.registry) {
                self.claims.push(claim);
            }
        }
    }

    pub(super) fn finish(mut self) -> Extraction {
        self.settle(usize::MAX);
        let Reader {
            resolver,
            mut claims,
            registry,
            ..
        } = self;
        claims.shrink_to_fit();
        Extraction {
            sources: registry.sources(resolver),
            claims,
        }
    }
}

/// Sorts drafts by span, keeping the order of equal spans (a draft is large: each moves
/// about once).
fn sort_by_span(drafts: &mut [Draft]) {
    sort_large_by_key(drafts, |d| (d.span.start, d.span.end));
}

/// The claim a draft makes, if it is worth one: attributed, or a check-worthy
/// statement.
fn claim_of(text: &str, mut d: Draft, id: ClaimId, registry: &mut Registry) -> Option<Claim> {
    // Nothing to check in an empty quotation or bare punctuation.
    if !d
        .span
        .slice(text)
        .is_some_and(|t| t.chars().any(char::is_alphanumeric))
    {
        return None;
    }
    let f = match d.features.take() {
        Some(f) => f,
        None => score::features(text, &tokens::tokenize(text, d.span)),
    };
    let attributed = d.source.is_some() || d.nameless;
    let s = score::score(attributed, d.direct_quote, &f);
    // The claim's score is the trained model's, which reads the whole sentence.
    let passage = score::sentence_around(text, d.span)
        .slice(text)
        .unwrap_or_default();
    let (learned, worthiness) = score::check_worthiness(passage, s);
    if !attributed && !worth_a_claim(s, learned, &f) {
        return None;
    }
    let s = learned;
    let kind = score::kind_for(d.direct_quote, attributed, &f);
    let date = (!f.dates.is_empty()).then(|| format!("date: {}", f.dates.join(", ")));
    let mut list: Vec<&str> = Vec::with_capacity(d.reasons.len() + f.figures.len() + 3);
    list.extend(d.reasons.iter().chain(&f.figures).map(String::as_str));
    list.extend(date.as_deref());
    if list.is_empty() {
        list.push("factual statement");
    }
    list.push(&worthiness);
    // Every claim is held until the end: no spare room in its reasons.
    let reasons = Reasons::exact(&list);
    let source = if let Some(r) = d.source {
        Some(registry.entity(r))
    } else if d.nameless {
        Some(registry.nameless(d.cue.map(|(c, _)| c)))
    } else {
        None
    };
    let cue = d.cue.and_then(|(c, class)| {
        c.slice(text).map(|t| Cue {
            text: t.to_string(),
            span: c,
            class: Some(class),
        })
    });
    let reported_in = d.reported_in.and_then(|r| {
        r.slice(text).map(|t| {
            Box::new(ReportedIn {
                text: t.to_string(),
                span: r,
            })
        })
    });
    Some(Claim {
        id,
        span: d.span,
        kind,
        source,
        cue,
        reported_in,
        score: s,
        reasons,
        origin: Origin::Extracted,
        review: Review::default(),
    })
}

/// Whether an unattributed statement is offered as a claim: anything checkable in it —
/// a figure, a date, a name — keeps it, whatever hedging or modal words it holds
/// ("must repay the loan by 2027"), and so does a `learned` score that is check-worthy
/// ("Parliament has overturned thirty-one vetoes"); questions never are, boilerplate
/// only at a `rule` score of [`FACT_THRESHOLD`].
fn worth_a_claim(rule: f32, learned: f32, f: &score::Features) -> bool {
    if f.question {
        return false;
    }
    let checkable = !f.figures.is_empty() || !f.dates.is_empty() || f.names > 0;
    rule >= FACT_THRESHOLD
        || !f.boilerplate && (checkable && f.words >= 6 || score::is_check_worthy(learned))
}

/// Sorts a source's mentions and drops repeats and mentions inside a longer one.
fn tidy_mentions(source: &mut Source) {
    source
        .mentions
        .sort_unstable_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let mut kept: Vec<Span> = Vec::with_capacity(source.mentions.len());
    for m in source.mentions.drain(..) {
        if kept.last().is_none_or(|k| m.start >= k.end) {
            kept.push(m);
        }
    }
    source.mentions = kept;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(start: usize, end: usize, tag: usize) -> Draft {
        Draft {
            span: Span::new(start, end),
            direct_quote: false,
            cue: None,
            source: None,
            nameless: false,
            reasons: vec![tag.to_string()],
            features: None,
            reported_in: None,
        }
    }

    fn order(drafts: &[Draft]) -> Vec<(usize, usize, String)> {
        drafts
            .iter()
            .map(|d| (d.span.start, d.span.end, d.reasons[0].clone()))
            .collect()
    }

    #[test]
    fn sort_by_span_is_the_stable_sort() {
        // Pseudo-random spans with many ties, in several sizes.
        let mut seed = 7u64;
        for n in [0, 1, 2, 3, 10, 100, 1000] {
            let mut drafts: Vec<Draft> = (0..n)
                .map(|tag| {
                    seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                    let start = (seed >> 33) as usize % 50;
                    draft(start, start + (seed >> 20) as usize % 3, tag)
                })
                .collect();
            let mut expected = order(&drafts);
            expected.sort_by_key(|e| (e.0, e.1));
            sort_by_span(&mut drafts);
            assert_eq!(order(&drafts), expected, "{n} drafts");
        }
    }
}
