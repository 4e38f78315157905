//! `server group delete` (openstackclient/compute/v2/server_group.py DeleteServerGroup).

use crate::commands::common::bulk;
use crate::commands::compute::common::{found, sdk};
use crate::commands::identity::common::id_of;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::compute::server_group;

/// Delete existing server group(s).
#[derive(clap::Args, Debug)]
pub struct DeleteServerGroup {
    /// server group(s) to delete (name or ID)
    #[arg(value_name = "<server-group>", required = true, num_args = 1..)]
    server_groups: Vec<String>,
}

impl Command for DeleteServerGroup {
    const WORDS: &'static str = "server group delete";
    const ABOUT: &'static str = "Delete existing server group(s).";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let results = bulk::each(ctx, &self.server_groups, |s, name| async move {
            let g = found(server_group::find(&s, &name).await, "ServerGroup", &name)?;
            match server_group::SERVER_GROUPS.delete(&s, &id_of(&g)).await {
                // openstacksdk's delete_server_group(ignore_missing=True)
                Err(e) if e.status() != Some(404) => Err(sdk(e)),
                _ => Ok(()),
            }
        })?;
        // OSC logs the bare error for each failure.
        bulk::summarize(&self.server_groups, results, "server groups", |_, e| {
            e.to_string()
        })?;
        Ok(Output::None)
    }
}
