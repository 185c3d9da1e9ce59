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

use super::article_layout::{
    Look, Mark, MarkKind, ParagraphCache, build_job, paragraph_key, range_rects,
};
use crate::app::actions::Action;
use crate::app::state::{claim_source_name, source_label};
use crate::model::{ClaimId, ParagraphKind, Project, SourceId, Span, Verdict};

/// Text selected with the mouse: byte offsets into the article text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextSelection {
    pub anchor: usize,
    pub head: usize,
}

/// Which claims and mentions touch each paragraph, rebuilt when the project changes.
#[derive(Default)]
struct ClaimIndex {
    key: Option<(u64, u64)>,
    /// Indices into `project.claims`.
    claims: Vec<Vec<usize>>,
    mentions: Vec<Vec<Span>>,
    /// Characters per paragraph, for height estimates.
    chars: Vec<usize>,
}

impl ClaimIndex {
    fn update(&mut self, project: &Project, key: (u64, u64)) {
        if self.key == Some(key) {
            return;
        }
        let paragraphs = &project.article.paragraphs;
        let text = &project.article.text;
        if self.key.is_none_or(|(generation, _)| generation != key.0) {
            self.chars = paragraphs
                .iter()
                .map(|p| p.span.slice(text).map_or(0, |t| t.chars().count()))
                .collect();
        }
        self.key = Some(key);
        self.claims = vec![Vec::new(); paragraphs.len()];
        self.mentions = vec![Vec::new(); paragraphs.len()];
        let touching = |span: Span| {
            let first = paragraphs.partition_point(|p| p.span.end <= span.start);
            (first..paragraphs.len()).take_while(move |&i| {
                paragraphs[i].span.start < span.end.max(span.start.saturating_add(1))
            })
        };
        for (ci, claim) in project.claims.iter().enumerate() {
            for pi in touching(claim.span) {
                self.claims[pi].push(ci);
            }
            if let Some(mention) = claim.source.and_then(|s| s.mention) {
                for pi in touching(mention) {
                    self.mentions[pi].push(mention);
                }
            }
        }
    }
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

/// What the article view shows besides its own state.
pub struct ArticleInput<'a> {
    pub project: &'a Project,
    /// (document generation, history revision).
    pub content_key: (u64, u64),
    pub selected: Option<ClaimId>,
    pub focused_source: Option<SourceId>,
}

const MARGIN: f32 = 22.0;
const MAX_WIDTH: f32 = 820.0;
const BODY_SIZE: f32 = 15.5;

/// Builds paragraph galleys from the project.
struct Builder<'a> {
    input: &'a ArticleInput<'a>,
    index: &'a ClaimIndex,
    look: &'a Look,
    wrap: f32,
    ppp: f32,
    gap: f32,
    selection: Option<Span>,
}

impl Builder<'_> {
    fn marks(&self, i: usize) -> Vec<Mark> {
        let project = self.input.project;
        let Some(para) = project.article.paragraphs.get(i).map(|p| p.span) else {
            return Vec::new();
        };
        let local = |span: Span| -> Option<(usize, usize)> {
            let start = span.start.max(para.start);
            let end = span.end.min(para.end);
            (start < end).then(|| (start - para.start, end - para.start))
        };
        let mut marks = Vec::new();
        for &ci in self.index.claims.get(i).into_iter().flatten() {
            let claim = &project.claims[ci];
            if let Some((start, end)) = local(claim.span) {
                let kind = MarkKind::Claim {
                    id: claim.id,
                    verdict: claim.review.verdict,
                };
                marks.push(Mark { start, end, kind });
            }
        }
        for &mention in self.index.mentions.get(i).into_iter().flatten() {
            if let Some((start, end)) = local(mention) {
                marks.push(Mark {
                    start,
                    end,
                    kind: MarkKind::Mention,
                });
            }
        }
        if let Some(source) = self.input.focused_source.and_then(|id| project.source(id)) {
            let from = source.mentions.partition_point(|m| m.end <= para.start);
            for &m in source.mentions[from..]
                .iter()
                .take_while(|m| m.start < para.end)
            {
                if let Some((start, end)) = local(m) {
                    marks.push(Mark {
                        start,
                        end,
                        kind: MarkKind::FocusedMention,
                    });
                }
            }
        }
        if let Some((start, end)) = self.selection.and_then(local) {
            marks.push(Mark {
                start,
                end,
                kind: MarkKind::Selection,
            });
        }
        marks
    }

    fn galley(
        &self,
        cache: &mut ParagraphCache,
        ctx: &egui::Context,
        i: usize,
    ) -> Option<Arc<Galley>> {
        let article = &self.input.project.article;
        let para = article.paragraphs.get(i)?;
        let text = para.span.slice(&article.text)?;
        // A byline line ("By Niamh Corrigan") is kept out of claims like a heading but
        // reads as text, not as a section title.
        let heading = para.kind == ParagraphKind::Heading && !is_byline_line(text);
        let marks = self.marks(i);
        let key = paragraph_key(text, &marks, heading, self.look, self.wrap, self.ppp);
        cache.galley(ctx, i, key, self.gap, || {
            build_job(text, &marks, heading, self.look, self.wrap)
        })
    }
}

