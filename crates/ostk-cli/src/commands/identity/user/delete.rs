//! `user delete` (openstackclient/identity/v3/user.py DeleteUser).

use super::find_optional;
use crate::commands::identity::batch::delete_each;
use crate::commands::identity::common::{find_user, id_of, sdk_error};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::{domain::DOMAINS, user::USERS};

/// Delete user(s)
#[derive(clap::Args, Debug)]
pub struct DeleteUser {
    /// User(s) to delete (name or ID)
    #[arg(value_name = "<user>", required = true, num_args = 1..)]
    users: Vec<String>,
    /// Domain owning <user> (name or ID)
    #[arg(long, value_name = "<domain>")]
    domain: Option<String>,
}

impl Command for DeleteUser {
    const WORDS: &'static str = "user delete";
    const ABOUT: &'static str = "Delete user(s)";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        // find_domain(ignore_missing=True): an unknown domain filters nothing.
        let domain = match &self.domain {
            Some(d) => find_optional(ctx, &DOMAINS, "Domain", d, &[])?.map(|d| id_of(&d)),
            None => None,
        };
        delete_each(
            ctx,
            &self.users,
            "users",
            |u, e| format!("Failed to delete user with name or ID '{u}': {e}"),
            |ctx, u| {
                let id = id_of(&find_user(ctx, u, domain.as_deref())?);
                let session = ctx.session()?;
                ctx.block_on(USERS.delete(&session, &id))?
                    .map_err(|e| sdk_error(e, None))
            },
        )?;
        Ok(Output::None)
    }
}
