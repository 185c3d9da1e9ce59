//! Everything the user can ask for. Menus, keyboard shortcuts, buttons and dialogs all
//! emit an [`Action`]; the app applies them after the panels have drawn
//! (`App::apply` in `apply.rs`), changing the project only through its history.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::model::{ClaimId, ClaimKind, Evidence, SourceId, Span, Verdict};

use super::library_work::LibrarySearch;
use super::progress::JobId;
use super::requests::{ExportForm, PickPurpose, SourceChoice};

/// A request from the user.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    // File
    /// Pick an article (.txt, .md, .html) and make a new project of it.
    NewFromArticle,
    /// Pick a project (.ron) to open.
    OpenProject,
    /// Pick a corrected version of the article and place every claim in it again.
    UpdateArticle,
    /// Show the New from link dialog.
    NewFromLink,
    /// Fetch a link and make a new project of the page (the dialog's Fetch).
    FetchLink(String),
    /// Stop waiting for the link being fetched.
    CancelFetch(JobId),
    /// Open an article or project file (from a dialog, the recent list or a drop).
    OpenPath(PathBuf),
    Save,
    SaveAs,
    /// Save to this file (after Save as… picked it).
    SaveTo(PathBuf),
    /// Show the Export report dialog.
    ExportReport,
    /// Pick the file to export to (the Export dialog's Export… button).
    ChooseExportFile(ExportForm),
    /// Write a report to this file.
    Export {
        form: ExportForm,
        path: PathBuf,
    },
    ClearRecent,
    Quit,
    /// Open the backup (`NAME.ron.bak`) of this project file in its place.
    OpenBackup(PathBuf),
    /// List a folder for the window's own file dialog.
    ListFolder(PathBuf),
    /// A file chosen in the window's own file dialog, for `purpose`.
    PickedFile {
        purpose: PickPurpose,
        path: PathBuf,
    },

    // Edit
    Undo,
    Redo,
    /// Open the Add claim dialog for the passage selected in the article.
    AddClaimFromSelection,
    AddClaim {
        span: Span,
        kind: ClaimKind,
        source: SourceChoice,
    },
    /// Delete the selected claim.
    DeleteClaim,
    SetClaimSource {
        claim: ClaimId,
        source: SourceChoice,
    },
    SetClaimKind {
        claim: ClaimId,
        kind: ClaimKind,
    },
    /// Make the passage selected in the article the selected claim's extent.
    SetExtentFromSelection,
    /// Place an orphan at the passage selected in the article.
    AttachOrphan(ClaimId),
    /// Delete an orphan with its review.
    DeleteOrphan(ClaimId),
    RerunExtraction,
    Preferences,
    /// Show the New from clipboard dialog.
    NewFromClipboard,
    /// Make a new project of pasted text (a link in it is fetched).
    CreateFromText(String),
    /// Ctrl+V outside a text field: the New from clipboard dialog, holding this text.
    PastedText(String),

    // Review
    /// Set the selected claim's verdict.
    SetVerdict(Verdict),
    NextClaim,
    PrevClaim,
    /// Put the cursor in the selected claim's note.
    EditNote,
    SetNote {
        claim: ClaimId,
        note: String,
    },
    AddEvidence {
        claim: ClaimId,
        evidence: Evidence,
    },
    UpdateEvidence {
        claim: ClaimId,
        index: usize,
        evidence: Evidence,
    },
    RemoveEvidence {
        claim: ClaimId,
        index: usize,
    },
    OpenUrl(String),
    /// End typing coalescing in the history (a field lost focus).
    SealHistory,

    // View
    /// Select a claim; `scroll_article` scrolls the article to it (from the table).
    SelectClaim {
        claim: Option<ClaimId>,
        scroll_article: bool,
    },
    /// Show only this source's claims and highlight its mentions (`None`: all sources).
    FilterSource(Option<SourceId>),
    ToggleSources,
    ToggleTheme,
    /// Show every message of the session.
    ShowMessages,
    ZoomIn,
    ZoomOut,
    ZoomReset,

    // Claim library
    /// Open the Library panel.
    ShowLibrary,
    /// Search the whole library (the Library panel's form).
    SearchLibrary(LibrarySearch),
    /// Open the project of an earlier check at that claim.
    OpenEarlierCheck {
        file: PathBuf,
        claim: ClaimId,
    },

    // Dialog answers
    /// Answer to Save / Discard / Cancel and the other prompts.
    Answer(Answer),
}

/// What the user chose in a prompt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    /// Unsaved changes: save first, then go on.
    Save,
    /// Unsaved changes: throw them away and go on.
    Discard,
    /// Close the prompt and do nothing.
    Cancel,
    /// Recovery: open the autosaved copy.
    Recover,
    /// Recovery: delete the autosaved copy.
    DiscardRecovery,
    /// The file changed on disk: overwrite it anyway.
    Overwrite,
}

