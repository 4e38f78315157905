//! `volume backup …` (openstackclient/volume/v3/volume_backup.py and backup_record.py): create,
//! delete, list, restore, set, unset, show, record export/import, in one file (they share the
//! lookup, the microversion checks and the record shape).

use super::{
    BACKUP, SNAPSHOT, VOLUME, call, cell, find, find_in, id, props, require, sdk, sorted_record,
};
use crate::commands::common::bulk;
use crate::commands::compute::common::MarkerPagination;
use crate::commands::identity::common::find_project_id;
use crate::commands::image::parse_key_value;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Listing, Record};
use ostk_sdk::client::Method;
use ostk_sdk::volume as cinder;
use serde_json::{Map, Value, json};

/// openstacksdk `Backup` attributes `volume backup show` prints, in its order.
const SHOW: [&str; 20] = [
    "availability_zone",
    "container",
    "created_at",
    "data_timestamp",
    "description",
    "encryption_key_id",
    "fail_reason",
    "has_dependent_backups",
    "id",
    "is_incremental",
    "metadata",
    "name",
    "object_count",
    "project_id",
    "size",
    "snapshot_id",
    "status",
    "updated_at",
    "user_id",
    "volume_id",
];

/// An attribute of a backup under openstacksdk's name (`project_id` is sent as
/// `os-backup-project-attr:project_id`).
fn attr<'a>(b: &'a Value, k: &str) -> Option<&'a Value> {
    match k {
        "project_id" => b.get("os-backup-project-attr:project_id"),
        _ => b.get(k),
    }
}

fn record(b: &Value, keys: &[&str]) -> Record {
    Record {
        fields: keys
            .iter()
            .map(|k| (k.to_string(), cell(attr(b, k))))
            .collect(),
    }
}

/// Create new volume backup
#[derive(clap::Args, Debug)]
pub struct CreateVolumeBackup {
    /// Volume to backup (name or ID)
    #[arg(value_name = "<volume>")]
    volume: String,
    /// Name of the backup
    #[arg(long, value_name = "<name>")]
    name: Option<String>,
    /// Description of the backup
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    /// Optional backup container name
    #[arg(long, value_name = "<container>")]
    container: Option<String>,
    /// Snapshot to backup (name or ID)
    #[arg(long, value_name = "<snapshot>")]
    snapshot: Option<String>,
    /// Allow to back up an in-use volume
    #[arg(long)]
    force: bool,
    /// Perform an incremental backup
    #[arg(long)]
    incremental: bool,
    /// Do not perform an incremental backup
    // argparse store_false into its own dest: it never clears --incremental
    #[arg(long)]
    no_incremental: bool,
    /// Set a property on this backup (repeat option to remove multiple values) (supported by
    /// --os-volume-api-version 3.43 or above)
    #[arg(long, value_name = "<key=value>", value_parser = parse_key_value,
          action = clap::ArgAction::Append)]
    property: Vec<(String, String)>,
    /// AZ where the backup should be stored; by default it will be the same as the source
    /// (supported by --os-volume-api-version 3.51 or above)
    #[arg(long, value_name = "<zone-name>")]
    availability_zone: Option<String>,
}

