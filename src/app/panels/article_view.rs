//! The article, with every claim highlighted in its verdict's colour.
//!
//! Only the paragraphs in view are laid out and painted (`ScrollArea::show_viewport`
//! over [`ParagraphCache`]). Hovering a highlight shows its claim; clicking selects it;
//! dragging selects text for Add claim.

use std::sync::Arc;

use egui::{
    Color32, CursorIcon, Galley, Id, Pos2, Rect, RichText, ScrollArea, Sense, Stroke, StrokeKind,
    Ui, Vec2, WidgetInfo,
};

use super::article_header::Header;
pub use super::article_index::ArticleInput;
use super::article_index::{Builder, ClaimIndex, atlas_fill, claim_at, offset_in};
use super::article_layout::{Look, ParagraphCache, range_rects};
use crate::app::actions::Action;
use crate::app::labels::claim_source_name;
use crate::model::{ClaimId, Project, Source, Span, Verdict};

/// Text selected with the mouse: byte offsets into the article text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextSelection {
    pub anchor: usize,
    pub head: usize,
}

/// The article view's own state.
#[derive(Default)]
pub struct ArticleViewState {
    pub cache: ParagraphCache,
    index: ClaimIndex,
    pub selection: Option<TextSelection>,
    dragging: bool,
    /// Scroll to this claim on the next frame.
    pub scroll_to: Option<ClaimId>,
    viewport_height: f32,
}

impl ArticleViewState {
    /// The selected passage, trimmed of surrounding whitespace, if any text is selected.
    pub fn selected_span(&self, text: &str) -> Option<Span> {
        let sel = self.selection?;
        let span = Span::new(sel.anchor, sel.head).trim(text);
        (!span.is_empty() && span.is_valid_for(text)).then_some(span)
    }

    /// Forgets everything tied to the open document.
    pub fn reset(&mut self) {
        *self = Self::default();
    }
}

const MARGIN: f32 = 22.0;
const MAX_WIDTH: f32 = 820.0;
const BODY_SIZE: f32 = 15.5;

/// Draws the article; emits selections and scrolls as actions.
pub fn article_ui(
    ui: &mut Ui,
    input: &ArticleInput<'_>,
    state: &mut ArticleViewState,
    actions: &mut Vec<Action>,
) {
    let project = input.project;
    state.index.update(project, input.content_key);
    let selected_claim = input.selected.filter(|id| project.claim(*id).is_some());
    toolbar_ui(ui, project, selected_claim, state, actions);
    ui.separator();

    let look = Look::from_visuals(ui.visuals(), BODY_SIZE);
    let wrap = (ui.available_width() - 2.0 * MARGIN).clamp(120.0, MAX_WIDTH);
    let gap = prepare_cache(ui.ctx(), input, state, &look, wrap);
    let header = Header::layout(ui, project, &look, wrap);
    let selection = state.selected_span(&project.article.text);
    let ArticleViewState {
        cache,
        index,
        selection: text_selection,
        dragging,
        scroll_to,
        viewport_height,
    } = state;
    let builder = Builder {
        input,
        index,
        look: &look,
        wrap,
        ppp: ui.ctx().pixels_per_point(),
        gap,
        selection,
    };
    let scroll_offset = scroll_to.take().and_then(|id| {
        let y = claim_top(ui.ctx(), &builder, cache, id)?;
        Some((header.height + y - *viewport_height * 0.3).max(0.0))
    });

    let mut area = ScrollArea::vertical()
        .id_salt("article-scroll")
        .auto_shrink([false, false]);
    if let Some(y) = scroll_offset {
        area = area.vertical_scroll_offset(y);
    }
    area.show_viewport(ui, |ui, viewport| {
        *viewport_height = viewport.height();
        let visible = lay_out_visible(ui.ctx(), &builder, cache, viewport, header.height);
        let total = header.height + cache.total_height() + 40.0;
        ui.set_min_size(Vec2::new(ui.available_width(), total));
        let origin = ui.max_rect().min;
        if viewport.min.y < header.height {
            header.paint_ui(ui, origin.x + MARGIN, origin.y, wrap, &look);
        }
        let mut pointer = Pointer {
            selection: text_selection,
            dragging,
            actions,
        };
        let top = origin + Vec2::new(MARGIN, header.height);
        let laid = paragraphs_ui(ui, &builder, cache, visible, top, &mut pointer);
        if *pointer.dragging {
            drag_ui(ui.ctx(), project, cache, &laid, &mut pointer);
        }
    });
}

