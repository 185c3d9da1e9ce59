//! How far a background job has got ("37 of 300 pages"), shared between the job's
//! thread, which counts, and the status bar, which shows it. Plain data: no egui state
//! besides asking for a repaint when the count moves.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A job's counter: `done` of `total` units (`unit`: "pages"). Cloning shares it.
#[derive(Clone, Debug)]
pub struct Progress {
    counts: Arc<(AtomicUsize, AtomicUsize)>,
    unit: &'static str,
    repaint: Option<egui::Context>,
}

impl Progress {
    /// A counter at 0 of 0 (nothing known yet); each change repaints `ctx`, if given.
    pub fn new(unit: &'static str, repaint: Option<egui::Context>) -> Self {
        Self {
            counts: Arc::new((AtomicUsize::new(0), AtomicUsize::new(0))),
            unit,
            repaint,
        }
    }

    /// Sets the count (from the job's thread).
    pub fn set(&self, done: usize, total: usize) {
        self.counts.0.store(done, Ordering::Relaxed);
        self.counts.1.store(total, Ordering::Relaxed);
        if let Some(ctx) = &self.repaint {
            ctx.request_repaint();
        }
    }

    /// `(done, total)`; `total` is 0 until the job knows it.
    pub fn get(&self) -> (usize, usize) {
        (
            self.counts.0.load(Ordering::Relaxed),
            self.counts.1.load(Ordering::Relaxed),
        )
    }

    /// The fraction done, once the total is known.
    pub fn fraction(&self) -> Option<f32> {
        let (done, total) = self.get();
        (total > 0).then(|| (done.min(total) as f32) / (total as f32))
    }

    /// "37 / 300 pages", or `None` while the total is unknown or the job has a single
    /// step (a text file reports 1 of 1 only when it is finished).
    pub fn text(&self) -> Option<String> {
        let (done, total) = self.get();
        (total > 1).then(|| format!("{} / {total} {}", done.min(total), self.unit))
    }
}

/// Names one started job (to cancel it, or to match its result).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct JobId(pub u64);

/// A running job's label with its progress, for the status bar.
#[derive(Clone, Debug)]
pub struct JobStatus<'a> {
    /// "Importing report.pdf…"
    pub label: &'a str,
    pub progress: Option<&'a Progress>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_counter_is_shared_and_shown_once_the_total_is_known() {
        let p = Progress::new("pages", None);
        assert_eq!(p.text(), None);
        assert_eq!(p.fraction(), None);
        let on_thread = p.clone();
        std::thread::spawn(move || on_thread.set(37, 300))
            .join()
            .ok();
        assert_eq!(p.get(), (37, 300));
        assert_eq!(p.text().as_deref(), Some("37 / 300 pages"));
        assert!((p.fraction().unwrap_or_default() - 37.0 / 300.0).abs() < 1e-6);
        p.set(1, 1);
        assert_eq!(p.text(), None, "a one-step job shows a spinner only");
        p.set(500, 300);
        assert_eq!(p.text().as_deref(), Some("300 / 300 pages"));
    }
}
