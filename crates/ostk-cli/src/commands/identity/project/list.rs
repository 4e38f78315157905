//! `project list` (openstackclient/identity/v3/project.py ListProject).

use crate::commands::identity::common::{find_domain_id, find_project_id, find_user_id, sdk_error};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Listing};
use ostk_sdk::identity::{Identity, project::PROJECTS};
use serde_json::Value;

/// List projects
#[derive(clap::Args, Debug)]
pub struct ListProject {
    /// Filter projects by <domain> (name or ID)
    #[arg(long, value_name = "<domain>")]
    domain: Option<String>,
    /// Filter projects whose parent is <parent> (name or ID)
    #[arg(long, value_name = "<parent>")]
    parent: Option<String>,
    /// Filter projects by <user> (name or ID)
    #[arg(long, value_name = "<user>")]
    user: Option<String>,
    /// List projects for the authenticated user. Supersedes other filters.
    #[arg(long, verbatim_doc_comment)]
    my_projects: bool,
    /// List additional fields in output
    #[arg(long)]
    long: bool,
    /// Sort output by selected keys and directions (asc or desc) (default: asc), repeat this option to specify multiple keys and directions.
    #[arg(long, value_name = "<key>[:<direction>]", verbatim_doc_comment)]
    sort: Option<String>,
    /// List only enabled projects
    #[arg(long)]
    enabled: bool,
    /// List only disabled projects
    #[arg(long)]
    disabled: bool,
    /// List projects which have all given tag(s) (Comma-separated list of tags)
    #[arg(long, value_name = "<tag>[,<tag>,...]")]
    tags: Option<String>,
    /// List projects which have any given tag(s) (Comma-separated list of tags)
    #[arg(long, value_name = "<tag>[,<tag>,...]")]
    tags_any: Option<String>,
    /// Exclude projects which have all given tag(s) (Comma-separated list of tags)
    #[arg(long, value_name = "<tag>[,<tag>,...]")]
    not_tags: Option<String>,
    /// Exclude projects which have any given tag(s) (Comma-separated list of tags)
    #[arg(long, value_name = "<tag>[,<tag>,...]")]
    not_tags_any: Option<String>,
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

/// osc-lib `utils.sort_items`: `key[:asc|desc]` comma-separated, applied last key first.
pub fn sort_items(items: &mut [Value], spec: &str) -> Result<(), CliError> {
    for part in spec.split(',').rev() {
        let (key, dir) = part.split_once(':').unwrap_or((part, "asc"));
        let desc = match dir.to_lowercase().as_str() {
            "asc" => false,
            "desc" => true,
            _ => {
                return Err(CliError::Message(format!(
                    "Specify sort direction as \"asc\" or \"desc\". Got: \"{dir}\""
                )));
            }
        };
        items.sort_by(|a, b| {
            let k = |v: &Value| match v.get(key) {
                None | Some(Value::Null) => (0, String::new()),
                Some(Value::String(s)) => (1, s.clone()),
                Some(other) => (1, other.to_string()),
            };
            let o = k(a).cmp(&k(b));
            if desc { o.reverse() } else { o }
        });
    }
    Ok(())
}

impl Command for ListProject {
    const WORDS: &'static str = "project list";
    const ABOUT: &'static str = "List projects";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut query: Vec<(&str, String)> = Vec::new();
        let mut domain_id = None;
        if let Some(d) = &self.domain {
            let id = find_domain_id(ctx, d, true)?;
            query.push(("domain_id", id.clone()));
            domain_id = Some(id);
        }
        if let Some(p) = &self.parent {
            query.push((
                "parent_id",
                find_project_id(ctx, p, domain_id.as_deref(), true)?,
            ));
        }
        let user = match &self.user {
            Some(u) => Some(find_user_id(ctx, u, domain_id.as_deref(), true)?),
            None => None,
        };
        if self.enabled || self.disabled {
            query.push((
                "enabled",
                if self.enabled { "True" } else { "False" }.into(),
            ));
        }
        if let Some(l) = self.limit {
            query.push(("limit", l.to_string()));
        }
        if let Some(m) = &self.marker {
            query.push(("marker", m.clone()));
        }
        for (k, v) in [
            ("tags", &self.tags),
            ("tags-any", &self.tags_any),
            ("not-tags", &self.not_tags),
            ("not-tags-any", &self.not_tags_any),
        ] {
            if let Some(v) = v.as_ref().filter(|v| !v.is_empty()) {
                query.push((k, v.clone()));
            }
        }
        if self.my_projects {
            // NOTE(adriant) in OSC: my-projects supersedes all the other filters.
            query.clear();
        }
        let session = ctx.session()?;
        let mut items: Vec<Value> = match &user {
            None => ctx
                .block_on(PROJECTS.list(&session, &query))?
                .map_err(|e| sdk_error(e, None))?,
            Some(u) => ctx
                .block_on(Identity::new(&session).user_projects(u))?
                .map_err(|e| sdk_error(e, None))?
                .into_iter()
                .map(|p| serde_json::to_value(p).unwrap_or(Value::Null))
                .collect(),
        };
        if let Some(n) = self.max_items {
            items.truncate(usize::try_from(n).unwrap_or(usize::MAX));
        }
        if let Some(s) = &self.sort {
            sort_items(&mut items, s)?;
        }
        let mut columns = vec!["ID", "Name"];
        let mut keys = vec!["id", "name"];
        if self.long {
            columns.extend(["Domain ID", "Description", "Enabled"]);
            keys.extend(["domain_id", "description", "enabled"]);
        }
        let rows = items
            .iter()
            .map(|p| {
                keys.iter()
                    .map(|k| Cell::from_json(p.get(*k).cloned().unwrap_or(Value::Null)))
                    .collect()
            })
            .collect();
        Ok(Output::List(Listing {
            columns: columns.into_iter().map(String::from).collect(),
            rows,
        }))
    }
}
