//! Claims: check-worthy passages of the article.

use serde::{Deserialize, Serialize};

use super::{Reasons, Review, SourceId, Span};

/// A claim's stable identifier within a project. Shown as `c12`.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct ClaimId(pub u32);

impl std::fmt::Display for ClaimId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "c{}", self.0)
    }
}

/// What sort of claim a passage is.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    /// A direct quotation.
    Quote,
    /// Indirect speech or an "according to" attribution.
    Reported,
    /// Numbers, amounts, percentages, rankings.
    Statistic,
    /// Any other check-worthy assertion.
    #[default]
    Fact,
}

impl ClaimKind {
    pub const ALL: [ClaimKind; 4] = [
        ClaimKind::Quote,
        ClaimKind::Reported,
        ClaimKind::Statistic,
        ClaimKind::Fact,
    ];

    /// The lowercase name used in JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Quote => "quote",
            ClaimKind::Reported => "reported",
            ClaimKind::Statistic => "statistic",
            ClaimKind::Fact => "fact",
        }
    }

    /// A capitalised label for people.
    pub fn label(self) -> &'static str {
        match self {
            ClaimKind::Quote => "Quote",
            ClaimKind::Reported => "Reported",
            ClaimKind::Statistic => "Statistic",
            ClaimKind::Fact => "Fact",
        }
    }
}

impl std::fmt::Display for ClaimKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What kind of verb a cue is, which says what kind of claim it introduces.
///
/// Named in JSON and reports in lowercase: `speech`, `belief`, `stance`, `evidence`
/// (the lexicon's `cognition` class is `belief` here, the word editors use).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CueClass {
    /// Speech and writing: said, told, announced, according to.
    Speech,
    /// Beliefs and expectations: thinks, believes, expects. Not a statement.
    Belief,
    /// Positions and judgements: criticised, praised, wants. Not a statement.
    Stance,
    /// Evidence and findings: showed, found.
    Evidence,
}

impl CueClass {
    pub const ALL: [CueClass; 4] = [
        CueClass::Speech,
        CueClass::Belief,
        CueClass::Stance,
        CueClass::Evidence,
    ];

    /// The lowercase name used in JSON, CSV and the project file's documentation.
    pub fn as_str(self) -> &'static str {
        match self {
            CueClass::Speech => "speech",
            CueClass::Belief => "belief",
            CueClass::Stance => "stance",
            CueClass::Evidence => "evidence",
        }
    }

    /// What a claim introduced by a cue of this class is, for a tooltip.
    pub fn description(self) -> &'static str {
        match self {
            CueClass::Speech => "said or written: a statement",
            CueClass::Belief => "a belief or expectation, not a statement",
            CueClass::Stance => "a position taken, not a statement",
            CueClass::Evidence => "a finding or estimate from evidence",
        }
    }
}

impl std::fmt::Display for CueClass {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The words that signal attribution ("said", "according to") and where they are.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cue {
    pub text: String,
    pub span: Span,
    /// The cue verb's class; `None` in projects saved before classes were recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub class: Option<CueClass>,
}

/// Where a claim was reported when its speaker's words reach the article through
/// another report: "an analysis for The Harbour Gazette" in "Analysts at Norvik Risk
/// estimated that …, according to an analysis for The Harbour Gazette".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportedIn {
    /// The words naming the report or publication.
    pub text: String,
    /// Where they are in the article text.
    pub span: Span,
}

/// Who asserts a claim: a source in the registry and the words near the claim naming it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimSource {
    pub id: SourceId,
    /// The mention near the claim ("he", "the minister", "Vale"); `None` when the
    /// source was assigned by hand.
    pub mention: Option<Span>,
}

/// Where a claim came from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Origin {
    /// Found by the extractor.
    #[default]
    Extracted,
    /// Added or corrected by an editor; re-running extraction keeps it.
    Manual,
}

/// A check-worthy passage of the article with its source and review.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub id: ClaimId,
    pub span: Span,
    pub kind: ClaimKind,
    pub source: Option<ClaimSource>,
    pub cue: Option<Cue>,
    /// The report or publication that carries the speaker's words, when the article
    /// names one besides the speaker ("…, according to a report in the Valdera Times").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported_in: Option<Box<ReportedIn>>,
    /// Check-worthiness in `0.0..=1.0`.
    pub score: f32,
    /// Why the extractor picked it ("attributed: according to the port authority", "amount: $3.2 billion").
    pub reasons: Reasons,
    pub origin: Origin,
    pub review: Review,
}

impl Claim {
    /// The claim's text in `article_text`, or "" if the span is stale.
    pub fn text<'a>(&self, article_text: &'a str) -> &'a str {
        self.span.slice(article_text).unwrap_or_default()
    }

    /// True once an editor has touched it: reviewed, annotated, or made by hand.
    pub fn is_edited(&self) -> bool {
        self.origin == Origin::Manual || !self.review.is_blank()
    }
}
