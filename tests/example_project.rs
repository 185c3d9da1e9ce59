//! projects/example.ron is what `claimdesk new` makes of the sample it names, so the
//! example opened by the window stays current with the extractor and file format.
//! After an intended change, regenerate it:
//! `cargo run -- new assets/samples/harbour-bridge-tolls.txt -o projects/example.ron --force`.

use std::path::Path;

#[test]
fn example_project_is_current() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fresh = dir.path().join("example.ron");
    let mut warnings = Vec::new();
    claimdesk::cli::new_command(
        Path::new("assets/samples/harbour-bridge-tolls.txt"),
        &fresh,
        false,
        &mut warnings,
    )
    .expect("new project");
    let fresh = std::fs::read_to_string(&fresh).expect("fresh");
    let committed =
        std::fs::read_to_string("projects/example.ron").expect("projects/example.ron exists");
    assert!(
        fresh == committed,
        "projects/example.ron is stale: regenerate it with \
         `cargo run -- new assets/samples/harbour-bridge-tolls.txt -o projects/example.ron --force`"
    );
}

#[test]
fn example_project_loads_cleanly() {
    let loaded = claimdesk::project::load(Path::new("projects/example.ron")).expect("loads");
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert!(loaded.project.claims.len() >= 15);
}
