//! `credential delete` (openstackclient/identity/v3/credential.py DeleteCredential).

use crate::commands::identity::{batch::delete_each, common::sdk_error};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::Identity;

/// Delete credential(s)
#[derive(clap::Args, Debug)]
pub struct DeleteCredential {
    /// ID of credential(s) to delete
    #[arg(value_name = "<credential-id>", required = true, num_args = 1..)]
    credential: Vec<String>,
}

impl Command for DeleteCredential {
    const WORDS: &'static str = "credential delete";
    const ABOUT: &'static str = "Delete credential(s)";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        delete_each(
            ctx,
            &self.credential,
            "credential",
            |i, e| format!("Failed to delete credentials with ID '{i}': {e}"),
            |ctx, i| {
                let session = ctx.session()?;
                match ctx.block_on(Identity::new(&session).delete_credential(i))? {
                    // openstacksdk `delete_credential(ignore_missing=True)`.
                    Err(e) if e.status() == Some(404) => Ok(()),
                    other => other.map_err(|e| sdk_error(e, None)),
                }
            },
        )?;
        Ok(Output::None)
    }
}
