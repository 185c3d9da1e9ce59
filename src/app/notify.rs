//! The one place errors and notices reach the user: toasts in the bottom-right corner.
//!
//! Errors stay until dismissed; warnings and information fade after a while. Every
//! message is shown as the library wrote it (each names the file and what went wrong).

use egui::{Align2, Color32, Frame, Id, Order, RichText, Vec2};

/// How serious a notice is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Info,
    Warning,
    Error,
}

impl Level {
    /// The word the notice starts with (the default fonts have no symbol glyphs).
    fn word(self) -> &'static str {
        match self {
            Level::Info => "",
            Level::Warning => "Warning",
            Level::Error => "Error",
        }
    }

    fn color(self, dark: bool) -> Color32 {
        match (self, dark) {
            (Level::Info, _) => Color32::from_rgb(90, 150, 230),
            (Level::Warning, _) => Color32::from_rgb(230, 160, 40),
            (Level::Error, true) => Color32::from_rgb(240, 100, 100),
            (Level::Error, false) => Color32::from_rgb(200, 40, 40),
        }
    }

    /// Seconds on screen; `None` stays until dismissed.
    fn lifetime(self) -> Option<f64> {
        match self {
            Level::Info => Some(6.0),
            Level::Warning => Some(15.0),
            Level::Error => None,
        }
    }
}

/// One message.
#[derive(Clone, Debug)]
pub struct Notice {
    pub level: Level,
    pub text: String,
    /// Extra lines (import warnings, say), shown under the text.
    pub details: Vec<String>,
    id: u64,
    /// `ctx.input().time` when first drawn.
    shown_at: Option<f64>,
}

/// The notices on screen.
#[derive(Default)]
pub struct Notices {
    list: Vec<Notice>,
    next_id: u64,
}

impl Notices {
    /// How many notices are kept; older ones make room.
    const MAX: usize = 6;

    pub fn push(&mut self, level: Level, text: impl Into<String>, details: Vec<String>) {
        self.next_id += 1;
        self.list.push(Notice {
            level,
            text: text.into(),
            details,
            id: self.next_id,
            shown_at: None,
        });
        if self.list.len() > Self::MAX {
            // Drop the oldest non-error first, so errors are never pushed out by chatter.
            let index = self
                .list
                .iter()
                .position(|n| n.level != Level::Error)
                .unwrap_or(0);
            self.list.remove(index);
        }
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.push(Level::Info, text, Vec::new());
    }

    pub fn warning(&mut self, text: impl Into<String>) {
        self.push(Level::Warning, text, Vec::new());
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.push(Level::Error, text, Vec::new());
    }

    /// The notices on screen, oldest first.
    pub fn list(&self) -> &[Notice] {
        &self.list
    }

    /// Draws the notices and expires old ones.
    pub fn ui(&mut self, ctx: &egui::Context) {
        let now = ctx.input(|i| i.time);
        for notice in &mut self.list {
            notice.shown_at.get_or_insert(now);
        }
        self.list
            .retain(|n| match (n.level.lifetime(), n.shown_at) {
                (Some(life), Some(at)) => now - at < life,
                _ => true,
            });
        if let Some(next) = self
            .list
            .iter()
            .filter_map(|n| Some(n.shown_at? + n.level.lifetime()? - now))
            .reduce(f64::min)
        {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(next.max(0.05)));
        }
        if self.list.is_empty() {
            return;
        }
        let dark = ctx.global_style().visuals.dark_mode;
        let mut dismissed = None;
        egui::Area::new(Id::unique("claimdesk-notices"))
            .order(Order::Foreground)
            .anchor(Align2::RIGHT_BOTTOM, Vec2::new(-12.0, -36.0))
            .show(ctx, |ui| {
                ui.set_max_width(460.0);
                for notice in &self.list {
                    let color = notice.level.color(dark);
                    Frame::popup(ui.style())
                        .stroke(egui::Stroke::new(1.5, color))
                        .show(ui, |ui| {
                            ui.set_width(440.0);
                            ui.horizontal_top(|ui| {
                                if !notice.level.word().is_empty() {
                                    ui.label(
                                        RichText::new(notice.level.word()).color(color).strong(),
                                    );
                                }
                                ui.vertical(|ui| {
                                    ui.add(egui::Label::new(&notice.text).wrap());
                                    for line in &notice.details {
                                        ui.add(
                                            egui::Label::new(RichText::new(line).small()).wrap(),
                                        );
                                    }
                                    if ui.small_button("Dismiss").clicked() {
                                        dismissed = Some(notice.id);
                                    }
                                });
                            });
                        });
                    ui.add_space(4.0);
                }
            });
        if let Some(id) = dismissed {
            self.list.retain(|n| n.id != id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_are_not_pushed_out_by_information() {
        let mut n = Notices::default();
        n.error("disk full");
        for i in 0..10 {
            n.info(format!("note {i}"));
        }
        assert_eq!(n.list().len(), Notices::MAX);
        assert_eq!(n.list()[0].text, "disk full");
    }
}