/// Which state an action needs, for menus (greyed out) and shortcuts (ignored).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[allow(clippy::struct_excessive_bools)]
pub struct Availability {
    pub document: bool,
    pub claim_selected: bool,
    pub text_selected: bool,
    pub can_undo: bool,
    pub can_redo: bool,
    pub has_claims: bool,
}

const fn key(k: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, k)
}

const fn cmd(k: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, k)
}

const fn cmd_shift(k: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), k)
}

impl Action {
    /// Every action that has a shortcut or a menu entry without arguments, in menu order.
    pub fn commands() -> Vec<Action> {
        use Action as A;
        let mut out = vec![
            A::NewFromArticle,
            A::NewFromLink,
            A::OpenProject,
            A::UpdateArticle,
            A::Save,
            A::SaveAs,
            A::ExportReport,
            A::Quit,
            A::Undo,
            A::Redo,
            A::AddClaimFromSelection,
            A::SetExtentFromSelection,
            A::DeleteClaim,
            A::RerunExtraction,
            A::NewFromClipboard,
            A::Preferences,
        ];
        out.extend(Verdict::ALL.into_iter().map(A::SetVerdict));
        out.extend([
            A::NextClaim,
            A::PrevClaim,
            A::EditNote,
            A::ToggleSources,
            A::ToggleTheme,
            A::ShowLibrary,
            A::ZoomIn,
            A::ZoomOut,
            A::ZoomReset,
        ]);
        out
    }

