//! The command tree: one file per command, registered here with one line each.

pub mod common;
pub mod identity;

use crate::registry::{Entry, entry};

static COMMANDS: &[Entry] = &[
    entry::<common::complete::Complete>(),
    entry::<common::configuration_show::ShowConfiguration>(),
    entry::<common::help::Help>(),
    entry::<identity::catalog_list::ListCatalog>(),
    entry::<identity::catalog_show::ShowCatalog>(),
    entry::<identity::token_issue::IssueToken>(),
    entry::<identity::token_revoke::RevokeToken>(),
];

/// Every registered command.
pub fn all() -> &'static [Entry] {
    COMMANDS
}
