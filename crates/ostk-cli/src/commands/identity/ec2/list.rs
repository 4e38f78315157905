//! `ec2 credentials list` (openstackclient/identity/v3/ec2creds.py ListEC2Creds).

use super::determine_user;
use crate::commands::identity::role::USER_DOMAIN_HELP;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Listing};
use ostk_sdk::identity::Identity;
use serde_json::Value;

/// List EC2 credentials
#[derive(clap::Args, Debug)]
pub struct ListEc2Creds {
    /// Filter list by user (name or ID)
    #[arg(long, value_name = "<user>")]
    user: Option<String>,
    #[arg(long, value_name = "<user-domain>", help = USER_DOMAIN_HELP)]
    user_domain: Option<String>,
}

impl Command for ListEc2Creds {
    const WORDS: &'static str = "ec2 credentials list";
    const ABOUT: &'static str = "List EC2 credentials";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let user = determine_user(ctx, self.user.as_deref(), self.user_domain.as_deref())?;
        let session = ctx.session()?;
        let creds = ctx.block_on(Identity::new(&session).ec2_credentials(&user))??;
        Ok(Output::List(Listing {
            columns: ["Access", "Secret", "Project ID", "User ID"]
                .map(String::from)
                .to_vec(),
            rows: creds
                .into_iter()
                .map(|mut c| {
                    ["access", "secret", "tenant_id", "user_id"]
                        .iter()
                        .map(|k| Cell::from_json(c.remove(*k).unwrap_or(Value::Null)))
                        .collect()
                })
                .collect(),
        }))
    }
}
