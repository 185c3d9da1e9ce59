//! Sources described, not named: "the minister", "the company", "the newspaper", "a
//! spokesman for the ministry", "officials", "Rover bosses", "a Bloomberg poll".

use super::registry::Entity;
use super::{Resolved, Resolver, clean, gender_of, is_public_body};
use crate::extract::lexicon;
use crate::extract::lexicon::{
    is_determiner, is_org_word, is_person_role, is_source_document, is_unnamed_head,
};
use crate::extract::phrases::Np;
use crate::extract::tokens::Tok;
use crate::model::{SourceKind, Span};

/// Nouns that stand for the latest news organisation ("the newspaper").
fn is_media_noun(stem: &str) -> bool {
    lexicon::MEDIA_NOUNS.has(stem)
}

/// Nouns for a business: "the company" is no union, ministry or university.
fn is_business_noun(stem: &str) -> bool {
    lexicon::BUSINESS_NOUNS.has(stem)
}

fn is_spokesperson(stem: &str) -> bool {
    lexicon::SPOKESPEOPLE.has(stem)
}

/// True if `e`'s role or name has the word `w`.
fn described(e: &Entity, w: &str) -> bool {
    let role = e.role.as_deref().unwrap_or_default().to_lowercase();
    role.split_whitespace().any(|r| r.trim_matches(',') == w)
        || e.name.to_lowercase().split_whitespace().any(|n| n == w)
}

impl Resolver {
    /// A phrase without a name.
    pub(super) fn description(
        &mut self,
        text: &str,
        np: &Np,
        words: &[&Tok],
        appositive: Option<&String>,
    ) -> Resolved {
        // "a company spokeswoman", "a spokesman for the ministry": the organisation
        // speaks through them; "the minister": the latest entity described that way.
        let known = self
            .spokesperson_for(words)
            .or_else(|| self.definite(words));
        let idx = known.unwrap_or_else(|| self.unnamed(text, np, words, appositive));
        self.registry.mention(idx, np.span);
        Resolved {
            entity: idx,
            mention: np.span,
        }
    }

    /// "the minister", "the finance ministry", "the newspaper", "the company": an
    /// earlier entity so described.
    fn definite(&self, words: &[&Tok]) -> Option<usize> {
        let head_stem = words[words.len() - 1].stem();
        let definite = words[0].is("the") || words[0].is("this");
        let has_cap = words.iter().any(|t| t.cap && !is_determiner(&t.lower));
        if !(definite && !has_cap && words.len() <= 3) {
            return None;
        }
        let r = &self.registry;
        let singular = head_stem.trim_end_matches('s');
        let fits = |e: &Entity| {
            // "the finance ministry" is not the Ministry of Agriculture.
            let modifiers_fit = words
                .get(1..words.len().saturating_sub(1))
                .unwrap_or_default()
                .iter()
                .all(|m| is_determiner(&m.lower) || described(e, m.stem()));
            e.kind != SourceKind::Unnamed
                && modifiers_fit
                && (described(e, head_stem) || described(e, singular))
        };
        let found = r
            .latest_with_word(head_stem, fits)
            .max(r.latest_with_word(singular, fits));
        // "the newspaper", "the broadcaster": the latest news organisation, one that has
        // spoken (reported) first.
        let media = || {
            is_media_noun(head_stem)
                .then(|| {
                    r.media()
                        .filter(|(_, e)| e.kind == SourceKind::Organization)
                        .max_by_key(|(_, e)| (e.last_spoke.is_some(), e.last_spoke, e.last_seen))
                        .map(|(i, _)| i)
                })
                .flatten()
        };
        // "the company", "the agency": the latest organisation, when nothing more
        // specific ("the finance ministry") is said. "The council" or "the union" is
        // one called so (found above) or a new source, never the port authority.
        let bare = || {
            let business = is_business_noun(head_stem);
            let generic = business || lexicon::GENERIC_ORG_NOUNS.has(head_stem);
            (words.len() == 2 && generic)
                .then(|| {
                    r.latest_by(
                        |e| {
                            e.kind == SourceKind::Organization
                                && (!business || !is_public_body(&e.name))
                        },
                        |e| e.last_seen,
                    )
                })
                .flatten()
        };
        found.or_else(media).or_else(bare)
    }

    /// The organisation a spokesperson phrase speaks for, if it is known: the latest
    /// organisation described by the noun before the role ("company", "ministry") or
    /// named after "for"/"of".
    fn spokesperson_for(&self, words: &[&Tok]) -> Option<usize> {
        let role = words.iter().position(|t| is_spokesperson(t.stem()))?;
        let org_noun = words[..role]
            .iter()
            .rev()
            .find(|t| t.is_word() && !t.cap && is_org_word(t.stem()))
            .map(|t| t.stem());
        let named: Vec<&str> = words[role + 1..]
            .iter()
            .skip_while(|t| lexicon::ROLE_FILLERS.has(t.lower.as_str()))
            .filter(|t| t.cap)
            .map(|t| t.lower.as_str())
            .collect();
        let speaks_for = |e: &Entity| {
            if e.kind != SourceKind::Organization {
                return false;
            }
            let lower = e.name.to_lowercase();
            let by_noun = org_noun.is_some_and(|noun| {
                lower.split_whitespace().any(|w| w == noun)
                    || matches!(noun, "company" | "firm") && !is_public_body(&e.name)
            });
            let by_name = !named.is_empty()
                && named
                    .iter()
                    .all(|w| lower.split_whitespace().any(|n| n == *w));
            by_noun || by_name
        };
        let r = &self.registry;
        let by_noun = org_noun.and_then(|noun| r.latest_with_word(noun, speaks_for));
        let business = org_noun
            .filter(|noun| matches!(*noun, "company" | "firm"))
            .and_then(|_| r.latest_business(speaks_for));
        let by_name = named
            .first()
            .and_then(|w| r.latest_with_word(w, speaks_for));
        by_noun.max(business).max(by_name)
    }

    /// A new unnamed (or described) source, or the earlier one called the same.
    fn unnamed(
        &mut self,
        text: &str,
        np: &Np,
        words: &[&Tok],
        appositive: Option<&String>,
    ) -> usize {
        let head_stem = words[words.len() - 1].stem();
        let definite = words[0].is("the") || words[0].is("this");
        let has_cap = words.iter().any(|t| t.cap && !is_determiner(&t.lower));
        // Drop an article, keep a quantifier: "officials", but "most of them".
        let article = lexicon::ARTICLES.has(words[0].lower.as_str());
        let start = usize::from(article && words.len() > 1);
        let name = clean(text, Span::new(words[start].span.start, np.span.end));
        let kind = if has_cap && (is_org_word(head_stem) || is_source_document(head_stem)) {
            SourceKind::Organization
        } else if is_person_role(head_stem) && !is_unnamed_head(head_stem) && definite {
            SourceKind::Person
        } else if is_org_word(head_stem) && !is_unnamed_head(head_stem) && definite {
            SourceKind::Organization
        } else {
            SourceKind::Unnamed
        };
        if let Some(&idx) = self.registry.named(&name).first() {
            return idx;
        }
        let lowered: Vec<&str> = words.iter().map(|t| t.lower.as_str()).collect();
        let mut entity = Entity::new(name, kind, gender_of(&lowered), np.span.start);
        entity.role = appositive.cloned();
        self.registry.push(entity)
    }
}