    /// The keys that trigger the action; the first is shown in menus.
    pub fn shortcuts(&self) -> &'static [KeyboardShortcut] {
        match self {
            Action::OpenProject => const { &[cmd(Key::O)] },
            Action::NewFromArticle => const { &[cmd(Key::N)] },
            Action::NewFromLink => const { &[cmd(Key::L)] },
            Action::NewFromClipboard => const { &[cmd_shift(Key::V)] },
            Action::Save => const { &[cmd(Key::S)] },
            Action::SaveAs => const { &[cmd_shift(Key::S)] },
            Action::ExportReport => const { &[cmd(Key::E)] },
            Action::Quit => const { &[cmd(Key::Q)] },
            Action::Undo => const { &[cmd(Key::Z)] },
            Action::Redo => const { &[cmd_shift(Key::Z), cmd(Key::Y)] },
            Action::AddClaimFromSelection => const { &[key(Key::A)] },
            Action::SetExtentFromSelection => const { &[key(Key::E)] },
            Action::DeleteClaim => const { &[key(Key::Delete)] },
            Action::SetVerdict(Verdict::Verified) => const { &[key(Key::V)] },
            Action::SetVerdict(Verdict::Disputed) => const { &[key(Key::D)] },
            Action::SetVerdict(Verdict::NeedsContext) => const { &[key(Key::C)] },
            Action::SetVerdict(Verdict::Unverifiable) => const { &[key(Key::X)] },
            Action::SetVerdict(Verdict::Unreviewed) => const { &[key(Key::U)] },
            Action::NextClaim => const { &[key(Key::J), key(Key::ArrowDown)] },
            Action::PrevClaim => const { &[key(Key::K), key(Key::ArrowUp)] },
            Action::EditNote => const { &[key(Key::N)] },
            Action::ToggleSources => const { &[cmd(Key::B)] },
            Action::ShowLibrary => const { &[cmd_shift(Key::L)] },
            Action::ZoomIn => const { &[cmd(Key::Plus), cmd(Key::Equals)] },
            Action::ZoomOut => const { &[cmd(Key::Minus)] },
            Action::ZoomReset => const { &[cmd(Key::Num0)] },
            _ => &[],
        }
    }

    /// Whether the shortcut may fire while a text field has keyboard focus: only file
    /// commands and zoom, which a text field has no use for. One-key triage, undo and
    /// redo (the field's own) never do.
    pub fn fires_in_text_field(&self) -> bool {
        matches!(
            self,
            Action::NewFromArticle
                | Action::NewFromLink
                | Action::OpenProject
                | Action::Save
                | Action::SaveAs
                | Action::ExportReport
                | Action::Quit
                | Action::ZoomIn
                | Action::ZoomOut
                | Action::ZoomReset
        )
    }

    /// The menu or button label.
    pub fn label(&self) -> String {
        let text = match self {
            Action::NewFromArticle => "New from article…",
            Action::NewFromLink | Action::FetchLink(_) => "New from link…",
            Action::CancelFetch(_) => "Cancel",
            Action::NewFromClipboard | Action::CreateFromText(_) | Action::PastedText(_) => {
                "New from clipboard…"
            }
            Action::OpenProject => "Open project…",
            Action::UpdateArticle => "Update article…",
            Action::OpenPath(path) => return path.display().to_string(),
            Action::Save => "Save",
            Action::SaveAs | Action::SaveTo(_) => "Save as…",
            Action::ExportReport | Action::ChooseExportFile(_) | Action::Export { .. } => {
                "Export report…"
            }
            Action::ClearRecent => "Clear recent files",
            Action::OpenBackup(_) => "Open the backup",
            Action::ShowMessages => "Messages…",
            Action::ListFolder(_) => "Open folder",
            Action::PickedFile { .. } => "Choose file",
            Action::Quit => "Quit",
            Action::Undo => "Undo",
            Action::Redo => "Redo",
            Action::AddClaimFromSelection | Action::AddClaim { .. } => "Add claim from selection…",
            Action::DeleteClaim => "Delete claim",
            Action::SetExtentFromSelection => "Set extent to selection",
            Action::AttachOrphan(_) => "Attach to selection",
            Action::DeleteOrphan(_) => "Delete orphan",
            Action::SetClaimSource { .. } => "Change source",
            Action::SetClaimKind { .. } => "Change kind",
            Action::RerunExtraction => "Re-run extraction",
            Action::Preferences => "Preferences…",
            Action::SetVerdict(v) => return format!("Mark {}", v.label().to_lowercase()),
            Action::NextClaim => "Next claim",
            Action::PrevClaim => "Previous claim",
            Action::EditNote | Action::SetNote { .. } => "Edit note",
            Action::AddEvidence { .. } => "Add evidence",
            Action::UpdateEvidence { .. } => "Edit evidence",
            Action::RemoveEvidence { .. } => "Remove evidence",
            Action::OpenUrl(_) => "Open in browser",
            Action::SelectClaim { .. } => "Select claim",
            Action::FilterSource(_) => "Filter by source",
            Action::ToggleSources => "Sources panel",
            Action::ToggleTheme => "Dark theme",
            Action::ZoomIn => "Zoom in",
            Action::ZoomOut => "Zoom out",
            Action::ZoomReset => "Actual size",
            Action::ShowLibrary => "Library…",
            Action::SearchLibrary(_) => "Search the library",
            Action::OpenEarlierCheck { .. } => "Open the earlier check",
            Action::SealHistory | Action::Answer(_) => "",
        };
        text.to_owned()
    }

    /// True if the action makes sense now.
    pub fn enabled(&self, on: &Availability) -> bool {
        match self {
            Action::Save
            | Action::SaveAs
            | Action::SaveTo(_)
            | Action::ExportReport
            | Action::ChooseExportFile(_)
            | Action::Export { .. }
            | Action::UpdateArticle
            | Action::DeleteOrphan(_)
            | Action::RerunExtraction => on.document,
            Action::Undo => on.can_undo,
            Action::Redo => on.can_redo,
            Action::AddClaimFromSelection | Action::AddClaim { .. } | Action::AttachOrphan(_) => {
                on.document && on.text_selected
            }
            Action::SetExtentFromSelection => on.claim_selected && on.text_selected,
            Action::DeleteClaim | Action::SetVerdict(_) | Action::EditNote => on.claim_selected,
            Action::NextClaim | Action::PrevClaim => on.has_claims,
            _ => true,
        }
    }
}

/// The shortcut-bearing commands, most specific first, so that Ctrl+Shift+S is matched
/// before Ctrl+S (egui ignores extra Shift when matching).
pub fn shortcut_table() -> Vec<(KeyboardShortcut, Action)> {
    let mut table: Vec<(KeyboardShortcut, Action)> = Action::commands()
        .into_iter()
        .flat_map(|a| a.shortcuts().iter().map(move |s| (*s, a.clone())))
        .collect();
    table.sort_by_key(|(s, _)| std::cmp::Reverse(modifier_count(s.modifiers)));
    table
}

fn modifier_count(m: Modifiers) -> usize {
    usize::from(m.alt) + usize::from(m.shift) + usize::from(m.ctrl || m.command || m.mac_cmd)
}

