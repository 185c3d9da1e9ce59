//! The extractor stays readable: no file in src/extract is over 500 lines and no
//! function over 80. Reads the crate's own sources; a breach names the file, the line
//! and the function.

mod source_files;

use std::fs;
use std::path::Path;

use source_files::rust_files;

const MAX_FILE_LINES: usize = 500;
const MAX_FN_LINES: usize = 80;

/// The name of the function a line opens (`pub(super) fn verb_scan(` → `verb_scan`).
fn fn_name(line: &str) -> Option<&str> {
    let mut rest = line.trim_start();
    for prefix in [
        "pub(crate) ",
        "pub(super) ",
        "pub ",
        "const ",
        "async ",
        "unsafe ",
    ] {
        rest = rest.strip_prefix(prefix).unwrap_or(rest);
    }
    let rest = rest.strip_prefix("fn ")?;
    let end = rest.find(|c: char| !(c.is_alphanumeric() || c == '_'))?;
    (end > 0).then(|| &rest[..end])
}

/// Functions longer than `max` lines in `text`: (first line, name, length). A function
/// runs from its `fn` line to the first later line that is its closing brace at the
/// same indentation (rustfmt's layout).
fn long_functions(text: &str, max: usize) -> Vec<(usize, String, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(name) = fn_name(line) else {
            continue;
        };
        if line.trim_end().ends_with('}') || line.trim_end().ends_with(';') {
            continue;
        }
        let indent = line.len() - line.trim_start().len();
        let close = format!("{}}}", " ".repeat(indent));
        let Some(end) = lines[i..].iter().position(|l| *l == close) else {
            continue;
        };
        if end + 1 > max {
            out.push((i + 1, name.to_string(), end + 1));
        }
    }
    out
}

#[test]
fn extract_files_and_functions_are_short() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/extract");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    files.sort();
    assert!(
        files.len() > 10,
        "found only {} files in {root:?}",
        files.len()
    );
    let mut problems = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).unwrap_or_default();
        let n = text.lines().count();
        if n > MAX_FILE_LINES {
            problems.push(format!("{}: {n} lines", file.display()));
        }
        for (line, name, len) in long_functions(&text, MAX_FN_LINES) {
            problems.push(format!(
                "{}:{line}: fn {name} is {len} lines",
                file.display()
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_checker_measures_functions() {
    let body = "    x;\n".repeat(85);
    let text =
        format!("fn short() {{\n    y;\n}}\n\npub(super) fn long(\n    a: u8,\n) {{\n{body}}}\n");
    let found = long_functions(&text, MAX_FN_LINES);
    assert_eq!(found, vec![(5, "long".to_string(), 89)]);
    assert_eq!(fn_name("    pub fn np_after(text: &str)"), Some("np_after"));
    assert_eq!(fn_name("    let fn_x = 1;"), None);
    assert!(long_functions("fn one_line() {}\n", 0).is_empty());
}
