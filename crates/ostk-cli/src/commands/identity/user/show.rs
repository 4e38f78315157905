//! `user show` (openstackclient/identity/v3/user.py ShowUser).

use super::{find_optional, user_record};
use crate::commands::identity::common::{find_user, id_of};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::domain::DOMAINS;

/// Display user details
#[derive(clap::Args, Debug)]
pub struct ShowUser {
    /// User to display (name or ID)
    #[arg(value_name = "<user>")]
    user: String,
    /// Domain owning <user> (name or ID)
    #[arg(long, value_name = "<domain>")]
    domain: Option<String>,
}

impl Command for ShowUser {
    const WORDS: &'static str = "user show";
    const ABOUT: &'static str = "Display user details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        // OSC's `_get_token_resource` peeks into a keystoneclient token; on the openstacksdk
        // client it always falls back to the name given, so the lookup uses it as is.
        // find_domain(ignore_missing=True): an unknown domain filters nothing.
        let domain = match &self.domain {
            Some(d) => find_optional(ctx, &DOMAINS, "Domain", d, &[])?.map(|d| id_of(&d)),
            None => None,
        };
        let user = find_user(ctx, &self.user, domain.as_deref())?;
        Ok(Output::One(user_record(&user)))
    }
}
