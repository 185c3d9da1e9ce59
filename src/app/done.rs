//! Taking in finished background jobs: opened, imported, recovered and saved projects,
//! autosaves, re-extractions and exports. Each result has its own method.

use std::path::PathBuf;

use super::App;
use super::actions::Action;
use super::dialogs::Dialog;
use super::file_dialog::FileBrowser;
use super::jobs::{self, JobDone, SaveFailure};
use super::notify::Level;
use super::requests::{PickPurpose, PickRequest, Picked, RecoveryOffer};
use super::state::Document;
use crate::extract::Extraction;
use crate::history::{Edit, History};
use crate::model::Project;
use crate::project::{self, FileStamp, Loaded, ProjectError};

impl App {
    pub(super) fn handle_done(&mut self, ctx: &egui::Context, done: JobDone) {
        match done {
            JobDone::Picked {
                purpose,
                request,
                picked,
            } => self.picked(ctx, purpose, &request, picked),
            JobDone::OpenedBackup { original, result } => self.opened_backup(original, result),
            JobDone::Listed { dir, result } => {
                if let Some(Dialog::Files(browser)) = &mut self.ui.dialog {
                    browser.listed(&dir, result);
                }
            }
            JobDone::Opened {
                path,
                result,
                recovery,
            } => self.opened(ctx, path, result, recovery),
            JobDone::Example { result, recovery } => self.example(result, recovery),
            JobDone::Imported { path, result } => self.imported(&path, result),
            JobDone::ArticleUpdated {
                path,
                generation,
                revision,
                result,
            } => self.article_updated(&path, (generation, revision), result),
            JobDone::Recovered { offer, result } => self.recovered(&offer, result),
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
            } => self.extracted(generation, extraction),
            JobDone::Fetched { url, result } => self.fetched(&url, result),
            JobDone::Clipboard { text } => self.clipboard_read(text),
            JobDone::Exported { path, result } => match result {
                Ok(()) => self
                    .notices
                    .info(format!("Exported the report to {}", path.display())),
                Err(e) => self.notices.error(e),
            },
            JobDone::Library(done) => self.library_done(ctx, done),
        }
    }

    /// A file dialog closed: go on with what it was for (nothing if it was cancelled);
    /// with no system dialog, show the window's own.
    fn picked(
        &mut self,
        ctx: &egui::Context,
        purpose: PickPurpose,
        request: &PickRequest,
        picked: Picked,
    ) {
        // Keys go to the window again at once, not to a field or the closed dialog.
        ctx.send_viewport_cmd(egui::ViewportCommand::Focus);
        ctx.memory_mut(egui::Memory::stop_text_input);
        match picked {
            Picked::File(path) => self.picked_path(ctx, purpose, path),
            Picked::Cancelled => {}
            Picked::Unavailable(why) => {
                let browser = FileBrowser::new(purpose, request, why, &self.prefs.recent);
                let dir = browser.dir.clone();
                self.prompt(Dialog::Files(Box::new(browser)));
                self.apply(ctx, Action::ListFolder(dir));
            }
        }
    }

    /// Goes on with a chosen file.
    pub(super) fn picked_path(&mut self, ctx: &egui::Context, purpose: PickPurpose, path: PathBuf) {
        match purpose {
            PickPurpose::ImportArticle | PickPurpose::OpenProject => {
                self.apply(ctx, Action::OpenPath(path));
            }
            PickPurpose::UpdateArticle => self.update_article_from(ctx, path),
            PickPurpose::SaveAs => self.apply(ctx, Action::SaveTo(path)),
            PickPurpose::Export(form) => self.apply(ctx, Action::Export { form, path }),
        }
    }

    fn opened(
        &mut self,
        ctx: &egui::Context,
        path: PathBuf,
        result: Result<Loaded, ProjectError>,
        recovery: Option<RecoveryOffer>,
    ) {
        match result {
            Ok(loaded) => {
                self.loaded(path, loaded);
                self.library_opened(ctx);
                if let Some(offer) = recovery {
                    self.prompt(Dialog::Recover(offer));
                }
            }
            Err(e) => self.open_failed(&e),
        }
    }

    /// Says why a project did not open; a file that ends early gets its backup offered.
    fn open_failed(&mut self, e: &ProjectError) {
        let ProjectError::Syntax {
            path,
            ends_early: true,
            ..
        } = e
        else {
            self.notices.error(e.to_string());
            return;
        };
        let name = |p: &std::path::Path| {
            p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            )
        };
        let backup = project::backup_path(path);
        let what = format!(
            "{}: the project file ends early (it may be cut short or corrupt)",
            path.display()
        );
        if backup.is_file() {
            self.notices.error_with(
                format!("{what} — open the backup {}?", name(&backup)),
                "Open the backup",
                Action::OpenBackup(path.clone()),
            );
        } else {
            self.notices.error(format!(
                "{what}, and there is no backup {} to open.",
                name(&backup)
            ));
        }
    }

    fn opened_backup(&mut self, original: PathBuf, result: Result<Loaded, ProjectError>) {
        match result {
            Ok(loaded) => {
                let shown = original.display().to_string();
                self.set_document(loaded.project, Some(original), None, false);
                self.notices.info(format!(
                    "Opened the backup of {shown}; save to replace the damaged file."
                ));
            }
            Err(e) => self
                .notices
                .error(format!("The backup could not be opened either: {e}")),
        }
    }

    /// The bundled example, as an untitled project (Save asks where to keep it).
    fn example(&mut self, result: Result<Loaded, ProjectError>, recovery: Option<RecoveryOffer>) {
        match result {
            Ok(loaded) => {
                self.set_document(loaded.project, None, None, true);
                self.notices.info(
                    "The example project: import your own article with File › New from article…, or drop one on the window.",
                );
            }
            Err(e) => self.notices.error(format!(
                "The built-in example could not be read ({e}); import an article with File › New from article…"
            )),
        }
        if let Some(offer) = recovery {
            self.prompt(Dialog::Recover(offer));
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
                Level::Warning,
                format!("Opened {shown} with repairs:"),
                warnings,
            );
        }
    }

    fn imported(&mut self, path: &std::path::Path, result: Result<(Project, Vec<String>), String>) {
        match result {
            Ok((project, warnings)) => {
                let (claims, sources) = (project.claims.len(), project.sources.len());
                self.set_document(project, None, None, false);
                let text = format!(
                    "Imported {}: {claims} claims from {sources} sources",
                    path.display()
                );
                let level = if warnings.is_empty() {
                    Level::Info
                } else {
                    Level::Warning
                };
                self.notices.push(level, text, warnings);
            }
            Err(e) => self.notices.error(e),
        }
    }

    fn recovered(&mut self, offer: &RecoveryOffer, result: Result<Loaded, ProjectError>) {
        match result {
            Ok(loaded) => {
                let stamp = match (&self.doc, &offer.project_path) {
                    (Some(doc), Some(path)) if doc.path.as_ref() == Some(path) => doc.stamp.clone(),
                    _ => None,
                };
                self.set_document(loaded.project, offer.project_path.clone(), stamp, false);
                self.notices
                    .info("Recovered the autosaved changes; save to keep them.");
            }
            Err(e) => self
                .notices
                .error(format!("Could not recover the autosave: {e}")),
        }
    }

    /// A re-extraction finished: merge it into the project it was started on.
    fn extracted(&mut self, generation: u64, extraction: Extraction) {
        let Some(doc) = &self.doc else { return };
        if doc.generation != generation {
            return;
        }
        let merged = crate::project::merge(&doc.project, extraction);
        let (added, kept) = (merged.added, merged.kept);
        self.edit(Edit::ReplaceExtraction {
            sources: merged.sources,
            claims: merged.claims,
        });
        self.notices.info(format!(
            "Re-ran extraction: {added} new claims; {kept} reviewed or hand-made claims kept."
        ));
    }

    /// Makes `project` the open document.
    pub(super) fn set_document(
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
                self.library_saved(ctx, &done.path);
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
