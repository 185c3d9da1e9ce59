//! The window's modules import each other one way only: no module in src/app imports a
//! module that (directly or through others) imports it back. Reads the crate's own
//! sources; a cycle fails with the loop spelled out.

mod source_files;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use source_files::rust_files;

/// `src/app/panels/mod.rs` -> `app::panels`, `src/app/jobs.rs` -> `app::jobs`.
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap_or(file).with_extension("");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts.join("::")
}

fn parent(module: &str) -> &str {
    module.rsplit_once("::").map_or("", |(p, _)| p)
}

/// The code of a file without its `#[cfg(test)]` module and without comments.
fn code(text: &str) -> String {
    let body = text.split("#[cfg(test)]").next().unwrap_or_default();
    body.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Paths written after `prefix` (`super::`, `crate::app::`, or a child module name in a
/// `use` of a mod.rs), as segment lists; `{a, b::c}` groups are expanded one level.
fn paths_after(code: &str, prefix: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(pos) = rest.find(prefix) {
        let before_ok = pos == 0
            || !rest[..pos]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':');
        rest = &rest[pos + prefix.len()..];
        if !before_ok {
            continue;
        }
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for item in group[..end].split(',') {
                out.push(segments(item.trim()));
            }
        } else {
            out.push(segments(rest));
        }
    }
    out
}

fn segments(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    loop {
        let end = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        if end == 0 {
            break;
        }
        out.push(rest[..end].to_owned());
        match rest[end..].strip_prefix("::") {
            Some(next) if !next.starts_with('{') => rest = next,
            _ => break,
        }
    }
    out
}

/// The deepest known module a path names (an item resolves to the module defining it).
fn resolve(base: &str, path: &[String], modules: &BTreeSet<String>) -> Option<String> {
    let mut best = None;
    let mut current = base.to_owned();
    for seg in path {
        if seg == "self" || seg == "super" {
            break;
        }
        current = if current.is_empty() {
            seg.clone()
        } else {
            format!("{current}::{seg}")
        };
        if modules.contains(&current) {
            best = Some(current.clone());
        } else {
            break;
        }
    }
    best.or_else(|| modules.contains(base).then(|| base.to_owned()))
}

fn import_graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src.join("app"), &mut files);
    assert!(files.len() > 10, "src/app has its modules: {files:?}");
    let modules: BTreeSet<String> = files.iter().map(|f| module_of(&src, f)).collect();
    let mut graph = BTreeMap::new();
    for file in &files {
        let module = module_of(&src, file);
        let text = fs::read_to_string(file).unwrap_or_default();
        let code = code(&text);
        let mut targets = BTreeSet::new();
        for path in paths_after(&code, "crate::app::") {
            targets.extend(resolve("app", &path, &modules));
        }
        for path in paths_after(&code, "super::") {
            targets.extend(resolve(parent(&module), &path, &modules));
        }
        if file.ends_with("mod.rs") {
            for line in code.lines().map(str::trim) {
                let line = line.strip_prefix("pub ").unwrap_or(line);
                if let Some(rest) = line.strip_prefix("use ") {
                    let path = segments(rest);
                    if !matches!(path.first().map(String::as_str), Some("crate" | "super")) {
                        targets.extend(resolve(&module, &path, &modules).filter(|m| *m != module));
                    }
                }
            }
        }
        targets.remove(&module);
        graph.insert(module, targets);
    }
    graph
}

/// A loop in `graph`, as the modules along it, if there is one.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        state.insert(node.to_owned(), 1);
        stack.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            match state.get(next.as_str()).copied().unwrap_or(0) {
                1 => {
                    let from = stack.iter().position(|m| m == next).unwrap_or(0);
                    let mut cycle = stack[from..].to_vec();
                    cycle.push(next.clone());
                    return Some(cycle);
                }
                0 => {
                    if let Some(cycle) = visit(next, graph, state, stack) {
                        return Some(cycle);
                    }
                }
                _ => {}
            }
        }
        stack.pop();
        state.insert(node.to_owned(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for node in graph.keys() {
        if state.get(node.as_str()).copied().unwrap_or(0) == 0
            && let Some(cycle) = visit(node, graph, &mut state, &mut Vec::new())
        {
            return Some(cycle);
        }
    }
    None
}

#[test]
fn app_modules_import_each_other_one_way() {
    let graph = import_graph();
    if let Some(cycle) = find_cycle(&graph) {
        panic!("src/app imports in a loop: {}", cycle.join(" -> "));
    }
}

#[test]
fn the_graph_reader_sees_imports_and_loops() {
    let graph = import_graph();
    let edges = |m: &str| graph.get(m).cloned().unwrap_or_default();
    // Direct, grouped and mod.rs-relative imports are all seen.
    assert!(edges("app::dialogs").contains("app::actions"), "{graph:?}");
    assert!(edges("app::panels::claim_detail").contains("app::widgets"));
    assert!(edges("app").contains("app::state"), "{:?}", edges("app"));
    // And a loop is found when there is one.
    let mut looped = graph.clone();
    looped
        .entry("app::requests".to_owned())
        .or_default()
        .insert("app::dialogs".to_owned());
    let cycle = find_cycle(&looped).expect("the added edge closes a loop");
    assert!(cycle.contains(&"app::requests".to_owned()), "{cycle:?}");
}

#[test]
fn the_app_is_split_into_short_files() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/app");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    for file in files {
        let lines = fs::read_to_string(&file)
            .unwrap_or_default()
            .lines()
            .count();
        assert!(lines <= 600, "{} has {lines} lines", file.display());
    }
}
