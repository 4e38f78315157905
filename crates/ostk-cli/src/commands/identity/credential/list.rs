//! `credential list` (openstackclient/identity/v3/credential.py ListCredential).

use super::super::role::USER_DOMAIN_HELP;
use crate::commands::identity::common::{find_domain, find_user, id_of, sdk_error};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Listing};
use ostk_sdk::identity::Identity;

/// List credentials
#[derive(clap::Args, Debug)]
pub struct ListCredential {
    /// Filter credentials by <user> (name or ID)
    #[arg(long, value_name = "<user>")]
    user: Option<String>,
    #[arg(long, value_name = "<user-domain>", help = USER_DOMAIN_HELP)]
    user_domain: Option<String>,
    /// Filter credentials by type: cert, ec2, totp and so on
    #[arg(long = "type", value_name = "<type>")]
    kind: Option<String>,
}

impl Command for ListCredential {
    const WORDS: &'static str = "credential list";
    const ABOUT: &'static str = "List credentials";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut query = Vec::new();
        if let Some(u) = &self.user {
            let domain = match &self.user_domain {
                Some(d) => Some(id_of(&find_domain(ctx, d)?)),
                None => None,
            };
            query.push(("user_id", id_of(&find_user(ctx, u, domain.as_deref())?)));
        }
        if let Some(t) = &self.kind {
            query.push(("type", t.clone()));
        }
        let session = ctx.session()?;
        let creds = ctx
            .block_on(Identity::new(&session).credentials(&query))?
            .map_err(|e| sdk_error(e, None))?;
        let rows = creds
            .into_iter()
            .map(|c| {
                vec![
                    Cell::Str(c.id),
                    Cell::from(c.kind),
                    Cell::from(c.user_id),
                    Cell::from(c.blob),
                    Cell::from(c.project_id),
                ]
            })
            .collect();
        Ok(Output::List(Listing {
            columns: ["ID", "Type", "User ID", "Data", "Project ID"]
                .map(String::from)
                .to_vec(),
            rows,
        }))
    }
}
