//! `user password set` (openstackclient/identity/v3/user.py SetPasswordUser): the
//! authenticated user changes their own password.

use super::{NO_PASSWORD_WARNING, get_password};
use crate::commands::identity::common::sdk_error;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::Identity;

/// Change current user password
#[derive(clap::Args, Debug)]
pub struct SetPasswordUser {
    /// New user password
    #[arg(long, value_name = "<new-password>")]
    password: Option<String>,
    /// Original user password
    #[arg(long, value_name = "<original-password>")]
    original_password: Option<String>,
}

impl Command for SetPasswordUser {
    const WORDS: &'static str = "user password set";
    const ABOUT: &'static str = "Change current user password";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        let access = ctx.block_on(session.access())??;
        let user_id = access
            .user_id
            .clone()
            .ok_or_else(|| CliError::Message("invalid authentication info".into()))?;
        let current = match self.original_password {
            Some(p) => p,
            None => get_password(Some("Current Password:"), false)?,
        };
        let password = match self.password {
            Some(p) => p,
            None => get_password(Some("New Password:"), true)?,
        };
        if password.is_empty() {
            tracing::warn!("{NO_PASSWORD_WARNING}");
        }
        ctx.block_on(Identity::new(&session).change_password(&user_id, &current, &password))?
            .map_err(|e| sdk_error(e, None))?;
        Ok(Output::None)
    }
}
