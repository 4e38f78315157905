//! `group remove user` (openstackclient/identity/v3/group.py RemoveUserFromGroup).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};

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
        let (group, group_domain) = (&self.group, self.group_domain.as_deref());
        super::change_membership(
            ctx,
            group,
            group_domain,
            &self.user,
            self.user_domain.as_deref(),
            false,
        )
    }
}
