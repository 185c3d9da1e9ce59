//! The CSV report ([`Format::Csv`](super::Format::Csv) documents it).

use std::io;

use super::Format;
use super::sink::encode_failure;
use super::view::Report;

/// The header row.
const HEADER: [&str; 15] = [
    "id",
    "verdict",
    "kind",
    "claim",
    "source",
    "role",
    "cue",
    "score",
    "note",
    "evidence_urls",
    "reviewer",
    "reviewed_at",
    "orphan",
    // Added after the first release: new columns go at the end, so a sheet that reads
    // columns by position keeps working.
    "cue_class",
    "reported_in",
];

pub(super) fn render(report: &Report<'_>, out: &mut dyn io::Write) -> io::Result<()> {
    let fail = |e: csv::Error| match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => encode_failure(Format::Csv, &format!("{other:?}")),
    };
    let mut writer = csv::WriterBuilder::new().from_writer(out);
    writer.write_record(HEADER).map_err(fail)?;
    for entry in report.entries.iter().chain(&report.orphans) {
        let claim = entry.claim;
        let review = &claim.review;
        let evidence: Vec<&str> = review
            .evidence
            .iter()
            .map(|e| e.url.trim())
            .filter(|u| !u.is_empty())
            .collect();
        let row = [
            claim.id.to_string(),
            review.verdict.label().to_owned(),
            claim.kind.label().to_owned(),
            entry.text.unwrap_or_default().to_owned(),
            entry.source_name().to_owned(),
            entry.source_role().to_owned(),
            claim
                .cue
                .as_ref()
                .map(|c| c.text.clone())
                .unwrap_or_default(),
            format!("{:.2}", claim.score),
            review.note.clone(),
            evidence.join("\n"),
            review.reviewer.clone().unwrap_or_default(),
            review
                .reviewed_at
                .map(|t| t.to_string())
                .unwrap_or_default(),
            if entry.orphan.is_some() { "yes" } else { "" }.to_owned(),
            claim
                .cue
                .as_ref()
                .and_then(|c| c.class)
                .map(|c| c.as_str().to_owned())
                .unwrap_or_default(),
            claim
                .reported_in
                .as_ref()
                .map(|r| r.text.clone())
                .unwrap_or_default(),
        ];
        writer
            .write_record(row.iter().map(|cell| neutralise(cell).into_owned()))
            .map_err(fail)?;
    }
    writer.flush()
}

/// A cell a spreadsheet will not treat as a formula: a single quote is put in front of
/// text beginning with `=`, `+`, `-`, `@`, tab or carriage return.
pub(super) fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_neutralised() {
        for (cell, want) in [
            ("=1+1", "'=1+1"),
            ("+SUM(A1)", "'+SUM(A1)"),
            ("-2+3", "'-2+3"),
            ("@cmd", "'@cmd"),
            ("\t=x", "'\t=x"),
            ("\r=x", "'\r=x"),
            ("a=1", "a=1"),
            ("", ""),
            (" =1", " =1"),
        ] {
            assert_eq!(neutralise(cell), want, "{cell:?}");
        }
    }
}
