//! Applying actions: the only place the open project changes besides job results
//! (`done.rs`), and every change goes through the history as an [`Edit`].

use std::path::PathBuf;

use jiff::Timestamp;

use super::App;
use super::actions::{Action, Answer};
use super::dialogs::{AddClaimForm, Dialog};
use super::jobs;
use super::labels::ADDED_BY_HAND;
use super::panels::claim_detail::note_id;
use super::panels::claims_table::step;
use super::prefs::ZOOM_RANGE;
use super::requests::{ExportForm, Pending, PickPurpose, SourceChoice};
use super::widgets::SourcePick;
use crate::history::Edit;
use crate::model::{
    Claim, ClaimId, ClaimKind, ClaimSource, Origin, Project, Review, Source, Span, Verdict,
};

impl App {
    /// Applies one edit through the history; a refused edit is reported and changes nothing.
    pub(super) fn edit(&mut self, edit: Edit) {
        self.try_edit(edit);
    }

    /// Like [`App::edit`]; true if the edit was applied.
    pub(super) fn try_edit(&mut self, edit: Edit) -> bool {
        let Some(doc) = &mut self.doc else {
            return false;
        };
        match doc.history.apply(&mut doc.project, edit) {
            Ok(()) => true,
            Err(e) => {
                self.notices
                    .error(format!("Could not change the project: {e}"));
                false
            }
        }
    }

    /// Turns a picked or typed source into a claim source and, for a new one, the entry
    /// to register.
    fn resolve_source(
        project: &Project,
        choice: &SourceChoice,
    ) -> (Option<ClaimSource>, Option<Source>) {
        match choice {
            SourceChoice::None => (None, None),
            SourceChoice::Existing(id) => (
                Some(ClaimSource {
                    id: *id,
                    mention: None,
                }),
                None,
            ),
            SourceChoice::New { name, kind } => {
                let source = project.fresh_source(name, *kind);
                (
                    Some(ClaimSource {
                        id: source.id,
                        mention: None,
                    }),
                    Some(source),
                )
            }
        }
    }

    fn select(
        &mut self,
        ctx: &egui::Context,
        claim: Option<ClaimId>,
        scroll_article: bool,
        scroll_table: bool,
    ) {
        if let Some(doc) = &mut self.doc {
            doc.history.seal();
        }
        if self.ui.selected != claim {
            // Leave the old claim's note field, so typing cannot continue into another claim.
            ctx.memory_mut(egui::Memory::stop_text_input);
        }
        self.ui.selected = claim;
        if scroll_article {
            self.ui.article.scroll_to = claim;
        }
        self.ui.table_scroll |= scroll_table;
    }

