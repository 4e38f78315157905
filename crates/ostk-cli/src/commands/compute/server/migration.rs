//! `server migration list|show|abort|force complete` (openstackclient/compute/v2/
//! server_migration.py).

use super::{find_server, id_of, microversion, supports};
use crate::commands::compute::common::MarkerPagination;
use crate::commands::identity::common::{find_project_id, find_user_id, sdk_error};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Listing, Record};
use ostk_sdk::compute::Compute;
use serde_json::Value;

/// A migration's field under openstacksdk's attribute name.
fn migration_cell(m: &Value, attr: &str) -> Cell {
    let key = match attr {
        "server_id" => "instance_uuid",
        "old_flavor_id" => "old_instance_type_id",
        "new_flavor_id" => "new_instance_type_id",
        other => other,
    };
    Cell::from_json(m.get(key).cloned().unwrap_or(Value::Null))
}

fn mv_error(wanted: &str, what: &str) -> CliError {
    CliError::Message(format!(
        "--os-compute-api-version {wanted} or greater is required to support the {what}"
    ))
}

/// List server migrations
#[derive(clap::Args, Debug)]
pub struct ListMigration {
    /// Filter migrations by server (name or ID)
    #[arg(long, value_name = "<server>")]
    server: Option<String>,
    /// Filter migrations by source or destination host
    #[arg(long, value_name = "<host>")]
    host: Option<String>,
    /// Filter migrations by status
    #[arg(long, value_name = "<status>")]
    status: Option<String>,
    /// Filter migrations by type
    #[arg(long = "type", value_name = "<type>", value_parser = ["evacuation", "live-migration", "cold-migration", "resize"])]
    migration_type: Option<String>,
    #[command(flatten)]
    page: MarkerPagination,
    /// List only migrations changed later or equal to a certain point of time. The provided time should be an ISO 8061 formatted time, e.g. ``2016-03-04T06:27:59Z``. (supported with --os-compute-api-version 2.59 or above)
    #[arg(long, value_name = "<changes-since>", verbatim_doc_comment)]
    changes_since: Option<String>,
    /// List only migrations changed earlier or equal to a certain point of time. The provided time should be an ISO 8061 formatted time, e.g. ``2016-03-04T06:27:59Z``. (supported with --os-compute-api-version 2.66 or above)
    #[arg(long, value_name = "<changes-before>", verbatim_doc_comment)]
    changes_before: Option<String>,
    /// Filter migrations by project (name or ID) (supported with --os-compute-api-version 2.80 or above)
    #[arg(long, value_name = "<project>")]
    project: Option<String>,
    /// Domain the project belongs to (name or ID). This can be used in case collisions between project names exist.
    #[arg(long, value_name = "<project-domain>", verbatim_doc_comment)]
    project_domain: Option<String>,
    /// Filter migrations by user (name or ID) (supported with --os-compute-api-version 2.80 or above)
    #[arg(long, value_name = "<user>")]
    user: Option<String>,
    /// Domain the user belongs to (name or ID). This can be used in case collisions between user names exist.
    #[arg(long, value_name = "<user-domain>", verbatim_doc_comment)]
    user_domain: Option<String>,
}

