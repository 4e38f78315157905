//! `object store account set|show|unset`.

pub mod set;
pub mod show;
pub mod unset;