    /// Does what `action` asks, if it makes sense now: one line per action, each naming
    /// the method that does it.
    pub(super) fn apply(&mut self, ctx: &egui::Context, action: Action) {
        if !action.enabled(&self.availability()) {
            return;
        }
        match action {
            // File
            Action::NewFromArticle => self.pick(ctx, PickPurpose::ImportArticle),
            Action::NewFromLink => self.new_from_link(ctx),
            Action::FetchLink(url) => self.fetch_link(ctx, url),
            Action::CancelFetch(job) => self.cancel_fetch(job),
            Action::OpenProject => self.pick(ctx, PickPurpose::OpenProject),
            Action::UpdateArticle => self.pick(ctx, PickPurpose::UpdateArticle),
            Action::OpenPath(path) => self.open_unless_unsaved(ctx, path),
            Action::Save => self.save(ctx, false),
            Action::SaveAs => self.pick(ctx, PickPurpose::SaveAs),
            Action::SaveTo(path) => self.save_to(ctx, path, None, true),
            Action::ExportReport => self.show_export(),
            Action::ChooseExportFile(form) => {
                self.ui.export = form.clone();
                self.pick(ctx, PickPurpose::Export(form));
            }
            Action::Export { form, path } => self.export(ctx, &form, path),
            Action::ClearRecent => self.prefs.recent.clear(),
            Action::OpenBackup(path) => self.open_backup(ctx, path),
            Action::ShowMessages => {
                self.ui.dialog = Some(Dialog::Messages(self.notices.log().to_vec()));
            }
            Action::ListFolder(dir) => self.list_folder(ctx, dir),
            Action::PickedFile { purpose, path } => self.picked_path(ctx, purpose, path),
            Action::Quit => self.quit(ctx),
            // Edit
            Action::Undo => self.undo_redo(ctx, true),
            Action::Redo => self.undo_redo(ctx, false),
            Action::AddClaimFromSelection => self.show_add_claim(),
            Action::AddClaim { span, kind, source } => self.add_claim(ctx, span, kind, &source),
            Action::DeleteClaim => self.delete_selected(ctx),
            Action::SetClaimSource { claim, source } => self.set_claim_source(claim, &source),
            Action::SetClaimKind { claim, kind } => self.edit(Edit::SetClaimKind { claim, kind }),
            Action::SetExtentFromSelection => self.set_extent_from_selection(ctx),
            Action::AttachOrphan(orphan) => self.attach_orphan(ctx, orphan),
            Action::DeleteOrphan(orphan) => self.edit(Edit::DeleteOrphan { claim: orphan }),
            Action::RerunExtraction => self.rerun_extraction(ctx),
            Action::Preferences => self.ui.dialog = Some(Dialog::Preferences),
            Action::NewFromClipboard => self.new_from_clipboard(ctx),
            Action::CreateFromText(text) => self.create_from_text(ctx, text),
            Action::PastedText(text) => self.pasted_outside_a_field(ctx, &text),
            // Review
            Action::SetVerdict(verdict) => self.set_verdict(verdict),
            Action::NextClaim => self.step_selection(ctx, true),
            Action::PrevClaim => self.step_selection(ctx, false),
            Action::EditNote => self.focus_note(ctx),
            Action::SetNote { claim, note } => self.edit(Edit::SetNote { claim, note }),
            Action::AddEvidence { claim, evidence } => {
                self.edit(Edit::AddEvidence { claim, evidence });
            }
            Action::UpdateEvidence {
                claim,
                index,
                evidence,
            } => self.edit(Edit::UpdateEvidence {
                claim,
                index,
                evidence,
            }),
            Action::RemoveEvidence { claim, index } => {
                self.edit(Edit::RemoveEvidence { claim, index });
            }
            Action::OpenUrl(url) => ctx.open_url(egui::OpenUrl::new_tab(url)),
            Action::SealHistory => self.seal_history(),
            // View
            Action::SelectClaim {
                claim,
                scroll_article,
            } => self.select(ctx, claim, scroll_article, !scroll_article),
            Action::FilterSource(source) => self.ui.filter.source = source,
            Action::ToggleSources => self.prefs.sources_open = !self.prefs.sources_open,
            Action::ToggleTheme => self.prefs.dark = !self.prefs.dark,
            Action::ZoomIn => self.prefs.zoom = (self.prefs.zoom + 0.1).min(ZOOM_RANGE.1),
            Action::ZoomOut => self.prefs.zoom = (self.prefs.zoom - 0.1).max(ZOOM_RANGE.0),
            Action::ZoomReset => self.prefs.zoom = 1.0,
            // Claim library
            Action::ShowLibrary => self.show_library(ctx),
            Action::SearchLibrary(search) => self.library_search(ctx, search),
            Action::OpenEarlierCheck { file, claim } => self.open_earlier(ctx, file, claim),
            // Prompts
            Action::Answer(answer) => self.answer(ctx, answer),
        }
    }

    fn open_unless_unsaved(&mut self, ctx: &egui::Context, path: PathBuf) {
        if self.is_dirty() {
            self.ask_unsaved(Pending::Open(path));
        } else {
            self.open_path(ctx, path);
        }
    }

    /// The Export dialog, starting from the last export's choices and the organisation
    /// in the preferences.
    fn show_export(&mut self) {
        let form = ExportForm {
            organization: self.prefs.organization.clone(),
            ..self.ui.export.clone()
        };
        self.ui.dialog = Some(Dialog::Export(form));
    }

