//! `keypair delete` (openstackclient/compute/v2/keypair.py DeleteKeypair).

use crate::commands::common::bulk;
use crate::commands::compute::common::sdk;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::compute::keypair;

/// Delete public or private key(s)
#[derive(clap::Args, Debug)]
pub struct DeleteKeypair {
    /// Name of key(s) to delete (name only)
    #[arg(value_name = "<key>", required = true, num_args = 1..)]
    names: Vec<String>,
    /// The owner of the keypair. (admin only) (name or ID). Requires ``--os-compute-api-version`` 2.10 or greater.
    #[arg(long, value_name = "<user>", verbatim_doc_comment)]
    user: Option<String>,
    /// Domain the user belongs to (name or ID). This can be used in case collisions between user names exist.
    #[arg(long, value_name = "<user-domain>", verbatim_doc_comment)]
    user_domain: Option<String>,
}

impl Command for DeleteKeypair {
    const WORDS: &'static str = "keypair delete";
    const ABOUT: &'static str = "Delete public or private key(s)";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let user = super::user_id(ctx, self.user.as_deref(), self.user_domain.as_deref())?;
        let results = bulk::each(ctx, &self.names, |s, name| {
            let user = user.clone();
            async move {
                keypair::delete(&s, &name, user.as_deref())
                    .await
                    .map_err(sdk)
            }
        })?;
        bulk::summarize(&self.names, results, "keys", |i, e| {
            format!("Failed to delete key with name '{i}': {e}")
        })?;
        Ok(Output::None)
    }
}