impl Command for ListMigration {
    const WORDS: &'static str = "server migration list";
    const ABOUT: &'static str = "List server migrations";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mv = microversion(ctx)?;
        let mv = mv.as_deref();
        let mut q: Vec<(&str, String)> = Vec::new();
        if let Some(h) = &self.host {
            q.push(("host", h.clone()));
        }
        if let Some(s) = &self.status {
            q.push(("status", s.clone()));
        }
        if let Some(s) = self.server.as_deref().filter(|s| !s.is_empty()) {
            q.push(("instance_uuid", id_of(&find_server(ctx, s, false)?)));
        }
        if let Some(t) = self.migration_type.as_deref().filter(|t| !t.is_empty()) {
            // osc's alias: nova calls a cold migration just "migration"
            let t = if t == "cold-migration" {
                "migration"
            } else {
                t
            };
            q.push(("migration_type", t.to_string()));
        }
        if let Some(m) = self.page.marker() {
            if !supports(mv, "2.59") {
                return Err(mv_error("2.59", "--marker option"));
            }
            q.push(("marker", m.to_string()));
        }
        let limit = self.page.limit();
        if let Some(l) = limit {
            if !supports(mv, "2.59") {
                return Err(mv_error("2.59", "--limit option"));
            }
            q.push(("limit", l.to_string()));
        }
        if let Some(s) = self.changes_since.as_deref().filter(|s| !s.is_empty()) {
            if !supports(mv, "2.59") {
                return Err(mv_error("2.59", "--changes-since option"));
            }
            q.push(("changes-since", s.to_string()));
        }
        if let Some(s) = self.changes_before.as_deref().filter(|s| !s.is_empty()) {
            if !supports(mv, "2.66") {
                return Err(mv_error("2.66", "--changes-before option"));
            }
            q.push(("changes-before", s.to_string()));
        }
        let project = self.project.as_deref().filter(|p| !p.is_empty());
        if let Some(p) = project {
            if !supports(mv, "2.80") {
                return Err(mv_error("2.80", "--project option"));
            }
            let id = find_project_id(ctx, p, self.project_domain.as_deref(), false)?;
            q.push(("project_id", id));
        }
        let user = self.user.as_deref().filter(|u| !u.is_empty());
        if let Some(u) = user {
            if !supports(mv, "2.80") {
                return Err(mv_error("2.80", "--user option"));
            }
            let id = find_user_id(ctx, u, self.user_domain.as_deref(), false)?;
            q.push(("user_id", id));
        }
        // openstacksdk asks for pages of --max-items when no --limit is given
        if limit.is_none()
            && let Some(n) = self.page.max_items.filter(|n| *n > 0)
        {
            q.push(("limit", n.to_string()));
        }
        let session = ctx.session()?;
        let compute = Compute::new(&session);
        let mut items = if limit.is_some() {
            ctx.block_on(compute.migrations_page(&q))?
        } else {
            ctx.block_on(compute.migrations(&q))?
        }
        .map_err(|e| sdk_error(e, None))?;
        self.page.truncate(&mut items);

        let mut cols: Vec<(&str, &str)> = vec![
            ("Source Node", "source_node"),
            ("Dest Node", "dest_node"),
            ("Source Compute", "source_compute"),
            ("Dest Compute", "dest_compute"),
            ("Dest Host", "dest_host"),
            ("Status", "status"),
            ("Server UUID", "server_id"),
            ("Old Flavor", "old_flavor_id"),
            ("New Flavor", "new_flavor_id"),
            ("Created At", "created_at"),
            ("Updated At", "updated_at"),
        ];
        if supports(mv, "2.59") {
            cols.insert(0, ("UUID", "uuid"));
        }
        if supports(mv, "2.23") {
            cols.insert(0, ("Id", "id"));
            cols.insert(cols.len() - 2, ("Type", "migration_type"));
        }
        if supports(mv, "2.80") {
            if project.is_some() {
                cols.insert(cols.len() - 2, ("Project", "project_id"));
            }
            if user.is_some() {
                cols.insert(cols.len() - 2, ("User", "user_id"));
            }
        }
        let rows = items
            .iter()
            .map(|m| cols.iter().map(|(_, a)| migration_cell(m, a)).collect())
            .collect();
        Ok(Output::List(Listing {
            columns: cols.iter().map(|(h, _)| h.to_string()).collect(),
            rows,
        }))
    }
}

/// Python's `str.isdigit()` for what a migration argument may be.
fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_numeric())
}

/// Python's `uuid.UUID(s)` acceptance: 32 hex digits, with or without hyphens, braces or a
/// `urn:uuid:` prefix.
fn is_uuid(s: &str) -> bool {
    let s = s.strip_prefix("urn:").unwrap_or(s);
    let s = s.strip_prefix("uuid:").unwrap_or(s);
    let s = s.trim_matches(|c| c == '{' || c == '}');
    let hex: String = s.chars().filter(|c| *c != '-').collect();
    hex.len() == 32 && hex.chars().all(|c| c.is_ascii_hexdigit())
}

