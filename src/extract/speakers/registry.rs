//! The entities an article cites, with the indexes that keep every lookup independent
//! of how many entities came before: by name, alias, surname, initials and word, and a
//! window of the most recently mentioned entities for pronouns and "the company".

use std::collections::BTreeSet;

use super::{Gender, initials, is_acronym, is_media_word};
use crate::extract::lexicon::{FnvMap, is_org_word};
use crate::model::{SourceKind, Span};

/// How many distinct, most recently mentioned entities a pronoun or a bare "the
/// company" looks back over. News prose refers back a few sentences, never past dozens
/// of other people and organisations.
pub const RECENT: usize = 64;

/// How many entities sharing a word "the minister" or "the union" examines, latest
/// first, before giving up.
const WORD_SCAN: usize = 256;

/// A person, organisation or unnamed group the article cites.
#[derive(Clone, Debug)]
pub struct Entity {
    pub name: String,
    pub role: Option<String>,
    pub kind: SourceKind,
    pub aliases: Vec<String>,
    pub mentions: Vec<Span>,
    pub gender: Gender,
    /// Byte offset of the latest mention.
    pub last_seen: usize,
    /// Offset of the latest claim attributed to it.
    pub last_spoke: Option<usize>,
    /// One capitalised word that names no organisation ("Vale", not "BBC", "Halvard").
    lone_name: bool,
}

impl Entity {
    /// A new entity first seen at `at`.
    pub fn new(name: String, kind: SourceKind, gender: Gender, at: usize) -> Self {
        let lone_name = !name.contains(' ')
            && !is_acronym(&name)
            && !is_org_word(&name.to_lowercase())
            && name.chars().skip(1).all(|c| !c.is_uppercase());
        Self {
            name,
            role: None,
            kind,
            aliases: Vec::new(),
            mentions: Vec::new(),
            gender,
            last_seen: at,
            last_spoke: None,
            lone_name,
        }
    }

    pub fn surname(&self) -> Option<&str> {
        let n = self.name.as_str();
        Some(n.rfind(' ').map_or(n, |k| &n[k + 1..])).filter(|s| !s.is_empty())
    }

    /// A one-word name taken for an organisation only because nothing said otherwise
    /// ("Vale", not "BBC", "Halvard" or "Nordvik Bank").
    pub fn could_be_person(&self) -> bool {
        self.kind == SourceKind::Organization && self.lone_name
    }

    pub fn matches_name(&self, name: &str) -> bool {
        self.name.eq_ignore_ascii_case(name)
            || self.aliases.iter().any(|a| a.eq_ignore_ascii_case(name))
    }
}

/// Entities in the order they were first met, and their indexes. Entity numbers are
/// positions in that order and never change.
#[derive(Default)]
pub struct Registry {
    entities: Vec<Entity>,
    /// ASCII-lowercased name → entities, ascending.
    by_name: FnvMap<String, Vec<usize>>,
    by_alias: FnvMap<String, Vec<usize>>,
    /// ASCII-lowercased last word of the name.
    by_surname: FnvMap<String, Vec<usize>>,
    /// Initials of the name ("FT" for "Financial Times").
    by_initials: FnvMap<String, Vec<usize>>,
    /// Lowercased words of the name and of the role (commas trimmed).
    by_word: FnvMap<String, Vec<usize>>,
    /// Entities named like a news organisation.
    media: BTreeSet<usize>,
    /// Organisations whose name is no public body.
    businesses: Vec<usize>,
    /// Up to [`RECENT`] distinct entities, least recently mentioned first.
    recent: Vec<usize>,
}

/// Adds `idx` to an ascending list without repeating it.
fn insert_sorted(list: &mut Vec<usize>, idx: usize) {
    match list.last() {
        Some(&last) if last == idx => {}
        Some(&last) if last > idx => {
            let at = list.partition_point(|&i| i < idx);
            if list.get(at) != Some(&idx) {
                list.insert(at, idx);
            }
        }
        _ => list.push(idx),
    }
}

fn index(map: &mut FnvMap<String, Vec<usize>>, key: String, idx: usize) {
    insert_sorted(map.entry(key).or_default(), idx);
}

fn lookup<'a>(map: &'a FnvMap<String, Vec<usize>>, key: &str) -> &'a [usize] {
    map.get(key).map_or(&[], Vec::as_slice)
}

impl Registry {
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    pub fn into_entities(self) -> Vec<Entity> {
        self.entities
    }

    pub fn get(&self, idx: usize) -> &Entity {
        &self.entities[idx]
    }

    /// Gender, kind and mentions; the indexed fields change through the methods below.
    pub fn get_mut(&mut self, idx: usize) -> &mut Entity {
        &mut self.entities[idx]
    }

