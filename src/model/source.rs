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
    /// Canonical name: "Ines Vale", "Harbour Gazette", "officials".
    pub name: String,
    /// "Fisheries Minister", "deputy prime minister for European integration".
    pub role: Option<String>,
    pub kind: SourceKind,
    /// Other names seen for it ("Vale", "the president").
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

    /// The name people see, in the window, the reports and the command line: the name,
    /// or [`UNNAMED_SOURCE`] for an agentless attribution ("are reported to").
    pub fn shown_name(&self) -> &str {
        let name = self.name.trim();
        if name.is_empty() {
            UNNAMED_SOURCE
        } else {
            name
        }
    }

    /// "Ines Vale (Fisheries Minister)", or "Unnamed source".
    pub fn label(&self) -> String {
        match &self.role {
            Some(role) if !role.trim().is_empty() => format!("{} ({role})", self.shown_name()),
            _ => self.shown_name().to_owned(),
        }
    }
}

/// What a source with no name is called wherever it is shown.
pub const UNNAMED_SOURCE: &str = "Unnamed source";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_source_is_shown_by_name_and_role_or_as_unnamed() {
        let s = Source::new(SourceId(1), " ", SourceKind::Unnamed);
        assert_eq!(s.shown_name(), UNNAMED_SOURCE);
        assert_eq!(s.label(), UNNAMED_SOURCE);
        let mut s = Source::new(SourceId(2), "Ana Ruiz", SourceKind::Person);
        assert_eq!(s.label(), "Ana Ruiz");
        s.role = Some("Water Minister".into());
        assert_eq!(s.shown_name(), "Ana Ruiz");
        assert_eq!(s.label(), "Ana Ruiz (Water Minister)");
        s.role = Some("  ".into());
        assert_eq!(s.label(), "Ana Ruiz");
    }
}
