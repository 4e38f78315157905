//! The command tree: one file per command, registered here with one line each.

pub mod common;

use crate::registry::{Entry, entry};

static COMMANDS: &[Entry] = &[
    entry::<common::complete::Complete>(),
    entry::<common::configuration_show::ShowConfiguration>(),
    entry::<common::help::Help>(),
];

/// Every registered command.
pub fn all() -> &'static [Entry] {
    COMMANDS
}
