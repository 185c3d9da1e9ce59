//! Writing a report as it is made, so a large project's report is never held whole in
//! memory: text formats fill a small buffer that is passed on between claims, JSON
//! formats are serialized straight to the writer with their claim lists made one item
//! at a time.

use std::cell::RefCell;
use std::io;

use serde::{Serialize, Serializer};

use super::{Format, ReportError};

/// How much text a [`Spill`] gathers before passing it on.
const SPILL_AT: usize = 64 * 1024;

/// Text gathered in a `String` and passed on to the writer at [`Spill::spill`] once it
/// is large enough: renderers write with `push_str` and `write!` as into any `String`
/// and call `spill` between claims.
pub(super) struct Spill<'w> {
    text: String,
    out: &'w mut dyn io::Write,
    /// Whether nothing has been passed on yet, or what was ended a line.
    written_ends_line: bool,
}

impl<'w> Spill<'w> {
    pub(super) fn new(out: &'w mut dyn io::Write) -> Self {
        Self {
            text: String::with_capacity(SPILL_AT * 2),
            out,
            written_ends_line: true,
        }
    }

    /// The text not yet passed on, to write more into.
    pub(super) fn text(&mut self) -> &mut String {
        &mut self.text
    }

    /// Whether the output so far is empty or ends a line.
    pub(super) fn at_line_start(&self) -> bool {
        match self.text.as_bytes().last() {
            Some(&b) => b == b'\n',
            None => self.written_ends_line,
        }
    }

    /// Passes the text on if there is enough of it.
    pub(super) fn spill(&mut self) -> io::Result<()> {
        if self.text.len() >= SPILL_AT {
            self.pass_on()?;
        }
        Ok(())
    }

    /// Passes on what is left and flushes the writer.
    pub(super) fn finish(mut self) -> io::Result<()> {
        self.pass_on()?;
        self.out.flush()
    }

    fn pass_on(&mut self) -> io::Result<()> {
        if let Some(&last) = self.text.as_bytes().last() {
            self.out.write_all(self.text.as_bytes())?;
            self.written_ends_line = last == b'\n';
            self.text.clear();
        }
        Ok(())
    }
}

/// A writer that writes `<`, `>` and `&` as `\u003c`, `\u003e`, `\u0026`, for JSON that
/// may be pasted into a `<script>` element. In JSON these characters only occur inside
/// strings, where the escapes mean the same.
pub(super) struct ScriptSafe<'w>(pub(super) &'w mut dyn io::Write);

impl io::Write for ScriptSafe<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut rest = buf;
        while let Some(i) = rest.iter().position(|b| matches!(b, b'<' | b'>' | b'&')) {
            self.0.write_all(&rest[..i])?;
            self.0.write_all(match rest[i] {
                b'<' => b"\\u003c",
                b'>' => b"\\u003e",
                _ => b"\\u0026",
            })?;
            rest = &rest[i + 1..];
        }
        self.0.write_all(rest)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

/// A list serialized from an iterator as it is written, so its items never all exist at
/// once. It can be written once; a second time it is empty.
pub(super) struct LazySeq<I>(RefCell<Option<I>>);

impl<I> LazySeq<I> {
    pub(super) fn new(items: I) -> Self {
        Self(RefCell::new(Some(items)))
    }
}

impl<I> Serialize for LazySeq<I>
where
    I: Iterator,
    I::Item: Serialize,
{
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let items = self.0.borrow_mut().take();
        s.collect_seq(items.into_iter().flatten())
    }
}

/// Pretty JSON with a final newline, written to `out`.
pub(super) fn json_to<T: Serialize>(
    value: &T,
    format: Format,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    let mut buffered = io::BufWriter::with_capacity(SPILL_AT, out);
    serde_json::to_writer_pretty(&mut buffered, value).map_err(|e| {
        if e.is_io() {
            io::Error::from(e)
        } else {
            encode_failure(format, &e)
        }
    })?;
    io::Write::write_all(&mut buffered, b"\n")?;
    io::Write::flush(&mut buffered)
}

/// An encoding failure, carried through the writer's `io::Result` as its error;
/// [`super::report_error`] takes it out again.
pub(super) fn encode_failure(format: Format, e: &dyn std::fmt::Display) -> io::Error {
    io::Error::other(ReportError::Encode {
        format,
        message: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;
    use std::io::Write as _;

    use super::*;

    #[test]
    fn spill_passes_text_on_in_order_and_knows_line_starts() -> io::Result<()> {
        let mut out = Vec::new();
        let mut spill = Spill::new(&mut out);
        assert!(spill.at_line_start());
        for i in 0..20_000 {
            let _ = writeln!(spill.text(), "line {i}");
            spill.spill()?;
        }
        spill.text().push_str("end");
        assert!(!spill.at_line_start());
        spill.finish()?;
        let text = String::from_utf8(out).unwrap_or_default();
        assert!(text.starts_with("line 0\nline 1\n"));
        assert!(text.ends_with("line 19999\nend"));
        assert_eq!(text.lines().count(), 20_001);
        Ok(())
    }

    #[test]
    fn spill_remembers_how_the_passed_on_text_ended() -> io::Result<()> {
        let mut out = Vec::new();
        let mut spill = Spill::new(&mut out);
        spill.text().push_str(&"x".repeat(SPILL_AT));
        spill.spill()?;
        assert!(spill.text().is_empty());
        assert!(!spill.at_line_start());
        spill.text().push('\n');
        spill.text().push_str(&"y".repeat(SPILL_AT));
        spill.text().push('\n');
        spill.spill()?;
        assert!(spill.at_line_start());
        Ok(())
    }

    #[test]
    fn script_safe_escapes_markup_characters_across_writes() -> io::Result<()> {
        let mut out = Vec::new();
        let mut safe = ScriptSafe(&mut out);
        safe.write_all(b"{\"a\": \"</scr")?;
        safe.write_all(b"ipt>&<b>\"}")?;
        assert_eq!(
            String::from_utf8_lossy(&out),
            r#"{"a": "\u003c/script\u003e\u0026\u003cb\u003e"}"#
        );
        Ok(())
    }

    #[test]
    fn lazy_seq_serializes_like_a_vec() -> io::Result<()> {
        let lazy = LazySeq::new((1..4).map(|i| i * 10));
        let mut out = Vec::new();
        json_to(&lazy, Format::Json, &mut out)?;
        let mut vec_out = Vec::new();
        json_to(&vec![10, 20, 30], Format::Json, &mut vec_out)?;
        assert_eq!(out, vec_out);
        Ok(())
    }

    #[test]
    fn an_encoding_failure_comes_back_as_the_report_error() {
        let e = encode_failure(Format::Csv, &"bad row");
        let back = super::super::report_error(e).map(|e| e.to_string());
        assert_eq!(
            back.ok().as_deref(),
            Some("could not make the csv report: bad row")
        );
    }
}
