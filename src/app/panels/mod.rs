//! The window's parts. Each draws from the project and its own state and pushes
//! [`Action`](super::actions::Action)s; none changes the project.

mod article_header;
mod article_index;
pub mod article_layout;
pub mod article_view;
pub mod checked_before;
pub mod claim_detail;
pub mod claims_table;
pub mod library_panel;
pub mod menu_bar;
pub mod orphans;
pub mod sources_panel;
pub mod status_bar;
