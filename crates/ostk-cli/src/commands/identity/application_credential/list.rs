//! `application credential list` (openstackclient/identity/v3/application_credential.py
//! ListApplicationCredential).

use super::{HEADERS, cells, session_user};
use crate::commands::identity::common::{find_user_id, sdk_error};
use crate::commands::identity::role::USER_DOMAIN_HELP;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::Listing;
use ostk_sdk::identity::Identity;

/// List application credentials
#[derive(clap::Args, Debug)]
pub struct ListApplicationCredential {
    /// User whose application credentials to list (name or ID)
    #[arg(long, value_name = "<user>")]
    user: Option<String>,
    #[arg(long, value_name = "<user-domain>", help = USER_DOMAIN_HELP)]
    user_domain: Option<String>,
}

impl Command for ListApplicationCredential {
    const WORDS: &'static str = "application credential list";
    const ABOUT: &'static str = "List application credentials";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let user = match &self.user {
            Some(u) => find_user_id(ctx, u, self.user_domain.as_deref(), true)?,
            None => session_user(ctx)?,
        };
        let session = ctx.session()?;
        let data = ctx
            .block_on(Identity::new(&session).application_credentials(&user))?
            .map_err(|e| sdk_error(e, None))?;
        Ok(Output::List(Listing {
            columns: HEADERS.map(String::from).to_vec(),
            rows: data.iter().map(cells).collect(),
        }))
    }
}
