//! `application credential delete` (openstackclient/identity/v3/application_credential.py
//! DeleteApplicationCredential).

use super::{find, session_user};
use crate::commands::identity::{batch::delete_each, common::sdk_error};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::Identity;

/// Delete application credentials(s)
#[derive(clap::Args, Debug)]
pub struct DeleteApplicationCredential {
    /// Application credentials(s) to delete (name or ID)
    #[arg(value_name = "<application-credential>", required = true, num_args = 1..)]
    application_credential: Vec<String>,
}

impl Command for DeleteApplicationCredential {
    const WORDS: &'static str = "application credential delete";
    const ABOUT: &'static str = "Delete application credentials(s)";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let user = session_user(ctx)?;
        delete_each(
            ctx,
            &self.application_credential,
            "application credentials",
            |i, e| format!("Failed to delete application credential with name or ID '{i}': {e}"),
            |ctx, i| {
                let a = find(ctx, &user, i)?;
                let session = ctx.session()?;
                ctx.block_on(Identity::new(&session).delete_application_credential(&user, &a.id))?
                    .map_err(|e| sdk_error(e, None))
            },
        )?;
        Ok(Output::None)
    }
}
