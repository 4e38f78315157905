//! `ec2 credentials create` (openstackclient/identity/v3/ec2creds.py CreateEC2Creds).

use super::{determine_user, domain_filter, record};
use crate::commands::identity::common::{find_resource, id_of};
use crate::commands::identity::role::{PROJECT_DOMAIN_HELP, USER_DOMAIN_HELP};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::{Identity, project::PROJECTS};

/// Create EC2 credentials
#[derive(clap::Args, Debug)]
pub struct CreateEc2Creds {
    /// Create credentials in project (name or ID; default: current authenticated project)
    #[arg(long, value_name = "<project>")]
    project: Option<String>,
    /// Create credentials for user (name or ID; default: current authenticated user)
    #[arg(long, value_name = "<user>")]
    user: Option<String>,
    #[arg(long, value_name = "<user-domain>", help = USER_DOMAIN_HELP)]
    user_domain: Option<String>,
    #[arg(long, value_name = "<project-domain>", help = PROJECT_DOMAIN_HELP)]
    project_domain: Option<String>,
}

impl Command for CreateEc2Creds {
    const WORDS: &'static str = "ec2 credentials create";
    const ABOUT: &'static str = "Create EC2 credentials";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let user = determine_user(ctx, self.user.as_deref(), self.user_domain.as_deref())?;
        let filters = domain_filter(ctx, self.project_domain.as_deref())?;
        let project = match &self.project {
            Some(p) => id_of(&find_resource(ctx, &PROJECTS, "project", p, &filters)?),
            None => {
                let session = ctx.session()?;
                let a = ctx.block_on(session.access())??;
                a.project_id.clone().ok_or_else(|| {
                    CliError::Message("failed to retrieve auth info for current session".into())
                })?
            }
        };
        let session = ctx.session()?;
        let cred =
            ctx.block_on(Identity::new(&session).create_ec2_credential(&user, &project))??;
        Ok(Output::One(record(cred)))
    }
}
