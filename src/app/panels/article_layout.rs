//! Laid-out paragraphs of the article, cached.
//!
//! Each paragraph keeps its galley and the hash of everything it was built from (text,
//! highlights, selection, colours, font, wrap width, pixels per point); a galley is
//! rebuilt only when that hash changes, and only for paragraphs that are on screen.
//! Paragraphs never laid out get an estimated height, replaced by the real one the first
//! time they scroll into view. Finding the visible paragraphs is a binary search over the
//! running heights, so a frame costs the same with 50 paragraphs or 5,000.

use std::hash::{Hash, Hasher};
use std::sync::Arc;

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, Galley, Stroke};

use crate::model::{ClaimId, Verdict};

/// What a stretch of a paragraph is painted as. Offsets are bytes into the paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    pub kind: MarkKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MarkKind {
    /// A claim, coloured by its verdict; the innermost claim wins where claims overlap.
    Claim { id: ClaimId, verdict: Verdict },
    /// The mention of a claim's source: underlined.
    Mention,
    /// A mention of the source picked in the sources panel: underlined and tinted.
    FocusedMention,
    /// Text selected with the mouse.
    Selection,
}

/// Colours and fonts of the article, part of every paragraph's key.
#[derive(Clone, Debug, PartialEq)]
pub struct Look {
    pub body: FontId,
    pub heading: FontId,
    pub text: Color32,
    pub heading_text: Color32,
    pub marked_text: Color32,
    pub selection_bg: Color32,
    pub selection_text: Color32,
    pub focus_bg: Color32,
    pub dark: bool,
}

impl Look {
    pub fn from_visuals(visuals: &egui::Visuals, size: f32) -> Self {
        Self {
            body: FontId::proportional(size),
            heading: FontId::proportional(size * 1.3),
            text: visuals.text_color(),
            heading_text: visuals.strong_text_color(),
            marked_text: Color32::from_gray(20),
            selection_bg: visuals.selection.bg_fill,
            selection_text: visuals.selection.stroke.color,
            focus_bg: if visuals.dark_mode {
                Color32::from_rgb(70, 120, 200)
            } else {
                Color32::from_rgb(170, 205, 255)
            },
            dark: visuals.dark_mode,
        }
    }

    /// A claim's highlight: the verdict's colour, a little softer on a light page.
    pub fn claim_bg(&self, verdict: Verdict) -> Color32 {
        let [r, g, b] = verdict.rgb();
        if self.dark {
            Color32::from_rgb(r, g, b)
        } else {
            let soften = |c: u8| ((u16::from(c) * 3 + 255) / 4) as u8;
            Color32::from_rgb(soften(r), soften(g), soften(b))
        }
    }

    fn hash_into(&self, h: &mut impl Hasher) {
        self.body.hash(h);
        self.heading.hash(h);
        for c in [
            self.text,
            self.heading_text,
            self.marked_text,
            self.selection_bg,
            self.selection_text,
            self.focus_bg,
        ] {
            c.hash(h);
        }
        self.dark.hash(h);
    }
}

