//! "Checked before" on a small library the test writes: the claims of a new article that
//! were checked before get their earlier checks, the others none, and a project never
//! matches itself.

mod library_support;

use claimdesk::library::{Library, MIN_OVERLAP, Origin, claim_queries};
use claimdesk::model::{ClaimId, Verdict};
use library_support::{harbour, project, save};

fn new_article() -> claimdesk::model::Project {
    project(
        "Council approves toll rise",
        &[
            (
                "Tolls on the harbour bridge went up 37% in one year, the treasurer said.",
                Verdict::Unreviewed,
                "",
            ),
            (
                "The new library on Quay Street will open on Saturdays.",
                Verdict::Unreviewed,
                "",
            ),
            (
                "The city took out a $14.8bn loan to rebuild the ferry terminal.",
                Verdict::Unreviewed,
                "",
            ),
        ],
    )
}

#[test]
fn claims_checked_before_get_their_earlier_checks_and_others_none()
-> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let earlier = save(&harbour(), dir.path(), "harbour");
    let (lib, _) = Library::open(dir.path())?;
    let found = lib.checked_before(&claim_queries(&new_article()), None, 3)?;
    let tolls = found
        .get(&ClaimId(1))
        .ok_or("the toll claim has no earlier check")?;
    assert_eq!(tolls[0].entry.verdict, "Disputed");
    assert_eq!(
        tolls[0].entry.origin,
        Origin::Project {
            file: std::path::absolute(&earlier)?,
            claim: ClaimId(1),
        }
    );
    assert!(
        tolls
            .iter()
            .all(|h| h.overlap >= MIN_OVERLAP && h.overlap <= 1.0)
    );
    let loan = found
        .get(&ClaimId(3))
        .ok_or("the loan claim has no earlier check")?;
    assert_eq!(loan[0].entry.verdict, "Needs context");
    assert!(
        !found.contains_key(&ClaimId(2)),
        "an unrelated claim matched: {:?}",
        found.get(&ClaimId(2))
    );
    assert!(found.values().all(|hits| hits.len() <= 3));
    Ok(())
}

#[test]
fn a_project_saved_into_the_library_does_not_match_itself() -> Result<(), Box<dyn std::error::Error>>
{
    let dir = tempfile::tempdir()?;
    let own = save(&harbour(), dir.path(), "harbour");
    let (lib, _) = Library::open(dir.path())?;
    let queries = claim_queries(&harbour());
    let with_self = lib.checked_before(&queries, None, 3)?;
    assert!(
        with_self.contains_key(&ClaimId(1)),
        "the claim finds its own entry"
    );
    let found = lib.checked_before(&queries, Some(&own), 3)?;
    assert!(found.is_empty(), "{found:?}");
    Ok(())
}
