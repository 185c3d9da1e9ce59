//! Files from the window's side: opening (dialogs, drops, startup), saving with the
//! changed-on-disk check, autosave, export. The work itself runs in [`jobs`](super::jobs).

use std::path::{Path, PathBuf};

use super::App;
use super::dialogs::Dialog;
use super::jobs::{self, SaveJob};
use super::prefs::non_blank;
use super::requests::{ExportForm, PickPurpose, PickRequest};
use super::state::{AUTOSAVE_SECS, Autosave, Document};
use crate::import::Format as ArticleFormat;
use crate::report;
use crate::{fsio, project};

fn is_project(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case(project::EXTENSION))
}

impl App {
    pub(super) fn spawn(
        &mut self,
        ctx: &egui::Context,
        name: &str,
        label: String,
        work: impl FnOnce() -> jobs::JobDone + Send + 'static,
    ) {
        if let Err(e) = self.jobs.spawn(ctx, name, label, work) {
            self.notices
                .error(format!("Could not start a background task ({name}): {e}"));
        }
    }

    /// Opens a project, or imports an article; the open project is replaced once the
    /// file has been read, and stays as it is if reading fails.
    pub(super) fn open_path(&mut self, ctx: &egui::Context, path: PathBuf) {
        let shown = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        if is_project(&path) {
            let data_dir = self.data_dir.clone();
            self.spawn(ctx, "open", format!("Opening {shown}…"), move || {
                jobs::open(path, data_dir)
            });
        } else {
            self.import_counted(ctx, path);
        }
    }

    /// At startup: the last project, else the example project built into claimdesk.
    pub(super) fn open_first(&mut self, ctx: &egui::Context) {
        let candidates: Vec<PathBuf> = self.prefs.last_project.iter().cloned().collect();
        let data_dir = self.data_dir.clone();
        self.spawn(
            ctx,
            "open",
            "Opening the last project…".to_owned(),
            move || jobs::open_first(candidates, data_dir),
        );
    }

    /// Shows a file dialog on a job thread.
    pub(super) fn pick(&mut self, ctx: &egui::Context, purpose: PickPurpose) {
        let dir = self
            .project_path()
            .and_then(Path::parent)
            .map(Path::to_path_buf);
        let name = self.doc.as_ref().map(Document::name).unwrap_or_default();
        let (request, save) = match &purpose {
            PickPurpose::ImportArticle | PickPurpose::UpdateArticle => (
                PickRequest {
                    title: if purpose == PickPurpose::ImportArticle {
                        "New project from an article"
                    } else {
                        "Update the article from a corrected version"
                    }
                    .into(),
                    filters: vec![(
                        "Articles".into(),
                        ArticleFormat::EXTENSIONS
                            .iter()
                            .map(|e| (*e).to_owned())
                            .collect(),
                    )],
                    file_name: None,
                    directory: dir,
                },
                false,
            ),
            PickPurpose::OpenProject => (
                PickRequest {
                    title: "Open project".into(),
                    filters: vec![("claimdesk projects".into(), vec![project::EXTENSION.into()])],
                    file_name: None,
                    directory: dir,
                },
                false,
            ),
            PickPurpose::SaveAs => (
                PickRequest {
                    title: "Save project as".into(),
                    filters: vec![("claimdesk projects".into(), vec![project::EXTENSION.into()])],
                    file_name: Some(fsio::safe_file_name(&name, project::EXTENSION)),
                    directory: dir,
                },
                true,
            ),
            PickPurpose::Export(ExportForm { format, .. }) => (
                PickRequest {
                    title: format!("Export {} report", format.label()),
                    filters: vec![(format.label().into(), vec![format.extension().into()])],
                    file_name: Some(fsio::safe_file_name(
                        &format!("{name}-report"),
                        format.extension(),
                    )),
                    directory: dir,
                },
                true,
            ),
        };
        let picker = self.picker.clone();
        self.spawn(
            ctx,
            "dialog",
            "Waiting for the file dialog…".into(),
            move || jobs::pick(&picker, purpose, request, save),
        );
    }

    /// Opens `path`'s backup in its place: the document keeps `path`, unsaved, so that
    /// saving replaces the damaged file.
    pub(super) fn open_backup(&mut self, ctx: &egui::Context, path: PathBuf) {
        let backup = project::backup_path(&path);
        let shown = backup
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        self.spawn(ctx, "open", format!("Opening {shown}…"), move || {
            jobs::open_backup(path)
        });
    }

    /// Lists a folder for the window's own file dialog.
    pub(super) fn list_folder(&mut self, ctx: &egui::Context, dir: PathBuf) {
        self.spawn(ctx, "list", "Reading the folder…".into(), move || {
            jobs::list_folder(dir)
        });
    }