/// Builds the layout job of one paragraph.
pub fn build_job(
    text: &str,
    marks: &[Mark],
    heading: bool,
    look: &Look,
    wrap_width: f32,
) -> LayoutJob {
    let mut cuts: Vec<usize> = Vec::with_capacity(marks.len() * 2 + 2);
    cuts.push(0);
    cuts.push(text.len());
    for m in marks {
        cuts.push(m.start.min(text.len()));
        cuts.push(m.end.min(text.len()));
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.retain(|&c| text.is_char_boundary(c));

    let font = if heading { &look.heading } else { &look.body };
    let plain = if heading {
        look.heading_text
    } else {
        look.text
    };
    let mut job = LayoutJob::default();
    job.wrap.max_width = wrap_width;
    for pair in cuts.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if a >= b {
            continue;
        }
        let covering = marks.iter().filter(|m| m.start <= a && b <= m.end);
        let mut claim: Option<(usize, Verdict)> = None;
        let (mut mention, mut focused, mut selected) = (false, false, false);
        for m in covering {
            match m.kind {
                MarkKind::Claim { verdict, .. } => {
                    let len = m.end - m.start;
                    if claim.is_none_or(|(l, _)| len < l) {
                        claim = Some((len, verdict));
                    }
                }
                MarkKind::Mention => mention = true,
                MarkKind::FocusedMention => focused = true,
                MarkKind::Selection => selected = true,
            }
        }
        let mut format = TextFormat::simple(font.clone(), plain);
        if let Some((_, verdict)) = claim {
            format.background = look.claim_bg(verdict);
            format.color = look.marked_text;
        }
        if focused {
            format.background = look.focus_bg;
            format.color = if look.dark {
                Color32::WHITE
            } else {
                look.marked_text
            };
            format.underline = Stroke::new(2.0, format.color);
        } else if mention {
            format.underline = Stroke::new(1.5, format.color);
        }
        if selected {
            format.background = look.selection_bg;
            format.color = look.selection_text;
        }
        job.append(&text[a..b], 0.0, format);
    }
    if job.sections.is_empty() {
        job.append(text, 0.0, TextFormat::simple(font.clone(), plain));
    }
    job
}

/// The hash a paragraph's galley is keyed on.
pub fn paragraph_key(
    text: &str,
    marks: &[Mark],
    heading: bool,
    look: &Look,
    wrap_width: f32,
    pixels_per_point: f32,
) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut h);
    marks.hash(&mut h);
    heading.hash(&mut h);
    look.hash_into(&mut h);
    wrap_width.to_bits().hash(&mut h);
    pixels_per_point.to_bits().hash(&mut h);
    h.finish()
}

#[derive(Clone, Default)]
struct Entry {
    key: u64,
    galley: Option<Arc<Galley>>,
    /// Laid-out height, or an estimate while `galley` is `None`.
    height: f32,
}

/// One galley per paragraph, with running heights.
#[derive(Default)]
pub struct ParagraphCache {
    /// (document generation, wrap width, pixels per point, font size) the cache is for.
    frame_key: (u64, u32, u32, u32),
    entries: Vec<Entry>,
    /// `tops[i]` is paragraph i's top, relative to the first paragraph; one more at the end.
    tops: Vec<f32>,
    tops_dirty: bool,
    atlas_fill: f32,
    /// Galleys built since the cache was made (for tests and the benchmark).
    pub builds: u64,
}

impl ParagraphCache {
    /// Gap between paragraphs, in rows.
    pub const GAP_ROWS: f32 = 0.7;

    /// Resets the cache if the document, wrap width, scale or font changed, or the
    /// font atlas was cleared (which invalidates every galley's glyphs).
    ///
    /// `estimate(i)` gives paragraph i's height before it is laid out.
    /// `atlas_fill` is the font atlas fill ratio now; a drop means it was cleared.
    #[allow(clippy::too_many_arguments)]
    pub fn prepare(
        &mut self,
        generation: u64,
        wrap_width: f32,
        pixels_per_point: f32,
        atlas_fill: f32,
        look: &Look,
        count: usize,
        estimate: impl Fn(usize) -> f32,
    ) {
        let key = (
            generation,
            wrap_width.to_bits(),
            pixels_per_point.to_bits(),
            look.body.size.to_bits(),
        );
        let fill = atlas_fill;
        let atlas_cleared = fill < self.atlas_fill;
        self.atlas_fill = fill;
        if key != self.frame_key || self.entries.len() != count {
            self.frame_key = key;
            self.entries = (0..count)
                .map(|i| Entry {
                    key: 0,
                    galley: None,
                    height: estimate(i),
                })
                .collect();
            self.tops_dirty = true;
        } else if atlas_cleared {
            for entry in &mut self.entries {
                entry.key = 0;
                entry.galley = None;
            }
        }
        if self.tops_dirty {
            self.recompute_tops();
        }
    }

