//! Explicit undo/redo for every project edit the fact-check window makes.
//!
//! The window's panels emit actions; the app turns them into [`Edit`]s and applies them
//! through [`History::apply`], which validates the edit, applies it and records its exact
//! inverse. Undo and redo restore the project exactly, and each entry has a label for the
//! menu ("Undo set verdict: Disputed").
//!
//! Typing is not one entry per keystroke: consecutive [`Edit::SetNote`] edits on one claim
//! (and [`Edit::UpdateEvidence`] edits on one piece of evidence) share an entry until
//! [`History::seal`] is called, as the app does when the field loses focus.
//!
//! Unsaved changes are tracked by revision: every recorded edit gives the project a new
//! revision, undo and redo return to the revisions they had, and the project is dirty when
//! its revision is not the one last saved.
//!
//! ```
//! use claimdesk::history::{Edit, History};
//! use claimdesk::model::{Article, Claim, ClaimId, ClaimKind, Origin, Project, Review, Span, Verdict};
//!
//! let claim = Claim {
//!     id: ClaimId(1),
//!     span: Span::new(0, 19),
//!     kind: ClaimKind::Fact,
//!     source: None,
//!     cue: None,
//!     reported_in: None,
//!     score: 0.5,
//!     reasons: claimdesk::model::Reasons::new(),
//!     origin: Origin::Extracted,
//!     review: Review::default(),
//! };
//! let mut project = Project::new(Article::from_text("t", "The ferry runs late."), vec![], vec![claim]);
//! let original = project.clone();
//! let mut history = History::new();
//!
//! let edit = Edit::SetVerdict { claim: ClaimId(1), verdict: Verdict::Disputed, reviewer: None, at: None };
//! history.apply(&mut project, edit)?;
//! assert!(history.is_dirty());
//! assert_eq!(history.undo_label().as_deref(), Some("Undo set verdict: Disputed"));
//!
//! assert_eq!(history.undo(&mut project).as_deref(), Some("Set verdict: Disputed"));
//! assert_eq!(project, original);
//! assert!(!history.is_dirty());
//! # Ok::<(), claimdesk::history::EditError>(())
//! ```

mod change;
mod edit;
mod plan;

use std::collections::VecDeque;

pub use edit::{Edit, EditError};

use crate::model::Project;
use change::Change;
use plan::MergeKey;

/// The undo and redo stacks of one open project, with its revision.
///
/// Entries refer to claims by id and to list positions, so while a history holds entries
/// the project must change only through it; after changing the project any other way
/// (opening another file, re-anchoring), call [`History::clear`] or start a new history.
#[derive(Clone, Debug)]
pub struct History {
    undo: VecDeque<Entry>,
    redo: Vec<Entry>,
    cap: usize,
    /// The current state's revision.
    revision: u64,
    /// The last revision handed out; revisions are never reused.
    issued: u64,
    /// The revision last saved, if it can still be reached.
    saved: Option<u64>,
    /// Set when the next edit must not coalesce with the last entry.
    sealed: bool,
    /// The revision at which the article text last changed (see
    /// [`History::article_revision`]).
    article: u64,
}

/// One undoable step.
#[derive(Clone, Debug)]
struct Entry {
    label: String,
    /// Applied (redo) in order, undone in reverse; each change holds the other state.
    changes: Vec<Change>,
    /// Revision before and after the step.
    before: u64,
    after: u64,
    merge: Option<MergeKey>,
}

impl Default for History {
    fn default() -> Self {
        Self::new()
    }
}

impl History {
    /// How many entries the undo stack keeps by default.
    pub const DEFAULT_CAP: usize = 1000;

    /// An empty history keeping [`History::DEFAULT_CAP`] entries. The project it starts
    /// with counts as saved; see [`History::mark_unsaved`] for one that never was.
    pub fn new() -> Self {
        Self::with_cap(Self::DEFAULT_CAP)
    }

    /// An empty history keeping at most `cap` undo entries; the oldest go first.
    pub fn with_cap(cap: usize) -> Self {
        Self {
            undo: VecDeque::new(),
            redo: Vec::new(),
            cap,
            revision: 0,
            issued: 0,
            saved: Some(0),
            sealed: true,
            article: 0,
        }
    }

    /// The most undo entries kept.
    pub fn cap(&self) -> usize {
        self.cap
    }

