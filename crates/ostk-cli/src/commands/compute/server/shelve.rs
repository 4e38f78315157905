//! `server shelve` and `server unshelve`.

use super::{find_server_in, id_of, microversion, require, server_action, wait_for};
use crate::commands::common::bulk;
use crate::commands::identity::common::sdk_error;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::compute::Compute;
use serde_json::{Map, Value, json};

fn status_of(server: &Value) -> String {
    server
        .get("status")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_lowercase()
}

/// Finds every server; the first failure (in the order given) ends the command.
fn find_all(ctx: &mut Context, names: &[String]) -> Result<Vec<Value>, CliError> {
    bulk::each(ctx, names, |session, name| async move {
        find_server_in(&session, &name, false).await
    })?
    .into_iter()
    .collect()
}

/// Shelve and optionally offload server(s).
#[derive(clap::Args, Debug)]
pub struct ShelveServer {
    /// Server(s) to shelve (name or ID)
    #[arg(value_name = "<server>", required = true)]
    servers: Vec<String>,
    /// Remove the shelved server(s) from the host (admin only). Invoking this option on an unshelved server(s) will result in the server being shelved first
    #[arg(long)]
    offload: bool,
    /// Wait for shelve and/or offload operation to complete
    #[arg(long)]
    wait: bool,
}

impl Command for ShelveServer {
    const WORDS: &'static str = "server shelve";
    const ABOUT: &'static str = "Shelve and optionally offload server(s).\nShelving a server creates a snapshot of the server and stores this snapshot before shutting down the server. This shelved server can then be offloaded or deleted from the host, freeing up remaining resources on the host, such as network interfaces. Shelved servers can be unshelved, restoring the server from the snapshot. Shelving is therefore useful where users wish to retain the UUID and IP of a server, without utilizing other resources or disks.\nMost clouds are configured to automatically offload shelved servers immediately or after a small delay. For clouds where this is not configured, or where the delay is larger, offloading can be manually specified. This is an admin-only operation by default.";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut ids = Vec::new();
        for server in find_all(ctx, &self.servers)? {
            if matches!(status_of(&server).as_str(), "shelved" | "shelved_offloaded") {
                continue;
            }
            let id = id_of(&server);
            server_action(ctx, &id, json!({"shelve": null}), None)?;
            ids.push(id);
        }
        if !self.wait && !self.offload {
            return Ok(Output::None);
        }
        for id in &ids {
            if !wait_for(ctx, id, &["shelved", "shelved_offloaded"])? {
                return Err(CliError::Message(format!("Error shelving server: {id}")));
            }
        }
        if !self.offload {
            return Ok(Output::None);
        }
        let session = ctx.session()?;
        for id in &ids {
            let server = ctx
                .block_on(Compute::new(&session).get_server(id))?
                .map_err(|e| sdk_error(e, None))?;
            if status_of(&server) == "shelved_offloaded" {
                continue;
            }
            server_action(ctx, id, json!({"shelveOffload": null}), None)?;
        }
        if self.wait {
            for id in &ids {
                if !wait_for(ctx, id, &["shelved_offloaded"])? {
                    return Err(CliError::Message(format!(
                        "Error offloading shelved server: {id}"
                    )));
                }
            }
        }
        Ok(Output::None)
    }
}

/// Unshelve server(s)
#[derive(clap::Args, Debug)]
pub struct UnshelveServer {
    /// Server(s) to unshelve (name or ID)
    #[arg(value_name = "<server>", required = true)]
    server: Vec<String>,
    /// Name of the availability zone in which to unshelve a SHELVED_OFFLOADED server (supported by --os-compute-api-version 2.77 or above)
    #[arg(long, value_name = "AVAILABILITY_ZONE", group = "az")]
    availability_zone: Option<String>,
    /// Unpin the availability zone of a SHELVED_OFFLOADED server. Server will be unshelved on a host without availability zone constraint (supported by --os-compute-api-version 2.91 or above)
    #[arg(long, group = "az")]
    no_availability_zone: bool,
    /// Name of the destination host in which to unshelve a SHELVED_OFFLOADED server (supported by --os-compute-api-version 2.91 or above)
    #[arg(long, value_name = "HOST")]
    host: Option<String>,
    /// Wait for unshelve operation to complete
    #[arg(long)]
    wait: bool,
}

impl Command for UnshelveServer {
    const WORDS: &'static str = "server unshelve";
    const ABOUT: &'static str = "Unshelve server(s)";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut body = Map::new();
        if self.availability_zone.is_some() || self.host.is_some() || self.no_availability_zone {
            let mv = microversion(ctx)?;
            if let Some(az) = &self.availability_zone {
                require(mv.as_deref(), "2.77", "--availability-zone option")?;
                body.insert("availability_zone".into(), az.clone().into());
            }
            if let Some(h) = &self.host {
                require(mv.as_deref(), "2.91", "--host option")?;
                body.insert("host".into(), h.clone().into());
            }
            if self.no_availability_zone {
                require(mv.as_deref(), "2.91", "--no-availability-zone option")?;
                body.insert("availability_zone".into(), Value::Null);
            }
        }
        let action = if body.is_empty() {
            json!({"unshelve": null})
        } else {
            json!({ "unshelve": body })
        };
        for server in find_all(ctx, &self.server)? {
            if !matches!(status_of(&server).as_str(), "shelved" | "shelved_offloaded") {
                continue;
            }
            let id = id_of(&server);
            server_action(ctx, &id, action.clone(), None)?;
            if self.wait && !wait_for(ctx, &id, &["active", "shutoff"])? {
                return Err(CliError::Message(format!("Error unshelving server: {id}")));
            }
        }
        Ok(Output::None)
    }
}
