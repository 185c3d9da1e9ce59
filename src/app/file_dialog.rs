//! The window's own file dialog, shown when the system one cannot be (no desktop portal,
//! no zenity): the same filters, the folders of recent files, a folder list and a typed
//! path. Folders are listed by a background job ([`Action::ListFolder`]); choosing a
//! file emits [`Action::PickedFile`], as the system dialog's answer would.

use std::path::{Path, PathBuf};

use egui::{Color32, ComboBox, RichText, ScrollArea, TextEdit, Ui};

use super::actions::Action;
use super::requests::{FolderEntry, PickPurpose, PickRequest};

/// The dialog's state.
#[derive(Clone, Debug, PartialEq)]
pub struct FileBrowser {
    pub purpose: PickPurpose,
    pub title: String,
    /// Choosing a file to write (Save as, Export) rather than one to open.
    pub save: bool,
    /// (name, extensions) as in the request.
    pub filters: Vec<(String, Vec<String>)>,
    /// The filter in use: an index into `filters`; `filters.len()` shows all files.
    pub filter: usize,
    pub dir: PathBuf,
    /// The listing of `dir`; `None` while it is being read.
    pub listing: Option<Result<Vec<FolderEntry>, String>>,
    /// The file name or path typed (or clicked) so far.
    pub typed: String,
    /// Folders to jump to: the request's, those of recent files, home.
    pub places: Vec<PathBuf>,
    /// What went wrong with the last try, and what to do.
    pub message: Option<String>,
    /// A file that exists and would be replaced: asked once more before saving.
    pub replace: Option<PathBuf>,
    /// Why the system dialog was not used.
    pub reason: String,
}

fn home() -> Option<PathBuf> {
    std::env::var_os("HOME")
        .filter(|h| !h.is_empty())
        .map(PathBuf::from)
}

impl FileBrowser {
    /// A dialog for `request`; `recent` are recent files, most recent first. Ask for the
    /// listing of [`FileBrowser::dir`] with [`Action::ListFolder`].
    pub fn new(
        purpose: PickPurpose,
        request: &PickRequest,
        reason: String,
        recent: &[PathBuf],
    ) -> Self {
        let mut places: Vec<PathBuf> = Vec::new();
        let candidates = request
            .directory
            .iter()
            .cloned()
            .chain(
                recent
                    .iter()
                    .filter_map(|p| p.parent().map(Path::to_path_buf)),
            )
            .chain(home())
            .chain(std::env::current_dir().ok());
        for dir in candidates {
            if !dir.as_os_str().is_empty() && !places.contains(&dir) && places.len() < 8 {
                places.push(dir);
            }
        }
        let dir = places
            .first()
            .cloned()
            .unwrap_or_else(|| PathBuf::from("/"));
        Self {
            save: purpose.saves(),
            purpose,
            title: request.title.clone(),
            filters: request.filters.clone(),
            filter: 0,
            dir,
            listing: None,
            typed: request.file_name.clone().unwrap_or_default(),
            places,
            message: None,
            replace: None,
            reason,
        }
    }

    /// Takes in a listing (ignored if the dialog has moved on to another folder).
    pub fn listed(&mut self, dir: &Path, result: Result<Vec<FolderEntry>, String>) {
        if dir == self.dir {
            self.listing = Some(result);
        }
    }

    fn go(&mut self, dir: PathBuf, actions: &mut Vec<Action>) {
        self.dir.clone_from(&dir);
        self.listing = None;
        self.message = None;
        self.replace = None;
        actions.push(Action::ListFolder(dir));
    }

