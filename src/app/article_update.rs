//! The work behind File › Update article…: read a corrected version of the article and
//! place the project's claims in it (run as a background job; nothing here touches the
//! window).

use std::path::Path;

use crate::import::import_path;
use crate::model::Project;
use crate::project::{self, UpdateSummary};

/// A corrected article with the project's claims placed in it.
#[derive(Debug)]
pub struct ArticleUpdate {
    pub project: Project,
    pub summary: UpdateSummary,
    /// What the import itself warned about.
    pub warnings: Vec<String>,
}

/// Reads a corrected version of `project`'s article from `path` and places every claim
/// in it again (nothing is dropped: what cannot be placed becomes an orphan). The error
/// is one line naming the file.
pub fn read_update(path: &Path, project: &Project) -> Result<ArticleUpdate, String> {
    let imported = import_path(path).map_err(|e| e.to_string())?;
    let (project, summary) =
        project::update_article(project, imported.article).map_err(|e| e.to_string())?;
    Ok(ArticleUpdate {
        project,
        summary,
        warnings: imported.warnings,
    })
}
