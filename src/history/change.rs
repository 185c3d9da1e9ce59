//! Primitive, self-inverse project changes: what a history entry actually stores.
//!
//! Each [`Change`] holds the value to put into the project. [`Change::toggle`] swaps it
//! with the project's current value, so afterwards the change holds what was there
//! before and toggling again restores it exactly. An entry is a list of changes: toggled
//! in order to apply or redo, in reverse order to undo.

use crate::model::{Claim, Orphan, Project, Source};

#[derive(Clone, Debug)]
pub(super) enum Change {
    /// Swaps the claim with the same id.
    Claim(Box<Claim>),
    /// Swaps the registry entry with the same id.
    Source(Box<Source>),
    /// `Some`: inserts the claim at `index`. `None`: removes the claim at `index` and keeps it.
    ClaimSlot {
        index: usize,
        claim: Option<Box<Claim>>,
    },
    /// `Some`: inserts the source at `index`. `None`: removes the source at `index` and keeps it.
    SourceSlot {
        index: usize,
        source: Option<Box<Source>>,
    },
    /// Swaps the next free ids.
    Counters {
        next_claim_id: u32,
        next_source_id: u32,
    },
    /// Swaps the whole source and claim lists.
    Lists {
        sources: Vec<Source>,
        claims: Vec<Claim>,
    },
    /// `Some`: inserts the orphan at `index`. `None`: removes the orphan at `index` and keeps it.
    OrphanSlot {
        index: usize,
        orphan: Option<Box<Orphan>>,
    },
    /// Swaps the whole project (a new version of the article with its claims).
    Project(Box<Project>),
}

impl Change {
    /// Applies the change and turns it into its own inverse.
    ///
    /// History is the only writer of the project between `apply` and `undo`, so the
    /// targets exist; if the project was changed behind its back, a missing target is
    /// skipped rather than panicking.
    pub(super) fn toggle(&mut self, project: &mut Project) {
        match self {
            Change::Claim(claim) => {
                if let Some(slot) = project.claim_mut(claim.id) {
                    std::mem::swap(slot, claim);
                }
            }
            Change::Source(source) => {
                if let Some(slot) = project.sources.iter_mut().find(|s| s.id == source.id) {
                    std::mem::swap(slot, source);
                }
            }
            Change::ClaimSlot { index, claim } => toggle_slot(&mut project.claims, *index, claim),
            Change::SourceSlot { index, source } => {
                toggle_slot(&mut project.sources, *index, source);
            }
            Change::Counters {
                next_claim_id,
                next_source_id,
            } => {
                std::mem::swap(&mut project.next_claim_id, next_claim_id);
                std::mem::swap(&mut project.next_source_id, next_source_id);
            }
            Change::Lists { sources, claims } => {
                std::mem::swap(&mut project.sources, sources);
                std::mem::swap(&mut project.claims, claims);
            }
            Change::OrphanSlot { index, orphan } => {
                toggle_slot(&mut project.orphans, *index, orphan);
            }
            Change::Project(other) => std::mem::swap(project, other),
        }
    }

    /// True if toggling changes the article text.
    pub(super) fn touches_article(&self) -> bool {
        matches!(self, Change::Project(_))
    }

    /// True if toggling would leave `project` as it is (checked for whole-claim swaps
    /// only; other changes are never empty once planned).
    pub(super) fn is_noop(&self, project: &Project) -> bool {
        match self {
            Change::Claim(claim) => project.claim(claim.id) == Some(&**claim),
            _ => false,
        }
    }
}

fn toggle_slot<T>(list: &mut Vec<T>, index: usize, held: &mut Option<Box<T>>) {
    match held.take() {
        Some(item) => list.insert(index.min(list.len()), *item),
        None => {
            if index < list.len() {
                *held = Some(Box::new(list.remove(index)));
            }
        }
    }
}
