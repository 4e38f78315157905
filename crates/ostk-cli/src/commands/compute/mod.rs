//! `openstack` compute commands (one file per command).

pub mod server;

use crate::registry::{Entry, entry};

/// This area's commands (registered through `commands::all`).
pub static COMMANDS: &[Entry] = &[];

/// The server commands (`server …`), kept apart from the rest of compute.
pub static SERVER_COMMANDS: &[Entry] = &[
    entry::<server::actions::LockServer>(),
    entry::<server::actions::PauseServer>(),
    entry::<server::actions::RescueServer>(),
    entry::<server::actions::RestoreServer>(),
    entry::<server::actions::ResumeServer>(),
    entry::<server::actions::StartServer>(),
    entry::<server::actions::StopServer>(),
    entry::<server::actions::SuspendServer>(),
    entry::<server::actions::UnlockServer>(),
    entry::<server::actions::UnpauseServer>(),
    entry::<server::actions::UnrescueServer>(),
    entry::<server::create::CreateServer>(),
    entry::<server::delete::DeleteServer>(),
    entry::<server::list::ListServer>(),
    entry::<server::show::ShowServer>(),
];
