//! `openstack` compute commands (one file per command).

use crate::registry::Entry;

/// This area's commands (registered through `commands::all`).
pub static COMMANDS: &[Entry] = &[];

/// The server commands (`server …`), kept apart from the rest of compute.
pub static SERVER_COMMANDS: &[Entry] = &[];