/// Checks a `<migration>` argument as osc does; `by_uuid_msg` is the error when a UUID is
/// given below 2.59.
fn check_migration_arg(
    mv: Option<&str>,
    migration: &str,
    by_uuid_msg: &str,
) -> Result<(), CliError> {
    if !is_digits(migration) {
        if !is_uuid(migration) {
            return Err(CliError::Message(
                "The <migration> argument must be an ID or UUID".into(),
            ));
        }
        if !supports(mv, "2.59") {
            return Err(CliError::Message(by_uuid_msg.into()));
        }
    }
    Ok(())
}

/// The in-progress migration of a server with this UUID (nova cannot fetch one by UUID).
fn migration_by_uuid(ctx: &mut Context, server_id: &str, uuid: &str) -> Result<Value, CliError> {
    let session = ctx.session()?;
    let items = ctx
        .block_on(Compute::new(&session).server_migrations(server_id))?
        .map_err(|e| sdk_error(e, None))?;
    items
        .into_iter()
        .find(|m| m.get("uuid").and_then(Value::as_str) == Some(uuid))
        .ok_or_else(|| {
            CliError::Message(format!(
                "In-progress live migration {uuid} is not found for server {server_id}"
            ))
        })
}

/// The numeric ID of a migration given by ID or UUID.
fn migration_id(ctx: &mut Context, server_id: &str, migration: &str) -> Result<String, CliError> {
    if is_digits(migration) {
        return Ok(migration.to_string());
    }
    let m = migration_by_uuid(ctx, server_id, migration)?;
    Ok(match m.get("id") {
        Some(Value::String(s)) => s.clone(),
        Some(v) => v.to_string(),
        None => String::new(),
    })
}

/// Show an in-progress live migration for a given server.
/// Note that it is not possible to show cold migrations or completed live-migrations. Use 'openstack server migration list' to get details for these.
#[derive(clap::Args, Debug)]
pub struct ShowMigration {
    /// Server (name or ID)
    #[arg(value_name = "<server>")]
    server: String,
    /// Migration (ID)
    #[arg(value_name = "<migration>")]
    migration: String,
}

impl Command for ShowMigration {
    const WORDS: &'static str = "server migration show";
    const ABOUT: &'static str = "Show an in-progress live migration for a given server.\nNote that it is not possible to show cold migrations or completed live-migrations. Use 'openstack server migration list' to get details for these.";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mv = microversion(ctx)?;
        let mv = mv.as_deref();
        if !supports(mv, "2.24") {
            return Err(CliError::Message(
                "--os-compute-api-version 2.24 or greater is required to support the server migration show command".into(),
            ));
        }
        check_migration_arg(
            mv,
            &self.migration,
            "--os-compute-api-version 2.59 or greater is required to retrieve server migrations by UUID",
        )?;
        let server = id_of(&find_server(ctx, &self.server, false)?);
        let m = if is_digits(&self.migration) {
            let session = ctx.session()?;
            let missing = format!("No ServerMigration found for {}", self.migration);
            ctx.block_on(Compute::new(&session).get_server_migration(&server, &self.migration))?
                .map_err(|e| match e.status() {
                    Some(404) => sdk_error(e, Some(&missing)),
                    _ => sdk_error(e, None),
                })?
        } else {
            migration_by_uuid(ctx, &server, &self.migration)?
        };
        let mut cols: Vec<(&str, &str)> = vec![
            ("ID", "id"),
            ("Server UUID", "server_id"),
            ("Status", "status"),
            ("Source Compute", "source_compute"),
            ("Source Node", "source_node"),
            ("Dest Compute", "dest_compute"),
            ("Dest Host", "dest_host"),
            ("Dest Node", "dest_node"),
            ("Memory Total Bytes", "memory_total_bytes"),
            ("Memory Processed Bytes", "memory_processed_bytes"),
            ("Memory Remaining Bytes", "memory_remaining_bytes"),
            ("Disk Total Bytes", "disk_total_bytes"),
            ("Disk Processed Bytes", "disk_processed_bytes"),
            ("Disk Remaining Bytes", "disk_remaining_bytes"),
            ("Created At", "created_at"),
            ("Updated At", "updated_at"),
        ];
        if supports(mv, "2.59") {
            cols.push(("UUID", "uuid"));
        }
        if supports(mv, "2.80") {
            cols.extend([("User ID", "user_id"), ("Project ID", "project_id")]);
        }
        // osc asks for `server_id`, a URI attribute: the server given
        let fields = cols
            .into_iter()
            .map(|(h, a)| {
                let c = if a == "server_id" {
                    Cell::Str(server.clone())
                } else {
                    Cell::from_json(m.get(a).cloned().unwrap_or(Value::Null))
                };
                (h.to_string(), c)
            })
            .collect();
        Ok(Output::One(Record { fields }))
    }
}

