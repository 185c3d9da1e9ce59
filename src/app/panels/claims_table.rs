//! The claims table: #, claim, source, kind, score, verdict, sortable by column, with a
//! filter bar. Only the rows in view are drawn (`TableBody::rows`); the filtered and
//! sorted row order is cached until the project, the filter or the sort order changes.

use egui::{Align, Button, Color32, ComboBox, Id, Label, Layout, RichText, Sense, TextEdit, Ui};
use egui_extras::{Column, TableBuilder};
use std::collections::BTreeMap;

use crate::app::actions::Action;
use crate::app::labels::claim_source_name;
use crate::app::library_work::Findings;
use crate::extract::score;
use crate::model::{Claim, ClaimId, ClaimKind, Project, Source, SourceId, Verdict};

use super::checked_before::marker_tooltip;

/// The accessible name of the claims table's sign of an earlier check (a small ring
/// beside the claim's number; the bundled font has no symbol glyphs).
pub const CHECKED_BEFORE_MARK: &str = "Checked before";

/// Filters of the claims table.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Filter {
    pub verdict: Option<Verdict>,
    pub kind: Option<ClaimKind>,
    pub source: Option<SourceId>,
    pub text: String,
    /// Only claims scoring at least [`score::CHECK_WORTHY`].
    pub check_worthy: bool,
}

impl Filter {
    pub fn is_active(&self) -> bool {
        self.verdict.is_some()
            || self.kind.is_some()
            || self.source.is_some()
            || self.check_worthy
            || !self.text.trim().is_empty()
    }

    /// True if `claim` passes every filter. `needle` is the lower-cased search text.
    pub fn matches(&self, project: &Project, claim: &Claim, needle: &str) -> bool {
        if self.verdict.is_some_and(|v| v != claim.review.verdict)
            || self.kind.is_some_and(|k| k != claim.kind)
            || self
                .source
                .is_some_and(|s| claim.source.map(|c| c.id) != Some(s))
            || self.check_worthy && !score::is_check_worthy(claim.score)
        {
            return false;
        }
        if needle.is_empty() {
            return true;
        }
        let text = claim.text(&project.article.text);
        contains_lower(text, needle)
            || contains_lower(claim_source_name(project, claim), needle)
            || contains_lower(&claim.review.note, needle)
    }
}

fn contains_lower(haystack: &str, needle_lower: &str) -> bool {
    haystack.to_lowercase().contains(needle_lower)
}

/// A column of the claims table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SortColumn {
    /// Text order (the claim's position in the article).
    #[default]
    Position,
    Claim,
    Source,
    Kind,
    Score,
    Verdict,
}

/// The table's sort order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Sort {
    pub column: SortColumn,
    pub descending: bool,
}

/// The table's cached row order.
#[derive(Default)]
pub struct TableState {
    key: Option<((u64, u64), Filter, Sort)>,
    /// Indices into `project.claims`, filtered and sorted.
    rows: Vec<usize>,
    /// The claims with an earlier check, with the marker's tooltip, and the findings
    /// (revision, generation) they were made from.
    checked_before: BTreeMap<ClaimId, String>,
    checked_key: Option<(u64, u64)>,
}

impl TableState {
    /// Recomputes the row order if anything it depends on changed.
    pub fn update(
        &mut self,
        project: &Project,
        content_key: (u64, u64),
        filter: &Filter,
        sort: Sort,
    ) {
        let key = (content_key, filter.clone(), sort);
        if self.key.as_ref() == Some(&key) {
            return;
        }
        let needle = filter.text.trim().to_lowercase();
        let mut rows: Vec<usize> = project
            .claims
            .iter()
            .enumerate()
            .filter(|(_, c)| filter.matches(project, c, &needle))
            .map(|(i, _)| i)
            .collect();
        let claims = &project.claims;
        let text = &project.article.text;
        match sort.column {
            SortColumn::Position => {}
            SortColumn::Claim => rows.sort_by_cached_key(|&i| claims[i].text(text).to_lowercase()),
            SortColumn::Source => {
                rows.sort_by_cached_key(|&i| claim_source_name(project, &claims[i]).to_lowercase());
            }
            SortColumn::Kind => rows.sort_by_key(|&i| claims[i].kind),
            // Equal scores stay in text order either way (reversed below when descending).
            SortColumn::Score => rows.sort_by(|&a, &b| {
                let by_score = claims[a].score.total_cmp(&claims[b].score);
                by_score.then(if sort.descending {
                    b.cmp(&a)
                } else {
                    a.cmp(&b)
                })
            }),
            SortColumn::Verdict => rows.sort_by_key(|&i| claims[i].review.verdict),
        }
        if sort.descending {
            rows.reverse();
        }
        self.rows = rows;
        self.key = Some(key);
    }

