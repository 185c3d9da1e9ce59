//! Re-importing a corrected article into a project: every claim is placed again in the
//! new text (by position, quote and context, or a fuzzy match of its quote), and a claim
//! that cannot be placed becomes an orphan with its review. Nothing is dropped.

use std::fmt::Write as _;
use std::path::Path;

use super::ProjectError;
use super::convert;
use super::place::Placement;
use crate::model::{Article, ClaimId, Project};

/// What an article update did to the claims.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UpdateSummary {
    /// Claims whose text and position are both unchanged.
    pub unchanged: usize,
    /// Claims whose text is unchanged but now elsewhere.
    pub moved: Vec<ClaimId>,
    /// Claims placed where the text is close to their quote but edited.
    pub changed: Vec<ClaimId>,
    /// Claims that could not be placed and are now orphans.
    pub orphaned: Vec<ClaimId>,
    /// Orphans from before that the new text places again.
    pub reattached: Vec<ClaimId>,
    /// Orphans from before that stay orphans.
    pub still_orphans: usize,
    /// Other things that could not be carried over (a source mention, a cue), one line
    /// each.
    pub warnings: Vec<String>,
}

impl UpdateSummary {
    /// "12 unchanged, 3 moved, 1 changed, 2 orphaned (c7, c9)".
    pub fn line(&self) -> String {
        let ids = |ids: &[ClaimId]| {
            if ids.is_empty() || ids.len() > 12 {
                String::new()
            } else {
                let list: Vec<String> = ids.iter().map(ToString::to_string).collect();
                format!(" ({})", list.join(", "))
            }
        };
        let mut out = format!(
            "{} unchanged, {} moved, {} changed{}, {} orphaned{}",
            self.unchanged,
            self.moved.len(),
            self.changed.len(),
            ids(&self.changed),
            self.orphaned.len(),
            ids(&self.orphaned),
        );
        if !self.reattached.is_empty() {
            let _ = write!(
                out,
                ", {} orphans placed again{}",
                self.reattached.len(),
                ids(&self.reattached)
            );
        }
        if self.still_orphans > 0 {
            let _ = write!(out, ", {} still orphans", self.still_orphans);
        }
        out
    }
}

/// `project` with its article replaced by `article` (a corrected version of the story)
/// and every claim, orphans included, placed again in the new text.
///
/// ```
/// use claimdesk::model::{Article, Claim, ClaimId, ClaimKind, Origin, Project, Review, Span};
/// use claimdesk::project::update_article;
/// let old = Article::from_text("Ferry", "The ferry will carry 4,000 crossings a month. Tolls stay.");
/// let claim = Claim {
///     id: ClaimId(1), span: Span::new(0, 45), kind: ClaimKind::Statistic, source: None,
///     cue: None, reported_in: None, score: 0.5, reasons: claimdesk::model::Reasons::new(), origin: Origin::Manual, review: Review::default(),
/// };
/// let project = Project::new(old, vec![], vec![claim]);
/// let new = Article::from_text("Ferry", "Correction: the ferry will carry 4,200 crossings a month. Tolls stay.");
/// let (updated, summary) = update_article(&project, new)?;
/// assert_eq!(summary.changed, [ClaimId(1)]);
/// assert_eq!(updated.claims[0].text(&updated.article.text), "the ferry will carry 4,200 crossings a month.");
/// # Ok::<(), claimdesk::project::ProjectError>(())
/// ```
pub fn update_article(
    project: &Project,
    article: Article,
) -> Result<(Project, UpdateSummary), ProjectError> {
    let mut file = convert::to_file(project);
    file.article = convert::article_to_file(&article);
    let read = convert::read(file, Path::new(""), true)?;
    let mut updated = read.project;
    updated.article = article;
    let mut summary = UpdateSummary::default();
    for (id, placement, was_orphan) in read.placed {
        match (placement, was_orphan) {
            (Placement::Lost, true) => summary.still_orphans += 1,
            (_, true) => summary.reattached.push(id),
            (Placement::Kept(_), false) => summary.unchanged += 1,
            (Placement::Moved(_), false) => summary.moved.push(id),
            (Placement::Changed(_), false) => summary.changed.push(id),
            (Placement::Lost, false) => summary.orphaned.push(id),
        }
    }
    summary.warnings = read.warnings;
    Ok((updated, summary))
}
