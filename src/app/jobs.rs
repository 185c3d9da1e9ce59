//! Background work: file dialogs, opening, importing and extracting, saving, autosave and
//! export run on named threads; the app polls their results each frame. Nothing here
//! touches egui state besides asking for a repaint when a job is done.
//!
//! Tests use [`Jobs::synchronous`]: each job runs to completion when it is spawned and
//! its result is handed out at the next poll, so a test needs no waiting.

use std::collections::VecDeque;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, TryRecvError};

use crate::extract::{Extraction, extract_article};
use crate::import::import_path;
use crate::model::Project;
use crate::project::{self, FileStamp, Loaded, ProjectError};

use super::article_update::ArticleUpdate;
use crate::report::{self, Format};

use super::library_work::LibraryDone;
use super::picker::FilePicker;
use super::progress::{JobId, JobStatus, Progress};
use super::requests::{FolderEntry, PickPurpose, PickRequest, Picked, RecoveryOffer};

/// Why a save did not happen.
#[derive(Debug)]
pub enum SaveFailure {
    /// The file is not what was opened or last saved: someone else changed it.
    ChangedOnDisk,
    Failed(ProjectError),
}

/// A finished [`save`].
#[derive(Debug)]
pub struct Saved {
    pub path: PathBuf,
    /// The document and revision that were saved (from the [`SaveJob`]).
    pub generation: u64,
    pub revision: u64,
    pub result: Result<FileStamp, SaveFailure>,
    /// Recovery files that could not be removed after the save.
    pub warnings: Vec<String>,
}

/// A finished job.
#[derive(Debug)]
pub enum JobDone {
    Picked {
        purpose: PickPurpose,
        request: PickRequest,
        picked: Picked,
    },
    /// The backup of `original` was read, to take its place.
    OpenedBackup {
        original: PathBuf,
        result: Result<Loaded, ProjectError>,
    },
    /// A folder's listing for the in-window file dialog.
    Listed {
        dir: PathBuf,
        result: Result<Vec<FolderEntry>, String>,
    },
    Opened {
        path: PathBuf,
        result: Result<Loaded, ProjectError>,
        recovery: Option<RecoveryOffer>,
    },
    /// Startup found no last project: the bundled example, read from
    /// [`EXAMPLE_PROJECT`].
    Example {
        result: Result<Loaded, ProjectError>,
        recovery: Option<RecoveryOffer>,
    },
    Imported {
        path: PathBuf,
        result: Result<(Project, Vec<String>), String>,
    },
    /// A corrected article was read and the claims of the document at (`generation`,
    /// `revision`) placed in it.
    ArticleUpdated {
        path: PathBuf,
        generation: u64,
        revision: u64,
        result: Result<ArticleUpdate, String>,
    },
    /// An autosaved copy was read back.
    Recovered {
        offer: RecoveryOffer,
        result: Result<Loaded, ProjectError>,
    },
    Saved(Saved),
    Autosaved {
        generation: u64,
        revision: u64,
        result: Result<PathBuf, ProjectError>,
    },
    RecoveryRemoved {
        result: Result<(), ProjectError>,
    },
    Extracted {
        generation: u64,
        extraction: Extraction,
    },
    Exported {
        path: PathBuf,
        result: Result<(), String>,
    },
    /// A link was fetched and imported.
    Fetched {
        url: String,
        result: Result<(Project, Vec<String>), String>,
    },
    /// The clipboard's text, read for a New from link / clipboard dialog.
    Clipboard {
        text: Option<String>,
    },
    /// The claim library answered (see `library_work`).
    Library(LibraryDone),
}

struct Running {
    id: JobId,
    label: String,
    rx: Receiver<JobDone>,
    progress: Option<Progress>,
}

/// The running jobs and the results not yet handed out.
pub struct Jobs {
    background: bool,
    running: Vec<Running>,
    done: VecDeque<JobDone>,
    next_id: u64,
}

impl Jobs {
    /// Jobs on threads.
    pub fn background() -> Self {
        Self {
            background: true,
            running: Vec::new(),
            done: VecDeque::new(),
            next_id: 0,
        }
    }

    /// Jobs run when spawned (tests, benchmarks).
    pub fn synchronous() -> Self {
        Self {
            background: false,
            ..Self::background()
        }
    }

    /// Starts `work` on a thread named `claimdesk-{name}`; `label` is shown while it runs.
    pub fn spawn(
        &mut self,
        ctx: &egui::Context,
        name: &str,
        label: impl Into<String>,
        work: impl FnOnce() -> JobDone + Send + 'static,
    ) -> std::io::Result<JobId> {
        self.spawn_counted(ctx, name, label, None, work)
    }