impl Command for CreateVolumeBackup {
    const WORDS: &'static str = "volume backup create";
    const ABOUT: &'static str = "Create new volume backup";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let _ = self.no_incremental;
        let vid = id(&find(ctx, VOLUME, &self.volume)?);
        let s = ctx.session()?;
        let mut attrs = Map::new();
        attrs.insert("volume_id".into(), json!(vid));
        attrs.insert("container".into(), json!(self.container));
        attrs.insert("name".into(), json!(self.name));
        attrs.insert("description".into(), json!(self.description));
        attrs.insert("force".into(), json!(self.force));
        attrs.insert("incremental".into(), json!(self.incremental));
        if let Some(sn) = &self.snapshot {
            attrs.insert("snapshot_id".into(), json!(id(&find(ctx, SNAPSHOT, sn)?)));
        }
        if !self.property.is_empty() {
            require(ctx, &s, "3.43", "--property option")?;
            attrs.insert("metadata".into(), Value::Object(props(&self.property)));
        }
        if let Some(az) = &self.availability_zone {
            require(ctx, &s, "3.51", "--availability-zone option")?;
            attrs.insert("availability_zone".into(), json!(az));
        }
        let body = json!({ "backup": attrs });
        let cap = cinder::BACKUPS.microversion;
        let mut v = call(
            ctx,
            cinder::call(&s, Method::POST, "backups", Some(body), cap),
        )?
        .get("backup")
        .cloned()
        .unwrap_or(Value::Null);
        // openstacksdk keeps the request's attributes on the resource it returns
        if let Some(o) = v.as_object_mut() {
            o.entry("volume_id").or_insert(json!(vid));
        }
        Ok(Output::One(record(&v, &["id", "name", "volume_id"])))
    }
}

/// Delete volume backup(s)
#[derive(clap::Args, Debug)]
pub struct DeleteVolumeBackup {
    /// Backup(s) to delete (name or ID)
    #[arg(value_name = "<backup>", required = true, num_args = 1..)]
    backups: Vec<String>,
    /// Allow delete in state other than error or available
    #[arg(long)]
    force: bool,
}

impl Command for DeleteVolumeBackup {
    const WORDS: &'static str = "volume backup delete";
    const ABOUT: &'static str = "Delete volume backup(s)";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let force = self.force;
        let results = bulk::each(ctx, &self.backups, |s, name| async move {
            let bid = id(&find_in(&s, BACKUP, &name, &[]).await?);
            if force {
                cinder::action(&s, &cinder::BACKUPS, &bid, "os-force_delete", Value::Null)
                    .await
                    .map(drop)
            } else {
                cinder::BACKUPS.delete(&s, &bid).await
            }
            .map_err(sdk)
        })?;
        bulk::summarize(&self.backups, results, "backups", |item, e| {
            format!("Failed to delete backup with name or ID '{item}': {e}")
        })?;
        Ok(Output::None)
    }
}

/// `--status` choices of `volume backup list`.
const LIST_STATES: [&str; 6] = [
    "creating",
    "available",
    "deleting",
    "error",
    "restoring",
    "error_restoring",
];

/// List volume backups
#[derive(clap::Args, Debug)]
pub struct ListVolumeBackup {
    /// Filter results by project (name or ID) (admin only)
    #[arg(long, value_name = "<project>")]
    project: Option<String>,
    /// List additional fields in output
    #[arg(long)]
    long: bool,
    /// Filters results by the backup name
    #[arg(long, value_name = "<name>")]
    name: Option<String>,
    /// Filters results by the backup status, one of: creating, available, deleting, error,
    /// restoring or error_restoring
    #[arg(long, value_name = "<status>", value_parser = LIST_STATES, hide_possible_values = true)]
    status: Option<String>,
    /// Filters results by the volume which they backup (name or ID)
    #[arg(long, value_name = "<volume>")]
    volume: Option<String>,
    #[command(flatten)]
    page: MarkerPagination,
    /// Include all projects (admin only)
    #[arg(long)]
    all_projects: bool,
}