/// The server ID and numeric migration ID of `server migration abort|force complete`,
/// after osc's checks (`wanted`: the command's minimum microversion).
fn live_migration_target(
    ctx: &mut Context,
    server: &str,
    migration: &str,
    wanted: &str,
    command: &str,
) -> Result<(String, String), CliError> {
    let mv = microversion(ctx)?;
    let mv = mv.as_deref();
    if !supports(mv, wanted) {
        return Err(CliError::Message(format!(
            "--os-compute-api-version {wanted} or greater is required to support the server migration {command} command"
        )));
    }
    check_migration_arg(
        mv,
        migration,
        "--os-compute-api-version 2.59 or greater is required to abort server migrations by UUID",
    )?;
    let server = id_of(&find_server(ctx, server, false)?);
    let id = migration_id(ctx, &server, migration)?;
    Ok((server, id))
}

macro_rules! live_migration_command {
    ($name:ident, $words:literal, $about:literal, $wanted:literal, $command:literal, $call:ident) => {
        #[doc = $about]
        #[derive(clap::Args, Debug)]
        pub struct $name {
            /// Server (name or ID)
            #[arg(value_name = "<server>")]
            server: String,
            /// Migration (ID)
            #[arg(value_name = "<migration>")]
            migration: String,
        }

        impl Command for $name {
            const WORDS: &'static str = $words;
            const ABOUT: &'static str = $about;
            const KIND: Kind = Kind::Plain;

            fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
                let (server, id) =
                    live_migration_target(ctx, &self.server, &self.migration, $wanted, $command)?;
                let session = ctx.session()?;
                ctx.block_on(Compute::new(&session).$call(&server, &id))?
                    .map_err(|e| sdk_error(e, None))?;
                Ok(Output::None)
            }
        }
    };
}

live_migration_command!(
    AbortMigration,
    "server migration abort",
    "Cancel an ongoing live migration.\nThis command requires ``--os-compute-api-version`` 2.24 or greater.",
    "2.24",
    "abort",
    abort_server_migration
);
live_migration_command!(
    ForceCompleteMigration,
    "server migration force complete",
    "Force an ongoing live migration to complete.\nThis command requires ``--os-compute-api-version`` 2.22 or greater.",
    "2.22",
    "force complete",
    force_complete_server_migration
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migration_arguments() {
        assert!(is_digits("42"));
        assert!(!is_digits(""));
        assert!(is_uuid("c2f1d947-e286-413e-8087-3261431d9638"));
        assert!(is_uuid("{c2f1d947e286413e80873261431d9638}"));
        assert!(!is_uuid("c2f1d947-e286"));
        assert!(check_migration_arg(Some("2.58"), "x", "").is_err());
        assert!(check_migration_arg(Some("2.58"), "7", "").is_ok());
        let e = check_migration_arg(Some("2.58"), "c2f1d947-e286-413e-8087-3261431d9638", "m");
        assert_eq!(e.unwrap_err().to_string(), "m");
    }

    #[test]
    fn migration_fields_use_sdk_names() {
        let m = serde_json::json!({"instance_uuid": "s", "old_instance_type_id": 1});
        assert_eq!(migration_cell(&m, "server_id"), Cell::Str("s".into()));
        assert_eq!(migration_cell(&m, "old_flavor_id"), Cell::Int(1));
    }
}
