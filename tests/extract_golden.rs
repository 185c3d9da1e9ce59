//! Golden snapshots of `claimdesk extract --format json` (the article text left out) for
//! every sample article in assets/samples and tests/fixtures/articles. Any change to the
//! extractor's output shows here as a snapshot diff: a refactor must leave them all
//! identical, a deliberate behaviour change is reviewed with `cargo insta review`.

use std::path::{Path, PathBuf};

use claimdesk::cli::extraction_json;
use claimdesk::extract::extract_article;
use claimdesk::import::import_path;

fn articles() -> Vec<PathBuf> {
    let mut paths = Vec::new();
    for dir in ["assets/samples", "tests/fixtures/articles"] {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        let mut found: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| {
                matches!(
                    p.extension().and_then(|e| e.to_str()),
                    Some("txt" | "md" | "html")
                ) && !p.ends_with("README.md")
            })
            .collect();
        found.sort();
        paths.extend(found);
    }
    paths
}

#[test]
fn extraction_of_every_sample_matches_its_snapshot() {
    let paths = articles();
    assert!(paths.len() >= 8, "samples missing: {paths:?}");
    for path in paths {
        let imported = import_path(&path).unwrap_or_else(|e| panic!("{e}"));
        let extraction = extract_article(&imported.article);
        let mut json = extraction_json(&imported, &extraction);
        if let Some(map) = json.as_object_mut() {
            map.remove("text");
        }
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .replace('.', "_");
        insta::assert_json_snapshot!(name, json);
    }
}