impl Command for ListVolumeBackup {
    const WORDS: &'static str = "volume backup list";
    const ABOUT: &'static str = "List volume backups";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let s = ctx.session()?;
        let names = super::volume_names(ctx, &s);
        let mut q: Vec<(&str, String)> = Vec::new();
        if let Some(p) = &self.project {
            q.push(("project_id", find_project_id(ctx, p, None, true)?));
        }
        if self.project.is_some() || self.all_projects {
            q.push(("all_tenants", "True".into()));
        }
        if let Some(v) = &self.volume {
            // OSC means to fall back to the string given, but catches the wrong exception
            q.push(("volume_id", id(&find(ctx, VOLUME, v)?)));
        }
        if let Some(m) = self.page.marker() {
            q.push(("marker", id(&find(ctx, BACKUP, m)?)));
        }
        if let Some(n) = &self.name {
            q.push(("name", n.clone()));
        }
        if let Some(st) = &self.status {
            q.push(("status", st.clone()));
        }
        if let Some(l) = self.page.limit() {
            q.push(("limit", l.to_string()));
        }
        let mut backups = call(ctx, cinder::BACKUPS_DETAIL.list(&s, &q))?;
        self.page.truncate(&mut backups);
        let mut columns = vec![
            "ID",
            "Name",
            "Description",
            "Status",
            "Size",
            "Incremental",
            "Created At",
        ];
        if self.long {
            columns.extend(["Availability Zone", "Volume", "Container"]);
        }
        let keys = [
            "id",
            "name",
            "description",
            "status",
            "size",
            "is_incremental",
            "created_at",
        ];
        let rows = backups
            .iter()
            .map(|b| {
                let mut row: Vec<Cell> = keys.iter().map(|k| cell(b.get(*k))).collect();
                if self.long {
                    row.push(cell(b.get("availability_zone")));
                    row.push(super::volume_name_cell(&names, b.get("volume_id")));
                    row.push(cell(b.get("container")));
                }
                row
            })
            .collect();
        Ok(Output::List(Listing {
            columns: columns.into_iter().map(String::from).collect(),
            rows,
        }))
    }
}

/// Restore volume backup
#[derive(clap::Args, Debug)]
pub struct RestoreVolumeBackup {
    /// Backup to restore (name or ID)
    #[arg(value_name = "<backup>")]
    backup: String,
    /// Volume to restore to (name or ID for existing volume, name only for new volume)
    /// (default to None)
    #[arg(value_name = "<volume>")]
    volume: Option<String>,
    /// Restore the backup to an existing volume (default to False)
    #[arg(long)]
    force: bool,
}

impl Command for RestoreVolumeBackup {
    const WORDS: &'static str = "volume backup restore";
    const ABOUT: &'static str = "Restore volume backup";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let bid = id(&find(ctx, BACKUP, &self.backup)?);
        let mut target = Map::new();
        if let Some(v) = &self.volume {
            // an existing volume is restored into only with --force; any other name is new
            match find(ctx, VOLUME, v) {
                Ok(found) if self.force => {
                    target.insert("volume_id".into(), json!(id(&found)));
                }
                Ok(_) => {
                    return Err(CliError::Message(format!(
                        "Volume '{v}' already exists; if you want to restore the backup to it \
                         you need to specify the '--force' option"
                    )));
                }
                Err(_) => {
                    target.insert("name".into(), json!(v));
                }
            }
        }
        if target.is_empty() {
            return Err(CliError::Message(
                "Either of `name` or `volume_id` must be specified.".into(),
            ));
        }
        let s = ctx.session()?;
        let path = format!("{}/restore", cinder::item_path("backups", &bid));
        let body = json!({ "restore": target });
        let cap = cinder::BACKUPS.microversion;
        let v = call(ctx, cinder::call(&s, Method::POST, &path, Some(body), cap))?;
        let mut r = v.get("restore").cloned().unwrap_or(Value::Null);
        if let Some(o) = r.as_object_mut() {
            // openstacksdk reads the answer into the backup resource: backup_id is its id
            let b = o.remove("backup_id").unwrap_or(json!(bid));
            o.insert("id".into(), b);
        }
        Ok(Output::One(record(&r, &["id", "volume_id", "volume_name"])))
    }
}

