//! Checks of the data files, in the spirit of typos-dict's verify: each check is a
//! function from a file's text to its problems, run on the real files and on a bad
//! sample that must fail it.

use std::collections::{HashMap, HashSet};

use super::cues::{CUES_TSV, CueClass, MULTIWORD_TSV, regular_forms};
use super::lists::{FILES, READ, section_lines, section_names};

/// The columns `cue_rows` reads, in order.
const CUE_COLUMNS: &str = "lemma\tclass\tforms\tlistener";
/// The columns `MULTIWORD` reads, in order.
const MULTIWORD_COLUMNS: &str = "lemma\tforms\trest\tclass";

/// Lines that are neither comments nor blank.
fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
}

/// Problems of one list file: sections out of order or repeated, entries unsorted,
/// repeated, not lowercase or padded, a section nothing reads, a line outside sections.
fn check_list(file: &str, text: &'static str, read: &[(&str, &str)]) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(first) = data_lines(text).next()
        && !first.starts_with('[')
    {
        out.push(format!("{file}: '{first}' is outside any [section]"));
    }
    let names = section_names(text);
    for pair in names.windows(2) {
        if pair[0] >= pair[1] {
            out.push(format!("{file}: [{}] comes after [{}]", pair[1], pair[0]));
        }
    }
    for name in &names {
        if !read.contains(&(file, *name)) {
            out.push(format!("{file}: nothing reads [{name}]"));
        }
        let entries: Vec<&str> = section_lines(text, name)
            .filter(|l| !l.starts_with('#'))
            .collect();
        if entries.is_empty() {
            out.push(format!("{file}: [{name}] is empty"));
        }
        for pair in entries.windows(2) {
            if pair[0] == pair[1] {
                out.push(format!("{file}: [{name}] lists '{}' twice", pair[0]));
            } else if pair[0] > pair[1] {
                out.push(format!(
                    "{file}: [{name}] '{}' is before '{}'",
                    pair[0], pair[1]
                ));
            }
        }
        for e in &entries {
            if e.to_lowercase() != *e {
                out.push(format!("{file}: [{name}] '{e}' is not lowercase"));
            }
        }
    }
    for line in text.lines() {
        if line != line.trim() {
            out.push(format!("{file}: '{line}' has spaces around it"));
        }
    }
    out
}

/// Problems of `cues.tsv`: the header, field counts, unknown classes, unsorted or
/// repeated lemmas, listed forms that repeat the lemma or a regular form, and forms that
/// belong to two lemmas (one would shadow the other).
fn check_cues(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut lines = data_lines(text);
    if lines.next() != Some(CUE_COLUMNS) {
        out.push(format!("cues.tsv: the header is not '{CUE_COLUMNS}'"));
    }
    let mut owner: HashMap<String, &str> = HashMap::new();
    let mut last = "";
    let mut listeners = HashSet::new();
    for line in lines {
        let fields: Vec<&str> = line.split('\t').collect();
        let [lemma, class, forms, listener] = fields[..] else {
            out.push(format!(
                "cues.tsv: '{line}' has {} fields, not 4",
                fields.len()
            ));
            continue;
        };
        if lemma <= last {
            out.push(format!("cues.tsv: '{lemma}' is not after '{last}'"));
        }
        last = lemma;
        if CueClass::from_name(class).is_none() {
            out.push(format!("cues.tsv: {lemma}: unknown class '{class}'"));
        }
        if !matches!(listener, "yes" | "no") {
            out.push(format!(
                "cues.tsv: {lemma}: listener is '{listener}', not yes or no"
            ));
        }
        listeners.insert(listener);
        let listed: Vec<&str> = if forms == "-" {
            Vec::new()
        } else {
            forms.split(',').collect()
        };
        let mut all = vec![lemma.to_string()];
        for f in &listed {
            if all.iter().any(|a| a == f) {
                out.push(format!("cues.tsv: {lemma}: the form '{f}' is listed twice"));
            }
            all.push((*f).to_string());
        }
        if !listed.is_empty() && all[1..] == regular_forms(lemma)[1..] {
            out.push(format!(
                "cues.tsv: {lemma}: the forms are the regular ones: write -"
            ));
        }
        let all = if listed.is_empty() {
            regular_forms(lemma)
        } else {
            all
        };
        for form in all {
            if !(3..=14).contains(&form.len()) {
                out.push(format!("cues.tsv: {lemma}: '{form}' is not 3 to 14 bytes"));
            }
            if let Some(other) = owner.insert(form.clone(), lemma)
                && other != lemma
            {
                out.push(format!(
                    "cues.tsv: '{form}' is a form of {other} and of {lemma}"
                ));
            }
        }
    }
    if listeners.len() < 2 {
        out.push("cues.tsv: the listener column is the same on every row".to_string());
    }
    out
}