    /// Like [`Jobs::spawn`], with `progress` shown beside the label while it runs (the
    /// work keeps a clone and counts on it).
    pub fn spawn_counted(
        &mut self,
        ctx: &egui::Context,
        name: &str,
        label: impl Into<String>,
        progress: Option<Progress>,
        work: impl FnOnce() -> JobDone + Send + 'static,
    ) -> std::io::Result<JobId> {
        self.next_id += 1;
        let id = JobId(self.next_id);
        if !self.background {
            self.done.push_back(work());
            ctx.request_repaint();
            return Ok(id);
        }
        let (tx, rx) = mpsc::channel();
        let repaint = ctx.clone();
        std::thread::Builder::new()
            .name(format!("claimdesk-{name}"))
            .spawn(move || {
                // The receiver is gone only if the app shut down; nothing is left to tell.
                if tx.send(work()).is_ok() {
                    repaint.request_repaint();
                }
            })?;
        self.running.push(Running {
            id,
            label: label.into(),
            rx,
            progress,
        });
        Ok(id)
    }

    /// Forgets a running job: its result, when its thread ends, is thrown away. (The
    /// thread itself runs on to its end; a fetch is bounded by its time limit.)
    pub fn cancel(&mut self, id: JobId) {
        self.running.retain(|job| job.id != id);
    }

    /// The running jobs with their progress, for the status bar.
    pub fn statuses(&self) -> impl Iterator<Item = JobStatus<'_>> {
        self.running.iter().map(|j| JobStatus {
            label: j.label.as_str(),
            progress: j.progress.as_ref(),
        })
    }

    /// Results of the jobs that finished since the last poll, in order of completion.
    pub fn poll(&mut self) -> Vec<JobDone> {
        let mut out: Vec<JobDone> = self.done.drain(..).collect();
        self.running.retain(|job| match job.rx.try_recv() {
            Ok(done) => {
                out.push(done);
                false
            }
            Err(TryRecvError::Empty) => true,
            Err(TryRecvError::Disconnected) => false,
        });
        out
    }

    /// Waits up to `timeout` for every running job (benchmarks, and a last autosave
    /// before exit), then returns what finished, like [`Jobs::poll`].
    pub fn wait(&mut self, timeout: std::time::Duration) -> Vec<JobDone> {
        let deadline = std::time::Instant::now() + timeout;
        let mut out: Vec<JobDone> = self.done.drain(..).collect();
        self.running.retain(|job| {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match job.rx.recv_timeout(left) {
                Ok(done) => {
                    out.push(done);
                    false
                }
                Err(mpsc::RecvTimeoutError::Timeout) => true,
                Err(mpsc::RecvTimeoutError::Disconnected) => false,
            }
        });
        out
    }

    /// Labels of the jobs still running ("Importing story.html…").
    pub fn running(&self) -> impl Iterator<Item = &str> {
        self.running.iter().map(|j| j.label.as_str())
    }

    pub fn is_busy(&self) -> bool {
        !self.running.is_empty()
    }
}

// ---------------------------------------------------------------------------
// The work itself: plain functions, run on a job thread.

/// Asks the picker for a file.
pub fn pick(
    picker: &Arc<dyn FilePicker>,
    purpose: PickPurpose,
    request: PickRequest,
    save: bool,
) -> JobDone {
    let picked = if save {
        picker.pick_save(&request)
    } else {
        picker.pick_open(&request)
    };
    JobDone::Picked {
        purpose,
        request,
        picked,
    }
}

/// Lists `dir` for the in-window file dialog: folders first, then files, each sorted by
/// name; hidden entries (starting with a dot) are left out.
pub fn list_folder(dir: PathBuf) -> JobDone {
    let result = fs::read_dir(&dir)
        .map_err(|e| format!("cannot read the folder {}: {e}", dir.display()))
        .map(|entries| {
            let mut out: Vec<FolderEntry> = entries
                .flatten()
                .filter_map(|entry| {
                    let name = entry.file_name().to_string_lossy().into_owned();
                    // A symlink counts as what it points to.
                    let is_dir = fs::metadata(entry.path()).is_ok_and(|m| m.is_dir());
                    (!name.starts_with('.')).then_some(FolderEntry { name, is_dir })
                })
                .collect();
            out.sort_by_cached_key(|e| (!e.is_dir, e.name.to_lowercase()));
            out
        });
    JobDone::Listed { dir, result }
}

/// Opens a project file, and looks for a newer autosave of it.
pub fn open(path: PathBuf, data_dir: Option<PathBuf>) -> JobDone {
    let result = project::load(&path);
    let recovery = match (&result, data_dir) {
        (Ok(_), Some(dir)) => recovery_offer(Some(&path), &dir),
        _ => None,
    };
    JobDone::Opened {
        path,
        result,
        recovery,
    }
}

/// Reads the backup (`NAME.ron.bak`) of `original`.
pub fn open_backup(original: PathBuf) -> JobDone {
    let result = project::load(&project::backup_path(&original));
    JobDone::OpenedBackup { original, result }
}

