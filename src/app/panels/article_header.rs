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
        let meta_text = meta_line(project);
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

/// "Niamh Corrigan  ·  4 March 2025  ·  Harbour Times": the byline unless the text
/// already shows it, the date as a reader writes it, the site.
fn meta_line(project: &Project) -> String {
    let article = &project.article;
    let opening = article
        .paragraphs
        .iter()
        .take(6)
        .filter_map(|p| p.span.slice(&article.text));
    let byline_shown = article.byline.as_deref().is_some_and(|byline| {
        let byline = byline.trim().to_lowercase();
        opening.clone().any(|p| {
            let p = p.to_lowercase();
            p.starts_with("by ") && p.contains(&byline)
        })
    });
    let byline = article.byline.clone().filter(|_| !byline_shown);
    let date = article.published.as_deref().map(readable_date);
    [byline, date, article.site.clone()]
        .into_iter()
        .flatten()
        .filter(|s| !s.trim().is_empty())
        .collect::<Vec<_>>()
        .join("  ·  ")
}

/// "2025-03-04T09:15:00Z" as "4 March 2025"; anything that is not such a date as it is.
fn readable_date(raw: &str) -> String {
    let raw = raw.trim();
    if let Ok(ts) = raw.parse::<jiff::Timestamp>() {
        return ts.strftime("%-d %B %Y").to_string();
    }
    if let Ok(date) = raw.get(..10).unwrap_or(raw).parse::<jiff::civil::Date>() {
        return date.strftime("%-d %B %Y").to_string();
    }
    raw.to_owned()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Article;

    #[test]
    fn dates_read_as_a_reader_writes_them() {
        assert_eq!(readable_date("2025-03-04T09:15:00Z"), "4 March 2025");
        assert_eq!(readable_date("2025-03-04"), "4 March 2025");
        assert_eq!(readable_date("March 2025"), "March 2025");
    }

    #[test]
    fn a_byline_the_text_shows_is_not_repeated() {
        let mut article = Article::from_text("Tolls", "By Niamh Corrigan\n\nThe bridge opened.");
        article.byline = Some("Niamh Corrigan".into());
        article.published = Some("2025-03-04T09:15:00Z".into());
        let project = Project::new(article.clone(), vec![], vec![]);
        assert_eq!(meta_line(&project), "4 March 2025");
        let mut other = Article::from_text("Tolls", "The bridge opened.");
        other.byline = article.byline;
        other.published = article.published;
        let project = Project::new(other, vec![], vec![]);
        assert_eq!(meta_line(&project), "Niamh Corrigan  ·  4 March 2025");
    }
}
