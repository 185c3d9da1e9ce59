//! Version 1 of the project file, read and migrated to the current structs.
//!
//! Version 1 had no orphans (a claim that could not be placed was left out on load);
//! everything else it wrote is unchanged in version 2, so its parts are the current
//! structs.

use serde::Deserialize;

use super::format::{ArticleFile, ClaimFile, FORMAT_VERSION, ProjectFile, SourceFile};

/// A whole project file of version 1.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename = "Project", deny_unknown_fields)]
pub(crate) struct ProjectFileV1 {
    pub version: u32,
    pub next_claim_id: u32,
    pub next_source_id: u32,
    pub article: ArticleFile,
    pub sources: Vec<SourceFile>,
    pub claims: Vec<ClaimFile>,
}

/// The same project in the current format: no orphans yet.
pub(crate) fn migrate(file: ProjectFileV1) -> ProjectFile {
    ProjectFile {
        version: FORMAT_VERSION,
        next_claim_id: file.next_claim_id,
        next_source_id: file.next_source_id,
        article: file.article,
        sources: file.sources,
        claims: file.claims,
        orphans: Vec::new(),
    }
}
