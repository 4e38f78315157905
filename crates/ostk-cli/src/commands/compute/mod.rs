//! `openstack` compute commands (one file per command).

pub mod common;
pub mod flavor;
pub mod keypair;
pub mod limits;
pub mod quota;

use crate::registry::{Entry, entry};

/// This area's commands (registered through `commands::all`).
pub static COMMANDS: &[Entry] = &[
    entry::<flavor::create::CreateFlavor>(),
    entry::<flavor::delete::DeleteFlavor>(),
    entry::<flavor::list::ListFlavor>(),
    entry::<flavor::set::SetFlavor>(),
    entry::<flavor::show::ShowFlavor>(),
    entry::<flavor::unset::UnsetFlavor>(),
    entry::<keypair::create::CreateKeypair>(),
    entry::<keypair::delete::DeleteKeypair>(),
    entry::<keypair::list::ListKeypair>(),
    entry::<keypair::show::ShowKeypair>(),
    entry::<limits::show::ShowLimits>(),
    entry::<quota::delete::DeleteQuota>(),
    entry::<quota::list::ListQuota>(),
    entry::<quota::set::SetQuota>(),
    entry::<quota::show::ShowQuota>(),
];

/// The server commands (`server …`), kept apart from the rest of compute.
pub static SERVER_COMMANDS: &[Entry] = &[];
