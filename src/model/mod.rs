//! Plain data: the article, claims, sources, reviews and the project holding them.
//! No IO and no GUI here.

mod article;
mod claim;
mod order;
mod orphan;
mod project;
mod provenance;
mod reasons;
mod review;
mod source;
mod span;

pub use article::{
    Article, Paragraph, ParagraphKind, collapse_whitespace, sha256_hex, split_paragraphs,
};
pub use claim::{Claim, ClaimId, ClaimKind, ClaimSource, Cue, CueClass, Origin, ReportedIn};
pub use order::sort_large_by_key;
pub use orphan::Orphan;
pub use project::{Project, Tally};
pub use provenance::{Fetched, PageMark, page_citation};
pub use reasons::Reasons;
pub use review::{Evidence, Review, Verdict};
pub use source::{Source, SourceId, SourceKind, UNNAMED_SOURCE};
pub use span::Span;
