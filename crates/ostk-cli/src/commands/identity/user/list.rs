//! `user list` (openstackclient/identity/v3/user.py ListUser).

use crate::commands::identity::common::{find_domain, find_group, find_project, id_of, sdk_error};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Listing};
use ostk_sdk::identity::{Identity, user::USERS};
use serde_json::Value;

/// List users
#[derive(clap::Args, Debug)]
pub struct ListUser {
    /// Filter users by <domain> (name or ID)
    #[arg(long, value_name = "<domain>")]
    domain: Option<String>,
    /// Filter users by <group> membership (name or ID)
    #[arg(long, value_name = "<group>", group = "project_or_group")]
    group: Option<String>,
    /// Filter users by <project> (name or ID)
    #[arg(long, value_name = "<project>", group = "project_or_group")]
    project: Option<String>,
    /// List additional fields in output
    #[arg(long)]
    long: bool,
    /// List only enabled users, does nothing with --project and --group
    #[arg(long, overrides_with = "disabled")]
    enabled: bool,
    /// List only disabled users, does nothing with --project and --group
    #[arg(long, overrides_with = "enabled")]
    disabled: bool,
    /// The maximum number of entries to return per page. If the value exceeds the server-defined maximum, then the server-defined value will be used. Note that this controls the page size, not the total number of entries returned. Use --max-items to limit the total number of entries returned.
    #[arg(long, value_name = "<limit>", verbatim_doc_comment)]
    limit: Option<u64>,
    /// The first position in the collection to return results from. This should be a value that was returned in a previous request.
    #[arg(long, value_name = "<marker>", verbatim_doc_comment)]
    marker: Option<String>,
    /// The maximum number of entries to return in total, paging through multiple requests if needed. Use --limit to control the page size.
    #[arg(long, value_name = "<max-items>", verbatim_doc_comment)]
    max_items: Option<u64>,
}

impl Command for ListUser {
    const WORDS: &'static str = "user list";
    const ABOUT: &'static str = "List users";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        if self.project.is_some() && (self.limit.is_some() || self.marker.is_some()) {
            return Err(CliError::Message(
                "--limit and --marker are not supported with --project".into(),
            ));
        }
        let domain = match &self.domain {
            Some(d) => Some(id_of(&find_domain(ctx, d)?)),
            None => None,
        };
        // sic: OSC filters the group lookup by the domain as typed, not by its ID.
        let group = match &self.group {
            Some(g) => Some(id_of(&find_group(ctx, g, self.domain.as_deref())?)),
            None => None,
        };
        let mut query: Vec<(&str, String)> = Vec::new();
        if let Some(d) = &domain {
            query.push(("domain_id", d.clone()));
        }
        if let Some(l) = self.limit {
            query.push(("limit", l.to_string()));
        }
        if let Some(m) = &self.marker {
            query.push(("marker", m.clone()));
        }
        let mut items: Vec<Value> = if let Some(p) = &self.project {
            let project = id_of(&find_project(ctx, p, domain.as_deref())?);
            let session = ctx.session()?;
            let assignments = ctx
                .block_on(
                    Identity::new(&session)
                        .role_assignments(&[("scope.project.id", project.clone())]),
                )?
                .map_err(|e| sdk_error(e, None))?;
            // A user with several roles on the project appears once.
            let mut user_ids: Vec<String> = Vec::new();
            for a in &assignments {
                if let Some(id) = a.pointer("/user/id").and_then(Value::as_str)
                    && !user_ids.iter().any(|u| u == id)
                {
                    user_ids.push(id.to_string());
                }
            }
            let mut users = Vec::new();
            for id in &user_ids {
                users.push(crate::commands::identity::common::find_user(ctx, id, None)?);
            }
            users
        } else if let Some(g) = &group {
            let session = ctx.session()?;
            ctx.block_on(Identity::new(&session).group_users_with(g, &query))?
                .map_err(|e| sdk_error(e, None))?
                .into_iter()
                .map(|u| serde_json::to_value(u).unwrap_or(Value::Null))
                .collect()
        } else {
            if self.enabled || self.disabled {
                query.push((
                    "enabled",
                    if self.enabled { "True" } else { "False" }.into(),
                ));
            }
            let session = ctx.session()?;
            ctx.block_on(USERS.list(&session, &query))?
                .map_err(|e| sdk_error(e, None))?
        };
        if self.project.is_none()
            && let Some(n) = self.max_items
        {
            items.truncate(usize::try_from(n).unwrap_or(usize::MAX));
        }
        let (columns, keys): (Vec<&str>, Vec<&str>) = if self.long {
            (
                vec![
                    "ID",
                    "Name",
                    "Project",
                    "Domain",
                    "Description",
                    "Email",
                    "Enabled",
                ],
                vec![
                    "id",
                    "name",
                    "default_project_id",
                    "domain_id",
                    "description",
                    "email",
                    "enabled",
                ],
            )
        } else {
            (vec!["ID", "Name"], vec!["id", "name"])
        };
        let rows = items
            .iter()
            .map(|u| {
                keys.iter()
                    .map(|k| Cell::from_json(u.get(*k).cloned().unwrap_or(Value::Null)))
                    .collect()
            })
            .collect();
        Ok(Output::List(Listing {
            columns: columns.into_iter().map(String::from).collect(),
            rows,
        }))
    }
}
