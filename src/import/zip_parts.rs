//! Reading parts of a zip-based document (`.docx`) without falling for a zip bomb.
//!
//! Before anything is unpacked, the archive's directory is checked: at most
//! [`MAX_ENTRIES`] entries, each declaring at most [`MAX_PART`] bytes unpacked, all of
//! them together at most [`MAX_TOTAL`]. Declared sizes can lie, so each part read is cut
//! off at its limit while unpacking, and a part that unpacks to more than [`MAX_RATIO`]
//! times its packed size (past the first megabyte) is refused too.

use std::io::{Cursor, Read};

use super::Failure;

/// More entries than any Word document has (a long report has a few hundred).
pub(super) const MAX_ENTRIES: usize = 10_000;
/// The largest part unpacked: the text of a 2,000-page document is well under this.
pub(super) const MAX_PART: u64 = 128 * 1024 * 1024;
/// All entries together, unpacked.
pub(super) const MAX_TOTAL: u64 = 512 * 1024 * 1024;
/// WordprocessingML packs about 5–20 to 1; a bomb packs thousands to 1.
pub(super) const MAX_RATIO: u64 = 200;
/// Parts smaller than this are not held to [`MAX_RATIO`].
const RATIO_FLOOR: u64 = 1024 * 1024;

const MB: u64 = 1024 * 1024;

/// An opened archive whose directory passed the checks.
pub(super) struct Parts<'a> {
    archive: zip::ZipArchive<Cursor<&'a [u8]>>,
    unpacked: u64,
}

impl<'a> Parts<'a> {
    pub(super) fn open(bytes: &'a [u8]) -> Result<Self, Failure> {
        if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
            return Err(Failure::Damaged(
                "this is an old-style Word (.doc) file or an encrypted document; save it as .docx from Word first".to_owned(),
            ));
        }
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
            Failure::Damaged(format!("it is not a zip archive, as a .docx must be ({e})"))
        })?;
        if archive.len() > MAX_ENTRIES {
            return Err(Failure::TooBig(format!(
                "it has {} entries (at most {MAX_ENTRIES}); refused as a likely zip bomb",
                archive.len()
            )));
        }
        let mut declared: u64 = 0;
        for i in 0..archive.len() {
            let entry = archive
                .by_index_raw(i)
                .map_err(|e| Failure::Damaged(format!("its zip directory is damaged ({e})")))?;
            if entry.size() > MAX_PART {
                return Err(Failure::TooBig(format!(
                    "{} would unpack to {} MB (at most {} MB); refused as a likely zip bomb",
                    entry
                        .name()
                        .map(std::borrow::Cow::into_owned)
                        .unwrap_or_default(),
                    entry.size() / MB,
                    MAX_PART / MB
                )));
            }
            declared = declared.saturating_add(entry.size());
        }
        if declared > MAX_TOTAL {
            return Err(Failure::TooBig(format!(
                "it would unpack to {} MB (at most {} MB); refused as a likely zip bomb",
                declared / MB,
                MAX_TOTAL / MB
            )));
        }
        Ok(Parts {
            archive,
            unpacked: 0,
        })
    }

    /// A part's text, or `None` when the archive has no such part.
    pub(super) fn read(&mut self, name: &str) -> Result<Option<String>, Failure> {
        let mut file = match self.archive.by_name(name) {
            Ok(file) => file,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(Failure::Damaged(format!("cannot unpack {name} ({e})"))),
        };
        let packed = file.compressed_size();
        let budget = MAX_PART.min(MAX_TOTAL.saturating_sub(self.unpacked));
        let mut bytes = Vec::new();
        (&mut file)
            .take(budget.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|e| Failure::Damaged(format!("cannot unpack {name} ({e})")))?;
        let len = bytes.len() as u64;
        if len > budget {
            return Err(Failure::TooBig(format!(
                "{name} unpacks to more than {} MB; refused as a likely zip bomb",
                budget / MB
            )));
        }
        if len > RATIO_FLOOR && len / packed.max(1) > MAX_RATIO {
            return Err(Failure::TooBig(format!(
                "{name} unpacks to {} times its packed size; refused as a likely zip bomb",
                len / packed.max(1)
            )));
        }
        self.unpacked += len;
        let text = match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
        };
        Ok(Some(text))
    }
}
