//! `server migrate` (cold and live) and `server evacuate` (openstackclient/compute/v2/
//! server.py MigrateServer, EvacuateServer).

use super::{find_server, id_of, microversion, server_action, show_server, supports, wait_for};
use crate::commands::network::common::flag_pair;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use serde_json::{Map, Value, json};

/// Migrate server to different host.
/// There are two types of migration operation: a cold migration and a live migration. A cold migration operation is implemented as a resize operation using the same flavor as the old server. This means that, like resize, migrate works by shutting down the original server, creating a new server using the same flavor and copying the contents of the original disk into a new one. As with resize, the migrate operation is a two-step process for the user: the first step is to perform the migrate, and the second step is to either confirm (verify) success and release the old server, or to declare a revert to release the new server and restart the old one. By comparison, a live migration operation does not involve shutting the server down, and is a one-step process that does not require a confirmation or revert to finish.
#[derive(clap::Args, Debug)]
pub struct MigrateServer {
    /// Server (name or ID)
    #[arg(value_name = "<server>")]
    server: String,
    /// Live migrate the server; use the ``--host`` option to specify a target host for the migration which will be validated by the scheduler
    #[arg(long)]
    live_migration: bool,
    /// Migrate the server to the specified host. (supported with --os-compute-api-version 2.30 or above when used with the --live-migration option) (supported with --os-compute-api-version 2.56 or above when used without the --live-migration option)
    #[arg(long, value_name = "<hostname>")]
    host: Option<String>,
    /// Perform a shared live migration (default before --os-compute-api-version 2.25, auto after)
    #[arg(long, group = "migration")]
    shared_migration: bool,
    /// Perform a block live migration (auto-configured from --os-compute-api-version 2.25)
    #[arg(long, group = "migration")]
    block_migration: bool,
    /// Allow disk over-commit on the destination host (supported with --os-compute-api-version 2.24 or below)
    #[arg(long, group = "disk")]
    disk_overcommit: bool,
    /// Do not over-commit disk on the destination host (default) (supported with --os-compute-api-version 2.24 or below)
    #[arg(long, group = "disk")]
    no_disk_overcommit: bool,
    /// Wait for migrate to complete
    #[arg(long)]
    wait: bool,
}

impl Command for MigrateServer {
    const WORDS: &'static str = "server migrate";
    const ABOUT: &'static str = "Migrate server to different host.\nThere are two types of migration operation: a cold migration and a live migration. A cold migration operation is implemented as a resize operation using the same flavor as the old server. This means that, like resize, migrate works by shutting down the original server, creating a new server using the same flavor and copying the contents of the original disk into a new one. As with resize, the migrate operation is a two-step process for the user: the first step is to perform the migrate, and the second step is to either confirm (verify) success and release the old server, or to declare a revert to release the new server and restart the old one. By comparison, a live migration operation does not involve shutting the server down, and is a one-step process that does not require a confirmation or revert to finish.";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let id = id_of(&find_server(ctx, &self.server, false)?);
        let mv = microversion(ctx)?;
        let mv = mv.as_deref();
        let block = flag_pair(self.block_migration, self.shared_migration);
        let disk = flag_pair(self.disk_overcommit, self.no_disk_overcommit);
        let host = self.host.as_deref().filter(|h| !h.is_empty());
        if self.live_migration {
            if host.is_some() && !supports(mv, "2.30") {
                return Err(CliError::Message(
                    "--os-compute-api-version 2.30 or greater is required when using --host".into(),
                ));
            }
            let mut body = Map::new();
            body.insert("host".into(), json!(host));
            // openstacksdk's live_migrate: the body and microversion depend on the cloud
            let at = if supports(mv, "2.30") {
                body.insert(
                    "block_migration".into(),
                    block.map_or(json!("auto"), |b| json!(b)),
                );
                Some("2.30")
            } else if supports(mv, "2.25") {
                body.insert(
                    "block_migration".into(),
                    block.map_or(json!("auto"), |b| json!(b)),
                );
                Some("2.25")
            } else {
                body.insert("block_migration".into(), json!(block.unwrap_or(false)));
                body.insert("disk_over_commit".into(), json!(disk.unwrap_or(false)));
                None
            };
            if supports(mv, "2.25") && disk.is_some() {
                tracing::warn!(
                    "The --disk-overcommit and --no-disk-overcommit options are only supported by --os-compute-api-version 2.24 or below; this will be an error in a future release"
                );
            }
            server_action(ctx, &id, json!({ "os-migrateLive": body }), at)?;
        } else {
            if block == Some(true) || disk == Some(true) {
                return Err(CliError::Message(
                    "--live-migration must be specified if --block-migration or --disk-overcommit is specified".into(),
                ));
            }
            if host.is_some() && !supports(mv, "2.56") {
                return Err(CliError::Message(
                    "--os-compute-api-version 2.56 or greater is required to use --host without --live-migration.".into(),
                ));
            }
            let body = match host {
                Some(h) => json!({"migrate": {"host": h}}),
                None => json!({"migrate": null}),
            };
            server_action(ctx, &id, body, None)?;
        }
        if self.wait {
            if !wait_for(ctx, &id, &["active", "verify_resize"])? {
                return Err(CliError::Message(format!("Error migrating server: {id}")));
            }
            return Ok(Output::Text(
                "Complete, check success/failure by openstack server migration/event list/show\n"
                    .into(),
            ));
        }
        Ok(Output::None)
    }
}