    /// Marks the claims that were checked before, when the findings changed.
    pub fn mark_checked_before(&mut self, findings: &Findings, generation: u64) {
        let key = (findings.revision, generation);
        if self.checked_key == Some(key) {
            return;
        }
        self.checked_before = if findings.generation == generation {
            findings
                .claims
                .iter()
                .map(|(id, hits)| (*id, marker_tooltip(hits)))
                .collect()
        } else {
            BTreeMap::new()
        };
        self.checked_key = Some(key);
    }

    /// Claim ids in table order.
    pub fn ids<'a>(&'a self, project: &'a Project) -> impl Iterator<Item = ClaimId> + 'a {
        self.rows
            .iter()
            .filter_map(|&i| project.claims.get(i).map(|c| c.id))
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Forgets the cached order (another document was opened).
    pub fn reset(&mut self) {
        *self = Self::default();
    }
}

/// The claim after (or before) `current` in table order; the first (or last) if none.
pub fn step(ids: &[ClaimId], current: Option<ClaimId>, forward: bool) -> Option<ClaimId> {
    let pos = current.and_then(|c| ids.iter().position(|&i| i == c));
    match (pos, forward) {
        (None, true) => ids.first().copied(),
        (None, false) => ids.last().copied(),
        (Some(p), true) => ids.get(p + 1).or(ids.get(p)).copied(),
        (Some(p), false) => ids.get(p.saturating_sub(1)).copied(),
    }
}

/// The filter bar: verdict, kind, source, check-worthy only and free text.
pub fn filter_bar_ui(
    ui: &mut Ui,
    project: &Project,
    filter: &mut Filter,
    shown: usize,
    actions: &mut Vec<Action>,
) {
    ui.horizontal_wrapped(|ui| {
        ComboBox::new(Id::unique("filter-verdict"), "")
            .selected_text(filter.verdict.map_or("All verdicts", Verdict::label))
            .width(110.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut filter.verdict, None, "All verdicts");
                for v in Verdict::ALL {
                    ui.selectable_value(&mut filter.verdict, Some(v), v.label());
                }
            })
            .response
            .on_hover_text("Filter by verdict");
        ComboBox::new(Id::unique("filter-kind"), "")
            .selected_text(filter.kind.map_or("All kinds", ClaimKind::label))
            .width(90.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut filter.kind, None, "All kinds");
                for k in ClaimKind::ALL {
                    ui.selectable_value(&mut filter.kind, Some(k), k.label());
                }
            })
            .response
            .on_hover_text("Filter by kind");
        let source_text = filter
            .source
            .and_then(|id| project.source(id))
            .map_or_else(|| "All sources".to_owned(), Source::label);
        let mut picked = filter.source;
        ComboBox::new(Id::unique("filter-source"), "")
            .selected_text(source_text)
            .width(150.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut picked, None, "All sources");
                let mut sources: Vec<_> = project.sources.iter().collect();
                sources.sort_by_key(|s| s.label().to_lowercase());
                for s in sources {
                    ui.selectable_value(&mut picked, Some(s.id), s.label());
                }
            })
            .response
            .on_hover_text("Filter by source");
        if picked != filter.source {
            actions.push(Action::FilterSource(picked));
        }
        ui.checkbox(&mut filter.check_worthy, "Check-worthy only")
            .on_hover_text(format!(
                "Only claims scoring {:.2} or more",
                score::CHECK_WORTHY
            ));
        ui.add(
            TextEdit::singleline(&mut filter.text)
                .hint_text("Search claims")
                .desired_width(120.0),
        );
        if filter.is_active() && ui.small_button("Clear filters").clicked() {
            actions.push(Action::FilterSource(None));
            *filter = Filter::default();
        }
        ui.add(
            Label::new(RichText::new(format!("{shown} of {} claims", project.claims.len())).weak())
                .extend(),
        );
    });
}