    fn quit(&mut self, ctx: &egui::Context) {
        if self.is_dirty() {
            self.ask_unsaved(Pending::Close);
        } else {
            self.allow_close = true;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    /// Undoes or redoes one step, then selects the claim it changed and scrolls the
    /// article and the table to it, so the user sees what changed.
    fn undo_redo(&mut self, ctx: &egui::Context, undo: bool) {
        let Some(doc) = &mut self.doc else { return };
        let before = doc.project.claims.clone();
        let done = if undo {
            doc.history.undo(&mut doc.project)
        } else {
            doc.history.redo(&mut doc.project)
        };
        if done.is_none() {
            return;
        }
        if let Some(id) = changed_claim(&before, &doc.project.claims) {
            self.select(ctx, Some(id), true, true);
        }
    }

    fn seal_history(&mut self) {
        if let Some(doc) = &mut self.doc {
            doc.history.seal();
        }
    }

    /// The Add claim dialog for the passage selected in the article.
    fn show_add_claim(&mut self) {
        let Some(doc) = &self.doc else { return };
        let text = &doc.project.article.text;
        if let Some(span) = self.ui.article.selected_span(text) {
            self.ui.dialog = Some(Dialog::AddClaim(AddClaimForm {
                span,
                kind: guess_kind(span.slice(text).unwrap_or_default()),
                source: SourcePick::new(None),
            }));
        }
    }

    /// Deletes the selected claim and selects the next one in table order.
    fn delete_selected(&mut self, ctx: &egui::Context) {
        let Some(id) = self.ui.selected else { return };
        let ids = self.table_ids();
        let next = step(&ids, Some(id), true)
            .filter(|n| *n != id)
            .or_else(|| step(&ids, Some(id), false));
        self.edit(Edit::DeleteClaim { claim: id });
        self.select(ctx, next.filter(|n| *n != id), true, true);
    }

    fn set_claim_source(&mut self, claim: ClaimId, choice: &SourceChoice) {
        let Some(doc) = &self.doc else { return };
        let (source, new_source) = Self::resolve_source(&doc.project, choice);
        self.edit(Edit::SetClaimSource {
            claim,
            source,
            new_source,
        });
    }

    fn rerun_extraction(&mut self, ctx: &egui::Context) {
        let Some(doc) = &self.doc else { return };
        let work = jobs::extract(&doc.project, doc.generation);
        if let Err(e) = self.jobs.spawn(ctx, "extract", "Extracting claims…", work) {
            self.notices
                .error(format!("Could not start extraction: {e}"));
        }
    }

    fn set_verdict(&mut self, verdict: Verdict) {
        let Some(claim) = self.ui.selected else {
            return;
        };
        self.edit(Edit::SetVerdict {
            claim,
            verdict,
            reviewer: self.prefs.reviewer_name(),
            at: Some(Timestamp::now()),
        });
    }

    /// J / K: the next or previous claim in table order.
    fn step_selection(&mut self, ctx: &egui::Context, forward: bool) {
        let ids = self.table_ids();
        let next = step(&ids, self.ui.selected, forward);
        self.select(ctx, next, true, true);
    }

    fn focus_note(&mut self, ctx: &egui::Context) {
        if let Some(claim) = self.ui.selected {
            ctx.memory_mut(|m| m.request_focus(note_id(claim)));
        }
    }

    /// The claims in table order (filtered and sorted as shown).
    fn table_ids(&self) -> Vec<ClaimId> {
        self.doc
            .as_ref()
            .map(|d| self.ui.table.ids(&d.project).collect())
            .unwrap_or_default()
    }

    fn add_claim(
        &mut self,
        ctx: &egui::Context,
        span: Span,
        kind: ClaimKind,
        source: &SourceChoice,
    ) {
        let Some(doc) = &self.doc else { return };
        let project = &doc.project;
        let (claim_source, new_source) = Self::resolve_source(project, source);
        let id = project.fresh_claim_id();
        let claim = Claim {
            id,
            span,
            kind,
            source: claim_source,
            cue: None,
            reported_in: None,
            score: 1.0,
            reasons: [ADDED_BY_HAND].into(),
            origin: Origin::Manual,
            review: Review::default(),
        };
        self.edit(Edit::AddClaim {
            claim: Box::new(claim),
            new_source,
        });
        if self
            .doc
            .as_ref()
            .is_some_and(|d| d.project.claim(id).is_some())
        {
            self.ui.article.selection = None;
            self.select(ctx, Some(id), false, true);
        }
    }

    fn answer(&mut self, ctx: &egui::Context, answer: Answer) {
        let dialog = self.ui.dialog.take();
        match (answer, dialog) {
            (Answer::Save, Some(Dialog::Unsaved { then, .. })) => {
                self.after_save = Some(then);
                self.save(ctx, false);
            }
            (Answer::Discard, Some(Dialog::Unsaved { then, .. })) => {
                if let Some(recovery) = self.recovery_file() {
                    self.drop_recovery(ctx, recovery);
                }
                self.proceed(ctx, then);
            }
            (Answer::Recover, Some(Dialog::Recover(offer))) => {
                let shown = offer.recovery.display().to_string();
                if let Err(e) =
                    self.jobs
                        .spawn(ctx, "recover", format!("Reading {shown}…"), move || {
                            jobs::recover(offer)
                        })
                {
                    self.notices.error(format!("Could not start recovery: {e}"));
                }
            }
            (Answer::DiscardRecovery, Some(Dialog::Recover(offer))) => {
                self.drop_recovery(ctx, offer.recovery);
            }
            (Answer::Overwrite, Some(Dialog::ChangedOnDisk { .. })) => self.save(ctx, true),
            (_, _) => self.after_save = None,
        }
    }

    /// Goes on with what the unsaved-changes prompt interrupted.
    pub(super) fn proceed(&mut self, ctx: &egui::Context, then: Pending) {
        match then {
            Pending::Close => {
                self.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Pending::Open(path) => self.open_path(ctx, path),
            Pending::NewFromLink => self.show_link_dialog(ctx),
            Pending::NewFromClipboard => self.show_paste_dialog(ctx),
        }
    }
}

/// The first claim, in text order, that `after` has and `before` has not or had
/// differently (one pass over each list).
fn changed_claim(before: &[Claim], after: &[Claim]) -> Option<ClaimId> {
    let old: std::collections::BTreeMap<ClaimId, &Claim> =
        before.iter().map(|c| (c.id, c)).collect();
    after
        .iter()
        .find(|c| old.get(&c.id).is_none_or(|o| *o != *c))
        .map(|c| c.id)
}

/// A first guess at a hand-added claim's kind: quoted text is a quote, text with digits
/// a statistic, anything else a fact.
fn guess_kind(text: &str) -> ClaimKind {
    let t = text.trim();
    if t.starts_with(['"', '“', '‘', '\'']) {
        ClaimKind::Quote
    } else if t.chars().any(|c| c.is_ascii_digit()) {
        ClaimKind::Statistic
    } else {
        ClaimKind::Fact
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_changed_claim_is_the_one_that_differs_or_is_new() {
        let claim = |id: u32, start: usize, end: usize| Claim {
            id: ClaimId(id),
            span: Span::new(start, end),
            kind: ClaimKind::Fact,
            source: None,
            cue: None,
            reported_in: None,
            score: 0.5,
            reasons: crate::model::Reasons::new(),
            origin: Origin::Manual,
            review: Review::default(),
        };
        let before = vec![claim(1, 0, 10), claim(2, 11, 22)];
        let mut after = before.clone();
        assert_eq!(changed_claim(&before, &after), None);
        after[1].review.note = "checked".into();
        assert_eq!(changed_claim(&before, &after), Some(ClaimId(2)));
        let added = vec![claim(3, 0, 3), before[0].clone(), before[1].clone()];
        assert_eq!(changed_claim(&before, &added), Some(ClaimId(3)));
        assert_eq!(changed_claim(&before, &before[..1]), None);
    }

    #[test]
    fn kind_guess_from_the_selected_text() {
        assert_eq!(guess_kind("“We will not back down”"), ClaimKind::Quote);
        assert_eq!(guess_kind("tolls rose 37 percent"), ClaimKind::Statistic);
        assert_eq!(guess_kind("the bridge is unsafe"), ClaimKind::Fact);
    }
}
