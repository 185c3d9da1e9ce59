//! "Checked before": the earlier checks of the selected claim, in the details panel, and
//! the result rows the Library panel shares with it. One click opens the earlier project
//! at that claim, or the review's page in the browser.

use egui::{Button, Color32, Label, RichText, Ui};

use crate::app::actions::Action;
use crate::app::library_work::{Findings, LibraryStatus};
use crate::library::{Hit, Origin};
use crate::model::{ClaimId, Verdict};

/// The "Checked before" section for `claim` of the document `generation`. Nothing while
/// the library is empty or not open yet; one line when it cannot be opened.
pub fn checked_before_ui(
    ui: &mut Ui,
    findings: &Findings,
    claim: ClaimId,
    generation: u64,
    actions: &mut Vec<Action>,
) {
    match &findings.status {
        LibraryStatus::Unknown | LibraryStatus::Ready { entries: 0 } => {}
        LibraryStatus::Failed(line) => {
            ui.add(Label::new(RichText::new(line).color(ui.visuals().warn_fg_color)).wrap());
        }
        LibraryStatus::Ready { .. } => {
            let hits = findings.of(claim, generation);
            if hits.is_empty() {
                ui.label(
                    RichText::new("Not checked before (no match in the claim library)").weak(),
                );
                return;
            }
            ui.label(RichText::new(format!("Checked before ({})", hits.len())).strong());
            for (i, hit) in hits.iter().enumerate() {
                ui.push_id(("checked-before", i), |ui| hit_ui(ui, hit, true, actions));
            }
        }
    }
}

/// The tooltip of the claims table's marker: the best earlier check in one line.
pub fn marker_tooltip(hits: &[Hit]) -> String {
    let Some(best) = hits.first() else {
        return String::new();
    };
    let more = match hits.len() {
        1 => String::new(),
        n => format!(" (+{} more)", n - 1),
    };
    format!(
        "Checked before: {} — {}, {}{more}",
        best.entry.verdict,
        where_from(best),
        percent(best.overlap)
    )
}

/// One earlier check: its verdict, the claim as checked, when, by whom or in which
/// project, the match score, and a button that opens it.
pub fn hit_ui(ui: &mut Ui, hit: &Hit, show_score: bool, actions: &mut Vec<Action>) {
    let entry = &hit.entry;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            let (dot, _) = ui.allocate_exact_size(egui::Vec2::splat(10.0), egui::Sense::hover());
            ui.painter()
                .circle_filled(dot.center(), 4.5, verdict_color(&entry.verdict));
            ui.label(RichText::new(&entry.verdict).strong());
            if show_score {
                ui.label(RichText::new(format!("match {}", percent(hit.overlap))).weak());
            }
        });
        ui.add(Label::new(&entry.claim).wrap());
        let mut meta = Vec::new();
        if let Some(d) = entry.date {
            meta.push(d.to_string());
        }
        if let Some(s) = entry.source.as_deref() {
            meta.push(s.to_owned());
        }
        meta.push(where_from(hit));
        ui.add(Label::new(RichText::new(meta.join(" · ")).small().weak()).wrap());
        if !entry.note.is_empty() {
            ui.add(Label::new(RichText::new(format!("Note: {}", entry.note)).small()).wrap());
        }
        open_button_ui(ui, &entry.origin, actions);
    });
}

fn open_button_ui(ui: &mut Ui, origin: &Origin, actions: &mut Vec<Action>) {
    match origin {
        Origin::Project { file, claim } => {
            let name = origin.label();
            if ui
                .button(format!("Open {claim} in {name}"))
                .on_hover_text(file.display().to_string())
                .clicked()
            {
                actions.push(Action::OpenEarlierCheck {
                    file: file.clone(),
                    claim: *claim,
                });
            }
        }
        Origin::Review { url, file, .. } => {
            let url = url.as_deref().map(str::trim).filter(|u| !u.is_empty());
            let button = ui
                .add_enabled(url.is_some(), Button::new("Open the review"))
                .on_hover_text(url.map_or_else(
                    || format!("No link to the review; it was read from {}", file.display()),
                    str::to_owned,
                ));
            if let Some(url) = url.filter(|_| button.clicked()) {
                actions.push(Action::OpenUrl(url.to_owned()));
            }
        }
    }
}

/// "harbour-bridge (c4)" for a project claim, the publisher for a review.
fn where_from(hit: &Hit) -> String {
    match &hit.entry.origin {
        o @ Origin::Project { claim, .. } => format!("{} ({claim})", o.label()),
        o @ Origin::Review { .. } => o.label(),
    }
}

fn percent(overlap: f32) -> String {
    format!("{:.0}%", (overlap * 100.0).clamp(0.0, 100.0))
}

/// claimdesk's verdict colours for its own verdicts; a checker's own wording gets the
/// colour of the verdict it reads as, else grey.
pub fn verdict_color(verdict: &str) -> Color32 {
    let v = verdict.trim().to_lowercase();
    let own = Verdict::ALL
        .into_iter()
        .find(|x| x.label().to_lowercase() == v)
        .or(match v.as_str() {
            "true" | "mostly true" | "correct" | "accurate" => Some(Verdict::Verified),
            "false" | "mostly false" | "pants on fire" | "fake" | "incorrect" => {
                Some(Verdict::Disputed)
            }
            "mixture" | "half true" | "misleading" | "missing context" => {
                Some(Verdict::NeedsContext)
            }
            _ => None,
        });
    own.map_or(Color32::GRAY, |x| {
        let [r, g, b] = x.rgb();
        Color32::from_rgb(r, g, b)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::Entry;

    fn hit(verdict: &str, overlap: f32) -> Hit {
        Hit {
            entry: Entry {
                key: "k".into(),
                claim: "Tolls rose 37 percent.".into(),
                title: String::new(),
                source: None,
                verdict: verdict.into(),
                note: String::new(),
                evidence: vec![],
                reviewer: None,
                date: None,
                origin: Origin::Project {
                    file: "/desk/harbour.ron".into(),
                    claim: ClaimId(4),
                },
            },
            score: 1.0,
            overlap,
        }
    }

    #[test]
    fn the_marker_tooltip_names_the_best_check() {
        let hits = [hit("Disputed", 0.824), hit("False", 0.5)];
        assert_eq!(
            marker_tooltip(&hits),
            "Checked before: Disputed — harbour (c4), 82% (+1 more)"
        );
        assert_eq!(marker_tooltip(&[]), "");
    }

    #[test]
    fn checkers_wordings_get_the_colour_they_read_as() {
        let rgb = |v: Verdict| {
            let [r, g, b] = v.rgb();
            Color32::from_rgb(r, g, b)
        };
        assert_eq!(verdict_color("Mostly false"), rgb(Verdict::Disputed));
        assert_eq!(verdict_color("needs context"), rgb(Verdict::NeedsContext));
        assert_eq!(verdict_color("Unclear"), Color32::GRAY);
    }
}