/// Resets the paragraph cache when the document, width or look changed; returns the gap
/// between paragraphs.
fn prepare_cache(
    ctx: &egui::Context,
    input: &ArticleInput<'_>,
    state: &mut ArticleViewState,
    look: &Look,
    wrap: f32,
) -> f32 {
    let row_h = ctx.fonts_mut(|f| f.row_height(&look.body));
    let avg_w = ctx.fonts_mut(|f| f.glyph_width(&look.body, 'n'));
    let gap = ParagraphCache::GAP_ROWS * row_h;
    let chars = &state.index.chars;
    let per_row = (wrap / avg_w.max(1.0)).max(1.0);
    state.cache.prepare(
        input.content_key.0,
        wrap,
        ctx.pixels_per_point(),
        atlas_fill(ctx),
        look,
        input.project.article.paragraphs.len(),
        |i| {
            (chars.get(i).copied().unwrap_or(0) as f32 / per_row)
                .ceil()
                .max(1.0)
                * row_h
                + gap
        },
    );
    gap
}

/// Where claim `id` starts, relative to the first paragraph: its paragraph's top plus the
/// row it starts on. Lays out the neighbourhood first so the position is exact.
fn claim_top(
    ctx: &egui::Context,
    builder: &Builder<'_>,
    cache: &mut ParagraphCache,
    id: ClaimId,
) -> Option<f32> {
    let project = builder.input.project;
    let claim = project.claim(id)?;
    let paras = &project.article.paragraphs;
    let p = paras
        .partition_point(|para| para.span.end <= claim.span.start)
        .min(paras.len().saturating_sub(1));
    for j in p.saturating_sub(8)..(p + 8).min(paras.len()) {
        builder.galley(cache, ctx, j);
    }
    cache.settle();
    let within = builder.galley(cache, ctx, p).map_or(0.0, |g| {
        let start = paras[p].span.slice(&project.article.text).map_or(0, |t| {
            let local = claim.span.start.saturating_sub(paras[p].span.start);
            t.get(..local).map_or(0, |s| s.chars().count())
        });
        range_rects(&g, start, start + 1)
            .first()
            .map_or(0.0, |r| r.min.y)
    });
    Some(cache.top(p) + within)
}

/// Lays out the paragraphs in view until the running heights settle; returns them.
fn lay_out_visible(
    ctx: &egui::Context,
    builder: &Builder<'_>,
    cache: &mut ParagraphCache,
    viewport: Rect,
    header_h: f32,
) -> std::ops::Range<usize> {
    let mut visible = 0..0;
    for _ in 0..3 {
        visible = cache.visible(viewport.min.y - header_h, viewport.max.y - header_h);
        for i in visible.clone() {
            builder.galley(cache, ctx, i);
        }
        let before = cache.total_height();
        cache.settle();
        if (cache.total_height() - before).abs() < 0.5 {
            break;
        }
    }
    visible
}

/// What the pointer changes: the text selection, the drag, and actions.
struct Pointer<'a> {
    selection: &'a mut Option<TextSelection>,
    dragging: &'a mut bool,
    actions: &'a mut Vec<Action>,
}

