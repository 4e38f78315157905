//! `openstack` compute commands (one file per command).

pub mod common;
pub mod flavor;
pub mod keypair;
pub mod limits;
pub mod quota;
pub mod server;

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
    entry::<server::rebuild::RebuildServer>(),
    entry::<server::set::SetServer>(),
    entry::<server::set::UnsetServer>(),
    entry::<server::resize::ConfirmMigration>(),
    entry::<server::resize::MigrateConfirm>(),
    entry::<server::resize::MigrateRevert>(),
    entry::<server::resize::RebootServer>(),
    entry::<server::resize::ResizeConfirm>(),
    entry::<server::resize::ResizeRevert>(),
    entry::<server::resize::ResizeServer>(),
    entry::<server::resize::RevertMigration>(),
    entry::<server::shelve::ShelveServer>(),
    entry::<server::shelve::UnshelveServer>(),
];
