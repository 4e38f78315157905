//! Commands that belong to no service (cliff's built-ins and `configuration show`).

pub mod api;
pub mod args;
pub mod auth_check;
pub mod bulk;
pub mod complete;
pub mod configuration_show;
pub mod help;
pub mod manpage;
pub mod versions_show;
