//! How sources are named on screen. Plain functions over the model, shared by panels and
//! dialogs; nothing here knows about egui.

use crate::model::{Claim, Project, Source};

/// The reason a hand-added claim carries (the details panel shows it once).
pub const ADDED_BY_HAND: &str = "added by hand";

/// How a source is shown: its name, or "Unnamed source" for agentless attributions.
pub fn source_name(source: &Source) -> &str {
    if source.name.trim().is_empty() {
        "Unnamed source"
    } else {
        &source.name
    }
}

/// "Ana Ruiz (Water Minister)", or "Unnamed source".
pub fn source_label(source: &Source) -> String {
    match &source.role {
        Some(role) if !role.trim().is_empty() => format!("{} ({role})", source_name(source)),
        _ => source_name(source).to_owned(),
    }
}

/// The source a claim is attributed to, as shown in the table and tooltips.
pub fn claim_source_name<'a>(project: &'a Project, claim: &Claim) -> &'a str {
    project.claim_source(claim).map_or("—", source_name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{SourceId, SourceKind};

    #[test]
    fn empty_source_name_is_shown_as_unnamed() {
        let s = Source::new(SourceId(1), "", SourceKind::Unnamed);
        assert_eq!(source_name(&s), "Unnamed source");
        let mut s = Source::new(SourceId(2), "Ana Ruiz", SourceKind::Person);
        s.role = Some("Water Minister".into());
        assert_eq!(source_label(&s), "Ana Ruiz (Water Minister)");
    }
}
