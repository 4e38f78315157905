//! `identity provider delete` (openstackclient/identity/v3/identity_provider.py
//! DeleteIdentityProvider).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::Identity;

/// Delete identity provider(s)
#[derive(clap::Args, Debug)]
pub struct DeleteIdentityProvider {
    /// Identity provider(s) to delete
    #[arg(value_name = "<identity-provider>", required = true, num_args = 1..)]
    identity_provider: Vec<String>,
}

impl Command for DeleteIdentityProvider {
    const WORDS: &'static str = "identity provider delete";
    const ABOUT: &'static str = "Delete identity provider(s)";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        super::super::batch::delete_each(
            ctx,
            &self.identity_provider,
            "identity providers",
            |i, e| format!("Failed to delete identity provider with name or ID '{i}': {e}"),
            |ctx, i| {
                let session = ctx.session()?;
                // openstacksdk's delete ignores a missing provider (ignore_missing=True).
                match ctx.block_on(Identity::new(&session).delete_identity_provider(i))? {
                    Err(e) if e.status() == Some(404) => Ok(()),
                    r => r.map_err(|e| super::super::common::sdk_error(e, None)),
                }
            },
        )?;
        Ok(Output::None)
    }
}