    /// True if the list shows `entry` under the filter in use.
    pub fn shows(&self, entry: &FolderEntry) -> bool {
        if entry.is_dir {
            return true;
        }
        let Some((_, extensions)) = self.filters.get(self.filter) else {
            return true;
        };
        Path::new(&entry.name)
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| extensions.iter().any(|x| x.eq_ignore_ascii_case(e)))
    }

    /// The typed text as a path: absolute, `~/…`, or relative to the folder shown.
    fn target(&self) -> PathBuf {
        let typed = self.typed.trim();
        if let Some(rest) = typed.strip_prefix("~/")
            && let Some(home) = home()
        {
            return home.join(rest);
        }
        self.dir.join(typed)
    }

    /// Open / Save: goes into a typed folder, or checks the file and emits
    /// [`Action::PickedFile`]. Returns true when the dialog is done.
    pub fn confirm(&mut self, actions: &mut Vec<Action>) -> bool {
        if self.typed.trim().is_empty() {
            self.message = Some(if self.save {
                "Type a name for the file.".to_owned()
            } else {
                "Pick a file in the list, or type its name or path.".to_owned()
            });
            return false;
        }
        let mut target = self.target();
        if target.is_dir() {
            self.typed.clear();
            self.go(target, actions);
            return false;
        }
        if self.save {
            if target.extension().is_none()
                && let Some(ext) = self.filters.get(self.filter).and_then(|f| f.1.first())
            {
                target.set_extension(ext);
            }
            let parent = target.parent().map(Path::to_path_buf).unwrap_or_default();
            if !parent.is_dir() {
                self.message = Some(format!(
                    "The folder {} does not exist: pick a folder in the list, or type a path in one that does.",
                    parent.display()
                ));
                return false;
            }
            if target.exists() && self.replace.as_ref() != Some(&target) {
                self.replace = Some(target);
                self.message = None;
                return false;
            }
        } else if !target.is_file() {
            self.message = Some(format!(
                "There is no file {}: check the name, or pick the file in the list.",
                target.display()
            ));
            return false;
        }
        actions.push(Action::PickedFile {
            purpose: self.purpose.clone(),
            path: target,
        });
        true
    }
}

/// Draws the dialog (inside the app's modal); returns true when it is done.
pub fn file_browser_ui(ui: &mut Ui, b: &mut FileBrowser, actions: &mut Vec<Action>) -> bool {
    ui.set_width(620.0_f32.min(ui.ctx().content_rect().width() - 60.0));
    ui.heading(&b.title);
    ui.label(
        RichText::new(format!(
            "claimdesk's own file dialog ({}); install xdg-desktop-portal-gtk or zenity for the system one.",
            b.reason
        ))
        .weak()
        .small(),
    );
    ui.add_space(4.0);
    folder_bar_ui(ui, b, actions);
    list_ui(ui, b, actions);
    let mut done = false;
    ui.horizontal(|ui| {
        let label = ui.label("File name or path");
        let field = ui
            .add(TextEdit::singleline(&mut b.typed).desired_width(ui.available_width() - 190.0))
            .labelled_by(label.id);
        if field.changed() {
            b.replace = None;
        }
        if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            done = b.confirm(actions);
        }
        let names: Vec<String> = b
            .filters
            .iter()
            .map(|(name, ext)| format!("{name} (.{})", ext.join(", .")))
            .chain(std::iter::once("All files".to_owned()))
            .collect();
        let show = ui.label("Show");
        ComboBox::from_id_salt("file-dialog-filter")
            .selected_text(names.get(b.filter).cloned().unwrap_or_default())
            .width(110.0)
            .show_ui(ui, |ui| {
                for (i, name) in names.iter().enumerate() {
                    ui.selectable_value(&mut b.filter, i, name);
                }
            })
            .response
            .labelled_by(show.id);
    });
    if let Some(message) = &b.message {
        ui.colored_label(ui.visuals().error_fg_color, message);
    }
    let confirm = if b.save { "Save" } else { "Open" };
    ui.horizontal(|ui| {
        if let Some(path) = b.replace.clone() {
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
            ui.colored_label(
                ui.visuals().warn_fg_color,
                format!("{} already exists.", name.unwrap_or_default()),
            );
            if ui.button("Replace").clicked() {
                done = b.confirm(actions);
            }
        } else if ui.button(confirm).clicked() {
            done = b.confirm(actions);
        }
        if ui.button("Cancel").clicked() {
            done = true;
        }
    });
    done
}

/// The folder shown, its parent, and the recent folders.
fn folder_bar_ui(ui: &mut Ui, b: &mut FileBrowser, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        let parent = b.dir.parent().map(Path::to_path_buf);
        if ui
            .add_enabled(parent.is_some(), egui::Button::new("Parent folder"))
            .clicked()
            && let Some(parent) = parent
        {
            b.go(parent, actions);
        }
        ui.add(egui::Label::new(RichText::new(b.dir.display().to_string()).strong()).truncate());
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Recent folders:").weak());
        for place in b.places.clone() {
            let name = place.file_name().map_or_else(
                || place.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            let button = ui
                .selectable_label(place == b.dir, name)
                .on_hover_text(place.display().to_string());
            if button.clicked() {
                b.go(place, actions);
            }
        }
    });
}