/// The table itself. `scroll_to_selected` scrolls the selected row into view once.
pub fn claims_table_ui(
    ui: &mut Ui,
    project: &Project,
    table: &TableState,
    sort: &mut Sort,
    selected: Option<ClaimId>,
    scroll_to_selected: bool,
    actions: &mut Vec<Action>,
) {
    let row_h = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    // A narrow panel leaves out kind and score, so the table never pushes the panel wider.
    let columns: &[SortColumn] = if ui.available_width() < COMPACT_BELOW {
        &COMPACT_COLUMNS
    } else {
        &ALL_COLUMNS
    };
    let mut builder = TableBuilder::new(ui)
        .id_salt(("claims-table", columns.len()))
        .striped(true)
        .resizable(true)
        .sense(Sense::click())
        .cell_layout(Layout::left_to_right(Align::Center));
    let compact = columns.len() < ALL_COLUMNS.len();
    for &column in columns {
        builder = builder.column(column_spec(column, compact));
    }
    builder = builder.min_scrolled_height(0.0).auto_shrink([false, false]);
    if scroll_to_selected
        && let Some(row) = selected.and_then(|id| {
            table
                .rows
                .iter()
                .position(|&i| project.claims.get(i).is_some_and(|c| c.id == id))
        })
    {
        builder = builder.scroll_to_row(row, Some(Align::Center));
    }
    builder
        .header(row_h, |mut header| {
            for &column in columns {
                header.col(|ui| header_ui(ui, column, sort));
            }
        })
        .body(|body| {
            body.rows(row_h, table.rows.len(), |mut row| {
                let Some((position, claim)) = table
                    .rows
                    .get(row.index())
                    .and_then(|&i| Some((i, project.claims.get(i)?)))
                else {
                    return;
                };
                row.set_selected(selected == Some(claim.id));
                let mark = table.checked_before.get(&claim.id).map(String::as_str);
                for &column in columns {
                    row.col(|ui| cell_ui(ui, project, position, claim, column, mark));
                }
                if row.response().clicked() {
                    actions.push(Action::SelectClaim {
                        claim: Some(claim.id),
                        scroll_article: true,
                    });
                }
            });
        });
}

/// The "#" column's text: the claim's number in text order, from 1.
fn position_label(position: usize) -> String {
    (position + 1).to_string()
}

/// Narrower than this, the table shows [`COMPACT_COLUMNS`].
const COMPACT_BELOW: f32 = 580.0;
const ALL_COLUMNS: [SortColumn; 6] = [
    SortColumn::Position,
    SortColumn::Claim,
    SortColumn::Source,
    SortColumn::Kind,
    SortColumn::Score,
    SortColumn::Verdict,
];
const COMPACT_COLUMNS: [SortColumn; 4] = [
    SortColumn::Position,
    SortColumn::Claim,
    SortColumn::Source,
    SortColumn::Verdict,
];

fn column_spec(column: SortColumn, compact: bool) -> Column {
    match column {
        SortColumn::Position => Column::initial(52.0).at_least(30.0),
        SortColumn::Claim => Column::remainder().at_least(100.0).clip(true),
        SortColumn::Source if compact => Column::initial(80.0).at_least(50.0).clip(true),
        SortColumn::Verdict if compact => Column::initial(88.0).at_least(60.0).clip(true),
        SortColumn::Source => Column::initial(112.0).at_least(50.0).clip(true),
        SortColumn::Kind => Column::initial(66.0).at_least(40.0).clip(true),
        SortColumn::Score => Column::initial(44.0).at_least(36.0),
        SortColumn::Verdict => Column::initial(112.0).at_least(60.0).clip(true),
    }
}

fn column_name(column: SortColumn) -> &'static str {
    match column {
        SortColumn::Position => "#",
        SortColumn::Claim => "Claim",
        SortColumn::Source => "Source",
        SortColumn::Kind => "Kind",
        SortColumn::Score => "Score",
        SortColumn::Verdict => "Verdict",
    }
}

