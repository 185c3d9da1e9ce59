//! "he", "she", "they", "it", "we", "I": the entity a pronoun speaker stands for, looked
//! for among the most recently mentioned entities only.

use super::registry::Entity;
use super::{Gender, Resolved, Resolver, UNIDENTIFIED, opposite};
use crate::model::{SourceKind, Span};

/// The candidates for "he" or "she".
struct Candidates {
    /// The latest person named earlier in this sentence.
    in_sentence: Option<usize>,
    /// The latest speaker.
    speaker: Option<usize>,
    /// The latest person named.
    named: Option<usize>,
}

impl Resolver {
    pub(super) fn pronoun(&mut self, pronoun: &str, span: Span) -> Resolved {
        let want = match pronoun {
            "he" => Some(Gender::Male),
            "she" => Some(Gender::Female),
            _ => None,
        };
        let idx = match want {
            Some(g) => self.personal(g, span),
            // they / it / we: the latest organisation or group.
            None => self.registry.latest_by(
                |e| {
                    matches!(e.kind, SourceKind::Organization | SourceKind::Unnamed)
                        || pronoun == "i"
                },
                |e| e.last_spoke.max(Some(e.last_seen)),
            ),
        };
        // Nobody to refer to: an unidentified speaker, named by the pronoun's mention.
        let Some(idx) = idx else {
            return self.register(UNIDENTIFIED, span);
        };
        let e = self.registry.get_mut(idx);
        if e.gender == Gender::Unknown {
            e.gender = want.unwrap_or(Gender::Unknown);
        }
        // "Vale said … he added": a lone name called "he" or "she" is a person.
        if want.is_some() && e.could_be_person() {
            e.kind = SourceKind::Person;
        }
        self.registry.mention(idx, span);
        Resolved {
            entity: idx,
            mention: span,
        }
    }

    fn candidates(&self, g: Gender, span: Span) -> Candidates {
        let compatible = |e: &Entity| {
            (e.kind == SourceKind::Person || e.could_be_person()) && e.gender != opposite(g)
        };
        let mut c = Candidates {
            in_sentence: None,
            speaker: None,
            named: None,
        };
        let (mut best_in, mut best_spoke, mut best_named) = (None, None, None);
        let better = |best: &mut Option<(usize, usize)>, slot: &mut Option<usize>, key, i| {
            if best.is_none_or(|b| (key, i) > b) {
                *best = Some((key, i));
                *slot = Some(i);
            }
        };
        for (i, e) in self.registry.recent() {
            if !compatible(e) {
                continue;
            }
            if e.last_seen >= self.sentence_start && e.last_seen < span.start {
                better(&mut best_in, &mut c.in_sentence, e.last_seen, i);
            }
            if let Some(at) = e.last_spoke {
                better(&mut best_spoke, &mut c.speaker, at, i);
            }
            better(&mut best_named, &mut c.named, e.last_seen, i);
        }
        c
    }

    /// The person "he" (`g` male) or "she" at `span` stands for.
    fn personal(&self, g: Gender, span: Span) -> Option<usize> {
        let Candidates {
            in_sentence,
            speaker,
            named,
        } = self.candidates(g, span);
        let compatible = |e: &Entity| {
            (e.kind == SourceKind::Person || e.could_be_person()) && e.gender != opposite(g)
        };
        // The subject of the sentence just before this one.
        let continued = self
            .last_subject
            .filter(|&(e, at)| {
                at >= self.previous_sentence_start
                    && at < self.sentence_start
                    && compatible(self.registry.get(e))
            })
            .map(|(e, _)| e);
        match (speaker, named) {
            _ if in_sentence.is_some() => in_sentence,
            _ if continued.is_some() => continued,
            (Some(s), Some(n)) if s != n => {
                let spoke = self.registry.get(s).last_spoke.unwrap_or(0);
                let named = self.registry.get(n);
                let seen = named.last_seen;
                // A person named after the speaker's last claim takes over only if they
                // were named as a subject (they became a speaker or candidate).
                if seen > spoke
                    && span.start.saturating_sub(seen) < 400
                    && named.last_spoke.is_none()
                    && span.start.saturating_sub(spoke) > 600
                {
                    Some(n)
                } else {
                    Some(s)
                }
            }
            (s, n) => s.or(n),
        }
    }
}
