//! The App's claim-library methods: starting "Checked before" when the document or the
//! library changes, the Library panel's searches, indexing a saved project, taking in
//! the answers, and opening an earlier check at its claim. Every library access runs as
//! a background job ([`library_work`]).

use std::path::{Path, PathBuf};

use super::App;
use super::actions::Action;
use super::dialogs::Dialog;
use super::jobs::JobDone;
use super::library_work::{
    self, Findings, LibraryDone, LibrarySearch, LibraryStatus, MatchKey, claims_hash,
};
use super::notify::Level;
use super::panels::library_panel::library_window_ui;
use crate::library::claim_queries;
use crate::model::ClaimId;

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

impl App {
    /// The library folder: the one in the preferences, else `library` in the data folder.
    pub fn library_root(&self) -> Option<PathBuf> {
        self.prefs.library_root(self.data_dir.as_deref())
    }

    /// "Checked before" for the open document, as the window shows it.
    pub fn library_findings(&self) -> &Findings {
        &self.library.findings
    }

    /// Starts matching the open document's claims against the library when they, the
    /// document or the library changed since the last match. Cheap when nothing did: the
    /// claims are hashed only when the document's content changed.
    pub(super) fn library_tick(&mut self, ctx: &egui::Context) {
        // The folder is being typed in the Preferences: wait until it is closed.
        if matches!(self.ui.dialog, Some(Dialog::Preferences)) {
            return;
        }
        let root = self.library_root();
        self.library.panel.root.clone_from(&root);
        let (Some(root), Some(doc)) = (root, &self.doc) else {
            return;
        };
        let content = doc.content_key();
        let claims = match self.library.seen {
            Some((seen, hash)) if seen == content => hash,
            _ => {
                let hash = claims_hash(&claim_queries(&doc.project));
                self.library.seen = Some((content, hash));
                hash
            }
        };
        let key = MatchKey {
            generation: doc.generation,
            claims,
            root,
            library_rev: self.library.revision,
        };
        if self.library.asked.as_ref() == Some(&key) {
            return;
        }
        let queries = claim_queries(&doc.project);
        let own = doc.path.clone();
        let shared = self.library.shared.clone();
        self.library.asked = Some(key.clone());
        let work = move || {
            JobDone::Library(library_work::match_claims(
                &shared,
                key,
                &queries,
                own.as_deref(),
            ))
        };
        if let Err(e) = self
            .jobs
            .spawn(ctx, "library-match", "Looking for earlier checks…", work)
        {
            self.library.findings.status =
                LibraryStatus::Failed(format!("Could not look for earlier checks: {e}"));
        }
    }

    /// Draws the Library panel while it is open.
    pub(super) fn library_window_ui(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        library_window_ui(ctx, &mut self.library.panel, actions);
    }

    /// View ▸ Library…: opens the panel with the cursor in its search field.
    pub(super) fn show_library(&mut self, ctx: &egui::Context) {
        self.library.panel.open = true;
        self.library.panel.focus_search = true;
        ctx.request_repaint();
    }

    /// Runs a Library panel search in the background.
    pub(super) fn library_search(&mut self, ctx: &egui::Context, search: LibrarySearch) {
        let Some(root) = self.library_root() else {
            self.library.panel.status = LibraryStatus::Failed(
                "The claim library has no folder: set one in Preferences.".into(),
            );
            return;
        };
        self.library.searches += 1;
        let serial = self.library.searches;
        self.library.panel.asked = Some((serial, search.clone()));
        let shared = self.library.shared.clone();
        let work = move || JobDone::Library(library_work::search(&shared, &root, serial, &search));
        if let Err(e) = self
            .jobs
            .spawn(ctx, "library-search", "Searching the claim library…", work)
        {
            self.library.panel.results = Some((
                serial,
                Err(format!("Could not search the claim library: {e}")),
            ));
        }
    }

    /// A project was saved: add it to the library's index in the background.
    pub(super) fn library_saved(&mut self, ctx: &egui::Context, path: &Path) {
        let Some(root) = self.library_root() else {
            return;
        };
        let shared = self.library.shared.clone();
        let path = path.to_path_buf();
        let work = move || JobDone::Library(library_work::index_saved(&shared, &root, path));
        if let Err(e) = self.jobs.spawn(
            ctx,
            "library-index",
            "Adding the project to the claim library…",
            work,
        ) {
            self.notices
                .warning(format!("The project is not in the claim library yet: {e}"));
        }
    }

    /// Takes in a finished library job.
    pub(super) fn library_done(&mut self, ctx: &egui::Context, done: LibraryDone) {
        match done {
            LibraryDone::Matched { key, result } => {
                if self.library.asked.as_ref() != Some(&key) {
                    return;
                }
                let findings = &mut self.library.findings;
                findings.revision += 1;
                findings.generation = key.generation;
                match result {
                    Ok((claims, entries)) => {
                        findings.claims = claims;
                        findings.status = LibraryStatus::Ready { entries };
                    }
                    Err(line) => {
                        findings.claims.clear();
                        findings.status = LibraryStatus::Failed(line);
                    }
                }
                self.library.panel.status = findings.status.clone();
            }
            LibraryDone::Searched { serial, result } => {
                let result = result.map(|(hits, entries)| {
                    self.library.panel.status = LibraryStatus::Ready { entries };
                    hits
                });
                self.library.panel.results = Some((serial, result));
            }
            LibraryDone::Indexed { path, result } => self.library_indexed(ctx, &path, result),
        }
    }

    fn library_indexed(
        &mut self,
        ctx: &egui::Context,
        path: &Path,
        result: Result<(crate::library::UpdateReport, u64), String>,
    ) {
        match result {
            Ok((report, entries)) => {
                self.library.revision += 1;
                self.library.panel.status = LibraryStatus::Ready { entries };
                if !report.warnings.is_empty() {
                    self.notices.push(
                        Level::Warning,
                        "The claim library skipped some files:".to_owned(),
                        report.warnings,
                    );
                }
                if let Some((_, search)) = self.library.panel.asked.clone() {
                    self.library_search(ctx, search);
                }
            }
            Err(line) => self.notices.warning(format!(
                "{line} — {} was saved, but is not in the claim library yet.",
                path.display()
            )),
        }
    }

    /// Opens an earlier check: selects the claim if its project is the open one, else
    /// opens that project (asking about unsaved changes first) and selects it there.
    pub(super) fn open_earlier(&mut self, ctx: &egui::Context, file: PathBuf, claim: ClaimId) {
        if self
            .project_path()
            .is_some_and(|open| absolute(open) == absolute(&file))
        {
            self.select_earlier(ctx, claim);
            return;
        }
        self.library.open_at = Some((absolute(&file), claim));
        self.apply(ctx, Action::OpenPath(file));
    }

    /// A project opened: select the claim an earlier check pointed at, if it was this one.
    pub(super) fn library_opened(&mut self, ctx: &egui::Context) {
        let Some((file, claim)) = self.library.open_at.take() else {
            return;
        };
        if self.project_path().is_some_and(|p| absolute(p) == file) {
            self.select_earlier(ctx, claim);
        }
    }

    fn select_earlier(&mut self, ctx: &egui::Context, claim: ClaimId) {
        let exists = self.project().is_some_and(|p| p.claim(claim).is_some());
        if !exists {
            self.notices.warning(format!(
                "Claim {claim} is no longer in this project; it was changed since it was checked."
            ));
            return;
        }
        self.apply(
            ctx,
            Action::SelectClaim {
                claim: Some(claim),
                scroll_article: true,
            },
        );
        self.ui.table_scroll = true;
    }
}