/// A column header: click to sort by it, again to reverse. Score sorts highest first
/// at the first click: the triage order, check-worthy claims first.
fn header_ui(ui: &mut Ui, column: SortColumn, sort: &mut Sort) {
    let name = column_name(column);
    let button = Button::new(RichText::new(name).strong()).frame(false);
    let response = ui
        .add(button)
        .on_hover_text(format!("Sort by {}", name.to_lowercase()));
    if sort.column == column {
        sort_arrow(ui, response.rect, sort.descending);
    }
    if response.clicked() {
        if sort.column == column {
            sort.descending = !sort.descending;
        } else {
            *sort = Sort {
                column,
                descending: column == SortColumn::Score,
            };
        }
    }
}

/// `position` is the claim's index in text order (`project.claims` is kept in it);
/// `mark` is the tooltip of its "checked before" marker, if it has one.
fn cell_ui(
    ui: &mut Ui,
    project: &Project,
    position: usize,
    claim: &Claim,
    column: SortColumn,
    mark: Option<&str>,
) {
    match column {
        SortColumn::Position => {
            // The number reads in text order, whatever the claim's id; the id (used in
            // reports and notes) is what the cell is named for screen readers.
            let id = claim.id.to_string();
            let response = ui
                .add(Label::new(RichText::new(position_label(position)).weak()).selectable(false))
                .on_hover_text(format!("Claim {id}, number {} in text order", position + 1));
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, id.clone()));
            if let Some(tooltip) = mark {
                checked_before_mark(ui, tooltip);
            }
        }
        SortColumn::Claim => {
            let shown = claim.text(&project.article.text).replace('\n', " ");
            ui.add(Label::new(shown).truncate().selectable(false));
        }
        SortColumn::Source => {
            ui.add(
                Label::new(claim_source_name(project, claim))
                    .truncate()
                    .selectable(false),
            );
        }
        SortColumn::Kind => {
            ui.add(Label::new(claim.kind.label()).selectable(false));
        }
        SortColumn::Score => {
            ui.add(Label::new(format!("{:.2}", claim.score)).selectable(false));
        }
        SortColumn::Verdict => {
            let [r, g, b] = claim.review.verdict.rgb();
            let (dot, _) = ui.allocate_exact_size(egui::Vec2::splat(10.0), Sense::hover());
            ui.painter()
                .circle_filled(dot.center(), 4.5, Color32::from_rgb(r, g, b));
            ui.add(Label::new(claim.review.verdict.label()).selectable(false));
        }
    }
}

/// A small ring in the link colour, with the best earlier check as its tooltip.
fn checked_before_mark(ui: &mut Ui, tooltip: &str) {
    let (rect, response) = ui.allocate_exact_size(egui::Vec2::splat(12.0), Sense::hover());
    let color = ui.visuals().hyperlink_color;
    let painter = ui.painter();
    painter.circle_stroke(rect.center(), 4.0, egui::Stroke::new(1.5, color));
    painter.circle_filled(rect.center(), 1.5, color);
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::accesskit::Role::Image, true, CHECKED_BEFORE_MARK)
    });
    response.on_hover_text(tooltip);
}

/// A small triangle after a sorted column's name: up for ascending, down for descending.
fn sort_arrow(ui: &Ui, after: egui::Rect, descending: bool) {
    let c = egui::Pos2::new(after.right() + 7.0, after.center().y);
    let (tip, base) = if descending { (3.5, -3.5) } else { (-3.5, 3.5) };
    let points = vec![
        egui::Pos2::new(c.x - 4.0, c.y + base),
        egui::Pos2::new(c.x + 4.0, c.y + base),
        egui::Pos2::new(c.x, c.y + tip),
    ];
    let color = ui.visuals().strong_text_color();
    ui.painter().add(egui::Shape::convex_polygon(
        points,
        color,
        egui::Stroke::NONE,
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn step_moves_through_table_order() {
        let ids = [ClaimId(4), ClaimId(2), ClaimId(9)];
        assert_eq!(step(&ids, None, true), Some(ClaimId(4)));
        assert_eq!(step(&ids, None, false), Some(ClaimId(9)));
        assert_eq!(step(&ids, Some(ClaimId(2)), true), Some(ClaimId(9)));
        assert_eq!(step(&ids, Some(ClaimId(9)), true), Some(ClaimId(9)));
        assert_eq!(step(&ids, Some(ClaimId(4)), false), Some(ClaimId(4)));
        assert_eq!(step(&[], None, true), None);
    }
}