fn is_byline_line(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (2..=12).contains(&words)
        && text
            .split_whitespace()
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("by"))
}

/// How full the font atlas is; a drop means egui cleared it and cached galleys are stale.
#[allow(clippy::redundant_closure_for_method_calls)] // the method path is not general over the lifetime
fn atlas_fill(ctx: &egui::Context) -> f32 {
    ctx.fonts(|f| f.font_atlas_fill_ratio())
}

/// Byte offset in the article of the character boundary nearest `local` in paragraph `i`.
fn offset_in(project: &Project, i: usize, galley: &Galley, local: Vec2) -> Option<usize> {
    let para = project.article.paragraphs.get(i)?.span;
    let text = para.slice(&project.article.text)?;
    let chars = galley.cursor_from_pos(local).index.0;
    let byte = text
        .char_indices()
        .nth(chars)
        .map_or(text.len(), |(b, _)| b);
    Some(para.start + byte)
}

/// The innermost claim in paragraph `i` containing `offset`.
fn claim_at(project: &Project, index: &ClaimIndex, i: usize, offset: usize) -> Option<ClaimId> {
    index
        .claims
        .get(i)?
        .iter()
        .map(|&ci| &project.claims[ci])
        .filter(|c| c.span.contains_offset(offset))
        .min_by_key(|c| c.span.len())
        .map(|c| c.id)
}

