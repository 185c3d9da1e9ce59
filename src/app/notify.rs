//! The one place errors and notices reach the user: toasts in the bottom-right corner.
//!
//! Information and warnings fade after a few seconds; errors stay until dismissed, but at
//! most [`Notices::MAX_ERRORS`] are on screen (older ones give way). Every message also
//! goes to the log that View › Messages… shows. A notice can carry a button that does
//! what it suggests ("Open the backup").

use egui::{Align2, Color32, Frame, Id, Order, RichText, Vec2};

use super::actions::Action;

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
    /// A button that does what the notice suggests: (label, action).
    pub offer: Option<(String, Action)>,
    id: u64,
    /// `ctx.input().time` when first drawn.
    shown_at: Option<f64>,
}

/// The notices on screen.
#[derive(Default)]
pub struct Notices {
    list: Vec<Notice>,
    next_id: u64,
    /// Every message of the session, oldest first: "14:03:12 Error: …".
    log: Vec<String>,
}

impl Notices {
    /// How many notices are kept; older ones make room.
    const MAX: usize = 6;
    /// How many errors are on screen at once.
    pub const MAX_ERRORS: usize = 3;
    /// How many lines the log keeps.
    const LOG_MAX: usize = 500;

    pub fn push(&mut self, level: Level, text: impl Into<String>, details: Vec<String>) {
        self.push_notice(level, text.into(), details, None);
    }

    /// An error with a button that does what it suggests.
    pub fn error_with(&mut self, text: impl Into<String>, label: &str, action: Action) {
        self.push_notice(
            Level::Error,
            text.into(),
            Vec::new(),
            Some((label.to_owned(), action)),
        );
    }

    fn push_notice(
        &mut self,
        level: Level,
        text: String,
        details: Vec<String>,
        offer: Option<(String, Action)>,
    ) {
        let word = if level.word().is_empty() {
            String::new()
        } else {
            format!("{}: ", level.word())
        };
        let time = jiff::ZonedDateTime::now().strftime("%H:%M:%S").to_string();
        self.log.push(format!("{time} {word}{text}"));
        self.log
            .extend(details.iter().map(|line| format!("{time}     {line}")));
        if self.log.len() > Self::LOG_MAX {
            let extra = self.log.len() - Self::LOG_MAX;
            self.log.drain(..extra);
        }
        self.next_id += 1;
        self.list.push(Notice {
            level,
            text,
            details,
            offer,
            id: self.next_id,
            shown_at: None,
        });
        let errors = self.list.iter().filter(|n| n.level == Level::Error).count();
        if errors > Self::MAX_ERRORS
            && let Some(oldest) = self.list.iter().position(|n| n.level == Level::Error)
        {
            self.list.remove(oldest);
        }
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

    /// Every message of the session, oldest first.
    pub fn log(&self) -> &[String] {
        &self.log
    }

    /// Starts the clock of new notices and drops those whose time is up; returns the
    /// seconds until the next one fades, if any will.
    fn expire(&mut self, now: f64) -> Option<f64> {
        for notice in &mut self.list {
            notice.shown_at.get_or_insert(now);
        }
        self.list
            .retain(|n| match (n.level.lifetime(), n.shown_at) {
                (Some(life), Some(at)) => now - at < life,
                _ => true,
            });
        self.list
            .iter()
            .filter_map(|n| Some(n.shown_at? + n.level.lifetime()? - now))
            .reduce(f64::min)
    }

    /// Draws the notices and expires old ones; a notice's button pushes its action.
    pub fn ui(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        let now = ctx.input(|i| i.time);
        if let Some(next) = self.expire(now) {
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
                                    ui.horizontal(|ui| {
                                        if let Some((label, action)) = &notice.offer
                                            && ui.button(label).clicked()
                                        {
                                            actions.push(action.clone());
                                            dismissed = Some(notice.id);
                                        }
                                        if ui.small_button("Dismiss").clicked() {
                                            dismissed = Some(notice.id);
                                        }
                                    });
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

    #[test]
    fn at_most_three_errors_are_shown_and_all_are_logged() {
        let mut n = Notices::default();
        for i in 0..5 {
            n.error(format!("bad file {i}"));
        }
        let shown: Vec<&str> = n.list().iter().map(|x| x.text.as_str()).collect();
        assert_eq!(shown, ["bad file 2", "bad file 3", "bad file 4"]);
        assert_eq!(n.log().len(), 5);
        assert!(n.log()[0].ends_with("Error: bad file 0"), "{:?}", n.log());
    }

    #[test]
    fn information_fades_and_errors_stay() {
        let mut n = Notices::default();
        n.info("Saved harbour.ron");
        n.error("disk full");
        assert!(n.expire(10.0).is_some());
        assert_eq!(n.list().len(), 2);
        assert_eq!(n.expire(12.0), Some(4.0));
        assert_eq!(n.expire(17.0), None);
        let left: Vec<&str> = n.list().iter().map(|x| x.text.as_str()).collect();
        assert_eq!(left, ["disk full"]);
    }
}
