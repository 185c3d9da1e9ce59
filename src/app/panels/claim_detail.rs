//! Details of the selected claim: full text, source with role (changeable), kind, cue
//! and its class, the report it was reported in, score and reasons, verdict buttons, note, evidence, and who reviewed it when.
//!
//! Text fields edit a copy of the project's value each frame and emit an action when it
//! changes, so the project stays the single source of truth (undo updates the fields).

use egui::{Button, Color32, Grid, Id, Label, RichText, ScrollArea, TextEdit, Ui};

use crate::app::actions::Action;
use crate::app::labels::ADDED_BY_HAND;
use crate::app::library_work::Findings;
use crate::app::widgets::{SourcePick, kind_ui, source_pick_ui};
use crate::model::{Claim, ClaimId, Evidence, Origin, Project, Source, Verdict};

use super::checked_before::checked_before_ui;

/// The details panel's own state.
#[derive(Default)]
pub struct DetailState {
    /// The claim the state below belongs to.
    claim: Option<ClaimId>,
    /// Changing the source: the pick in progress.
    source_pick: Option<SourcePick>,
    new_evidence: Evidence,
}

/// The id of the note field of `claim`, to focus it with N.
pub fn note_id(claim: ClaimId) -> Id {
    Id::unique(("claim-note", claim))
}

/// Draws the details of `selected`; `checked` holds the earlier checks of the document
/// (its generation) for "Checked before".
pub fn claim_detail_ui(
    ui: &mut Ui,
    project: &Project,
    selected: Option<ClaimId>,
    checked: (&Findings, u64),
    state: &mut DetailState,
    actions: &mut Vec<Action>,
) {
    let Some(claim) = selected.and_then(|id| project.claim(id)) else {
        ui.add_space(12.0);
        ui.vertical_centered(|ui| {
            ui.label(
                RichText::new("Select a claim in the table or the article to review it.").weak(),
            );
        });
        return;
    };
    if state.claim != Some(claim.id) {
        *state = DetailState {
            claim: Some(claim.id),
            ..DetailState::default()
        };
    }
    ScrollArea::vertical()
        .id_salt("claim-detail")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            header_ui(ui, project, claim, state, actions);
            ui.add_space(4.0);
            checked_before_ui(ui, checked.0, claim.id, checked.1, actions);
            ui.add_space(4.0);
            verdict_ui(ui, claim, actions);
            ui.add_space(6.0);
            note_ui(ui, claim, actions);
            ui.add_space(6.0);
            facts_ui(ui, claim, actions);
            ui.add_space(6.0);
            evidence_ui(ui, claim, state, actions);
            ui.add_space(10.0);
            if ui
                .button("Delete claim")
                .on_hover_text("Delete this claim (Del); undo brings it back")
                .clicked()
            {
                actions.push(Action::DeleteClaim);
            }
        });
}

fn header_ui(
    ui: &mut Ui,
    project: &Project,
    claim: &Claim,
    state: &mut DetailState,
    actions: &mut Vec<Action>,
) {
    ui.horizontal(|ui| {
        ui.heading(format!("Claim {}", claim.id));
        ui.label(RichText::new(claim.kind.label()).weak());
    });
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.add(Label::new(claim.text(&project.article.text)).wrap());
    });
    let source = project.claim_source(claim);
    let shown = source.map_or_else(|| "No source".to_owned(), Source::label);
    ui.horizontal_wrapped(|ui| {
        ui.label(format!("Source: {shown}"));
        if let Some(kind) = source.map(|s| s.kind) {
            ui.label(RichText::new(kind.label()).weak().small());
        }
        if state.source_pick.is_none() && ui.small_button("Change…").clicked() {
            state.source_pick = Some(SourcePick::new(claim.source.map(|s| s.id)));
        }
    });
    let mut done = false;
    if let Some(pick) = &mut state.source_pick {
        source_pick_ui(
            ui,
            "detail-source",
            "New source for the claim",
            project,
            pick,
            false,
        );
        ui.horizontal(|ui| {
            if ui.button("Apply").clicked() {
                actions.push(Action::SetClaimSource {
                    claim: claim.id,
                    source: pick.choice(project),
                });
                done = true;
            } else if ui.button("Cancel").clicked() {
                done = true;
            }
        });
    }
    if done {
        state.source_pick = None;
    }
}

fn facts_ui(ui: &mut Ui, claim: &Claim, actions: &mut Vec<Action>) {
    Grid::new("claim-facts")
        .num_columns(2)
        .spacing([10.0, 6.0])
        .striped(false)
        .show(ui, |ui| {
            let kind_label = ui.label(RichText::new("Kind").strong());
            let mut kind = claim.kind;
            if kind_ui(ui, "detail-kind", kind_label.id, &mut kind) {
                actions.push(Action::SetClaimKind {
                    claim: claim.id,
                    kind,
                });
            }
            ui.end_row();

            ui.label(RichText::new("Cue").strong());
            // "found (evidence)", as the reports write it; the class explained on hover.
            match claim.cue.as_ref().map(|c| (c.text.as_str(), c.class)) {
                Some((text, Some(class))) => {
                    ui.label(format!("{text} ({class})"))
                        .on_hover_text(class.description());
                }
                Some((text, None)) => {
                    ui.label(text);
                }
                None => {
                    ui.label("—");
                }
            }
            ui.end_row();

            if let Some(reported) = &claim.reported_in {
                ui.label(RichText::new("Reported in").strong());
                ui.add(Label::new(reported.text.as_str()).wrap())
                    .on_hover_text("The report that carries the speaker's words");
                ui.end_row();
            }

            ui.label(RichText::new("Score").strong());
            ui.label(format!("{:.2}", claim.score));
            ui.end_row();

            ui.label(RichText::new("Why").strong());
            ui.vertical(|ui| {
                let added = claim.reasons.iter().any(|r| r == ADDED_BY_HAND);
                if claim.origin == Origin::Manual {
                    ui.label(if added {
                        "Added by hand"
                    } else {
                        "Corrected by hand"
                    });
                }
                for reason in claim.reasons.iter().filter(|r| *r != ADDED_BY_HAND) {
                    ui.add(Label::new(format!("• {reason}")).wrap());
                }
                if claim.reasons.is_empty() && claim.origin != Origin::Manual {
                    ui.label("—");
                }
            });
            ui.end_row();
        });
}