/// Paints the visible paragraphs from `top` down and handles hover, clicks and the start
/// of a drag on them; returns each painted paragraph's rectangle.
fn paragraphs_ui(
    ui: &mut Ui,
    builder: &Builder<'_>,
    cache: &ParagraphCache,
    visible: std::ops::Range<usize>,
    top: Pos2,
    pointer: &mut Pointer<'_>,
) -> Vec<(usize, Rect)> {
    let mut laid: Vec<(usize, Rect)> = Vec::with_capacity(visible.len());
    let mut hovered = None;
    for i in visible {
        let Some(galley) = cache.cached(i) else {
            continue;
        };
        let pos = top + Vec2::new(0.0, cache.top(i));
        let rect = Rect::from_min_size(pos, Vec2::new(builder.wrap, galley.size().y));
        ui.painter().galley(pos, galley.clone(), builder.look.text);
        laid.push((i, rect));
        if let Some(id) = paragraph_input_ui(ui, builder, i, galley, rect, pointer) {
            hovered = Some(id);
        }
        let selected = builder.input.selected;
        for (id, width) in [
            (selected, 2.0),
            (hovered.filter(|h| Some(*h) != selected), 1.0),
        ] {
            if let Some(id) = id {
                outline_ui(ui, builder, i, galley, pos, id, width);
            }
        }
    }
    laid
}

/// Hover, click and drag start on paragraph `i`; returns the claim under the pointer.
fn paragraph_input_ui(
    ui: &mut Ui,
    builder: &Builder<'_>,
    i: usize,
    galley: &Arc<Galley>,
    rect: Rect,
    pointer: &mut Pointer<'_>,
) -> Option<ClaimId> {
    let project = builder.input.project;
    let response = ui.interact(
        rect,
        Id::unique(("article-paragraph", i)),
        Sense::click_and_drag(),
    );
    let text = project.article.paragraphs[i]
        .span
        .slice(&project.article.text)
        .unwrap_or_default();
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Label, true, text));
    let at = |p: Pos2| offset_in(project, i, galley, p - rect.min);
    let claim_under = |p: Option<Pos2>| {
        p.and_then(at)
            .and_then(|o| claim_at(project, builder.index, i, o))
    };
    let under = claim_under(response.hover_pos());
    if let Some(id) = under {
        response
            .clone()
            .on_hover_cursor(CursorIcon::PointingHand)
            .on_hover_ui_at_pointer(|ui| claim_tooltip_ui(ui, project, id));
    } else if response.hovered() {
        ui.ctx().set_cursor_icon(CursorIcon::Text);
    }
    if response.clicked() {
        *pointer.selection = None;
        if let Some(id) = claim_under(response.interact_pointer_pos()) {
            pointer.actions.push(Action::SelectClaim {
                claim: Some(id),
                scroll_article: false,
            });
        }
    }
    if response.drag_started()
        && let Some(origin) = ui.input(|inp| inp.pointer.press_origin())
        && let Some(anchor) = at(origin)
    {
        *pointer.selection = Some(TextSelection {
            anchor,
            head: anchor,
        });
        *pointer.dragging = true;
    }
    under
}

/// Outlines the part of claim `id` that lies in paragraph `i` (painted at `pos`).
fn outline_ui(
    ui: &Ui,
    builder: &Builder<'_>,
    i: usize,
    galley: &Galley,
    pos: Pos2,
    id: ClaimId,
    width: f32,
) {
    let project = builder.input.project;
    let Some(claim) = project.claim(id) else {
        return;
    };
    let para = project.article.paragraphs[i].span;
    let text = para.slice(&project.article.text).unwrap_or_default();
    let (a, b) = (
        claim.span.start.max(para.start),
        claim.span.end.min(para.end),
    );
    if a >= b {
        return;
    }
    let char_of = |byte: usize| {
        text.get(..byte - para.start)
            .map_or(0, |s| s.chars().count())
    };
    let outline = if builder.look.dark {
        Color32::from_rgb(120, 190, 255)
    } else {
        Color32::from_rgb(20, 90, 200)
    };
    for r in range_rects(galley, char_of(a), char_of(b)) {
        let r = r.translate(pos.to_vec2());
        // Below the descenders ("y", "g"), which reach under the row's box.
        let descent = 0.22 * builder.look.body.size;
        ui.painter().rect_stroke(
            Rect::from_min_max(r.min - Vec2::splat(1.0), r.max + Vec2::new(1.0, descent)),
            2.0,
            Stroke::new(width, outline),
            StrokeKind::Outside,
        );
    }
}

