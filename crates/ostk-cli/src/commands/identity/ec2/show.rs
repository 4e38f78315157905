//! `ec2 credentials show` (openstackclient/identity/v3/ec2creds.py ShowEC2Creds).

use super::{determine_user, record};
use crate::commands::identity::role::USER_DOMAIN_HELP;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::Identity;

/// Display EC2 credentials details
#[derive(clap::Args, Debug)]
pub struct ShowEc2Creds {
    /// Credentials access key
    #[arg(value_name = "<access-key>")]
    access_key: String,
    /// Show credentials for user (name or ID)
    #[arg(long, value_name = "<user>")]
    user: Option<String>,
    #[arg(long, value_name = "<user-domain>", help = USER_DOMAIN_HELP)]
    user_domain: Option<String>,
}

impl Command for ShowEc2Creds {
    const WORDS: &'static str = "ec2 credentials show";
    const ABOUT: &'static str = "Display EC2 credentials details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let user = determine_user(ctx, self.user.as_deref(), self.user_domain.as_deref())?;
        let session = ctx.session()?;
        let cred =
            ctx.block_on(Identity::new(&session).ec2_credential(&user, &self.access_key))??;
        Ok(Output::One(record(cred)))
    }
}