/// Set volume backup properties
#[derive(clap::Args, Debug)]
pub struct SetVolumeBackup {
    /// Backup to modify (name or ID)
    #[arg(value_name = "<backup>")]
    backup: String,
    /// New backup name (supported by --os-volume-api-version 3.9 or above)
    #[arg(long, value_name = "<name>")]
    name: Option<String>,
    /// New backup description (supported by --os-volume-api-version 3.9 or above)
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    /// New backup state ("available" or "error") (admin only) (This option simply changes the
    /// state of the backup in the database with no regard to actual status; exercise caution
    /// when using)
    #[arg(long, value_name = "<state>", value_parser = ["available", "error"],
          hide_possible_values = true)]
    state: Option<String>,
    /// Remove all properties from this backup (specify both --no-property and --property to
    /// remove the current properties before setting new properties)
    #[arg(long)]
    no_property: bool,
    /// Set a property on this backup (repeat option to set multiple values) (supported by
    /// --os-volume-api-version 3.43 or above)
    #[arg(long, value_name = "<key=value>", value_parser = parse_key_value,
          action = clap::ArgAction::Append)]
    property: Vec<(String, String)>,
}

impl Command for SetVolumeBackup {
    const WORDS: &'static str = "volume backup set";
    const ABOUT: &'static str = "Set volume backup properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let b = find(ctx, BACKUP, &self.backup)?;
        let bid = id(&b);
        let s = ctx.session()?;
        let mut failed = 0;
        if let Some(st) = &self.state {
            let f = [("status", st.as_str())];
            let r = call(
                ctx,
                cinder::volumes::reset_status(&s, &cinder::BACKUPS, &bid, &f),
            );
            super::set::step(&mut failed, "Failed to set backup state", r);
        }
        let mut attrs = Map::new();
        if let Some(n) = self.name.as_ref().filter(|n| !n.is_empty()) {
            require(ctx, &s, "3.9", "--name option")?;
            attrs.insert("name".into(), json!(n));
        }
        if let Some(d) = self.description.as_ref().filter(|d| !d.is_empty()) {
            require(ctx, &s, "3.9", "--description option")?;
            attrs.insert("description".into(), json!(d));
        }
        if self.no_property {
            require(ctx, &s, "3.43", "--no-property option")?;
        }
        if !self.property.is_empty() {
            require(ctx, &s, "3.43", "--property option")?;
        }
        // from 3.43 OSC always sends the (merged) metadata, even when only renaming
        if call(ctx, cinder::supports(&s, "3.43"))? {
            let mut m = match (self.no_property, b.get("metadata")) {
                (false, Some(Value::Object(m))) => m.clone(),
                _ => Map::new(),
            };
            m.extend(props(&self.property));
            attrs.insert("metadata".into(), Value::Object(m));
        }
        if !attrs.is_empty() {
            let r = super::update(ctx, &s, &cinder::BACKUPS, &bid, attrs).map(drop);
            super::set::step(&mut failed, "Failed to update backup", r);
        }
        if failed > 0 {
            return Err(CliError::Message(
                "One or more of the set operations failed".into(),
            ));
        }
        Ok(Output::None)
    }
}

/// Unset volume backup properties.
///
/// This command requires ``--os-volume-api-version`` 3.43 or greater.
#[derive(clap::Args, Debug)]
pub struct UnsetVolumeBackup {
    /// Backup to modify (name or ID)
    #[arg(value_name = "<backup>")]
    backup: String,
    /// Property to remove from this backup (repeat option to unset multiple values)
    #[arg(long, value_name = "<key>")]
    property: Vec<String>,
}

impl Command for UnsetVolumeBackup {
    const WORDS: &'static str = "volume backup unset";
    const ABOUT: &'static str = "Unset volume backup properties.\n\nThis command requires ``--os-volume-api-version`` 3.43 or greater.";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let s = ctx.session()?;
        require(ctx, &s, "3.43", "--property option")?;
        let b = find(ctx, BACKUP, &self.backup)?;
        let mut m = b
            .get("metadata")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default();
        for k in &self.property {
            if m.remove(k).is_none() {
                tracing::warn!("'{k}' is not a valid property for backup '{}'", self.backup);
            }
        }
        // cinder has no per-key backup metadata API (OSC 10.5 calls one and then deletes the
        // keys to keep): the remaining metadata replaces the backup's
        super::update(
            ctx,
            &s,
            &cinder::BACKUPS,
            &id(&b),
            Map::from_iter([("metadata".into(), Value::Object(m))]),
        )?;
        Ok(Output::None)
    }
}

