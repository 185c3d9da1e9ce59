//! Sources: the people and organisations claims are attributed to.

use serde::{Deserialize, Serialize};

use super::Span;

/// A source's stable identifier within a project. Shown as `s3`.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct SourceId(pub u32);

impl std::fmt::Display for SourceId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "s{}", self.0)
    }
}

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    #[default]
    Person,
    Organization,
    /// "officials said", "sources close to the talks".
    Unnamed,
}

impl SourceKind {
    pub const ALL: [SourceKind; 3] = [
        SourceKind::Person,
        SourceKind::Organization,
        SourceKind::Unnamed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Person => "person",
            SourceKind::Organization => "organization",
            SourceKind::Unnamed => "unnamed",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            SourceKind::Person => "Person",
            SourceKind::Organization => "Organization",
            SourceKind::Unnamed => "Unnamed",
        }
    }
}

impl std::fmt::Display for SourceKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One entry of an article's source registry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub id: SourceId,
    /// Canonical name: "Vladimir Putin", "Forbes", "officials".
    pub name: String,
    /// "Russian President", "deputy prime minister for European integration".
    pub role: Option<String>,
    pub kind: SourceKind,
    /// Other names seen for it ("Putin", "the president").
    pub aliases: Vec<String>,
    /// Every place the article names it, in text order.
    pub mentions: Vec<Span>,
}

impl Source {
    pub fn new(id: SourceId, name: impl Into<String>, kind: SourceKind) -> Self {
        Self {
            id,
            name: name.into(),
            role: None,
            kind,
            aliases: Vec::new(),
            mentions: Vec::new(),
        }
    }

    /// "Vladimir Putin (Russian President)".
    pub fn display_name(&self) -> String {
        match &self.role {
            Some(role) if !role.is_empty() => format!("{} ({role})", self.name),
            _ => self.name.clone(),
        }
    }
}
