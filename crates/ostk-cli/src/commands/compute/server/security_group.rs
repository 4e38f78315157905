//! `server add|remove security group` (openstackclient/compute/v2/server.py
//! AddServerSecurityGroup, RemoveServerSecurityGroup): one nova action per group, in the
//! order given; each failure is logged, then `N of M security groups were not added.`

use super::{find_server, id_of};
use crate::commands::identity::common::sdk_error;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::compute::Compute;
use serde_json::json;

/// Runs `action` (`addSecurityGroup` / `removeSecurityGroup`) for every group in turn
/// (sequentially: nova updates the same server's ports each time).
fn each_group(
    ctx: &mut Context,
    server: &str,
    groups: &[String],
    action: &str,
    failure: &str,
    summary: &str,
) -> Result<Output, CliError> {
    let id = id_of(&find_server(ctx, server, false)?);
    let session = ctx.session()?;
    let mut errors = 0;
    for g in groups {
        let body = json!({ action: { "name": g } });
        if let Err(e) = ctx.block_on(Compute::new(&session).act(&id, body, None))? {
            if e.status().is_none() {
                // osc only catches HTTP errors: anything else ends the command
                return Err(sdk_error(e, None));
            }
            errors += 1;
            let e = sdk_error(e, None);
            tracing::error!(
                "Failed to {failure} security group with name or ID '{g}' {} server '{id}': {e}",
                if action.starts_with("add") {
                    "to"
                } else {
                    "from"
                }
            );
        }
    }
    if errors > 0 {
        return Err(CliError::Message(format!(
            "{errors} of {} security groups were not {summary}.",
            groups.len()
        )));
    }
    Ok(Output::None)
}

/// Add security group(s) to server
#[derive(clap::Args, Debug)]
pub struct AddServerSecurityGroup {
    /// Server (name or ID)
    #[arg(value_name = "<server>")]
    server: String,
    /// Security group(s) to add to the server (name or ID) (repeat option to add multiple groups)
    #[arg(value_name = "<security-group>", required = true)]
    security_groups: Vec<String>,
}

impl Command for AddServerSecurityGroup {
    const WORDS: &'static str = "server add security group";
    const ABOUT: &'static str = "Add security group(s) to server";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        each_group(
            ctx,
            &self.server,
            &self.security_groups,
            "addSecurityGroup",
            "add",
            "added",
        )
    }
}

/// Remove security group from server
#[derive(clap::Args, Debug)]
pub struct RemoveServerSecurityGroup {
    /// Server (name or ID)
    #[arg(value_name = "<server>")]
    server: String,
    /// Security group(s) to remove from server (name or ID) (repeat option to remove multiple groups)
    #[arg(value_name = "<security-group>", required = true)]
    security_groups: Vec<String>,
}

impl Command for RemoveServerSecurityGroup {
    const WORDS: &'static str = "server remove security group";
    const ABOUT: &'static str = "Remove security group from server";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        each_group(
            ctx,
            &self.server,
            &self.security_groups,
            "removeSecurityGroup",
            "remove",
            "removed",
        )
    }
}