/// Opens the first candidate that exists (startup: the last project), else the bundled
/// example.
pub fn open_first(candidates: Vec<PathBuf>, data_dir: Option<PathBuf>) -> JobDone {
    let untitled = data_dir
        .as_deref()
        .and_then(|dir| recovery_offer(None, dir));
    for path in candidates {
        if path.is_file() {
            return match open(path, data_dir) {
                JobDone::Opened {
                    path,
                    result,
                    recovery,
                } => JobDone::Opened {
                    path,
                    result,
                    recovery: recovery.or(untitled),
                },
                other => other,
            };
        }
    }
    JobDone::Example {
        result: project::from_ron_str(EXAMPLE_PROJECT, Path::new(EXAMPLE_NAME)),
        recovery: untitled,
    }
}

/// `projects/example.ron`, built into the binary so the first start opens it wherever
/// claimdesk runs.
pub const EXAMPLE_PROJECT: &str = include_str!("../../projects/example.ron");
/// The name the bundled example is shown under.
pub const EXAMPLE_NAME: &str = "example.ron";

/// Imports an article and extracts its claims into a new project.
pub fn import(path: PathBuf) -> JobDone {
    let result = import_path(&path)
        .map(|imported| (project::new_project(imported.article), imported.warnings))
        .map_err(|e| e.to_string());
    JobDone::Imported { path, result }
}

/// Reads an autosaved copy.
pub fn recover(offer: RecoveryOffer) -> JobDone {
    let result = project::load(&offer.recovery);
    JobDone::Recovered { offer, result }
}

/// What a save needs to know.
pub struct SaveJob {
    pub project: Project,
    pub path: PathBuf,
    pub generation: u64,
    pub revision: u64,
    /// The file as it was opened; a different file on disk is a conflict unless `force`.
    pub expected: Option<FileStamp>,
    pub force: bool,
    /// Autosaves made obsolete by this save.
    pub obsolete_recoveries: Vec<PathBuf>,
}

/// Saves a project atomically, refusing to overwrite a file someone else changed.
pub fn save(job: SaveJob) -> JobDone {
    let SaveJob {
        project,
        path,
        generation,
        revision,
        expected,
        force,
        obsolete_recoveries,
    } = job;
    let mut warnings = Vec::new();
    let result = (|| {
        if let Some(expected) = expected.filter(|_| !force) {
            // An unreadable file is left to the save itself to report.
            if expected.changed_on_disk(&path).unwrap_or(false) {
                return Err(SaveFailure::ChangedOnDisk);
            }
        }
        project::save(&project, &path).map_err(SaveFailure::Failed)?;
        let stamp = project::stamp(&path).map_err(SaveFailure::Failed)?;
        for recovery in &obsolete_recoveries {
            if let Err(e) = project::remove_recovery(recovery) {
                warnings.push(e.to_string());
            }
        }
        Ok(stamp)
    })();
    JobDone::Saved(Saved {
        path,
        generation,
        revision,
        result,
        warnings,
    })
}

/// Writes an autosave to `recovery`, creating the data folder for untitled projects.
pub fn autosave(
    project: &Project,
    recovery: PathBuf,
    generation: u64,
    revision: u64,
    data_dir: Option<PathBuf>,
) -> JobDone {
    let result = (|| {
        if let Some(dir) = data_dir.filter(|d| recovery.starts_with(d)) {
            fs::create_dir_all(&dir).map_err(|source| ProjectError::Write {
                path: recovery.clone(),
                step: "creating the data folder",
                source,
            })?;
        }
        project::write_recovery(project, &recovery)?;
        Ok(recovery)
    })();
    JobDone::Autosaved {
        generation,
        revision,
        result,
    }
}

pub fn remove_recovery(path: &Path) -> JobDone {
    JobDone::RecoveryRemoved {
        result: project::remove_recovery(path),
    }
}

/// Re-runs extraction on a copy of the article.
pub fn extract(project: &Project, generation: u64) -> impl FnOnce() -> JobDone + Send + 'static {
    let article = project.article.clone();
    move || JobDone::Extracted {
        generation,
        extraction: extract_article(&article),
    }
}

/// Writes a report, rendered straight into its file.
pub fn export(
    project: &Project,
    format: Format,
    options: &report::Options,
    path: PathBuf,
) -> JobDone {
    let result = report::write_report(&path, project, format, options).map_err(|e| e.to_string());
    JobDone::Exported { path, result }
}

/// A recovery file for `project_path` (or the untitled one) that is newer than the
/// project file, if there is one.
pub fn recovery_offer(project_path: Option<&Path>, data_dir: &Path) -> Option<RecoveryOffer> {
    let recovery = project::recovery_path(project_path, data_dir);
    let meta = fs::metadata(&recovery).ok().filter(fs::Metadata::is_file)?;
    let modified = meta.modified().ok();
    if let Some(path) = project_path {
        let saved = fs::metadata(path).and_then(|m| m.modified()).ok();
        if let (Some(saved), Some(autosaved)) = (saved, modified)
            && autosaved <= saved
        {
            return None;
        }
    }
    Some(RecoveryOffer {
        recovery,
        project_path: project_path.map(Path::to_path_buf),
        modified,
    })
}

#[cfg(test)]
#[path = "jobs_tests.rs"]
mod tests;
