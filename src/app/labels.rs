//! How sources are named on screen. Plain functions over the model, shared by panels and
//! dialogs; nothing here knows about egui.

use crate::model::{Claim, Project, Source};

/// The reason a hand-added claim carries (the details panel shows it once).
pub const ADDED_BY_HAND: &str = "added by hand";

/// The source a claim is attributed to, as shown in the table and tooltips.
pub fn claim_source_name<'a>(project: &'a Project, claim: &Claim) -> &'a str {
    project.claim_source(claim).map_or("—", Source::shown_name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{SourceId, SourceKind};

    #[test]
    fn empty_source_name_is_shown_as_unnamed() {
        let s = Source::new(SourceId(1), "", SourceKind::Unnamed);
        assert_eq!(s.shown_name(), "Unnamed source");
        let mut s = Source::new(SourceId(2), "Ana Ruiz", SourceKind::Person);
        s.role = Some("Water Minister".into());
        assert_eq!(s.label(), "Ana Ruiz (Water Minister)");
    }
}
