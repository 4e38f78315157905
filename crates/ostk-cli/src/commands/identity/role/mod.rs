//! `role *`, `implied role *` and `role assignment list`
//! (openstackclient/identity/v3/role.py, implied_role.py, role_assignment.py).

pub mod add;
pub mod assignment_list;
pub mod create;
pub mod delete;
pub mod implied_create;
pub mod implied_delete;
pub mod implied_list;
pub mod list;
pub mod remove;
pub mod set;
pub mod show;

use crate::commands::identity::common::{
    find_domain_id, find_group_id, find_project_id, find_sdk_id, find_user_id, sdk_error,
};
use crate::{context::Context, error::CliError};
use ostk_output::{Cell, Record};
use ostk_sdk::identity::{
    Identity,
    role::{Actor, ROLES, Role, Target},
};

/// `_format_role`: id, name, domain_id, description.
pub fn role_record(r: &Role) -> Record {
    let s = |v: &Option<String>| Cell::from(v.clone());
    Record {
        fields: vec![
            ("id".into(), Cell::Str(r.id.clone())),
            ("name".into(), s(&r.name)),
            ("domain_id".into(), s(&r.domain_id)),
            ("description".into(), s(&r.description)),
        ],
    }
}

/// `_add_identity_and_resource_options_to_parser` (+ the inherited flag).
#[derive(clap::Args, Debug)]
pub struct GrantArgs {
    #[arg(
        long,
        value_name = "<system>",
        group = "target",
        help = "Include <system> (all)"
    )]
    system: Option<String>,
    #[arg(
        long,
        value_name = "<domain>",
        group = "target",
        help = "Include <domain> (name or ID)"
    )]
    domain: Option<String>,
    #[arg(
        long,
        value_name = "<project>",
        group = "target",
        help = "Include <project> (name or ID)"
    )]
    project: Option<String>,
    #[arg(
        long,
        value_name = "<user>",
        group = "actor",
        help = "Include <user> (name or ID)"
    )]
    user: Option<String>,
    #[arg(
        long,
        value_name = "<group>",
        group = "actor",
        help = "Include <group> (name or ID)"
    )]
    group: Option<String>,
    #[arg(long, value_name = "<group-domain>", help = GROUP_DOMAIN_HELP)]
    group_domain: Option<String>,
    #[arg(long, value_name = "<project-domain>", help = PROJECT_DOMAIN_HELP)]
    project_domain: Option<String>,
    #[arg(long, value_name = "<user-domain>", help = USER_DOMAIN_HELP)]
    user_domain: Option<String>,
    #[arg(long, help = INHERITED_HELP)]
    inherited: bool,
}

/// `common.add_user_domain_option_to_parser` help.
pub const USER_DOMAIN_HELP: &str = "Domain the user belongs to (name or ID). This can be used in case collisions between user names exist.";
/// `common.add_group_domain_option_to_parser` help.
pub const GROUP_DOMAIN_HELP: &str = "Domain the group belongs to (name or ID). This can be used in case collisions between group names exist.";
/// `common.add_project_domain_option_to_parser` help.
pub const PROJECT_DOMAIN_HELP: &str = "Domain the project belongs to (name or ID). This can be used in case collisions between project names exist.";
/// `common.add_role_domain_option_to_parser` help.
pub const ROLE_DOMAIN_HELP: &str = "Domain the role belongs to (name or ID). This must be specified when the name of a domain specific role is used.";
/// `common.add_inherited_option_to_parser` help.
pub const INHERITED_HELP: &str = "Specifies if the role grant is inheritable to the sub projects";

const NOT_ADDED: &str =
    "Role not added, incorrect set of arguments provided. See openstack --help for more details";

/// `role add` / `role remove`: resolves everything as OSC does, then grants or revokes.
pub fn grant(
    ctx: &mut Context,
    role: &str,
    role_domain: Option<&str>,
    a: &GrantArgs,
    add: bool,
) -> Result<(), CliError> {
    if a.user.is_none() && a.domain.is_none() && a.group.is_none() && a.project.is_none() {
        return Err(CliError::Message(if add {
            NOT_ADDED.into()
        } else {
            "Incorrect set of arguments provided. See openstack --help for more details".into()
        }));
    }
    let mut filters = Vec::new();
    if let Some(d) = role_domain {
        filters.push(("domain_id", find_domain_id(ctx, d, true)?));
    }
    let role_id = find_sdk_id(ctx, &ROLES, "Role", role, true, &filters)?;
    // `role remove` does not insist that the actor and target still exist.
    let validate = add;
    let actor_id;
    let actor_is_user;
    if let Some(u) = &a.user {
        actor_is_user = true;
        actor_id = find_user_id(ctx, u, a.user_domain.as_deref(), validate)?;
    } else if let Some(g) = &a.group {
        actor_is_user = false;
        actor_id = find_group_id(ctx, g, a.group_domain.as_deref(), validate)?;
    } else {
        return Err(CliError::Message(NOT_ADDED.into()));
    }
    let target_id;
    let target_kind;
    if let Some(s) = &a.system {
        target_kind = 's';
        target_id = s.clone();
    } else if let Some(d) = &a.domain {
        target_kind = 'd';
        target_id = find_domain_id(ctx, d, validate)?;
    } else if let Some(p) = &a.project {
        target_kind = 'p';
        target_id = find_project_id(ctx, p, a.project_domain.as_deref(), validate)?;
    } else {
        return Err(CliError::Message(NOT_ADDED.into()));
    }
    let actor = if actor_is_user {
        Actor::User(&actor_id)
    } else {
        Actor::Group(&actor_id)
    };
    let target = match target_kind {
        's' => Target::System(&target_id),
        'd' => Target::Domain(&target_id),
        _ => Target::Project(&target_id),
    };
    if add && target_kind == 's' && a.inherited {
        tracing::warn!(
            "'--inherited' was given, which is not supported when adding a system role. This will be an error in a future release."
        );
    }
    let session = ctx.session()?;
    ctx.block_on(Identity::new(&session).grant_role(actor, target, &role_id, a.inherited, add))?
        .map_err(|e| sdk_error(e, None))
}
