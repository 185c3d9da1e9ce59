//! Applying actions and job results. This is the only place the open project changes,
//! and every change goes through the history as an [`Edit`].

use std::path::PathBuf;

use jiff::Timestamp;

use super::actions::{Action, Answer};
use super::dialogs::{AddClaimForm, Dialog, ExportForm, Pending, SourcePick};
use super::jobs::{JobDone, PickPurpose, SaveFailure};
use super::panels::claim_detail::note_id;
use super::panels::claims_table::step;
use super::state::{Document, SourceChoice, ZOOM_RANGE};
use super::{App, jobs, rerun};
use crate::history::{Edit, History};
use crate::model::{Claim, ClaimKind, ClaimSource, Origin, Project, Review, Source, Span};
use crate::project::{FileStamp, Loaded};

impl App {
    /// Applies one edit through the history; a refused edit is reported and changes nothing.
    fn edit(&mut self, edit: Edit) {
        let Some(doc) = &mut self.doc else { return };
        if let Err(e) = doc.history.apply(&mut doc.project, edit) {
            self.notices
                .error(format!("Could not change the project: {e}"));
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
        claim: Option<crate::model::ClaimId>,
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

    pub(super) fn apply(&mut self, ctx: &egui::Context, action: Action) {
        let on = self.availability();
        if !action.enabled(&on) {
            return;
        }
        let selected = self.ui.selected;
        match action {
            Action::NewFromArticle => self.pick(ctx, PickPurpose::ImportArticle),
            Action::OpenProject => self.pick(ctx, PickPurpose::OpenProject),
            Action::OpenPath(path) => {
                if self.is_dirty() {
                    self.ask_unsaved(Pending::Open(path));
                } else {
                    self.open_path(ctx, path);
                }
            }
            Action::Save => self.save(ctx, false),
            Action::SaveAs => self.pick(ctx, PickPurpose::SaveAs),
            Action::SaveTo(path) => self.save_to(ctx, path, None, true),
            Action::ExportReport => {
                let form = ExportForm {
                    organization: self.prefs.organization.clone(),
                    ..self.ui.export.clone()
                };
                self.ui.dialog = Some(Dialog::Export(form));
            }
            Action::ChooseExportFile(form) => {
                self.ui.export = form.clone();
                self.pick(ctx, PickPurpose::Export(form));
            }
            Action::Export { form, path } => self.export(ctx, &form, path),
            Action::ClearRecent => self.prefs.recent.clear(),
            Action::Quit => {
                if self.is_dirty() {
                    self.ask_unsaved(Pending::Close);
                } else {
                    self.allow_close = true;
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
            }
            Action::Undo | Action::Redo => {
                let Some(doc) = &mut self.doc else { return };
                if matches!(action, Action::Undo) {
                    doc.history.undo(&mut doc.project);
                } else {
                    doc.history.redo(&mut doc.project);
                }
            }
            Action::AddClaimFromSelection => {
                let Some(doc) = &self.doc else { return };
                if let Some(span) = self.ui.article.selected_span(&doc.project.article.text) {
                    self.ui.dialog = Some(Dialog::AddClaim(AddClaimForm {
                        span,
                        kind: guess_kind(
                            doc.project
                                .article
                                .text
                                .get(span.start..span.end)
                                .unwrap_or_default(),
                        ),
                        source: SourcePick::new(None),
                    }));
                }
            }
            Action::AddClaim { span, kind, source } => self.add_claim(ctx, span, kind, &source),
            Action::DeleteClaim => {
                let Some(id) = selected else { return };
                let ids: Vec<_> = self
                    .doc
                    .as_ref()
                    .map(|d| self.ui.table.ids(&d.project).collect())
                    .unwrap_or_default();
                let next = step(&ids, Some(id), true)
                    .filter(|n| *n != id)
                    .or_else(|| step(&ids, Some(id), false));
                self.edit(Edit::DeleteClaim { claim: id });
                self.select(ctx, next.filter(|n| *n != id), true, true);
            }
            Action::SetClaimSource { claim, source } => {
                let Some(doc) = &self.doc else { return };
                let (source, new_source) = Self::resolve_source(&doc.project, &source);
                self.edit(Edit::SetClaimSource {
                    claim,
                    source,
                    new_source,
                });
            }
            Action::SetClaimKind { claim, kind } => self.edit(Edit::SetClaimKind { claim, kind }),
            Action::RerunExtraction => {
                let Some(doc) = &self.doc else { return };
                let work = jobs::extract(&doc.project, doc.generation);
                if let Err(e) = self.jobs.spawn(ctx, "extract", "Extracting claims…", work) {
                    self.notices
                        .error(format!("Could not start extraction: {e}"));
                }
            }
            Action::Preferences => self.ui.dialog = Some(Dialog::Preferences),
            Action::SetVerdict(verdict) => {
                let Some(claim) = selected else { return };
                self.edit(Edit::SetVerdict {
                    claim,
                    verdict,
                    reviewer: self.prefs.reviewer_name(),
                    at: Some(Timestamp::now()),
                });
            }
            Action::NextClaim | Action::PrevClaim => {
                let Some(doc) = &self.doc else { return };
                let ids: Vec<_> = self.ui.table.ids(&doc.project).collect();
                let next = step(&ids, selected, matches!(action, Action::NextClaim));
                self.select(ctx, next, true, true);
            }
            Action::EditNote => {
                if let Some(claim) = selected {
                    ctx.memory_mut(|m| m.request_focus(note_id(claim)));
                }
            }
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
            Action::SealHistory => {
                if let Some(doc) = &mut self.doc {
                    doc.history.seal();
                }
            }
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
            Action::Answer(answer) => self.answer(ctx, answer),
        }
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
            score: 1.0,
            reasons: vec!["added by hand".to_owned()],
            origin: Origin::Manual,
            review: Review::default(),
        };
        self.edit(Edit::AddClaim { claim, new_source });
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
    fn proceed(&mut self, ctx: &egui::Context, then: Pending) {
        match then {
            Pending::Close => {
                self.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Pending::Open(path) => self.open_path(ctx, path),
        }
    }

    /// Makes `project` the open document.
    fn set_document(
        &mut self,
        project: Project,
        path: Option<PathBuf>,
        stamp: Option<FileStamp>,
        saved: bool,
    ) {
        self.generations += 1;
        let mut history = History::new();
        if !saved {
            history.mark_unsaved();
        }
        self.doc = Some(Document {
            project,
            history,
            path: path.clone(),
            stamp,
            generation: self.generations,
        });
        self.ui.reset_for_new_document();
        self.forget_autosave();
        if let Some(path) = path {
            self.prefs.remember(&path);
            self.prefs.last_project = Some(path);
        }
    }

    fn loaded(&mut self, path: PathBuf, loaded: Loaded) {
        let Loaded {
            project,
            warnings,
            stamp,
        } = loaded;
        let count = project.claims.len();
        let shown = path.display().to_string();
        self.set_document(project, Some(path), Some(stamp), true);
        if warnings.is_empty() {
            self.notices
                .info(format!("Opened {shown} ({count} claims)"));
        } else {
            self.notices.push(
                super::notify::Level::Warning,
                format!("Opened {shown} with repairs:"),
                warnings,
            );
        }
    }

    pub(super) fn handle_done(&mut self, ctx: &egui::Context, done: JobDone) {
        match done {
            JobDone::Picked { path: None, .. } => {}
            JobDone::Picked {
                purpose,
                path: Some(path),
            } => match purpose {
                PickPurpose::ImportArticle | PickPurpose::OpenProject => {
                    self.apply(ctx, Action::OpenPath(path));
                }
                PickPurpose::SaveAs => self.apply(ctx, Action::SaveTo(path)),
                PickPurpose::Export(form) => self.apply(ctx, Action::Export { form, path }),
            },
            JobDone::Opened {
                path,
                result,
                recovery,
            } => match result {
                Ok(loaded) => {
                    self.loaded(path, loaded);
                    if let Some(offer) = recovery {
                        self.prompt(Dialog::Recover(offer));
                    }
                }
                Err(e) => self.notices.error(e.to_string()),
            },
            JobDone::NothingToOpen { recovery } => {
                self.notices.info("No project to reopen: import an article with File › New from article…, or drop one on the window.");
                if let Some(offer) = recovery {
                    self.prompt(Dialog::Recover(offer));
                }
            }
            JobDone::Imported { path, result } => match result {
                Ok((project, warnings)) => {
                    let (claims, sources) = (project.claims.len(), project.sources.len());
                    self.set_document(project, None, None, false);
                    let text = format!(
                        "Imported {}: {claims} claims from {sources} sources",
                        path.display()
                    );
                    let level = if warnings.is_empty() {
                        super::notify::Level::Info
                    } else {
                        super::notify::Level::Warning
                    };
                    self.notices.push(level, text, warnings);
                }
                Err(e) => self.notices.error(e),
            },
            JobDone::Recovered { offer, result } => match result {
                Ok(loaded) => {
                    let stamp = match (&self.doc, &offer.project_path) {
                        (Some(doc), Some(path)) if doc.path.as_ref() == Some(path) => {
                            doc.stamp.clone()
                        }
                        _ => None,
                    };
                    self.set_document(loaded.project, offer.project_path.clone(), stamp, false);
                    self.notices
                        .info("Recovered the autosaved changes; save to keep them.");
                }
                Err(e) => self
                    .notices
                    .error(format!("Could not recover the autosave: {e}")),
            },
            JobDone::Saved(done) => self.saved(ctx, done),
            JobDone::Autosaved { result, .. } => self.autosaved(result),
            JobDone::RecoveryRemoved { result } => {
                if let Err(e) = result {
                    self.notices.warning(e.to_string());
                }
            }
            JobDone::Extracted {
                generation,
                extraction,
            } => {
                let Some(doc) = &self.doc else { return };
                if doc.generation != generation {
                    return;
                }
                let merged = rerun::merge(&doc.project, extraction);
                let (added, kept) = (merged.added, merged.kept);
                self.edit(Edit::ReplaceExtraction {
                    sources: merged.sources,
                    claims: merged.claims,
                });
                self.notices.info(format!("Re-ran extraction: {added} new claims; {kept} reviewed or hand-made claims kept."));
            }
            JobDone::Exported { path, result } => match result {
                Ok(()) => self
                    .notices
                    .info(format!("Exported the report to {}", path.display())),
                Err(e) => self.notices.error(e),
            },
        }
    }

    fn saved(&mut self, ctx: &egui::Context, done: jobs::Saved) {
        match done.result {
            Ok(stamp) => {
                if let Some(doc) = self
                    .doc
                    .as_mut()
                    .filter(|d| d.generation == done.generation)
                {
                    doc.path = Some(done.path.clone());
                    doc.stamp = Some(stamp);
                    if doc.history.revision() == done.revision {
                        doc.history.mark_saved();
                    }
                }
                self.prefs.remember(&done.path);
                self.prefs.last_project = Some(done.path.clone());
                self.autosave.status.clear();
                for w in done.warnings {
                    self.notices.warning(w);
                }
                self.notices.info(format!("Saved {}", done.path.display()));
                if let Some(then) = self.after_save.take() {
                    self.proceed(ctx, then);
                }
            }
            Err(SaveFailure::ChangedOnDisk) => {
                self.prompt(Dialog::ChangedOnDisk { path: done.path });
            }
            Err(SaveFailure::Failed(e)) => {
                self.after_save = None;
                self.notices.error(e.to_string());
            }
        }
    }
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
    fn kind_guess_from_the_selected_text() {
        assert_eq!(guess_kind("“We will not back down”"), ClaimKind::Quote);
        assert_eq!(guess_kind("tolls rose 37 percent"), ClaimKind::Statistic);
        assert_eq!(guess_kind("the bridge is unsafe"), ClaimKind::Fact);
    }
}
