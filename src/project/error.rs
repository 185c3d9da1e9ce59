//! Errors from reading and writing project files.

use std::io;
use std::path::PathBuf;

use crate::fsio::io_message;

/// Why a project file could not be read or written.
///
/// Every message is one line that starts with the file it is about, so the window can show
/// it as is. IO failures keep the [`io::Error`] as their source (for `kind()`), and repeat
/// its text in the message so a plain `to_string()` still says what went wrong.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ProjectError {
    /// The file could not be opened or read.
    #[error("{}: could not read the project file: {}", .path.display(), io_message(.source))]
    Read {
        path: PathBuf,
        #[source]
        source: io::Error,
    },

    /// The file is not UTF-8 text, so it cannot be a project file.
    #[error(
        "{}: not a claimdesk project (not UTF-8 text at byte {offset})",
        .path.display()
    )]
    NotText { path: PathBuf, offset: usize },

    /// The RON is malformed or does not have the expected shape. `line` and `column` are
    /// 1-based; `column` counts characters. `ends_early` says the error sits at the end of
    /// the file's text: the file was most likely cut short.
    #[error("{}:{line}:{column}: {message}", .path.display())]
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
        ends_early: bool,
    },

    /// The file is empty, not RON at all, or nested deeper than any project.
    #[error("{}: not a claimdesk project ({why})", .path.display())]
    NotAProject { path: PathBuf, why: &'static str },

    /// The file has no `version` field at the top level.
    #[error("{}: not a claimdesk project (it has no `version` field)", .path.display())]
    MissingVersion { path: PathBuf },

    /// The file was written by a newer claimdesk with a format this build does not know.
    #[error(
        "{}: this project was saved by a newer claimdesk (file format {found}; this version reads up to {supported}); update claimdesk to open it",
        .path.display()
    )]
    NewerVersion {
        path: PathBuf,
        found: u64,
        supported: u32,
    },

    /// A version number no claimdesk release ever wrote (such as 0).
    #[error("{}: unknown project file format version {found}", .path.display())]
    UnknownVersion { path: PathBuf, found: u64 },

    /// The file parses but contradicts itself (a duplicate id, say) in a way that cannot be
    /// repaired without guessing.
    #[error("{}: {problem}", .path.display())]
    Inconsistent { path: PathBuf, problem: String },

    /// The project could not be turned into RON text (`path` is the file it was meant for).
    #[error("{}could not encode the project as RON: {message}", file_prefix(.path.as_deref()))]
    Encode {
        path: Option<PathBuf>,
        message: String,
    },

    /// Saving failed at `step`; the previous file on disk is untouched.
    #[error("{}: not saved, {step}: {}", .path.display(), io_message(.source))]
    Write {
        path: PathBuf,
        step: &'static str,
        #[source]
        source: io::Error,
    },

    /// The new version is saved, but the previous one could not be kept as `NAME.bak`,
    /// which still holds an older save.
    #[error(
        "{}: saved, but the previous version could not be kept as .bak (it holds an older save): {}",
        .path.display(),
        io_message(.source)
    )]
    BackupNotKept {
        path: PathBuf,
        #[source]
        source: io::Error,
    },

    /// A recovery file could not be removed.
    #[error("{}: could not remove the recovery file: {}", .path.display(), io_message(.source))]
    Remove {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

impl ProjectError {
    /// A [`ProjectError::Syntax`] from ron's error, which carries a 1-based line and column,
    /// and the text it was read from.
    pub(crate) fn syntax(
        path: &std::path::Path,
        text: &str,
        err: &ron::error::SpannedError,
    ) -> Self {
        let (line, column) = (err.span.start.line.max(1), err.span.start.col.max(1));
        Self::Syntax {
            path: path.to_path_buf(),
            line,
            column,
            message: one_line(&err.code.to_string()).replace("struct VersionProbe", "a project"),
            // A string that never closes runs to the end of the file, though ron puts
            // the error where the string opens.
            ends_early: matches!(err.code, ron::Error::Eof | ron::Error::ExpectedStringEnd)
                || at_end(text, line, column)
                || unclosed(text),
        }
    }

    pub(crate) fn write(path: &std::path::Path, step: &'static str, source: io::Error) -> Self {
        Self::Write {
            path: path.to_path_buf(),
            step,
            source,
        }
    }

    /// A failed [`crate::fsio::replace`] of `path`.
    pub(crate) fn from_write(path: &std::path::Path, e: crate::fsio::WriteError) -> Self {
        if e.replaced {
            Self::BackupNotKept {
                path: path.to_path_buf(),
                source: e.source,
            }
        } else {
            Self::write(path, e.step, e.source)
        }
    }

    pub(crate) fn inconsistent(path: &std::path::Path, problem: impl Into<String>) -> Self {
        Self::Inconsistent {
            path: path.to_path_buf(),
            problem: problem.into(),
        }
    }
}

/// `"x.ron: "`, or nothing when there is no file.
fn file_prefix(path: Option<&std::path::Path>) -> String {
    path.map(|p| format!("{}: ", p.display()))
        .unwrap_or_default()
}

/// Folds a message onto one line and starts it lowercase ("expected comma"), to follow
/// the `file:line:col: message` convention of compilers.
fn one_line(message: &str) -> String {
    let flat = message.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut chars = flat.chars();
    match chars.next() {
        Some(first)
            if first.is_uppercase() && !chars.clone().next().is_some_and(char::is_uppercase) =>
        {
            first.to_lowercase().chain(chars).collect()
        }
        _ => flat,
    }
}

/// Whether 1-based `line` and `column` (in characters) fall on or after the last
/// character of `text` that is not white space. One pass over the text.
fn at_end(text: &str, line: usize, column: usize) -> bool {
    let content = text.trim_end();
    let last_line = content.split('\n').count();
    let last_column = content.rsplit('\n').next().map_or(0, |l| l.chars().count());
    line > last_line || (line == last_line && column >= last_column)
}

/// Whether `text` stops inside a string or with a bracket still open: a file cut short,
/// wherever ron puts its error. One pass; strings, characters and comments are skipped.
fn unclosed(text: &str) -> bool {
    let mut depth = 0usize;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' | '\'' => {
                let mut closed = false;
                while let Some(d) = chars.next() {
                    if d == '\\' {
                        chars.next();
                    } else if d == c {
                        closed = true;
                        break;
                    }
                }
                if !closed {
                    return true;
                }
            }
            '/' if chars.peek() == Some(&'/') => {
                chars.by_ref().find(|&d| d == '\n');
            }
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut prev = ' ';
                let closed = chars.by_ref().any(|d| {
                    let end = prev == '*' && d == '/';
                    prev = d;
                    end
                });
                if !closed {
                    return true;
                }
            }
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    depth > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unclosed_sees_open_brackets_and_strings_only() {
        assert!(!unclosed(
            "(a: \"x)\\\"(\", b: [1, 2], c: '(') // (\n/* [ */"
        ));
        assert!(unclosed("(a: [1, 2"));
        assert!(unclosed("(a: \"never closed"));
        assert!(unclosed("(a: 1) /* open"));
        assert!(!unclosed(""));
    }

    #[test]
    fn one_line_flattens_and_lowercases() {
        assert_eq!(one_line("Expected comma\n  here"), "expected comma here");
        assert_eq!(one_line("RON failed"), "RON failed");
    }

    #[test]
    fn messages_are_one_line_and_name_the_file() {
        let err = ProjectError::write(
            std::path::Path::new("x.ron"),
            "could not create a temporary file in its folder",
            io::Error::new(io::ErrorKind::PermissionDenied, "permission denied"),
        );
        let text = err.to_string();
        assert!(text.starts_with("x.ron: "), "{text}");
        assert!(!text.contains('\n'));
        assert!(std::error::Error::source(&err).is_some());
    }

    #[test]
    fn encode_error_names_the_file_when_there_is_one() {
        let err = ProjectError::Encode {
            path: Some("x.ron".into()),
            message: "bad".into(),
        };
        assert_eq!(
            err.to_string(),
            "x.ron: could not encode the project as RON: bad"
        );
        let err = ProjectError::Encode {
            path: None,
            message: "bad".into(),
        };
        assert_eq!(err.to_string(), "could not encode the project as RON: bad");
    }

    #[test]
    fn an_error_at_the_last_character_is_at_the_end() {
        let text = "(\n  version: 1,\n  text\n\n";
        assert!(at_end(text, 3, 7));
        assert!(at_end(text, 4, 1));
        assert!(!at_end(text, 2, 3));
        assert!(!at_end(text, 3, 2));
    }
}