/// While dragging, moves the selection's head to the pointer; ends the drag on release.
fn drag_ui(
    ctx: &egui::Context,
    project: &Project,
    cache: &ParagraphCache,
    laid: &[(usize, Rect)],
    pointer: &mut Pointer<'_>,
) {
    if let Some(p) = ctx.input(|inp| inp.pointer.latest_pos()) {
        let target = laid
            .iter()
            .find(|(_, r)| p.y < r.max.y + 4.0)
            .or(laid.last())
            .copied();
        if let Some((i, rect)) = target
            && let Some(galley) = cache.cached(i)
            && let Some(head) = offset_in(project, i, galley, p - rect.min)
            && let Some(sel) = pointer.selection.as_mut()
        {
            sel.head = head;
        }
    }
    if !ctx.input(|inp| inp.pointer.primary_down()) {
        *pointer.dragging = false;
    }
}

/// The legend of verdict colours and, with text selected, Add claim.
fn toolbar_ui(
    ui: &mut Ui,
    project: &Project,
    selected_claim: Option<ClaimId>,
    state: &mut ArticleViewState,
    actions: &mut Vec<Action>,
) {
    let look = Look::from_visuals(ui.visuals(), BODY_SIZE);
    // One row of constant height: if it grew when text is selected, the article would
    // move under the pointer in the middle of a drag.
    ui.horizontal(|ui| {
        ui.set_min_height(ui.spacing().interact_size.y);
        // The legend only where it fits beside the hint; a narrow column keeps the hint.
        if ui.available_width() >= 560.0 {
            for verdict in Verdict::ALL {
                let chip = RichText::new(format!(" {} ", verdict.label()))
                    .background_color(look.claim_bg(verdict))
                    .color(look.marked_text)
                    .small();
                ui.label(chip);
            }
            ui.separator();
        }
        match state.selected_span(&project.article.text) {
            None => {
                let hint = RichText::new("Click a highlight to review; drag to add a claim.");
                ui.add(egui::Label::new(hint.weak().small()).truncate());
            }
            Some(span) => {
                if ui
                    .button("Add claim…")
                    .on_hover_text("Add the selected passage as a claim (A)")
                    .clicked()
                {
                    actions.push(Action::AddClaimFromSelection);
                }
                if let Some(claim) = selected_claim
                    && ui
                        .button(format!("Set extent of {claim}"))
                        .on_hover_text("Make the selected passage this claim's extent (E)")
                        .clicked()
                {
                    actions.push(Action::SetExtentFromSelection);
                }
                if ui.button("Clear selection").clicked() {
                    state.selection = None;
                }
                let text = span.slice(&project.article.text).unwrap_or_default();
                let quoted = RichText::new(format!("“{text}”")).italics();
                ui.add(egui::Label::new(quoted).truncate());
            }
        }
    });
}

/// Hover text of a highlight: source with role, kind, verdict.
pub fn claim_tooltip_ui(ui: &mut Ui, project: &Project, id: ClaimId) {
    let Some(claim) = project.claim(id) else {
        return;
    };
    ui.strong(format!("Claim {} · {}", claim.id, claim.kind.label()));
    let source = project.claim_source(claim).map_or_else(
        || claim_source_name(project, claim).to_owned(),
        Source::label,
    );
    ui.label(format!("Source: {source}"));
    let [r, g, b] = claim.review.verdict.rgb();
    ui.horizontal(|ui| {
        ui.label("Verdict:");
        let chip = RichText::new(format!(" {} ", claim.review.verdict.label()))
            .background_color(Color32::from_rgb(r, g, b))
            .color(Color32::from_gray(20));
        ui.label(chip);
    });
}