/// The folder's entries: a click on a folder opens it, on a file names it, a double
/// click on a file chooses it.
fn list_ui(ui: &mut Ui, b: &mut FileBrowser, actions: &mut Vec<Action>) {
    let mut open: Option<PathBuf> = None;
    let mut chosen = false;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ScrollArea::vertical()
            .id_salt("file-dialog-list")
            .max_height(260.0)
            .min_scrolled_height(260.0)
            .auto_shrink([false, false])
            .show(ui, |ui| match &b.listing {
                None => {
                    ui.spinner();
                }
                Some(Err(e)) => {
                    ui.colored_label(
                        ui.visuals().error_fg_color,
                        format!("{e}. Pick another folder, or type a path."),
                    );
                }
                Some(Ok(entries)) => {
                    let shown: Vec<&FolderEntry> = entries.iter().filter(|e| b.shows(e)).collect();
                    if shown.is_empty() {
                        ui.label(RichText::new("No matching files in this folder.").weak());
                    }
                    for entry in shown {
                        let text = if entry.is_dir {
                            RichText::new(format!("{}/", entry.name)).color(folder_color(ui))
                        } else {
                            RichText::new(&entry.name)
                        };
                        let on = !entry.is_dir && b.typed.trim() == entry.name;
                        let row = ui.selectable_label(on, text);
                        if entry.is_dir && row.clicked() {
                            open = Some(b.dir.join(&entry.name));
                        } else if row.double_clicked() {
                            b.typed.clone_from(&entry.name);
                            chosen = true;
                        } else if row.clicked() {
                            b.typed.clone_from(&entry.name);
                            b.message = None;
                            b.replace = None;
                        }
                    }
                }
            });
    });
    if let Some(dir) = open {
        b.go(dir, actions);
    } else if chosen {
        b.confirm(actions);
    }
}

fn folder_color(ui: &Ui) -> Color32 {
    if ui.visuals().dark_mode {
        Color32::from_rgb(140, 190, 255)
    } else {
        Color32::from_rgb(30, 90, 170)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn browser(dir: &Path, purpose: PickPurpose) -> FileBrowser {
        let request = PickRequest {
            title: "Open project".into(),
            filters: vec![("claimdesk projects".into(), vec!["ron".into()])],
            file_name: None,
            directory: Some(dir.to_path_buf()),
        };
        FileBrowser::new(purpose, &request, "test".into(), &[])
    }

    #[test]
    fn the_filter_shows_folders_and_matching_files() {
        let b = browser(Path::new("/tmp"), PickPurpose::OpenProject);
        let entry = |name: &str, is_dir| FolderEntry {
            name: name.into(),
            is_dir,
        };
        assert!(b.shows(&entry("a.RON", false)));
        assert!(b.shows(&entry("drafts", true)));
        assert!(!b.shows(&entry("notes.txt", false)));
        let all = FileBrowser { filter: 1, ..b };
        assert!(all.shows(&entry("notes.txt", false)));
    }

    #[test]
    fn confirming_checks_the_typed_path() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        std::fs::write(dir.path().join("a.ron"), "x")?;
        std::fs::create_dir(dir.path().join("sub"))?;
        let mut actions = Vec::new();
        let mut b = browser(dir.path(), PickPurpose::OpenProject);
        b.typed = "missing.ron".into();
        assert!(!b.confirm(&mut actions));
        assert!(b.message.as_deref().is_some_and(|m| m.contains("no file")));
        b.typed = "sub".into();
        assert!(!b.confirm(&mut actions));
        assert_eq!(b.dir, dir.path().join("sub"));
        assert_eq!(actions, [Action::ListFolder(dir.path().join("sub"))]);
        b.typed = dir.path().join("a.ron").display().to_string();
        assert!(b.confirm(&mut actions));
        assert_eq!(
            actions.last(),
            Some(&Action::PickedFile {
                purpose: PickPurpose::OpenProject,
                path: dir.path().join("a.ron")
            })
        );
        Ok(())
    }

    #[test]
    fn saving_adds_the_extension_and_asks_before_replacing()
    -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        std::fs::write(dir.path().join("a.ron"), "x")?;
        let mut actions = Vec::new();
        let mut b = browser(dir.path(), PickPurpose::SaveAs);
        b.typed = "a".into();
        assert!(!b.confirm(&mut actions), "asks first");
        assert_eq!(b.replace, Some(dir.path().join("a.ron")));
        assert!(b.confirm(&mut actions), "replaces when asked again");
        b.typed = "nowhere/b".into();
        assert!(!b.confirm(&mut actions));
        assert!(
            b.message
                .as_deref()
                .is_some_and(|m| m.contains("does not exist"))
        );
        Ok(())
    }
}
