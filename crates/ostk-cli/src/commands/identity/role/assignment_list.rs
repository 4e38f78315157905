//! `role assignment list` (openstackclient/identity/v3/role_assignment.py ListRoleAssignment).

use super::{
    GROUP_DOMAIN_HELP, INHERITED_HELP, PROJECT_DOMAIN_HELP, ROLE_DOMAIN_HELP, USER_DOMAIN_HELP,
};
use crate::commands::identity::common::{find_domain_id, find_sdk_id, sdk_error};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Listing};
use ostk_sdk::identity::{
    Identity, domain::DOMAINS, group::GROUPS, project::PROJECTS, role::ROLES, user::USERS,
};
use serde_json::Value;

/// List role assignments
#[derive(clap::Args, Debug)]
pub struct ListRoleAssignment {
    /// Returns only effective role assignments
    #[arg(long)]
    effective: bool,
    /// Role to filter (name or ID)
    #[arg(long, value_name = "<role>")]
    role: Option<String>,
    #[arg(long, value_name = "<role-domain>", help = ROLE_DOMAIN_HELP)]
    role_domain: Option<String>,
    /// Display names instead of IDs
    #[arg(long)]
    names: bool,
    /// User to filter (name or ID)
    #[arg(long, value_name = "<user>", group = "actor")]
    user: Option<String>,
    #[arg(long, value_name = "<user-domain>", help = USER_DOMAIN_HELP)]
    user_domain: Option<String>,
    /// Group to filter (name or ID)
    #[arg(long, value_name = "<group>", group = "actor")]
    group: Option<String>,
    #[arg(long, value_name = "<group-domain>", help = GROUP_DOMAIN_HELP)]
    group_domain: Option<String>,
    /// Domain to filter (name or ID)
    #[arg(long, value_name = "<domain>", group = "target")]
    domain: Option<String>,
    /// Project to filter (name or ID)
    #[arg(long, value_name = "<project>", group = "target")]
    project: Option<String>,
    /// Filter based on system role assignments
    #[arg(long, value_name = "<system>", group = "target")]
    system: Option<String>,
    #[arg(long, value_name = "<project-domain>", help = PROJECT_DOMAIN_HELP)]
    project_domain: Option<String>,
    #[arg(long, help = INHERITED_HELP)]
    inherited: bool,
    /// Only list assignments for the authenticated user
    #[arg(long)]
    auth_user: bool,
    /// Only list assignments for the project to which the authenticated user's token is scoped
    #[arg(long)]
    auth_project: bool,
}

/// `_format_role_assignment_`'s `_get_names` / `_get_ids`.
fn label(v: Option<&Value>, names: bool) -> String {
    let Some(v) = v.filter(|v| v.is_object()) else {
        return String::new();
    };
    let s = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).unwrap_or("").to_string();
    if !names {
        return s(v, "id");
    }
    let mut out = s(v, "name");
    if let Some(d) = v
        .get("domain")
        .filter(|d| d.as_object().is_some_and(|m| !m.is_empty()))
    {
        out.push('@');
        out.push_str(&s(d, "name"));
    }
    out
}

impl Command for ListRoleAssignment {
    const WORDS: &'static str = "role assignment list";
    const ABOUT: &'static str = "List role assignments";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        let dom = |d: Option<String>| d.map(|d| vec![("domain_id", d)]).unwrap_or_default();
        let mut query: Vec<(&str, String)> = Vec::new();

        let role_domain = match &self.role_domain {
            Some(d) => Some(find_domain_id(ctx, d, true)?),
            None => None,
        };
        if let Some(r) = &self.role {
            query.push((
                "role.id",
                find_sdk_id(ctx, &ROLES, "Role", r, true, &dom(role_domain))?,
            ));
        }
        let user_domain = match &self.user_domain {
            Some(d) => Some(find_sdk_id(ctx, &DOMAINS, "Domain", d, true, &[])?),
            None => None,
        };
        let access = if self.auth_user || self.auth_project {
            Some(ctx.block_on(session.access())??)
        } else {
            None
        };
        if let Some(u) = &self.user {
            query.push((
                "user.id",
                find_sdk_id(ctx, &USERS, "User", u, true, &dom(user_domain))?,
            ));
        } else if let Some(a) = access.as_ref().filter(|_| self.auth_user) {
            let uid = a
                .user_id
                .clone()
                .ok_or_else(|| CliError::Message("missing auth info".into()))?;
            query.push((
                "user.id",
                find_sdk_id(ctx, &USERS, "User", &uid, true, &[])?,
            ));
        }
        if let Some(s) = &self.system {
            query.push(("scope.system", s.clone()));
        }
        if let Some(d) = &self.domain {
            query.push(("scope.domain.id", find_domain_id(ctx, d, true)?));
        }
        let project_domain = match &self.project_domain {
            Some(d) => Some(find_domain_id(ctx, d, true)?),
            None => None,
        };
        if let Some(p) = &self.project {
            // `_get_token_resource`: a project named as the token's project is its ID.
            let a = ctx.block_on(session.access())??;
            let p = if a.project_name.as_deref() == Some(p.as_str()) {
                a.project_id.clone().unwrap_or_else(|| p.clone())
            } else {
                p.clone()
            };
            query.push((
                "scope.project.id",
                find_sdk_id(ctx, &PROJECTS, "Project", &p, true, &dom(project_domain))?,
            ));
        } else if let Some(a) = access.as_ref().filter(|_| self.auth_project) {
            let pid = a
                .project_id
                .clone()
                .ok_or_else(|| CliError::Message("missing auth info".into()))?;
            query.push((
                "scope.project.id",
                find_sdk_id(ctx, &PROJECTS, "Project", &pid, true, &[])?,
            ));
        }
        let group_domain = match &self.group_domain {
            Some(d) => Some(find_domain_id(ctx, d, true)?),
            None => None,
        };
        if let Some(g) = &self.group {
            query.push((
                "group.id",
                find_sdk_id(ctx, &GROUPS, "Group", g, true, &dom(group_domain))?,
            ));
        }
        if self.effective {
            query.push(("effective", "True".into()));
        }
        if self.names {
            query.push(("include_names", "True".into()));
        }
        if self.inherited {
            query.push(("scope.OS-INHERIT:inherited_to", "projects".into()));
        }
        let data = ctx
            .block_on(Identity::new(&session).role_assignments(&query))?
            .map_err(|e| sdk_error(e, None))?;
        let rows = data
            .iter()
            .map(|a| {
                let scope = a.get("scope");
                let sc = |k: &str| scope.and_then(|s| s.get(k));
                let system = sc("system").is_some_and(|s| match s {
                    Value::Null | Value::Bool(false) => false,
                    Value::Object(m) => !m.is_empty(),
                    Value::String(s) => !s.is_empty(),
                    _ => true,
                });
                vec![
                    Cell::Str(label(a.get("role"), self.names)),
                    Cell::Str(label(a.get("user"), self.names)),
                    Cell::Str(label(a.get("group"), self.names)),
                    Cell::Str(label(sc("project"), self.names)),
                    Cell::Str(label(sc("domain"), self.names)),
                    Cell::Str(if system { "all".into() } else { String::new() }),
                    Cell::Bool(
                        sc("OS-INHERIT:inherited_to").and_then(Value::as_str) == Some("projects"),
                    ),
                ]
            })
            .collect();
        Ok(Output::List(Listing {
            columns: [
                "Role",
                "User",
                "Group",
                "Project",
                "Domain",
                "System",
                "Inherited",
            ]
            .map(String::from)
            .to_vec(),
            rows,
        }))
    }
}