    /// Registers a new entity (its role and aliases, if any, are indexed too).
    pub fn push(&mut self, entity: Entity) -> usize {
        let idx = self.entities.len();
        let name = entity.name.clone();
        let role = entity.role.clone();
        let aliases = entity.aliases.clone();
        let kind = entity.kind;
        self.entities.push(Entity {
            role: None,
            aliases: Vec::new(),
            ..entity
        });
        index(&mut self.by_name, name.to_ascii_lowercase(), idx);
        if let Some(s) = self.entities[idx].surname() {
            let key = s.to_ascii_lowercase();
            index(&mut self.by_surname, key, idx);
        }
        index(&mut self.by_initials, initials(&name), idx);
        for w in name.to_lowercase().split_whitespace() {
            index(&mut self.by_word, w.to_string(), idx);
        }
        if kind == SourceKind::Organization && !super::is_public_body(&name) {
            self.businesses.push(idx);
        }
        if name.split_whitespace().any(is_media_word) {
            self.media.insert(idx);
        }
        if let Some(role) = role {
            self.set_role(idx, role);
        }
        for a in aliases {
            self.add_alias(idx, a);
        }
        self.touch(idx);
        idx
    }

    pub fn set_role(&mut self, idx: usize, role: String) {
        for w in role.to_lowercase().split_whitespace() {
            index(&mut self.by_word, w.trim_matches(',').to_string(), idx);
        }
        self.entities[idx].role = Some(role);
    }

    pub fn add_alias(&mut self, idx: usize, alias: String) {
        index(&mut self.by_alias, alias.to_ascii_lowercase(), idx);
        if is_media_word(&alias) {
            self.media.insert(idx);
        }
        self.entities[idx].aliases.push(alias);
    }

    /// Notes a mention at `at` as the entity's latest.
    pub fn seen(&mut self, idx: usize, at: usize) {
        self.entities[idx].last_seen = at;
        self.touch(idx);
    }

    /// Adds a mention and makes it the latest.
    pub fn mention(&mut self, idx: usize, span: Span) {
        self.entities[idx].mentions.push(span);
        self.seen(idx, span.start);
    }

    pub fn spoke(&mut self, idx: usize, at: usize) {
        if let Some(e) = self.entities.get_mut(idx) {
            e.last_spoke = Some(at);
            self.touch(idx);
        }
    }

    fn touch(&mut self, idx: usize) {
        if self.recent.last() == Some(&idx) {
            return;
        }
        if let Some(p) = self.recent.iter().position(|&i| i == idx) {
            self.recent.remove(p);
        } else if self.recent.len() == RECENT {
            self.recent.remove(0);
        }
        self.recent.push(idx);
    }

    /// The most recently mentioned entities, in no particular order.
    pub fn recent(&self) -> impl Iterator<Item = (usize, &Entity)> {
        self.recent.iter().map(|&i| (i, &self.entities[i]))
    }

    /// Among the recent entities passing `keep`, the one with the largest `key` (the
    /// later entity on a tie).
    pub fn latest_by<K: Ord>(
        &self,
        keep: impl Fn(&Entity) -> bool,
        key: impl Fn(&Entity) -> K,
    ) -> Option<usize> {
        self.recent()
            .filter(|(_, e)| keep(e))
            .max_by_key(|&(i, e)| (key(e), i))
            .map(|(i, _)| i)
    }

    /// The latest entity called `name` or aliased so (ASCII case ignored).
    pub fn latest_named(&self, name: &str) -> Option<usize> {
        let key = ascii_lower(name);
        let a = lookup(&self.by_name, &key).last().copied();
        let b = lookup(&self.by_alias, &key).last().copied();
        a.max(b)
    }

    /// Entities whose name is `name` (ASCII case ignored), ascending.
    pub fn named(&self, name: &str) -> &[usize] {
        lookup(&self.by_name, &ascii_lower(name))
    }

    /// The latest entity whose surname is `surname` (ASCII case ignored) and that
    /// passes `keep`.
    pub fn latest_with_surname(
        &self,
        surname: &str,
        keep: impl Fn(&Entity) -> bool,
    ) -> Option<usize> {
        let list = lookup(&self.by_surname, &ascii_lower(surname));
        list.iter()
            .rev()
            .copied()
            .find(|&i| keep(&self.entities[i]))
    }

    /// The latest entity with these initials that passes `keep`.
    pub fn latest_with_initials(
        &self,
        initials: &str,
        keep: impl Fn(&Entity) -> bool,
    ) -> Option<usize> {
        let list = lookup(&self.by_initials, initials);
        list.iter()
            .rev()
            .copied()
            .find(|&i| keep(&self.entities[i]))
    }

    /// The latest entity with `word` in its name or role that passes `keep`.
    pub fn latest_with_word(&self, word: &str, keep: impl Fn(&Entity) -> bool) -> Option<usize> {
        let list = lookup(&self.by_word, word);
        list.iter()
            .rev()
            .take(WORD_SCAN)
            .copied()
            .find(|&i| keep(&self.entities[i]))
    }

    /// The latest business (an organisation that is no public body) passing `keep`.
    pub fn latest_business(&self, keep: impl Fn(&Entity) -> bool) -> Option<usize> {
        self.businesses
            .iter()
            .rev()
            .take(WORD_SCAN)
            .copied()
            .find(|&i| keep(&self.entities[i]))
    }

    /// News organisations, ascending.
    pub fn media(&self) -> impl Iterator<Item = (usize, &Entity)> {
        self.media.iter().map(|&i| (i, &self.entities[i]))
    }
}

/// `s` with ASCII letters lowercased, inline (no allocation) when short: the key of the
/// name indexes.
fn ascii_lower(s: &str) -> compact_str::CompactString {
    let mut key = compact_str::CompactString::from(s);
    key.make_ascii_lowercase();
    key
}