/// Display volume backup details
#[derive(clap::Args, Debug)]
pub struct ShowVolumeBackup {
    /// Backup to display (name or ID)
    #[arg(value_name = "<backup>")]
    backup: String,
}

impl Command for ShowVolumeBackup {
    const WORDS: &'static str = "volume backup show";
    const ABOUT: &'static str = "Display volume backup details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let b = find(ctx, BACKUP, &self.backup)?;
        Ok(Output::One(record(&b, &SHOW)))
    }
}

/// Export volume backup details.
///
/// Backup information can be imported into a new service instance to be able to
/// restore.
#[derive(clap::Args, Debug)]
pub struct ExportBackupRecord {
    /// Backup to export (name or ID)
    #[arg(value_name = "<backup>")]
    backup: String,
}

impl Command for ExportBackupRecord {
    const WORDS: &'static str = "volume backup record export";
    const ABOUT: &'static str = "Export volume backup details.\n\nBackup information can be imported into a new service instance to be able to\nrestore.";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let bid = id(&find(ctx, BACKUP, &self.backup)?);
        let s = ctx.session()?;
        let path = format!("{}/export_record", cinder::item_path("backups", &bid));
        let v = call(ctx, cinder::call(&s, Method::GET, &path, None, None))?;
        let table = ctx
            .matches
            .as_ref()
            .and_then(|m| m.try_get_one::<String>("format").ok().flatten())
            .is_none_or(|f| f == "table");
        let mut fields = Vec::new();
        for (k, val) in v["backup-record"].as_object().cloned().unwrap_or_default() {
            // "friendly" names in tables only, cinderclient's keys elsewhere (as OSC)
            let k = match k.as_str() {
                "backup_service" if table => "Backup Service".to_string(),
                "backup_url" if table => "Metadata".to_string(),
                _ => k,
            };
            fields.push((k, cell(Some(&val))));
        }
        Ok(Output::One(sorted_record(fields)))
    }
}

/// Import volume backup details.
///
/// Exported backup details contain the metadata necessary to restore to a new or
/// rebuilt service instance
#[derive(clap::Args, Debug)]
pub struct ImportBackupRecord {
    /// Backup service containing the backup.
    #[arg(value_name = "<backup_service>", verbatim_doc_comment)]
    backup_service: String,
    /// Encoded backup metadata from export.
    #[arg(value_name = "<backup_metadata>", verbatim_doc_comment)]
    backup_metadata: String,
}

impl Command for ImportBackupRecord {
    const WORDS: &'static str = "volume backup record import";
    const ABOUT: &'static str = "Import volume backup details.\n\nExported backup details contain the metadata necessary to restore to a new or\nrebuilt service instance";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let s = ctx.session()?;
        // openstacksdk 4.22 posts this to backups/export_record with its own path as the URL
        // (a bug that makes the reference fail); cinder's API is import_record
        let body = json!({ "backup-record": {
            "backup_service": self.backup_service,
            "backup_url": self.backup_metadata,
        }});
        let cap = cinder::BACKUPS.microversion;
        let path = "backups/import_record";
        let v = call(ctx, cinder::call(&s, Method::POST, path, Some(body), cap))?;
        let fields = v["backup"]
            .as_object()
            .cloned()
            .unwrap_or_default()
            .into_iter()
            .filter(|(k, _)| k != "links")
            .map(|(k, val)| (k, cell(Some(&val))))
            .collect();
        Ok(Output::One(sorted_record(fields)))
    }
}