fn verdict_ui(ui: &mut Ui, claim: &Claim, actions: &mut Vec<Action>) {
    ui.label(RichText::new("Verdict").strong());
    ui.horizontal_wrapped(|ui| {
        for verdict in Verdict::ALL {
            let [r, g, b] = verdict.rgb();
            let on = claim.review.verdict == verdict;
            let key = Action::SetVerdict(verdict)
                .shortcuts()
                .first()
                .map(|s| s.logical_key.name())
                .unwrap_or_default();
            let mut text = RichText::new(format!("{} ({key})", verdict.label()));
            if on {
                text = text.color(Color32::from_gray(20)).strong();
            }
            let mut button = Button::selectable(on, text);
            if on {
                button = button.fill(Color32::from_rgb(r, g, b));
            }
            if ui.add(button).clicked() && !on {
                actions.push(Action::SetVerdict(verdict));
            }
        }
    });
    let who = claim.review.reviewer.as_deref().unwrap_or("anonymous");
    let line = match (claim.review.verdict.is_reviewed(), claim.review.reviewed_at) {
        (_, Some(at)) => format!(
            "Last verdict by {who}, {}",
            at.to_zoned_datetime(jiff::tz::TimeZone::system())
                .strftime("%Y-%m-%d %H:%M")
        ),
        (true, None) => format!("Last verdict by {who}"),
        (false, None) => "Not reviewed yet".to_owned(),
    };
    ui.label(RichText::new(line).weak().small());
}

fn note_ui(ui: &mut Ui, claim: &Claim, actions: &mut Vec<Action>) {
    let label = ui.label(RichText::new("Note").strong());
    let mut note = claim.review.note.clone();
    let response = ui
        .add(
            TextEdit::multiline(&mut note)
                .id(note_id(claim.id))
                .hint_text("What you checked, and what you found (N)")
                .desired_rows(3)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    if response.changed() {
        actions.push(Action::SetNote {
            claim: claim.id,
            note,
        });
    }
    if response.lost_focus() {
        actions.push(Action::SealHistory);
    }
}

fn evidence_ui(ui: &mut Ui, claim: &Claim, state: &mut DetailState, actions: &mut Vec<Action>) {
    ui.label(RichText::new(format!("Evidence ({})", claim.review.evidence.len())).strong());
    for (index, item) in claim.review.evidence.iter().enumerate() {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            let mut edited = item.clone();
            let mut changed = false;
            let mut sealed = false;
            ui.push_id(("evidence", index), |ui| {
                for (field, hint) in [
                    (&mut edited.url, "https://…"),
                    (&mut edited.title, "Title"),
                    (&mut edited.note, "What it shows"),
                ] {
                    let r = ui.add(
                        TextEdit::singleline(field)
                            .hint_text(hint)
                            .desired_width(f32::INFINITY),
                    );
                    changed |= r.changed();
                    sealed |= r.lost_focus();
                }
                ui.horizontal(|ui| {
                    let url = item.url.trim();
                    if ui
                        .add_enabled(!url.is_empty(), Button::new("Open in browser"))
                        .clicked()
                    {
                        actions.push(Action::OpenUrl(url.to_owned()));
                    }
                    if ui.button("Remove").clicked() {
                        actions.push(Action::RemoveEvidence {
                            claim: claim.id,
                            index,
                        });
                    }
                });
            });
            if changed {
                actions.push(Action::UpdateEvidence {
                    claim: claim.id,
                    index,
                    evidence: edited,
                });
            }
            if sealed {
                actions.push(Action::SealHistory);
            }
        });
    }
    ui.push_id("new-evidence", |ui| {
        let e = &mut state.new_evidence;
        Grid::new("new-evidence-grid")
            .num_columns(2)
            .spacing([8.0, 4.0])
            .show(ui, |ui| {
                for (name, field, hint) in [
                    ("Evidence URL", &mut e.url, "https://…"),
                    (
                        "Evidence title",
                        &mut e.title,
                        "Title of the page or document",
                    ),
                    ("Evidence note", &mut e.note, "What it shows"),
                ] {
                    let label = ui.label(RichText::new(name).small());
                    ui.add(
                        TextEdit::singleline(field)
                            .hint_text(hint)
                            .desired_width(f32::INFINITY),
                    )
                    .labelled_by(label.id);
                    ui.end_row();
                }
            });
        let ready = !e.url.trim().is_empty() || !e.title.trim().is_empty();
        if ui.add_enabled(ready, Button::new("Add evidence")).clicked() {
            let taken = std::mem::take(e);
            let evidence = Evidence {
                url: taken.url.trim().to_owned(),
                ..taken
            };
            actions.push(Action::AddEvidence {
                claim: claim.id,
                evidence,
            });
        }
    });
}
