//! `openstack` compute commands (one file per command).

pub mod common;
pub mod flavor;
pub mod keypair;
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
    entry::<server::network::AddFixedIp>(),
    entry::<server::network::AddFloatingIp>(),
    entry::<server::network::AddNetwork>(),
    entry::<server::network::AddPort>(),
    entry::<server::network::RemoveFixedIp>(),
    entry::<server::network::RemoveFloatingIp>(),
    entry::<server::network::RemoveNetwork>(),
    entry::<server::network::RemovePort>(),
    entry::<server::security_group::AddServerSecurityGroup>(),
    entry::<server::security_group::RemoveServerSecurityGroup>(),
    entry::<server::volume::AddServerVolume>(),
    entry::<server::volume::ListServerVolume>(),
    entry::<server::volume::RemoveServerVolume>(),
    entry::<server::volume::SetServerVolume>(),
    entry::<server::volume::UpdateServerVolume>(),
    entry::<server::image::CreateServerBackup>(),
    entry::<server::image::CreateServerDump>(),
    entry::<server::image::CreateServerImage>(),
    entry::<server::migrate::EvacuateServer>(),
    entry::<server::migrate::MigrateServer>(),
    entry::<server::migration::AbortMigration>(),
    entry::<server::migration::ForceCompleteMigration>(),
    entry::<server::migration::ListMigration>(),
    entry::<server::migration::ShowMigration>(),
    entry::<server::share::AddServerShare>(),
    entry::<server::share::ListServerShare>(),
    entry::<server::share::RemoveServerShare>(),
    entry::<server::share::ShowServerShare>(),
    entry::<server::ssh::SshServer>(),
];
