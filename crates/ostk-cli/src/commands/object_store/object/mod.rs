//! `object create|delete|list|save|set|show|unset`.

pub mod create;
pub mod delete;
pub mod list;
pub mod save;
pub mod set;
pub mod show;
pub mod unset;
