//! The file-system calls a replace makes, behind a small trait so tests can make each one
//! fail (a full disk, a file system without hard links) without a real full disk.

use std::fs::{self, File};
use std::io::{self, Write as _};
use std::path::Path;

use super::Fill;

/// The calls [`super::replace`] makes that can fail half-way or refuse. Everything else it
/// does (creating an empty temporary file, removing one) cannot leave a wrong file behind.
pub(crate) trait Disk {
    /// Writes what `fill` gives to a new, empty `file`, through a buffer, and flushes it
    /// to disk.
    fn write(&self, file: &mut File, fill: Fill<'_>) -> io::Result<()> {
        let mut out = io::BufWriter::with_capacity(1 << 16, &mut *file);
        fill(&mut out)?;
        out.flush()?;
        drop(out);
        file.sync_all()
    }

    /// Makes `link` a second name of the file at `original`.
    fn hard_link(&self, original: &Path, link: &Path) -> io::Result<()> {
        fs::hard_link(original, link)
    }

    /// Renames `from` over `to` in one step.
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        fs::rename(from, to)
    }
}

/// The real file system.
pub(crate) struct RealDisk;

impl Disk for RealDisk {}

#[cfg(test)]
pub(crate) mod faulty {
    //! A disk that fails one chosen call, for fault-injection tests.

    use std::cell::Cell;
    use std::fs::File;
    use std::io::{self, Write as _};
    use std::path::Path;

    use super::{Disk, Fill};

    /// Fails its `fail_at`-th call (counting from 0) as a full disk would: a write stops
    /// half-way, a link or rename is refused. With `no_links`, every hard link is refused
    /// as on a file system without them (FAT, some network shares), and not counted.
    pub(crate) struct FaultyDisk {
        pub fail_at: usize,
        pub no_links: bool,
        calls: Cell<usize>,
    }

    impl FaultyDisk {
        pub(crate) fn new(fail_at: usize, no_links: bool) -> Self {
            Self {
                fail_at,
                no_links,
                calls: Cell::new(0),
            }
        }

        /// How many calls were counted (so a test knows when it has tried them all).
        pub(crate) fn calls(&self) -> usize {
            self.calls.get()
        }

        fn fails_now(&self) -> bool {
            let n = self.calls.get();
            self.calls.set(n + 1);
            n == self.fail_at
        }
    }

    fn disk_full() -> io::Error {
        io::Error::from(io::ErrorKind::StorageFull)
    }

    impl Disk for FaultyDisk {
        fn write(&self, file: &mut File, fill: Fill<'_>) -> io::Result<()> {
            let mut bytes = Vec::new();
            fill(&mut bytes)?;
            if self.fails_now() {
                file.write_all(&bytes[..bytes.len() / 2])?;
                return Err(disk_full());
            }
            file.write_all(&bytes)?;
            file.sync_all()
        }

        fn hard_link(&self, original: &Path, link: &Path) -> io::Result<()> {
            if self.no_links {
                return Err(io::Error::from(io::ErrorKind::Unsupported));
            }
            if self.fails_now() {
                return Err(disk_full());
            }
            std::fs::hard_link(original, link)
        }

        fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
            if self.fails_now() {
                return Err(disk_full());
            }
            std::fs::rename(from, to)
        }
    }
}
