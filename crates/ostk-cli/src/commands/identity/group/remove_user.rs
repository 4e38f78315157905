//! `group remove user` (openstackclient/identity/v3/group.py RemoveUserFromGroup).

use crate::commands::identity::common::{find_group_id, find_user_id, sdk_error};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::Identity;

/// Remove user from group
#[derive(clap::Args, Debug)]
pub struct RemoveUserFromGroup {
    /// Group containing <user> (name or ID)
    #[arg(value_name = "<group>")]
    group: String,
    /// User(s) to remove from <group> (name or ID) (repeat option to remove multiple users)
    #[arg(value_name = "<user>", required = true, num_args = 1..)]
    user: Vec<String>,
    /// Domain the group belongs to (name or ID). This can be used in case collisions between group names exist.
    #[arg(long, value_name = "<group-domain>", verbatim_doc_comment)]
    group_domain: Option<String>,
    /// Domain the user belongs to (name or ID). This can be used in case collisions between user names exist.
    #[arg(long, value_name = "<user-domain>", verbatim_doc_comment)]
    user_domain: Option<String>,
}

impl Command for RemoveUserFromGroup {
    const WORDS: &'static str = "group remove user";
    const ABOUT: &'static str = "Remove user from group";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let group_id = find_group_id(ctx, &self.group, self.group_domain.as_deref(), true)?;
        let mut failed = 0;
        for u in &self.user {
            let res = find_user_id(ctx, u, self.user_domain.as_deref(), true).and_then(|uid| {
                let session = ctx.session()?;
                ctx.block_on(Identity::new(&session).remove_user_from_group(&group_id, &uid))?
                    .map_err(|e| sdk_error(e, None))
            });
            if let Err(e) = res {
                failed += 1;
                tracing::error!("{u} not removed from group {}: {e}", self.group);
            }
        }
        if failed > 0 {
            return Err(CliError::Message(format!(
                "{failed} of {} users not removed from group {}.",
                self.user.len(),
                self.group
            )));
        }
        Ok(Output::None)
    }
}