/// The actions whose shortcuts were pressed this frame (and consumes those key presses).
///
/// While a text field has focus only [`Action::fires_in_text_field`] shortcuts count;
/// while a dialog is open none do.
pub fn pressed(ctx: &egui::Context, on: &Availability, dialog_open: bool) -> Vec<Action> {
    if dialog_open {
        return Vec::new();
    }
    let typing = ctx.text_edit_focused();
    let mut out = Vec::new();
    ctx.input_mut(|input| {
        for (shortcut, action) in shortcut_table() {
            if typing && !action.fires_in_text_field() {
                continue;
            }
            // A plain-key shortcut must not fire with Ctrl held (Ctrl+C is copy, not C).
            if shortcut.modifiers.is_none()
                && (input.modifiers.command || input.modifiers.ctrl || input.modifiers.alt)
            {
                continue;
            }
            if action.enabled(on) && input.consume_shortcut(&shortcut) {
                out.push(action);
            }
        }
        // Ctrl+V with no text field focused: egui delivers the clipboard's text as a
        // paste event, which would otherwise go nowhere; it becomes a new article.
        if !typing && Action::NewFromClipboard.enabled(on) {
            let pasted = input
                .events
                .iter()
                .position(|e| matches!(e, egui::Event::Paste(text) if !text.trim().is_empty()));
            if let Some(i) = pasted
                && let egui::Event::Paste(text) = input.events.remove(i)
            {
                out.push(Action::PastedText(text));
            }
        }
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn no_two_actions_share_a_shortcut() {
        let mut seen: BTreeMap<String, String> = BTreeMap::new();
        for action in Action::commands() {
            for s in action.shortcuts() {
                let name = s.format(&egui::ModifierNames::NAMES, false);
                if let Some(other) = seen.insert(name.clone(), action.label()) {
                    panic!(
                        "{name} is the shortcut of both {other:?} and {:?}",
                        action.label()
                    );
                }
            }
        }
        assert!(seen.len() > 20, "{seen:?}");
    }

    #[test]
    fn triage_keys_are_the_documented_ones() {
        let first = |a: Action| a.shortcuts().first().map(|s| s.logical_key);
        assert_eq!(first(Action::SetVerdict(Verdict::Verified)), Some(Key::V));
        assert_eq!(first(Action::SetVerdict(Verdict::Disputed)), Some(Key::D));
        assert_eq!(
            first(Action::SetVerdict(Verdict::NeedsContext)),
            Some(Key::C)
        );
        assert_eq!(
            first(Action::SetVerdict(Verdict::Unverifiable)),
            Some(Key::X)
        );
        assert_eq!(first(Action::SetVerdict(Verdict::Unreviewed)), Some(Key::U));
        assert_eq!(first(Action::NextClaim), Some(Key::J));
        assert_eq!(first(Action::PrevClaim), Some(Key::K));
        assert_eq!(first(Action::EditNote), Some(Key::N));
        assert_eq!(Action::Redo.shortcuts(), &[cmd_shift(Key::Z), cmd(Key::Y)]);
        assert_eq!(Action::SaveAs.shortcuts(), &[cmd_shift(Key::S)]);
        assert_eq!(Action::ExportReport.shortcuts(), &[cmd(Key::E)]);
    }

    #[test]
    fn one_key_triage_never_fires_in_text_fields() {
        for action in Action::commands() {
            for s in action.shortcuts() {
                if s.modifiers.is_none() {
                    assert!(!action.fires_in_text_field(), "{}", action.label());
                }
            }
        }
        assert!(!Action::Undo.fires_in_text_field());
        assert!(Action::Save.fires_in_text_field());
    }

    #[test]
    fn specific_shortcuts_are_matched_first() {
        let table = shortcut_table();
        let pos = |a: &Action, k: Key| table.iter().position(|(s, x)| x == a && s.logical_key == k);
        assert!(pos(&Action::SaveAs, Key::S) < pos(&Action::Save, Key::S));
        assert!(pos(&Action::Redo, Key::Z) < pos(&Action::Undo, Key::Z));
    }

    #[test]
    fn actions_need_their_state() {
        let none = Availability::default();
        assert!(!Action::SetVerdict(Verdict::Verified).enabled(&none));
        assert!(!Action::Undo.enabled(&none));
        assert!(Action::OpenProject.enabled(&none));
        let on = Availability {
            document: true,
            claim_selected: true,
            ..Availability::default()
        };
        assert!(Action::SetVerdict(Verdict::Verified).enabled(&on));
        assert!(!Action::AddClaimFromSelection.enabled(&on));
        assert!(!Action::SetExtentFromSelection.enabled(&on));
        assert!(!Action::AttachOrphan(ClaimId(4)).enabled(&on));
        let selecting = Availability {
            text_selected: true,
            ..on
        };
        assert!(Action::SetExtentFromSelection.enabled(&selecting));
        assert!(Action::AttachOrphan(ClaimId(4)).enabled(&selecting));
        assert!(!Action::SetExtentFromSelection.enabled(&Availability {
            claim_selected: false,
            ..selecting
        }));
    }
}