    /// Save: to the project's file, or Save as… for a project never saved.
    pub(super) fn save(&mut self, ctx: &egui::Context, force: bool) {
        let Some(path) = self.project_path().map(Path::to_path_buf) else {
            self.pick(ctx, PickPurpose::SaveAs);
            return;
        };
        let expected = self.doc.as_ref().and_then(|d| d.stamp.clone());
        self.save_to(ctx, path, expected, force);
    }

    /// Saves to `path`; `expected` is what the file held when opened (checked unless `force`).
    pub(super) fn save_to(
        &mut self,
        ctx: &egui::Context,
        path: PathBuf,
        expected: Option<project::FileStamp>,
        force: bool,
    ) {
        let Some(doc) = &self.doc else { return };
        let mut obsolete = Vec::new();
        if let Some(dir) = &self.data_dir {
            obsolete.push(project::recovery_path(Some(&path), dir));
            if doc.path.is_none() {
                obsolete.push(project::recovery_path(None, dir));
            }
        }
        let shown = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let job = SaveJob {
            project: doc.project.clone(),
            path,
            generation: doc.generation,
            revision: doc.history.revision(),
            expected,
            force,
            obsolete_recoveries: obsolete,
        };
        self.spawn(ctx, "save", format!("Saving {shown}…"), move || {
            jobs::save(job)
        });
    }

    /// Writes the report the Export dialog asked for to `path`: the organisation and
    /// URL as typed there (left out when blank), the reviewer from the preferences.
    pub(super) fn export(&mut self, ctx: &egui::Context, form: &ExportForm, path: PathBuf) {
        let Some(doc) = &self.doc else { return };
        let format = form.format;
        let options = report::Options {
            reviewed_only: form.reviewed_only,
            organization: non_blank(&form.organization),
            url: non_blank(&form.url),
            reviewer: self.prefs.reviewer_name(),
            generated_at: Some(jiff::Timestamp::now()),
        };
        let project = doc.project.clone();
        self.spawn(
            ctx,
            "export",
            format!("Exporting {} report…", format.label()),
            move || jobs::export(&project, format, &options, path),
        );
    }

    /// Deletes an autosave the user does not want (or no longer needs).
    pub(super) fn drop_recovery(&mut self, ctx: &egui::Context, recovery: PathBuf) {
        self.spawn(
            ctx,
            "recovery",
            "Removing the autosave…".into(),
            move || jobs::remove_recovery(&recovery),
        );
    }

    /// The autosave file of the open project.
    pub(super) fn recovery_file(&self) -> Option<PathBuf> {
        let dir = self.data_dir.as_deref()?;
        let doc = self.doc.as_ref()?;
        Some(project::recovery_path(doc.path.as_deref(), dir))
    }

    /// Every [`AUTOSAVE_SECS`] while there are unsaved changes, writes the recovery file.
    pub(super) fn autosave_tick(&mut self, ctx: &egui::Context) {
        let Some(doc) = &self.doc else { return };
        if !doc.history.is_dirty() {
            self.autosave.due = None;
            return;
        }
        let now = ctx.input(|i| i.time);
        let due = *self.autosave.due.get_or_insert(now + AUTOSAVE_SECS);
        let current = doc.content_key();
        if now < due {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(due - now));
            return;
        }
        self.autosave.due = Some(now + AUTOSAVE_SECS);
        if self.autosave.written == Some(current) {
            return;
        }
        let Some(recovery) = self.recovery_file() else {
            return;
        };
        self.autosave.written = Some(current);
        let project = doc.project.clone();
        let data_dir = self.data_dir.clone();
        let (generation, revision) = current;
        self.spawn(ctx, "autosave", "Autosaving…".into(), move || {
            jobs::autosave(&project, recovery, generation, revision, data_dir)
        });
    }

    /// After a successful autosave.
    pub(super) fn autosaved(&mut self, result: Result<PathBuf, project::ProjectError>) {
        match result {
            Ok(_) => {
                let now = jiff::ZonedDateTime::now();
                self.autosave.status = format!("Autosaved {}", now.strftime("%H:%M"));
            }
            Err(e) => {
                self.autosave.status = "Autosave failed".into();
                self.autosave.written = None;
                self.notices.warning(format!("Autosave failed: {e}"));
            }
        }
    }

    /// A new document replaces the old: caches and view state start afresh.
    pub(super) fn forget_autosave(&mut self) {
        self.autosave = Autosave::default();
    }

    /// Shows a prompt, or queues it behind the one already open (never replaces it).
    pub(super) fn prompt(&mut self, dialog: Dialog) {
        if self.ui.dialog.is_none() {
            self.ui.dialog = Some(dialog);
        } else {
            self.queued_dialogs.push_back(dialog);
        }
    }
}