/// Draws the article; emits selections and scrolls as actions.
pub fn article_ui(
    ui: &mut Ui,
    input: &ArticleInput<'_>,
    state: &mut ArticleViewState,
    actions: &mut Vec<Action>,
) {
    let project = input.project;
    let ctx = ui.ctx().clone();
    state.index.update(project, input.content_key);
    toolbar_ui(ui, project, state, actions);
    ui.separator();

    let look = Look::from_visuals(ui.visuals(), BODY_SIZE);
    let wrap = (ui.available_width() - 2.0 * MARGIN).clamp(120.0, MAX_WIDTH);
    let row_h = ctx.fonts_mut(|f| f.row_height(&look.body));
    let avg_w = ctx.fonts_mut(|f| f.glyph_width(&look.body, 'n'));
    let gap = ParagraphCache::GAP_ROWS * row_h;
    let chars = &state.index.chars;
    let per_row = (wrap / avg_w.max(1.0)).max(1.0);
    state.cache.prepare(
        input.content_key.0,
        wrap,
        ctx.pixels_per_point(),
        atlas_fill(&ctx),
        &look,
        project.article.paragraphs.len(),
        |i| {
            (chars.get(i).copied().unwrap_or(0) as f32 / per_row)
                .ceil()
                .max(1.0)
                * row_h
                + gap
        },
    );
    let selection = state.selected_span(&project.article.text);
    let builder = Builder {
        input,
        index: &state.index,
        look: &look,
        wrap,
        ppp: ctx.pixels_per_point(),
        gap,
        selection,
    };

    // Header: the title (unless the text starts with it), then byline · date · site.
    let first = project
        .article
        .paragraphs
        .first()
        .and_then(|p| p.span.slice(&project.article.text));
    let title_text = if first.is_some_and(|t| t.trim() == project.article.title.trim()) {
        String::new()
    } else {
        project.display_title().to_owned()
    };
    let title = ctx.fonts_mut(|f| {
        f.layout(
            title_text.clone(),
            egui::FontId::proportional(26.0),
            look.heading_text,
            wrap,
        )
    });
    let meta_text = [
        &project.article.byline,
        &project.article.published,
        &project.article.site,
    ]
    .into_iter()
    .flatten()
    .map(String::as_str)
    .collect::<Vec<_>>()
    .join("  ·  ");
    let meta = ctx.fonts_mut(|f| {
        f.layout(
            meta_text.clone(),
            egui::FontId::proportional(13.0),
            ui.visuals().weak_text_color(),
            wrap,
        )
    });
    let title_h = if title_text.is_empty() {
        0.0
    } else {
        title.size().y + 6.0
    };
    let meta_h = if meta_text.is_empty() {
        0.0
    } else {
        meta.size().y
    };
    let header_h = 12.0 + title_h + meta_h + 22.0;

    let mut scroll_offset = None;
    if let Some(id) = state.scroll_to.take()
        && let Some(claim) = project.claim(id)
    {
        let paras = &project.article.paragraphs;
        let p = paras
            .partition_point(|para| para.span.end <= claim.span.start)
            .min(paras.len().saturating_sub(1));
        // Lay out the neighbourhood first so the target's position is exact.
        for j in p.saturating_sub(8)..(p + 8).min(paras.len()) {
            builder.galley(&mut state.cache, &ctx, j);
        }
        state.cache.settle();
        let within = builder.galley(&mut state.cache, &ctx, p).map_or(0.0, |g| {
            let start = paras[p].span.slice(&project.article.text).map_or(0, |t| {
                let local = claim.span.start.saturating_sub(paras[p].span.start);
                t.get(..local).map_or(0, |s| s.chars().count())
            });
            range_rects(&g, start, start + 1)
                .first()
                .map_or(0.0, |r| r.min.y)
        });
        scroll_offset =
            Some((header_h + state.cache.top(p) + within - state.viewport_height * 0.3).max(0.0));
    }

    let mut area = ScrollArea::vertical()
        .id_salt("article-scroll")
        .auto_shrink([false, false]);
    if let Some(y) = scroll_offset {
        area = area.vertical_scroll_offset(y);
    }
    area.show_viewport(ui, |ui, viewport| {
        state.viewport_height = viewport.height();
        let origin = ui.max_rect().min;
        let x0 = origin.x + MARGIN;

        // Lay out what is in view until the running heights settle.
        let mut visible = 0..0;
        for _ in 0..3 {
            visible = state
                .cache
                .visible(viewport.min.y - header_h, viewport.max.y - header_h);
            for i in visible.clone() {
                builder.galley(&mut state.cache, &ctx, i);
            }
            let before = state.cache.total_height();
            state.cache.settle();
            if (state.cache.total_height() - before).abs() < 0.5 {
                break;
            }
        }
        let total = header_h + state.cache.total_height() + 40.0;
        ui.set_min_size(Vec2::new(ui.available_width(), total));
        let painter = ui.painter().clone();

        if viewport.min.y < header_h {
            let title_pos = Pos2::new(x0, origin.y + 12.0);
            if !title_text.is_empty() {
                painter.galley(title_pos, title.clone(), look.heading_text);
                ui.interact(
                    Rect::from_min_size(title_pos, title.size()),
                    Id::unique("article-title"),
                    Sense::hover(),
                )
                .widget_info(|| WidgetInfo::labeled(egui::Role::Label, true, &title_text));
            }
            let meta_pos = title_pos + Vec2::new(0.0, title_h);
            if !meta_text.is_empty() {
                painter.galley(meta_pos, meta.clone(), look.text);
                ui.interact(
                    Rect::from_min_size(meta_pos, meta.size()),
                    Id::unique("article-meta"),
                    Sense::hover(),
                )
                .widget_info(|| WidgetInfo::labeled(egui::Role::Label, true, &meta_text));
            }
            let y = meta_pos.y + meta_h + 10.0;
            painter.hline(
                x0..=x0 + wrap,
                y,
                ui.visuals().widgets.noninteractive.bg_stroke,
            );
        }

        let outline = if look.dark {
            Color32::from_rgb(120, 190, 255)
        } else {
            Color32::from_rgb(20, 90, 200)
        };
        let mut laid: Vec<(usize, Rect)> = Vec::with_capacity(visible.len());
        let mut hovered_claim = None;
        for i in visible {
            let Some(galley) = state.cache.cached(i).cloned() else {
                continue;
            };
            let pos = Pos2::new(x0, origin.y + header_h + state.cache.top(i));
            let rect = Rect::from_min_size(pos, Vec2::new(wrap, galley.size().y));
            painter.galley(pos, galley.clone(), look.text);
            laid.push((i, rect));

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
            let at = |p: Pos2| offset_in(project, i, &galley, p - pos);
            let under = response
                .hover_pos()
                .and_then(at)
                .and_then(|o| claim_at(project, &state.index, i, o));
            if let Some(id) = under {
                hovered_claim = Some(id);
                response
                    .clone()
                    .on_hover_cursor(CursorIcon::PointingHand)
                    .on_hover_ui_at_pointer(|ui| claim_tooltip_ui(ui, project, id));
            } else if response.hovered() {
                ctx.set_cursor_icon(CursorIcon::Text);
            }
            if response.clicked() {
                state.selection = None;
                let clicked = response
                    .interact_pointer_pos()
                    .and_then(at)
                    .and_then(|o| claim_at(project, &state.index, i, o));
                if let Some(id) = clicked {
                    actions.push(Action::SelectClaim {
                        claim: Some(id),
                        scroll_article: false,
                    });
                }
            }
            if response.drag_started()
                && let Some(origin) = ctx.input(|inp| inp.pointer.press_origin())
                && let Some(anchor) = at(origin)
            {
                state.selection = Some(TextSelection {
                    anchor,
                    head: anchor,
                });
                state.dragging = true;
            }

            // Outline the selected and hovered claims.
            for (id, width) in [
                (input.selected, 2.0),
                (hovered_claim.filter(|h| Some(*h) != input.selected), 1.0),
            ] {
                let Some(claim) = id.and_then(|id| project.claim(id)) else {
                    continue;
                };
                let para = project.article.paragraphs[i].span;
                let (a, b) = (
                    claim.span.start.max(para.start),
                    claim.span.end.min(para.end),
                );
                if a >= b {
                    continue;
                }
                let char_of = |byte: usize| {
                    text.get(..byte - para.start)
                        .map_or(0, |s| s.chars().count())
                };
                for r in range_rects(&galley, char_of(a), char_of(b)) {
                    painter.rect_stroke(
                        r.translate(pos.to_vec2()).expand(1.0),
                        2.0,
                        Stroke::new(width, outline),
                        StrokeKind::Outside,
                    );
                }
            }
        }

        if state.dragging {
            if let Some(p) = ctx.input(|inp| inp.pointer.latest_pos()) {
                let target = laid
                    .iter()
                    .find(|(_, r)| p.y < r.max.y + 4.0)
                    .or(laid.last())
                    .copied();
                if let Some((i, rect)) = target
                    && let Some(galley) = state.cache.cached(i)
                    && let Some(head) = offset_in(project, i, galley, p - rect.min)
                    && let Some(sel) = &mut state.selection
                {
                    sel.head = head;
                }
            }
            if !ctx.input(|inp| inp.pointer.primary_down()) {
                state.dragging = false;
            }
        }
    });
}

/// The legend of verdict colours and, with text selected, Add claim.
fn toolbar_ui(
    ui: &mut Ui,
    project: &Project,
    state: &mut ArticleViewState,
    actions: &mut Vec<Action>,
) {
    let look = Look::from_visuals(ui.visuals(), BODY_SIZE);
    // One row of constant height: if it grew when text is selected, the article would
    // move under the pointer in the middle of a drag.
    ui.horizontal(|ui| {
        ui.set_min_height(ui.spacing().interact_size.y);
        for verdict in Verdict::ALL {
            let chip = RichText::new(format!(" {} ", verdict.label()))
                .background_color(look.claim_bg(verdict))
                .color(look.marked_text)
                .small();
            ui.label(chip);
        }
        ui.separator();
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
        source_label,
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
