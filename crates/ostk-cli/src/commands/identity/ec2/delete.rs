//! `ec2 credentials delete` (openstackclient/identity/v3/ec2creds.py DeleteEC2Creds).

use super::determine_user;
use crate::commands::common::bulk;
use crate::commands::identity::role::USER_DOMAIN_HELP;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::Identity;

/// Delete EC2 credentials
#[derive(clap::Args, Debug)]
pub struct DeleteEc2Creds {
    /// Credentials access key(s)
    #[arg(value_name = "<access-key>", required = true, num_args = 1..)]
    access_key: Vec<String>,
    /// Delete credentials for user (name or ID)
    #[arg(long, value_name = "<user>")]
    user: Option<String>,
    #[arg(long, value_name = "<user-domain>", help = USER_DOMAIN_HELP)]
    user_domain: Option<String>,
}

impl Command for DeleteEc2Creds {
    const WORDS: &'static str = "ec2 credentials delete";
    const ABOUT: &'static str = "Delete EC2 credentials";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let user = determine_user(ctx, self.user.as_deref(), self.user_domain.as_deref())?;
        let results = bulk::each(ctx, &self.access_key, |s, access| {
            let user = user.clone();
            async move {
                Identity::new(&s)
                    .delete_ec2_credential(&user, &access)
                    .await
                    .map_err(CliError::from)
            }
        })?;
        bulk::summarize(&self.access_key, results, "EC2 keys", |i, e| {
            format!("Failed to delete EC2 credentials with access key '{i}': {e}")
        })?;
        Ok(Output::None)
    }
}
