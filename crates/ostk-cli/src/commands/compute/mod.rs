//! `openstack` compute commands (one file per command).

pub mod agent;
pub mod aggregate;
pub mod availability_zone;
pub mod common;
pub mod console;
pub mod flavor;
pub mod host;
pub mod hypervisor;
pub mod keypair;
pub mod limits;
pub mod quota;
pub mod server;
pub mod server_event;
pub mod server_group;
pub mod service;
pub mod usage;

use crate::registry::{Entry, entry};

/// This area's commands (registered through `commands::all`).
pub static COMMANDS: &[Entry] = &[
    entry::<agent::create::CreateAgent>(),
    entry::<agent::delete::DeleteAgent>(),
    entry::<agent::list::ListAgent>(),
    entry::<agent::set::SetAgent>(),
    entry::<aggregate::add_host::AddAggregateHost>(),
    entry::<aggregate::cache_image::CacheImageForAggregate>(),
    entry::<aggregate::create::CreateAggregate>(),
    entry::<aggregate::delete::DeleteAggregate>(),
    entry::<aggregate::list::ListAggregate>(),
    entry::<aggregate::remove_host::RemoveAggregateHost>(),
    entry::<aggregate::set::SetAggregate>(),
    entry::<aggregate::show::ShowAggregate>(),
    entry::<aggregate::unset::UnsetAggregate>(),
    entry::<availability_zone::list::ListAvailabilityZone>(),
    entry::<console::connection_show::ShowConsoleConnectionInformation>(),
    entry::<console::log_show::ShowConsoleLog>(),
    entry::<console::url_show::ShowConsoleURL>(),
    entry::<server_event::list::ListServerEvent>(),
    entry::<server_event::show::ShowServerEvent>(),
    entry::<server_group::create::CreateServerGroup>(),
    entry::<server_group::delete::DeleteServerGroup>(),
    entry::<server_group::list::ListServerGroup>(),
    entry::<server_group::show::ShowServerGroup>(),
    entry::<service::delete::DeleteService>(),
    entry::<service::list::ListService>(),
    entry::<service::set::SetService>(),
    entry::<flavor::create::CreateFlavor>(),
    entry::<flavor::delete::DeleteFlavor>(),
    entry::<flavor::list::ListFlavor>(),
    entry::<flavor::set::SetFlavor>(),
    entry::<flavor::show::ShowFlavor>(),
    entry::<flavor::unset::UnsetFlavor>(),
    entry::<host::list::ListHost>(),
    entry::<host::set::SetHost>(),
    entry::<host::show::ShowHost>(),
    entry::<hypervisor::list::ListHypervisor>(),
    entry::<hypervisor::show::ShowHypervisor>(),
    entry::<hypervisor::stats::ShowHypervisorStats>(),
    entry::<keypair::create::CreateKeypair>(),
    entry::<keypair::delete::DeleteKeypair>(),
    entry::<keypair::list::ListKeypair>(),
    entry::<keypair::show::ShowKeypair>(),
    entry::<limits::show::ShowLimits>(),
    entry::<quota::delete::DeleteQuota>(),
    entry::<quota::list::ListQuota>(),
    entry::<quota::set::SetQuota>(),
    entry::<quota::show::ShowQuota>(),
    entry::<usage::list::ListUsage>(),
    entry::<usage::show::ShowUsage>(),
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
