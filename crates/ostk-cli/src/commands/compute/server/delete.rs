//! `server delete` (openstackclient/compute/v2/server.py DeleteServer), bounded-parallel.

use super::{all_projects_env, find_server_id_in, poll_interval};
use crate::commands::common::bulk;
use crate::commands::identity::common::sdk_error;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::compute::Compute;
use ostk_sdk::rest::is_uuid_like;

/// Delete server(s)
#[derive(clap::Args, Debug)]
pub struct DeleteServer {
    /// Server(s) to delete (name or ID)
    #[arg(value_name = "<server>", required = true)]
    server: Vec<String>,
    /// Force delete server(s)
    #[arg(long)]
    force: bool,
    /// Delete server(s) in another project by name (admin only)(can be specified using the ALL_PROJECTS envvar)
    #[arg(long)]
    all_projects: bool,
    /// Wait for delete to complete
    #[arg(long)]
    wait: bool,
}

impl Command for DeleteServer {
    const WORDS: &'static str = "server delete";
    const ABOUT: &'static str = "Delete server(s)";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let all_projects = self.all_projects || all_projects_env(ctx);
        let (force, wait) = (self.force, self.wait);
        // find + delete each (in parallel); the waits start once every delete was sent
        let deleted = bulk::each(ctx, &self.server, |session, name| async move {
            let compute = Compute::new(&session);
            // an ID is deleted straight away (a GET first would make nova build the server's
            // whole view for nothing); a 404 means it is no server's ID: look it up as a name
            if is_uuid_like(&name) {
                match compute.delete_server(&name, force).await {
                    Ok(()) => return Ok(name),
                    Err(e) if e.status() == Some(404) => {}
                    Err(e) => return Err(sdk_error(e, None)),
                }
            }
            let id = find_server_id_in(&session, &name, all_projects).await?;
            compute
                .delete_server(&id, force)
                .await
                .map_err(|e| sdk_error(e, None))?;
            Ok(id)
        })?;
        let mut failed = 0;
        let mut ids = Vec::new();
        for (name, r) in self.server.iter().zip(deleted) {
            match r {
                Ok(id) => ids.push(id),
                Err(e) => {
                    failed += 1;
                    tracing::error!("Failed to delete server with name or ID '{name}': {e}");
                }
            }
        }
        if wait && !ids.is_empty() {
            let waits = bulk::each(ctx, &ids, |session, id| async move {
                Compute::new(&session)
                    .wait_for_server(&id, &["DELETED"], poll_interval, |_| {})
                    .await
                    .map_err(|e| sdk_error(e, None))?
                    .map_err(|_| CliError::Message(format!("Error deleting server: {id}")))?;
                Ok(())
            })?;
            if let Some(Err(e)) = waits.into_iter().find(Result::is_err) {
                return Err(e);
            }
        }
        if failed > 0 {
            return Err(CliError::Message(format!(
                "{failed} of {} servers failed to delete.",
                self.server.len()
            )));
        }
        Ok(Output::None)
    }
}
