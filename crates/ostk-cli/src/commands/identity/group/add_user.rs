//! `group add user` (openstackclient/identity/v3/group.py AddUserToGroup).

use crate::commands::identity::common::{find_group_id, find_user_id, sdk_error};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::Identity;

/// Add user to group
#[derive(clap::Args, Debug)]
pub struct AddUserToGroup {
    /// Group to contain <user> (name or ID)
    #[arg(value_name = "<group>")]
    group: String,
    /// User(s) to add to <group> (name or ID) (repeat option to add multiple users)
    #[arg(value_name = "<user>", required = true, num_args = 1..)]
    user: Vec<String>,
    /// Domain the group belongs to (name or ID). This can be used in case collisions between group names exist.
    #[arg(long, value_name = "<group-domain>", verbatim_doc_comment)]
    group_domain: Option<String>,
    /// Domain the user belongs to (name or ID). This can be used in case collisions between user names exist.
    #[arg(long, value_name = "<user-domain>", verbatim_doc_comment)]
    user_domain: Option<String>,
}

impl Command for AddUserToGroup {
    const WORDS: &'static str = "group add user";
    const ABOUT: &'static str = "Add user to group";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let group_id = find_group_id(ctx, &self.group, self.group_domain.as_deref(), true)?;
        let mut failed = 0;
        for u in &self.user {
            let res = find_user_id(ctx, u, self.user_domain.as_deref(), true).and_then(|uid| {
                let session = ctx.session()?;
                ctx.block_on(Identity::new(&session).add_user_to_group(&group_id, &uid))?
                    .map_err(|e| sdk_error(e, None))
            });
            if let Err(e) = res {
                failed += 1;
                tracing::error!("{u} not added to group {}: {e}", self.group);
            }
        }
        if failed > 0 {
            return Err(CliError::Message(format!(
                "{failed} of {} users not added to group {}.",
                self.user.len(),
                self.group
            )));
        }
        Ok(Output::None)
    }
}
