//! Random edit sequences: undoing everything restores the original project exactly, and
//! redoing everything restores the final one.

use std::collections::BTreeMap;

use jiff::Timestamp;
use proptest::prelude::*;

use super::{TEXT, claim, evidence, project};
use crate::history::{Edit, History};
use crate::model::{
    ClaimId, ClaimKind, ClaimSource, Project, Source, SourceId, SourceKind, Span, Verdict,
};

/// A few notes, including c1's original one, so no-ops and typing back happen.
const NOTES: [&str; 4] = ["check the minutes", "c", "ch", ""];

/// Raw numbers turned into an edit against the current project: `kind` chooses the edit,
/// the others pick claims, indices, offsets and values. Offsets are raw bytes, so some
/// spans fall inside "Ç" or are empty, and some indices and ids are out of range: those
/// edits are refused.
fn make_edit(p: &Project, kind: u8, pick: u32, num: u32, alt: u32) -> Edit {
    let claim_id = if p.claims.is_empty() || pick.is_multiple_of(23) {
        ClaimId(900 + pick % 3)
    } else {
        p.claims[pick as usize % p.claims.len()].id
    };
    let source_id = if p.sources.is_empty() || num.is_multiple_of(19) {
        SourceId(900)
    } else {
        p.sources[num as usize % p.sources.len()].id
    };
    let evidence_len = p
        .claim(claim_id)
        .map_or(0, |claim| claim.review.evidence.len());
    // Mostly in range; past the end when there is none, or one time in five.
    let index = if evidence_len == 0 || num.is_multiple_of(5) {
        evidence_len
    } else {
        num as usize % evidence_len
    };
    let offset = |n: u32| n as usize % (TEXT.len() + 2);
    let span = Span::new(offset(num), offset(alt));
    let new_source = |name: &str| p.fresh_source(name, SourceKind::ALL[alt as usize % 3]);
    match kind % 14 {
        0 => Edit::SetVerdict {
            claim: claim_id,
            verdict: Verdict::ALL[num as usize % Verdict::ALL.len()],
            reviewer: alt.is_multiple_of(2).then(|| format!("r{}", alt % 3)),
            at: Some(Timestamp::constant(i64::from(alt), 0)),
        },
        1 => Edit::SetNote {
            claim: claim_id,
            note: NOTES[num as usize % NOTES.len()].to_owned(),
        },
        2 => Edit::AddEvidence {
            claim: claim_id,
            evidence: evidence(&format!("https://e{alt}.example")),
        },
        3 => Edit::UpdateEvidence {
            claim: claim_id,
            index,
            evidence: evidence(&format!("https://u{}.example", alt % 4)),
        },
        4 => Edit::RemoveEvidence {
            claim: claim_id,
            index,
        },
        5 => {
            let mut new = claim(0, "May", ClaimKind::ALL[alt as usize % 4], None);
            new.id = p.fresh_claim_id();
            new.span = span;
            let source = pick.is_multiple_of(3).then(|| new_source("Tug pilot"));
            new.source = source.as_ref().map(|s| ClaimSource {
                id: s.id,
                mention: None,
            });
            Edit::AddClaim {
                claim: Box::new(new),
                new_source: source,
            }
        }
        6 => Edit::DeleteClaim { claim: claim_id },
        7 => {
            let (source, new_source) = match alt % 3 {
                0 => (None, None),
                1 => (Some(source_id), None),
                _ => {
                    let s = new_source("Quay clerk");
                    (Some(s.id), Some(s))
                }
            };
            Edit::SetClaimSource {
                claim: claim_id,
                source: source.map(|id| ClaimSource { id, mention: None }),
                new_source,
            }
        }
        8 => Edit::SetClaimKind {
            claim: claim_id,
            kind: ClaimKind::ALL[alt as usize % 4],
        },
        9 => Edit::SetClaimSpan {
            claim: claim_id,
            span,
        },
        10 => {
            let mut source = p
                .source(source_id)
                .cloned()
                .unwrap_or_else(|| Source::new(source_id, "", SourceKind::Person));
            source.name = format!("Name {}", alt % 3);
            Edit::UpdateSource { source }
        }
        11 => Edit::MergeSources {
            from: source_id,
            into: p
                .sources
                .get(alt as usize % p.sources.len().max(1))
                .map_or(SourceId(901), |s| s.id),
        },
        12 => Edit::RemoveSource { source: source_id },
        _ => {
            // A merge result: some claims kept (in reverse order; the edit sorts them),
            // one new claim and one new source.
            let fresh = new_source("Harbor Authority");
            let mut added = claim(0, "12%", ClaimKind::Statistic, Some(fresh.id.0));
            added.id = p.fresh_claim_id();
            let mut claims: Vec<_> = p
                .claims
                .iter()
                .filter(|kept| kept.id.0 % 2 == pick % 2)
                .rev()
                .cloned()
                .collect();
            claims.push(added);
            let mut sources = p.sources.clone();
            sources.push(fresh);
            Edit::ReplaceExtraction { sources, claims }
        }
    }
}

/// Applies one generated edit; a refused edit must leave the project as it was.
fn apply_step(h: &mut History, p: &mut Project, step: (u8, u32, u32, u32)) {
    let (kind, pick, num, alt) = step;
    let edit = make_edit(p, kind, pick, num, alt);
    let before = p.clone();
    let revision = h.revision();
    if h.apply(p, edit).is_err() {
        assert_eq!(*p, before, "a refused edit changes nothing");
        assert_eq!(h.revision(), revision);
    }
}

fn steps(max: usize) -> impl Strategy<Value = Vec<(u8, u32, u32, u32, u8)>> {
    prop::collection::vec(
        (
            any::<u8>(),
            any::<u32>(),
            any::<u32>(),
            any::<u32>(),
            any::<u8>(),
        ),
        0..max,
    )
}

proptest! {
    #[test]
    fn undo_all_restores_original_and_redo_all_restores_final(steps in steps(60)) {
        let original = project();
        let mut p = original.clone();
        let mut h = History::new();
        for (kind, pick, num, alt, seal) in steps {
            apply_step(&mut h, &mut p, (kind, pick, num, alt));
            if seal.is_multiple_of(3) {
                h.seal();
            }
        }
        let last = p.clone();
        let dirty = h.is_dirty();
        while h.undo(&mut p).is_some() {}
        prop_assert_eq!(&p, &original);
        prop_assert!(!h.is_dirty());
        while h.redo(&mut p).is_some() {}
        prop_assert_eq!(&p, &last);
        prop_assert_eq!(h.is_dirty(), dirty);
    }

    #[test]
    fn equal_revisions_mean_equal_projects(steps in steps(80)) {
        let original = project();
        let mut p = original.clone();
        let mut h = History::new();
        let mut seen = BTreeMap::from([(h.revision(), p.clone())]);
        for (kind, pick, num, alt, op) in steps {
            match op % 8 {
                0 => {
                    h.undo(&mut p);
                }
                1 => {
                    h.redo(&mut p);
                }
                2 => h.seal(),
                _ => apply_step(&mut h, &mut p, (kind, pick, num, alt)),
            }
            let state = seen.entry(h.revision()).or_insert_with(|| p.clone());
            prop_assert_eq!(&*state, &p);
        }
        while h.undo(&mut p).is_some() {}
        prop_assert_eq!(&p, &original);
        prop_assert!(!h.is_dirty());
    }
}
