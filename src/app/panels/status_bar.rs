//! The status bar: "9 of 15 reviewed · 6 verified · …", the file, unsaved changes,
//! autosave, and what is running in the background.

use egui::{RichText, Ui};

use crate::app::progress::JobStatus;

/// Everything the status bar shows.
pub struct StatusInput<'a> {
    /// `Tally::summary()`, or `None` without a project.
    pub summary: Option<String>,
    pub path: Option<&'a std::path::Path>,
    pub has_document: bool,
    pub dirty: bool,
    /// "Autosaved 14:03", "Autosave failed", or empty.
    pub autosave: &'a str,
    /// The running jobs; those that count (a PDF's pages) show a progress bar.
    pub running: Vec<JobStatus<'a>>,
}

pub fn status_bar_ui(ui: &mut Ui, input: &StatusInput<'_>) {
    ui.horizontal(|ui| {
        if let Some(summary) = &input.summary {
            ui.label(summary.as_str());
            ui.separator();
        }
        if input.has_document {
            if input.dirty {
                ui.label(RichText::new("• Unsaved changes").color(ui.visuals().warn_fg_color));
            } else {
                ui.label(RichText::new("Saved").weak());
            }
            if !input.autosave.is_empty() {
                ui.separator();
                ui.label(RichText::new(input.autosave).weak());
            }
            ui.separator();
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            for job in &input.running {
                if let Some((fraction, text)) =
                    job.progress.and_then(|p| Some((p.fraction()?, p.text()?)))
                {
                    ui.add(
                        egui::ProgressBar::new(fraction)
                            .desired_width(180.0)
                            .text(text),
                    );
                    ui.label(job.label);
                } else {
                    ui.label(job.label);
                    ui.spinner();
                }
            }
            if input.has_document {
                // Last, and cut short rather than widening the window.
                let path = input
                    .path
                    .map_or_else(|| "Not saved yet".to_owned(), |p| p.display().to_string());
                ui.add(egui::Label::new(RichText::new(path).weak()).truncate());
            }
        });
    });
}
