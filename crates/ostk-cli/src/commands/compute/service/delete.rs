//! `compute service delete` (openstackclient/compute/v2/service.py DeleteService).

use crate::commands::common::bulk;
use crate::commands::compute::common::sdk;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::compute::service::SERVICES;

/// Delete compute service(s)
#[derive(clap::Args, Debug)]
pub struct DeleteService {
    /// Compute service(s) to delete (ID only). If using ``--os-compute-api-version`` 2.53 or greater, the ID is a UUID which can be retrieved by listing compute services using the same 2.53+ microversion. If deleting a compute service, be sure to stop the actual compute process on the physical host before deleting the service with this command. Failing to do so can lead to the running service re-creating orphaned compute_nodes table records in the database.
    #[arg(value_name = "<service>", required = true, num_args = 1.., verbatim_doc_comment)]
    services: Vec<String>,
}

impl Command for DeleteService {
    const WORDS: &'static str = "compute service delete";
    const ABOUT: &'static str = "Delete compute service(s)";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let results = bulk::each(ctx, &self.services, |s, id| async move {
            SERVICES.delete(&s, &id).await.map_err(sdk)
        })?;
        bulk::summarize(&self.services, results, "compute services", |i, e| {
            format!("Failed to delete compute service with ID '{i}': {e}")
        })?;
        Ok(Output::None)
    }
}
