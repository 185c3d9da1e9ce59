//! The article's header above the first paragraph: the title (unless the text starts
//! with it), then byline · date · site, and a rule.

use std::sync::Arc;

use egui::{Galley, Id, Pos2, Rect, Sense, Ui, Vec2, WidgetInfo};

use super::article_layout::Look;
use crate::model::Project;

/// The laid-out header.
pub(super) struct Header {
    title_text: String,
    title: Arc<Galley>,
    meta_text: String,
    meta: Arc<Galley>,
    title_h: f32,
    meta_h: f32,
    /// Space the header takes above the first paragraph.
    pub height: f32,
}

impl Header {
    pub fn layout(ui: &Ui, project: &Project, look: &Look, wrap: f32) -> Self {
        let article = &project.article;
        let first = article
            .paragraphs
            .first()
            .and_then(|p| p.span.slice(&article.text));
        let title_text = if first.is_some_and(|t| t.trim() == article.title.trim()) {
            String::new()
        } else {
            project.display_title().to_owned()
        };
        let meta_text = [&article.byline, &article.published, &article.site]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join("  ·  ");
        let layout = |text: &str, size: f32, color| {
            ui.ctx().fonts_mut(|f| {
                f.layout(
                    text.to_owned(),
                    egui::FontId::proportional(size),
                    color,
                    wrap,
                )
            })
        };
        let title = layout(&title_text, 26.0, look.heading_text);
        let meta = layout(&meta_text, 13.0, ui.visuals().weak_text_color());
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
        Self {
            height: 12.0 + title_h + meta_h + 22.0,
            title_text,
            title,
            meta_text,
            meta,
            title_h,
            meta_h,
        }
    }

    /// Paints the header with its left edge at `x0` and its top at `top`.
    pub fn paint_ui(&self, ui: &mut Ui, x0: f32, top: f32, wrap: f32, look: &Look) {
        let painter = ui.painter().clone();
        let title_pos = Pos2::new(x0, top + 12.0);
        if !self.title_text.is_empty() {
            painter.galley(title_pos, self.title.clone(), look.heading_text);
            label_ui(
                ui,
                title_pos,
                &self.title,
                "article-title",
                &self.title_text,
            );
        }
        let meta_pos = title_pos + Vec2::new(0.0, self.title_h);
        if !self.meta_text.is_empty() {
            painter.galley(meta_pos, self.meta.clone(), look.text);
            label_ui(ui, meta_pos, &self.meta, "article-meta", &self.meta_text);
        }
        let y = meta_pos.y + self.meta_h + 10.0;
        painter.hline(
            x0..=x0 + wrap,
            y,
            ui.visuals().widgets.noninteractive.bg_stroke,
        );
    }
}

/// Makes painted text readable to screen readers and tests.
fn label_ui(ui: &mut Ui, pos: Pos2, galley: &Galley, id: &str, text: &str) {
    ui.interact(
        Rect::from_min_size(pos, galley.size()),
        Id::unique(id),
        Sense::hover(),
    )
    .widget_info(|| WidgetInfo::labeled(egui::Role::Label, true, text));
}