    /// Validates `edit` against `project`, applies it and records how to undo it.
    ///
    /// A refused edit changes neither the project nor the history. An edit that would
    /// change nothing (the verdict or note the claim already has) records nothing. A
    /// recorded edit drops the redo entries and, unless sealed, may coalesce with the
    /// previous entry (see [`History::seal`]).
    pub fn apply(&mut self, project: &mut Project, edit: Edit) -> Result<(), EditError> {
        let label = edit.label_in(project);
        let plan = plan::plan(project, edit)?;
        if plan.changes.is_empty() {
            return Ok(());
        }
        let mut changes = plan.changes;
        for change in &mut changes {
            change.toggle(project);
        }
        self.redo.clear();
        self.issued += 1;
        let after = self.issued;

        if let Some(key) = plan.merge
            && !self.sealed
            && let Some(last) = self.undo.back_mut()
            && last.merge == Some(key)
        {
            // The last entry already holds the state before the first merged edit; the
            // new changes (holding the intermediate state) are dropped.
            if last.changes.iter().all(|c| c.is_noop(project)) {
                // Typed back to where the entry started: nothing left to undo. Seal, so
                // the next keystroke does not reach past an earlier seal.
                self.revision = last.before;
                self.undo.pop_back();
                self.sealed = true;
            } else {
                last.label = label;
                last.after = after;
                self.revision = after;
            }
            return Ok(());
        }

        if changes.iter().any(Change::touches_article) {
            self.article = after;
        }
        self.undo.push_back(Entry {
            label,
            changes,
            before: self.revision,
            after,
            merge: plan.merge,
        });
        self.revision = after;
        self.sealed = false;
        while self.undo.len() > self.cap {
            self.undo.pop_front();
        }
        Ok(())
    }

    /// Undoes the last entry; returns its label ("Set verdict: Disputed"), or `None` if
    /// there is nothing to undo.
    pub fn undo(&mut self, project: &mut Project) -> Option<String> {
        let mut entry = self.undo.pop_back()?;
        for change in entry.changes.iter_mut().rev() {
            change.toggle(project);
        }
        self.revision = entry.before;
        self.note_article_change(&entry);
        self.sealed = true;
        let label = entry.label.clone();
        self.redo.push(entry);
        Some(label)
    }

    /// Redoes the last undone entry; returns its label, or `None` if there is nothing to
    /// redo.
    pub fn redo(&mut self, project: &mut Project) -> Option<String> {
        let mut entry = self.redo.pop()?;
        for change in &mut entry.changes {
            change.toggle(project);
        }
        self.revision = entry.after;
        self.note_article_change(&entry);
        self.sealed = true;
        let label = entry.label.clone();
        self.undo.push_back(entry);
        Some(label)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// "Undo set verdict: Disputed", for the Edit menu.
    pub fn undo_label(&self) -> Option<String> {
        self.undo
            .back()
            .map(|e| format!("Undo {}", lower_first(&e.label)))
    }

    /// "Redo set verdict: Disputed", for the Edit menu.
    pub fn redo_label(&self) -> Option<String> {
        self.redo
            .last()
            .map(|e| format!("Redo {}", lower_first(&e.label)))
    }

    /// Ends coalescing: the next note or evidence edit starts a new entry. The app calls
    /// this when a text field loses focus or another claim is selected; undo, redo, save
    /// and clear seal too.
    pub fn seal(&mut self) {
        self.sealed = true;
    }

    /// The project's revision: it changes with every recorded edit, undo and redo, and
    /// equal revisions mean identical projects (within this history). Compare with `!=`;
    /// undo goes back to earlier numbers.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// A key for the article text: equal values mean the same text (within this
    /// history). It changes only when an edit, undo or redo replaces the article, so
    /// caches of the laid-out text survive verdict and note edits.
    pub fn article_revision(&self) -> u64 {
        self.article
    }

    fn note_article_change(&mut self, entry: &Entry) {
        if entry.changes.iter().any(Change::touches_article) {
            self.article = self.revision;
        }
    }

    /// True if the project differs from the state last saved.
    pub fn is_dirty(&self) -> bool {
        self.saved != Some(self.revision)
    }

    /// Records that the project, as it is now, was saved.
    pub fn mark_saved(&mut self) {
        self.saved = Some(self.revision);
        self.sealed = true;
    }

    /// Forgets the saved state: dirty until the next [`History::mark_saved`] (for a
    /// project that was imported and never saved).
    pub fn mark_unsaved(&mut self) {
        self.saved = None;
    }

    /// Forgets every undo and redo entry. The revision and saved state stay, as the
    /// project itself does not change.
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
        self.sealed = true;
    }
}

/// "Set verdict: Disputed" -> "set verdict: Disputed".
fn lower_first(label: &str) -> String {
    let mut chars = label.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_lowercase().chain(chars).collect()
    })
}

#[cfg(test)]
mod tests;
