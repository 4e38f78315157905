//! `group contains user` (openstackclient/identity/v3/group.py CheckUserInGroup).

use crate::commands::identity::common::{find_group_id, find_user_id, sdk_error};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::Identity;

/// Check user membership in group
#[derive(clap::Args, Debug)]
pub struct CheckUserInGroup {
    /// Group to check (name or ID)
    #[arg(value_name = "<group>")]
    group: String,
    /// User to check (name or ID)
    #[arg(value_name = "<user>")]
    user: String,
    /// Domain the group belongs to (name or ID). This can be used in case collisions between group names exist.
    #[arg(long, value_name = "<group-domain>", verbatim_doc_comment)]
    group_domain: Option<String>,
    /// Domain the user belongs to (name or ID). This can be used in case collisions between user names exist.
    #[arg(long, value_name = "<user-domain>", verbatim_doc_comment)]
    user_domain: Option<String>,
}

impl Command for CheckUserInGroup {
    const WORDS: &'static str = "group contains user";
    const ABOUT: &'static str = "Check user membership in group";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let user_id = find_user_id(ctx, &self.user, self.user_domain.as_deref(), false)?;
        let group_id = find_group_id(ctx, &self.group, self.group_domain.as_deref(), false)?;
        let session = ctx.session()?;
        let inside =
            match ctx.block_on(Identity::new(&session).check_user_in_group(&group_id, &user_id))? {
                Ok(b) => b,
                // OSC assumes "not in group" when forbidden.
                Err(e) if e.status() == Some(403) => false,
                Err(e) => return Err(sdk_error(e, None)),
            };
        if inside {
            Ok(Output::Text(format!(
                "{} in group {}\n",
                self.user, self.group
            )))
        } else {
            // OSC writes this to stderr (self.app.stderr) and still exits 0.
            Ok(Output::Stderr(format!(
                "{} not in group {}\n",
                self.user, self.group
            )))
        }
    }
}
