//! The sources panel: every source with role, kind, number of claims and a verdict
//! breakdown. Clicking one filters the table and highlights its mentions.

use egui::{Color32, Rect, RichText, ScrollArea, Sense, Ui, Vec2};

use crate::app::actions::Action;
use crate::model::{Project, SourceId, Tally, Verdict};

/// The panel's cached order: most claims first.
#[derive(Default)]
pub struct SourcesState {
    key: Option<(u64, u64)>,
    rows: Vec<(SourceId, Tally)>,
}

impl SourcesState {
    fn update(&mut self, project: &Project, key: (u64, u64)) {
        if self.key == Some(key) {
            return;
        }
        let mut rows: Vec<(SourceId, Tally)> = project.tally_by_source().into_iter().collect();
        rows.sort_by_cached_key(|(id, tally)| {
            let name = project
                .source(*id)
                .map(|s| s.shown_name().to_lowercase())
                .unwrap_or_default();
            (std::cmp::Reverse(tally.total), name)
        });
        self.rows = rows;
        self.key = Some(key);
    }
}

/// "2 verified · 1 disputed · 3 unreviewed".
pub fn breakdown(tally: &Tally) -> String {
    let parts: Vec<String> = Verdict::ALL[1..]
        .iter()
        .chain(std::iter::once(&Verdict::Unreviewed))
        .filter(|v| tally.count(**v) > 0)
        .map(|v| format!("{} {}", tally.count(*v), v.label().to_lowercase()))
        .collect();
    if parts.is_empty() {
        "no claims".to_owned()
    } else {
        parts.join(" · ")
    }
}

/// Draws the list.
pub fn sources_ui(
    ui: &mut Ui,
    project: &Project,
    content_key: (u64, u64),
    focused: Option<SourceId>,
    state: &mut SourcesState,
    actions: &mut Vec<Action>,
) {
    state.update(project, content_key);
    ui.horizontal(|ui| {
        ui.heading("Sources");
        ui.label(RichText::new(project.sources.len().to_string()).weak());
    });
    ui.horizontal(|ui| {
        if focused.is_some() && ui.small_button("Show all sources").clicked() {
            actions.push(Action::FilterSource(None));
        }
        if ui
            .small_button("Hide")
            .on_hover_text("Hide the sources panel (Ctrl+B)")
            .clicked()
        {
            actions.push(Action::ToggleSources);
        }
    });
    ui.separator();
    let row_h = ui.text_style_height(&egui::TextStyle::Body);
    let small_h = ui.text_style_height(&egui::TextStyle::Small);
    let card_h = row_h + 2.0 * small_h + 6.0 + 14.0;
    ScrollArea::vertical()
        .id_salt("sources-scroll")
        .auto_shrink([false, false])
        .show_rows(ui, card_h, state.rows.len(), |ui, range| {
            for (id, tally) in &state.rows[range] {
                let Some(source) = project.source(*id) else {
                    continue;
                };
                let on = focused == Some(*id);
                let (rect, response) = ui.allocate_exact_size(
                    Vec2::new(ui.available_width(), card_h - ui.spacing().item_spacing.y),
                    Sense::click(),
                );
                let visuals = ui.style().interact_selectable(&response, on);
                // The whole card is the button: its labels take no clicks of their own.
                if on || response.hovered() || response.has_focus() {
                    ui.painter().rect_filled(rect, 4.0, visuals.weak_bg_fill);
                }
                if response.has_focus() {
                    ui.painter().rect_stroke(
                        rect,
                        4.0,
                        ui.visuals().selection.stroke,
                        egui::StrokeKind::Inside,
                    );
                }
                let mut child = ui
                    .new_child(egui::UiBuilder::new().max_rect(rect.shrink2(Vec2::new(6.0, 4.0))));
                child.horizontal(|ui| {
                    let n = tally.total;
                    let count = if n == 1 {
                        "1 claim".to_owned()
                    } else {
                        format!("{n} claims")
                    };
                    let name_width = (ui.available_width() - 64.0).max(40.0);
                    ui.allocate_ui(Vec2::new(name_width, row_h), |ui| {
                        let name = RichText::new(source.shown_name()).strong();
                        let name = if on {
                            name.color(ui.visuals().selection.stroke.color)
                        } else {
                            name
                        };
                        ui.add(egui::Label::new(name).truncate().selectable(false));
                    });
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        ui.add(egui::Label::new(RichText::new(count).weak()).selectable(false));
                    });
                });
                let role = source.role.as_deref().filter(|r| !r.trim().is_empty());
                let line = role.map_or_else(
                    || source.kind.label().to_owned(),
                    |r| format!("{r} · {}", source.kind.label()),
                );
                child.add(
                    egui::Label::new(RichText::new(line).small().weak())
                        .truncate()
                        .selectable(false),
                );
                let bar = Rect::from_min_size(
                    child.cursor().min,
                    Vec2::new(child.available_width().min(160.0), 5.0),
                );
                verdict_bar(&child, bar, tally);
                child.add_space(7.0);
                child.add(
                    egui::Label::new(RichText::new(breakdown(tally)).small())
                        .truncate()
                        .selectable(false),
                );
                let label = format!("{} — {}", source.shown_name(), breakdown(tally));
                response.widget_info(|| {
                    egui::WidgetInfo::selected(egui::Role::Button, true, on, &label)
                });
                if response
                    .on_hover_text("Show only this source's claims and highlight its mentions")
                    .clicked()
                {
                    actions.push(Action::FilterSource(if on { None } else { Some(*id) }));
                }
            }
        });
}

/// A bar split by verdict, in the verdicts' colours.
fn verdict_bar(ui: &Ui, rect: Rect, tally: &Tally) {
    let painter = ui.painter();
    if tally.total == 0 {
        painter.rect_filled(rect, 2.0, ui.visuals().faint_bg_color);
        return;
    }
    let mut x = rect.min.x;
    for verdict in [
        Verdict::Verified,
        Verdict::NeedsContext,
        Verdict::Disputed,
        Verdict::Unverifiable,
        Verdict::Unreviewed,
    ] {
        let n = tally.count(verdict);
        if n == 0 {
            continue;
        }
        let w = rect.width() * n as f32 / tally.total as f32;
        let [r, g, b] = verdict.rgb();
        painter.rect_filled(
            Rect::from_x_y_ranges(x..=x + w, rect.y_range()),
            0.0,
            Color32::from_rgb(r, g, b),
        );
        x += w;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn breakdown_lists_reviewed_first_and_skips_zeros() {
        let tally = Tally {
            total: 4,
            unreviewed: 1,
            verified: 2,
            disputed: 1,
            needs_context: 0,
            unverifiable: 0,
        };
        assert_eq!(breakdown(&tally), "2 verified · 1 disputed · 1 unreviewed");
        assert_eq!(breakdown(&Tally::default()), "no claims");
    }
}
