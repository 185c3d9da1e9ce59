//! Importing a .docx never panics (zip bombs, broken XML, odd parts); whatever it gives
//! has valid spans and survives a save and load.
#![no_main]

use claimdesk::import::Format;
use libfuzzer_sys::fuzz_target;

#[path = "check.rs"]
mod check;

fuzz_target!(|data: &[u8]| {
    check::import(data, Format::Docx);
});
