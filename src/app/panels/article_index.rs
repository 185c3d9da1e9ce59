//! What the article view lays out: which claims and mentions touch each paragraph, the
//! highlight marks of a paragraph, its cached galley, and hit-testing (pointer position
//! to byte offset to claim).

use std::sync::Arc;

use egui::{Galley, Vec2};

use super::article_layout::{Look, Mark, MarkKind, ParagraphCache, build_job, paragraph_key};
use crate::model::{ClaimId, ParagraphKind, Project, SourceId, Span};

/// What the article view shows besides its own state.
pub struct ArticleInput<'a> {
    pub project: &'a Project,
    /// (document generation, history revision).
    pub content_key: (u64, u64),
    pub selected: Option<ClaimId>,
    pub focused_source: Option<SourceId>,
}

/// Which claims and mentions touch each paragraph, rebuilt when the project changes.
#[derive(Default)]
pub(super) struct ClaimIndex {
    key: Option<(u64, u64)>,
    /// Indices into `project.claims`.
    pub(super) claims: Vec<Vec<usize>>,
    mentions: Vec<Vec<Span>>,
    /// Characters per paragraph, for height estimates.
    pub(super) chars: Vec<usize>,
}

impl ClaimIndex {
    pub(super) fn update(&mut self, project: &Project, key: (u64, u64)) {
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

/// Builds paragraph galleys from the project.
pub(super) struct Builder<'a> {
    pub(super) input: &'a ArticleInput<'a>,
    pub(super) index: &'a ClaimIndex,
    pub(super) look: &'a Look,
    pub(super) wrap: f32,
    pub(super) ppp: f32,
    pub(super) gap: f32,
    pub(super) selection: Option<Span>,
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

    pub(super) fn galley(
        &self,
        cache: &mut ParagraphCache,
        ctx: &egui::Context,
        i: usize,
    ) -> Option<Arc<Galley>> {
        let article = &self.input.project.article;
        let para = article.paragraphs.get(i)?;
        let text = para.span.slice(&article.text)?;
        // A heading with nothing after it is a trailing line ("Newsweek"), not a title.
        // (A byline is a paragraph kind of its own and reads as text.)
        let heading = para.kind == ParagraphKind::Heading && i + 1 < article.paragraphs.len();
        let marks = self.marks(i);
        let key = paragraph_key(text, &marks, heading, self.look, self.wrap, self.ppp);
        cache.galley(ctx, i, key, self.gap, || {
            build_job(text, &marks, heading, self.look, self.wrap)
        })
    }
}

/// How full the font atlas is; a drop means egui cleared it and cached galleys are stale.
#[allow(clippy::redundant_closure_for_method_calls)] // the method path is not general over the lifetime
pub(super) fn atlas_fill(ctx: &egui::Context) -> f32 {
    ctx.fonts(|f| f.font_atlas_fill_ratio())
}

/// Byte offset in the article of the character boundary nearest `local` in paragraph `i`.
pub(super) fn offset_in(
    project: &Project,
    i: usize,
    galley: &Galley,
    local: Vec2,
) -> Option<usize> {
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
pub(super) fn claim_at(
    project: &Project,
    index: &ClaimIndex,
    i: usize,
    offset: usize,
) -> Option<ClaimId> {
    index
        .claims
        .get(i)?
        .iter()
        .map(|&ci| &project.claims[ci])
        .filter(|c| c.span.contains_offset(offset))
        .min_by_key(|c| c.span.len())
        .map(|c| c.id)
}
