//! Helpers for the importer tests: a local HTTP server and documents built in memory
//! (Word documents zipped here, PDFs written with lopdf), so no fixture comes from
//! outside the project.

#![allow(dead_code)]

pub mod docx;
pub mod pages;
pub mod pdf;
pub mod server;

pub type TestResult = Result<(), Box<dyn std::error::Error>>;