    fn recompute_tops(&mut self) {
        self.tops.clear();
        self.tops.reserve(self.entries.len() + 1);
        let mut y = 0.0;
        for e in &self.entries {
            self.tops.push(y);
            y += e.height;
        }
        self.tops.push(y);
        self.tops_dirty = false;
    }

    /// The galley of paragraph `i`, rebuilding it if `key` differs from the cached one.
    /// `gap` is added below the galley.
    pub fn galley(
        &mut self,
        ctx: &egui::Context,
        i: usize,
        key: u64,
        gap: f32,
        job: impl FnOnce() -> LayoutJob,
    ) -> Option<Arc<Galley>> {
        let entry = self.entries.get_mut(i)?;
        if entry.key != key || entry.galley.is_none() {
            let galley = ctx.fonts_mut(|f| f.layout_job(job()));
            let height = galley.size().y + gap;
            if (height - entry.height).abs() > 0.1 {
                entry.height = height;
                self.tops_dirty = true;
            }
            entry.galley = Some(galley);
            entry.key = key;
            self.builds += 1;
        }
        entry.galley.clone()
    }

    /// The cached galley of paragraph `i`, if laid out (for hit-testing).
    pub fn cached(&self, i: usize) -> Option<&Arc<Galley>> {
        self.entries.get(i)?.galley.as_ref()
    }

    /// Recomputes running heights after galleys changed size.
    pub fn settle(&mut self) {
        if self.tops_dirty {
            self.recompute_tops();
        }
    }

    /// Top of paragraph `i` relative to the first paragraph.
    pub fn top(&self, i: usize) -> f32 {
        self.tops.get(i).copied().unwrap_or(0.0)
    }

    /// Height of all paragraphs.
    pub fn total_height(&self) -> f32 {
        self.tops.last().copied().unwrap_or(0.0)
    }

    /// Paragraphs overlapping `y0..y1` (relative to the first paragraph).
    pub fn visible(&self, y0: f32, y1: f32) -> std::ops::Range<usize> {
        let n = self.entries.len();
        if n == 0 || self.tops.len() != n + 1 {
            return 0..0;
        }
        // First paragraph whose bottom is below y0.
        let first = self.tops[1..].partition_point(|&bottom| bottom <= y0);
        let last = self.tops[..n].partition_point(|&top| top < y1);
        first.min(n)..last.max(first.min(n))
    }
}

