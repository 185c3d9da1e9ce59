//! Correcting where claims sit: a claim's extent set from the article selection, orphans
//! attached to a passage again, and a corrected version of the article read in with
//! every claim placed again. Each is one undoable edit.

use std::path::{Path, PathBuf};

use super::App;
use super::article_update::{ArticleUpdate, read_update};
use super::jobs::JobDone;
use super::notify::Level;
use crate::history::Edit;
use crate::model::ClaimId;

impl App {
    /// The selected claim takes the passage selected in the article as its extent.
    pub(super) fn set_extent_from_selection(&mut self, ctx: &egui::Context) {
        let (Some(doc), Some(claim)) = (&self.doc, self.ui.selected) else {
            return;
        };
        let Some(span) = self.ui.article.selected_span(&doc.project.article.text) else {
            return;
        };
        if self.try_edit(Edit::SetClaimSpan { claim, span }) {
            self.ui.article.selection = None;
            self.ui.table_scroll = true;
            ctx.request_repaint();
        }
    }

    /// Places `orphan` at the passage selected in the article and selects it.
    pub(super) fn attach_orphan(&mut self, ctx: &egui::Context, orphan: ClaimId) {
        let Some(doc) = &self.doc else { return };
        let Some(span) = self.ui.article.selected_span(&doc.project.article.text) else {
            return;
        };
        if self.try_edit(Edit::AttachOrphan {
            claim: orphan,
            span,
        }) {
            self.ui.article.selection = None;
            self.ui.selected = Some(orphan);
            self.ui.table_scroll = true;
            ctx.request_repaint();
        }
    }

    /// Reads the corrected article at `path` in the background and places the open
    /// project's claims in it.
    pub(super) fn update_article_from(&mut self, ctx: &egui::Context, path: PathBuf) {
        let Some(doc) = &self.doc else { return };
        let project = doc.project.clone();
        let (generation, revision) = (doc.generation, doc.history.revision());
        let shown = file_label(&path);
        if let Err(e) = self.jobs.spawn(
            ctx,
            "update-article",
            format!("Placing the claims in {shown}…"),
            move || JobDone::ArticleUpdated {
                result: read_update(&path, &project),
                path,
                generation,
                revision,
            },
        ) {
            self.notices
                .error(format!("Could not start updating the article: {e}"));
        }
    }

    /// The corrected article came back: swap it in (one undoable step) and say what
    /// happened to the claims.
    pub(super) fn article_updated(
        &mut self,
        path: &Path,
        (generation, revision): (u64, u64),
        result: Result<ArticleUpdate, String>,
    ) {
        let update = match result {
            Ok(update) => update,
            Err(e) => {
                self.notices.error(e);
                return;
            }
        };
        let Some(doc) = &self.doc else { return };
        if doc.generation != generation {
            return;
        }
        if doc.history.revision() != revision {
            self.notices.error(format!(
                "{}: the project changed while the article was being updated; \
                 choose File › Update article… again",
                file_label(path)
            ));
            return;
        }
        let ArticleUpdate {
            project,
            summary,
            mut warnings,
        } = update;
        if !self.try_edit(Edit::UpdateArticle {
            project: Box::new(project),
        }) {
            return;
        }
        self.ui.article.selection = None;
        warnings.extend(summary.warnings.iter().cloned());
        let mut text = format!(
            "Updated the article from {}: {}",
            file_label(path),
            summary.line()
        );
        let orphaned = summary.orphaned.len() + summary.still_orphans;
        if orphaned > 0 {
            text.push_str(
                ". Orphans are listed above the claims table: select their passage in the \
                 article and attach them, or delete them",
            );
        }
        text.push_str(". Re-run extraction to find claims in new passages.");
        let level = if orphaned > 0 || !warnings.is_empty() {
            Level::Warning
        } else {
            Level::Info
        };
        self.notices.push(level, text, warnings);
    }
}

fn file_label(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
