//! `openstack` compute commands (one file per command).

use crate::registry::Entry;

/// This area's commands (registered through `commands::all`).
pub static COMMANDS: &[Entry] = &[];