/// Screen rectangles covering characters `from..to` of a galley (one per row).
pub fn range_rects(galley: &Galley, from: usize, to: usize) -> Vec<egui::Rect> {
    let mut out = Vec::new();
    let mut row_start = 0usize;
    for placed in &galley.rows {
        let count = placed.char_count_including_newline().0;
        let row_end = row_start + count;
        let a = from.max(row_start);
        let b = to.min(row_end);
        if a < b || (from == to && from >= row_start && from < row_end) {
            let x_at = |i: usize| -> f32 {
                let local = i - row_start;
                placed
                    .row
                    .glyphs
                    .get(local)
                    .map_or(placed.pos.x + placed.row.size.x, |g| placed.pos.x + g.pos.x)
            };
            let rect = placed.rect();
            out.push(egui::Rect::from_x_y_ranges(
                x_at(a)..=x_at(b).max(x_at(a)),
                rect.y_range(),
            ));
        }
        row_start = row_end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn look() -> Look {
        Look::from_visuals(&egui::Visuals::light(), 14.0)
    }

    #[test]
    fn innermost_claim_colours_overlaps() {
        let text = "abcdefghij";
        let marks = [
            Mark {
                start: 0,
                end: 10,
                kind: MarkKind::Claim {
                    id: ClaimId(1),
                    verdict: Verdict::Verified,
                },
            },
            Mark {
                start: 2,
                end: 4,
                kind: MarkKind::Claim {
                    id: ClaimId(2),
                    verdict: Verdict::Disputed,
                },
            },
            Mark {
                start: 8,
                end: 10,
                kind: MarkKind::Mention,
            },
        ];
        let job = build_job(text, &marks, false, &look(), 100.0);
        assert_eq!(job.text, text);
        let at = |byte: usize| {
            job.sections
                .iter()
                .find(|s| s.byte_range.start.0 <= byte && byte < s.byte_range.end.0)
                .map(|s| s.format.clone())
        };
        let l = look();
        assert_eq!(
            at(0).map(|f| f.background),
            Some(l.claim_bg(Verdict::Verified))
        );
        assert_eq!(
            at(3).map(|f| f.background),
            Some(l.claim_bg(Verdict::Disputed))
        );
        assert!(at(9).is_some_and(|f| f.underline.width > 0.0));
        assert!(at(5).is_some_and(|f| f.underline.width == 0.0));
    }

    #[test]
    fn unmarked_words_have_no_background_in_either_theme() {
        // In the dark theme the words between highlights once sat on a darker box.
        let text = "Tolls rise, a move officials said, by 37 percent.";
        let marks = [
            Mark {
                start: 0,
                end: 10,
                kind: MarkKind::Claim {
                    id: ClaimId(1),
                    verdict: Verdict::Unreviewed,
                },
            },
            Mark {
                start: 19,
                end: 28,
                kind: MarkKind::Mention,
            },
            Mark {
                start: 35,
                end: 49,
                kind: MarkKind::Claim {
                    id: ClaimId(2),
                    verdict: Verdict::Disputed,
                },
            },
        ];
        for visuals in [egui::Visuals::dark(), egui::Visuals::light()] {
            let look = Look::from_visuals(&visuals, 15.0);
            let job = build_job(text, &marks, false, &look, 400.0);
            for section in &job.sections {
                let (a, b) = (section.byte_range.start.0, section.byte_range.end.0);
                let marked = !(10..35).contains(&a);
                assert_eq!(
                    section.format.background == Color32::TRANSPARENT,
                    !marked,
                    "{:?} in {} theme",
                    &text[a..b],
                    if visuals.dark_mode { "dark" } else { "light" }
                );
                if !marked {
                    assert_eq!(section.format.color, visuals.text_color());
                }
            }
        }
    }

    #[test]
    fn marks_off_char_boundaries_are_ignored() {
        let text = "é claim";
        let marks = [Mark {
            start: 1,
            end: 7,
            kind: MarkKind::Selection,
        }];
        let job = build_job(text, &marks, false, &look(), 100.0);
        assert_eq!(job.text, text);
    }

    #[test]
    fn keys_change_with_highlights_only() {
        let l = look();
        let a = paragraph_key("text", &[], false, &l, 300.0, 1.0);
        assert_eq!(a, paragraph_key("text", &[], false, &l, 300.0, 1.0));
        let marks = [Mark {
            start: 0,
            end: 2,
            kind: MarkKind::Selection,
        }];
        assert_ne!(a, paragraph_key("text", &marks, false, &l, 300.0, 1.0));
        assert_ne!(a, paragraph_key("text", &[], false, &l, 301.0, 1.0));
        assert_ne!(
            a,
            paragraph_key(
                "text",
                &[],
                false,
                &Look::from_visuals(&egui::Visuals::dark(), 14.0),
                300.0,
                1.0
            )
        );
    }

    #[test]
    fn visible_finds_overlapping_paragraphs() {
        let mut cache = ParagraphCache::default();
        cache.prepare(1, 300.0, 1.0, 0.0, &look(), 5, |_| 10.0);
        assert_eq!(cache.visible(0.0, 5.0), 0..1);
        assert_eq!(cache.visible(15.0, 35.0), 1..4);
        assert_eq!(cache.visible(45.0, 100.0), 4..5);
        assert_eq!(cache.visible(60.0, 100.0), 5..5);
        assert!((cache.total_height() - 50.0).abs() < f32::EPSILON);
    }
}
