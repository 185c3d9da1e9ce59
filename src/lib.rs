//! claimdesk: a fact-check workbench.
//!
//! The core — [`model`], [`extract`], [`import`], [`project`], [`history`], [`report`],
//! [`library`], and [`fsio`], which writes their files — has no GUI dependency; the window lives in
//! `app` behind the default `gui` feature.

#[cfg(feature = "gui")]
pub mod app;
pub mod cli;
pub mod extract;
pub mod fsio;
pub mod history;
pub mod import;
pub mod library;
pub mod model;
pub mod project;
pub mod report;
