//! `access rule list` (openstackclient/identity/v3/access_rule.py ListAccessRule).

use super::session_user;
use crate::commands::identity::common::{find_resource_legacy, id_of, sdk_error};
use crate::commands::identity::role::USER_DOMAIN_HELP;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Listing};
use ostk_sdk::identity::Identity;
use ostk_sdk::identity::{domain::DOMAINS, user::USERS};

/// List access rules
#[derive(clap::Args, Debug)]
pub struct ListAccessRule {
    /// User whose access rules to list (name or ID)
    #[arg(long, value_name = "<user>")]
    user: Option<String>,
    #[arg(long, value_name = "<user-domain>", help = USER_DOMAIN_HELP)]
    user_domain: Option<String>,
}

impl Command for ListAccessRule {
    const WORDS: &'static str = "access rule list";
    const ABOUT: &'static str = "List access rules";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let user = match &self.user {
            Some(u) => {
                // OSC `common.find_user(client, user, user_domain)` (keystoneclient style).
                let mut filters = Vec::new();
                if let Some(d) = &self.user_domain {
                    let d = find_resource_legacy(ctx, &DOMAINS, "domain", d, &[])?;
                    filters.push(("domain_id", id_of(&d)));
                }
                id_of(&find_resource_legacy(ctx, &USERS, "user", u, &filters)?)
            }
            None => session_user(ctx)?,
        };
        let session = ctx.session()?;
        let data = ctx
            .block_on(Identity::new(&session).access_rules(&user))?
            .map_err(|e| sdk_error(e, None))?;
        Ok(Output::List(Listing {
            columns: ["ID", "Service", "Method", "Path"]
                .map(String::from)
                .to_vec(),
            rows: data
                .into_iter()
                .map(|r| {
                    vec![
                        Cell::Str(r.id),
                        Cell::from(r.service),
                        Cell::from(r.method),
                        Cell::from(r.path),
                    ]
                })
                .collect(),
        }))
    }
}