/// Evacuate a server to a different host.
/// This command is used to recreate a server after the host it was on has failed. It can only be used if the compute service that manages the server is down. This command should only be used by an admin after they have confirmed that the instance is not running on the failed host. If the server instance was created with an ephemeral root disk on non-shared storage the server will be rebuilt using the original glance image preserving the ports and any attached data volumes. If the server uses boot for volume or has its root disk on shared storage the root disk will be preserved and reused for the evacuated instance on the new host.
#[derive(clap::Args, Debug)]
pub struct EvacuateServer {
    /// Server (name or ID)
    #[arg(value_name = "<server>")]
    server: String,
    /// Wait for evacuation to complete
    #[arg(long)]
    wait: bool,
    /// Set the preferred host on which to rebuild the evacuated server. The host will be validated by the scheduler. (supported by --os-compute-api-version 2.29 or above)
    #[arg(long, value_name = "<host>")]
    host: Option<String>,
    /// Set the password on the evacuated instance. This option is mutually exclusive with the --shared-storage option. This option requires cloud support.
    #[arg(
        long,
        value_name = "<password>",
        group = "shared",
        verbatim_doc_comment
    )]
    password: Option<String>,
    /// Indicate that the instance is on shared storage. This will be auto-calculated with --os-compute-api-version 2.14 and greater and should not be used with later microversions. This option is mutually exclusive with the --password option
    #[arg(long, group = "shared")]
    shared_storage: bool,
}

impl Command for EvacuateServer {
    const WORDS: &'static str = "server evacuate";
    const ABOUT: &'static str = "Evacuate a server to a different host.\nThis command is used to recreate a server after the host it was on has failed. It can only be used if the compute service that manages the server is down. This command should only be used by an admin after they have confirmed that the instance is not running on the failed host. If the server instance was created with an ephemeral root disk on non-shared storage the server will be rebuilt using the original glance image preserving the ports and any attached data volumes. If the server uses boot for volume or has its root disk on shared storage the root disk will be preserved and reused for the evacuated instance on the new host.";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mv = microversion(ctx)?;
        let mv = mv.as_deref();
        let host = self.host.as_deref().filter(|h| !h.is_empty());
        if host.is_some() && !supports(mv, "2.29") {
            return Err(CliError::Message(
                "--os-compute-api-version 2.29 or later is required to specify a preferred host."
                    .into(),
            ));
        }
        if self.shared_storage && supports(mv, "2.14") {
            return Err(CliError::Message(
                "--os-compute-api-version 2.13 or earlier is required to specify shared-storage."
                    .into(),
            ));
        }
        let mut body = Map::new();
        if let Some(h) = &self.host {
            body.insert("host".into(), json!(h));
        }
        if let Some(p) = &self.password {
            body.insert("adminPass".into(), json!(p));
        }
        if !supports(mv, "2.14") {
            body.insert("onSharedStorage".into(), json!(self.shared_storage));
        }
        let server = find_server(ctx, &self.server, false)?;
        let id = id_of(&server);
        server_action(ctx, &id, json!({ "evacuate": body }), None)?;
        let mut out = String::new();
        if self.wait {
            let mut success = vec!["ACTIVE"];
            if server.get("status").and_then(Value::as_str) == Some("SHUTOFF") {
                success.push("SHUTOFF");
            }
            if !wait_for(ctx, &id, &success)? {
                return Err(CliError::Message(format!("Error evacuating server: {id}")));
            }
            out.push_str("Complete\n");
        }
        let record = Output::One(show_server(ctx, &server, true)?);
        Ok(if out.is_empty() {
            record
        } else {
            Output::TextThen(out, Box::new(record))
        })
    }
}