/// Problems of `multiword.tsv`: the header, field counts, unknown classes, unsorted or
/// repeated rows.
fn check_multiword(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut lines = data_lines(text);
    if lines.next() != Some(MULTIWORD_COLUMNS) {
        out.push(format!(
            "multiword.tsv: the header is not '{MULTIWORD_COLUMNS}'"
        ));
    }
    let mut last = "";
    for line in lines {
        let fields: Vec<&str> = line.split('\t').collect();
        let [_, forms, rest, class] = fields[..] else {
            out.push(format!(
                "multiword.tsv: '{line}' has {} fields, not 4",
                fields.len()
            ));
            continue;
        };
        if line <= last {
            out.push(format!("multiword.tsv: '{line}' is not after '{last}'"));
        }
        last = line;
        if CueClass::from_name(class).is_none() {
            out.push(format!("multiword.tsv: unknown class '{class}'"));
        }
        if forms.is_empty() || rest.is_empty() || rest.contains("  ") {
            out.push(format!("multiword.tsv: '{line}' has an empty field"));
        }
    }
    out
}

#[test]
fn the_list_files_are_clean() {
    let problems: Vec<String> = FILES
        .iter()
        .flat_map(|(file, text)| check_list(file, text, READ))
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_section_read_exists() {
    for (file, section) in READ {
        let text = FILES.iter().find(|f| f.0 == *file).map(|f| f.1);
        assert!(
            text.is_some_and(|t| section_names(t).contains(section)),
            "{file} has no [{section}]"
        );
    }
}

#[test]
fn the_cue_files_are_clean() {
    let problems = [check_cues(CUES_TSV), check_multiword(MULTIWORD_TSV)].concat();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Each check fails on a sample made to break it.
#[test]
fn bad_list_samples_fail() {
    let read = [("t.lst", "a"), ("t.lst", "b")];
    let cases: &[(&str, &str)] = &[
        ("[a]\nx\nx\n", "twice"),
        ("[a]\ny\nx\n", "is before"),
        ("[b]\nx\n[a]\ny\n", "comes after"),
        ("[a]\nx\n[c]\ny\n", "nothing reads [c]"),
        ("[a]\nX\n", "not lowercase"),
        ("[a]\nx \n", "spaces around"),
        ("x\n[a]\ny\n", "outside any"),
        ("[a]\n# only a comment\n", "is empty"),
    ];
    for (sample, problem) in cases {
        let found = check_list("t.lst", sample, &read);
        assert!(
            found.iter().any(|p| p.contains(problem)),
            "{sample:?}: {found:?}"
        );
    }
    assert!(check_list("t.lst", "[a]\nx\ny\n\n[b]\nz\n", &read).is_empty());
}

#[test]
fn bad_cue_samples_fail() {
    let head = format!("{CUE_COLUMNS}\n");
    let good = "say\tspeech\tsays,said,saying\tno\ntell\tspeech\ttells,told,telling\tyes\n";
    assert!(check_cues(&format!("{head}{good}")).is_empty());
    let cases: &[(&str, &str)] = &[
        ("ask\tspeech\t-\tyes\nask\tspeech\t-\tno\n", "is not after"),
        ("tell\tspeech\t-\tyes\nask\tspeech\t-\tno\n", "is not after"),
        ("ask\tspeech\t-\n", "has 3 fields"),
        ("ask\tspeech\t-\tyes\tno\n", "has 5 fields"),
        ("ask\tshout\t-\tyes\n", "unknown class"),
        ("ask\tspeech\t-\tmaybe\n", "not yes or no"),
        ("read\tspeech\treads,read\tno\n", "listed twice"),
        ("ask\tspeech\tasks,asked,asking\tno\n", "regular ones"),
        // "found" is the past of "find" and the lemma "found": one shadows the other.
        (
            "find\tevidence\tfinds,found,finding\tno\nfound\tstance\t-\tyes\n",
            "a form of find and of found",
        ),
        ("go\tspeech\t-\tyes\n", "not 3 to 14"),
        (
            "ask\tspeech\t-\tno\nsay\tspeech\t-\tno\n",
            "same on every row",
        ),
    ];
    for (rows, problem) in cases {
        let found = check_cues(&format!("{head}{rows}"));
        assert!(
            found.iter().any(|p| p.contains(problem)),
            "{rows:?}: {found:?}"
        );
    }
    // A column nothing reads (the old `takes_object`) changes the header.
    let extra = "lemma\tclass\tforms\tlistener\ttakes_object\nask\tspeech\t-\tyes\tyes\n";
    assert!(check_cues(extra).iter().any(|p| p.contains("the header")));
}

#[test]
fn bad_multiword_samples_fail() {
    let head = format!("{MULTIWORD_COLUMNS}\n");
    assert!(check_multiword(&format!("{head}call\tcalled\tfor\tspeech\n")).is_empty());
    let cases: &[(&str, &str)] = &[
        ("call\tcalled\tfor\n", "has 3 fields"),
        ("call\tcalled\tfor\tshout\n", "unknown class"),
        (
            "call\tcalled\ton\tspeech\ncall\tcalled\tfor\tspeech\n",
            "is not after",
        ),
        ("call\tcalled\t\tspeech\n", "empty field"),
    ];
    for (rows, problem) in cases {
        let found = check_multiword(&format!("{head}{rows}"));
        assert!(
            found.iter().any(|p| p.contains(problem)),
            "{rows:?}: {found:?}"
        );
    }
    assert!(
        check_multiword("lemma\tforms\n")
            .iter()
            .any(|p| p.contains("the header"))
    );
}
