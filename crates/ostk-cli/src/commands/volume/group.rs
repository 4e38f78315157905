//! `volume group …` (openstackclient/volume/v3/volume_group.py): create, delete, list, set,
//! show, failover, add volume, remove volume (generic volume groups, microversion 3.13+).

use super::{
    GROUP, GROUP_SNAPSHOT, GROUP_TYPE, TYPE, VOLUME, call, cell, find, id, require, require_command,
};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Listing, Record};
use ostk_sdk::client::{Method, Session};
use ostk_sdk::volume as cinder;
use serde_json::{Map, Value, json};

/// `_format_group`: (header, attribute) pairs.
const COLUMNS: [(&str, &str); 11] = [
    ("ID", "id"),
    ("Status", "status"),
    ("Name", "name"),
    ("Description", "description"),
    ("Group Type", "group_type"),
    ("Volume Types", "volume_types"),
    ("Availability Zone", "availability_zone"),
    ("Created At", "created_at"),
    ("Volumes", "volumes"),
    ("Group Snapshot ID", "group_snapshot_id"),
    ("Source Group ID", "source_group_id"),
];

fn record(g: &Value) -> Record {
    Record {
        fields: COLUMNS
            .iter()
            .map(|(h, k)| (h.to_string(), cell(g.get(*k))))
            .collect(),
    }
}

/// `GET /groups/{id}` (with `list_volume` when asked).
fn get(
    ctx: &mut Context,
    s: &Session,
    gid: &str,
    list_volume: Option<bool>,
) -> Result<Value, CliError> {
    let q: Vec<(&str, String)> = list_volume
        .map(|l| vec![("list_volume", if l { "True" } else { "False" }.to_string())])
        .unwrap_or_default();
    call(ctx, cinder::GROUPS.get_with_query(s, gid, &q))
}

/// `POST /groups/{id}/action` with `{name: args}`.
fn action(
    ctx: &mut Context,
    s: &Session,
    gid: &str,
    name: &str,
    args: Value,
) -> Result<(), CliError> {
    call(ctx, cinder::action(s, &cinder::GROUPS, gid, name, args)).map(drop)
}

/// Create a volume group.
///
/// Generic volume groups enable you to create a group of volumes and manage
/// them together.
///
/// Generic volume groups are more flexible than consistency groups. Currently
/// volume consistency groups only support consistent group snapshot. It
/// cannot be extended easily to serve other purposes. A project may want to
/// put volumes used in the same application together in a group so that it is
/// easier to manage them together, and this group of volumes may or may not
/// support consistent group snapshot. Generic volume group solve this problem.
/// By decoupling the tight relationship between the group construct and the
/// consistency concept, generic volume groups can be extended to support other
/// features in the future.
///
/// This command requires ``--os-volume-api-version`` 3.13 or greater.
#[derive(clap::Args, Debug)]
pub struct CreateVolumeGroup {
    // deprecated positional form: <volume_group_type> <volume_type>...
    #[arg(value_name = "<volume_group_type>", group = "source", hide = true)]
    volume_group_type_legacy: Option<String>,
    #[arg(value_name = "<volume_type>", group = "vtypes", hide = true)]
    volume_types_legacy: Vec<String>,
    /// Volume group type to use (name or ID)
    #[arg(long, value_name = "<volume_group_type>", group = "source")]
    volume_group_type: Option<String>,
    /// Volume type(s) to use (name or ID) (required with --volume-group-type)
    #[arg(long = "volume-type", value_name = "<volume_type>", group = "vtypes")]
    volume_types: Vec<String>,
    /// Existing volume group to use (name or ID) (supported by --os-volume-api-version 3.14
    /// or later)
    #[arg(long, value_name = "<source-group>", conflicts_with_all = ["volume_group_type", "volume_group_type_legacy", "group_snapshot"])]
    source_group: Option<String>,
    /// Existing group snapshot to use (name or ID) (supported by --os-volume-api-version
    /// 3.14 or later)
    #[arg(long, value_name = "<group-snapshot>", conflicts_with_all = ["volume_group_type", "volume_group_type_legacy"])]
    group_snapshot: Option<String>,
    /// Name of the volume group.
    #[arg(long, value_name = "<name>", verbatim_doc_comment)]
    name: Option<String>,
    /// Description of a volume group.
    #[arg(long, value_name = "<description>", verbatim_doc_comment)]
    description: Option<String>,
    /// Availability zone for volume group. (not available if creating group from source)
    #[arg(long, value_name = "<availability-zone>")]
    availability_zone: Option<String>,
}

impl Command for CreateVolumeGroup {
    const WORDS: &'static str = "volume group create";
    const ABOUT: &'static str = "Create a volume group.\n\nGeneric volume groups enable you to create a group of volumes and manage\nthem together.\n\nGeneric volume groups are more flexible than consistency groups. Currently\nvolume consistency groups only support consistent group snapshot. It\ncannot be extended easily to serve other purposes. A project may want to\nput volumes used in the same application together in a group so that it is\neasier to manage them together, and this group of volumes may or may not\nsupport consistent group snapshot. Generic volume group solve this problem.\nBy decoupling the tight relationship between the group construct and the\nconsistency concept, generic volume groups can be extended to support other\nfeatures in the future.\n\nThis command requires ``--os-volume-api-version`` 3.13 or greater.";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        if self.volume_group_type_legacy.is_some() {
            tracing::warn!(
                "Passing volume group type and volume types as positional arguments is \
                 deprecated. Use the --volume-group-type and --volume-type option arguments \
                 instead."
            );
        }
        let s = ctx.session()?;
        let group_type = self
            .volume_group_type
            .clone()
            .or(self.volume_group_type_legacy.clone());
        let mut types = self.volume_types.clone();
        types.extend(self.volume_types_legacy.iter().cloned());
        let cap = cinder::GROUPS.microversion;
        let created = if let Some(gt) = group_type {
            require_command(ctx, &s, "3.13", Self::WORDS)?;
            if types.is_empty() {
                return Err(CliError::Message(
                    "--volume-types is a required argument when creating a group from group \
                     type."
                        .into(),
                ));
            }
            let gtid = id(&find(ctx, GROUP_TYPE, &gt)?);
            let tids = types
                .iter()
                .map(|t| find(ctx, TYPE, t).map(|v| id(&v)))
                .collect::<Result<Vec<_>, _>>()?;
            let body = json!({ "group": {
                "group_type": gtid,
                "volume_types": tids,
                "name": self.name,
                "description": self.description,
                "availability_zone": self.availability_zone,
            }});
            call(
                ctx,
                cinder::call(&s, Method::POST, "groups", Some(body), cap),
            )?
        } else {
            let what = "'volume group create [--source-group|--group-snapshot]' command";
            require(ctx, &s, "3.14", what)?;
            if self.source_group.is_none() && self.group_snapshot.is_none() {
                return Err(CliError::Message(
                    "Either --source-group <source_group> or '--group-snapshot \
                     <group_snapshot>' needs to be provided to run the 'volume group create \
                     [--source-group|--group-snapshot]' command"
                        .into(),
                ));
            }
            if self.availability_zone.is_some() {
                tracing::warn!(
                    "'--availability-zone' option will not work if creating group from source."
                );
            }
            let src = match &self.source_group {
                Some(g) => Some(id(&find(ctx, GROUP, g)?)),
                None => None,
            };
            let snap = match &self.group_snapshot {
                Some(g) => Some(id(&find(ctx, GROUP_SNAPSHOT, g)?)),
                None => None,
            };
            let body = json!({ "create-from-src": {
                "name": self.name,
                "description": self.description,
                "group_snapshot_id": snap,
                "source_group_id": src,
            }});
            call(
                ctx,
                cinder::call(&s, Method::POST, "groups/action", Some(body), cap),
            )?
        };
        let gid = id(&created["group"]);
        Ok(Output::One(record(&get(ctx, &s, &gid, None)?)))
    }
}

/// Delete a volume group.
///
/// This command requires ``--os-volume-api-version`` 3.13 or greater.
#[derive(clap::Args, Debug)]
pub struct DeleteVolumeGroup {
    /// Name or ID of volume group to delete
    #[arg(value_name = "<group>")]
    group: String,
    /// Delete the volume group even if it contains volumes. This will delete any remaining volumes in the group.
    #[arg(long, verbatim_doc_comment)]
    force: bool,
}

impl Command for DeleteVolumeGroup {
    const WORDS: &'static str = "volume group delete";
    const ABOUT: &'static str = "Delete a volume group.\n\nThis command requires ``--os-volume-api-version`` 3.13 or greater.";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let s = ctx.session()?;
        require_command(ctx, &s, "3.13", Self::WORDS)?;
        let gid = id(&find(ctx, GROUP, &self.group)?);
        let args = json!({ "delete-volumes": self.force });
        action(ctx, &s, &gid, "delete", args)?;
        Ok(Output::None)
    }
}

/// Update a volume group.
///
/// This command requires ``--os-volume-api-version`` 3.13 or greater.
#[derive(clap::Args, Debug)]
pub struct SetVolumeGroup {
    /// Name or ID of volume group.
    #[arg(value_name = "<group>", verbatim_doc_comment)]
    group: String,
    /// New name for group.
    #[arg(long, value_name = "<name>", verbatim_doc_comment)]
    name: Option<String>,
    /// New description for group.
    #[arg(long, value_name = "<description>", verbatim_doc_comment)]
    description: Option<String>,
    /// Enable replication for group. (supported by --os-volume-api-version 3.38 or above)
    #[arg(long, group = "replication")]
    enable_replication: bool,
    /// Disable replication for group. (supported by --os-volume-api-version 3.38 or above)
    #[arg(long, group = "replication")]
    disable_replication: bool,
}

impl Command for SetVolumeGroup {
    const WORDS: &'static str = "volume group set";
    const ABOUT: &'static str = "Update a volume group.\n\nThis command requires ``--os-volume-api-version`` 3.13 or greater.";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let s = ctx.session()?;
        require_command(ctx, &s, "3.13", Self::WORDS)?;
        let mut g = find(ctx, GROUP, &self.group)?;
        let gid = id(&g);
        if self.enable_replication || self.disable_replication {
            require(
                ctx,
                &s,
                "3.38",
                "'--enable-replication' or '--disable-replication' options",
            )?;
            let name = if self.enable_replication {
                "enable_replication"
            } else {
                "disable_replication"
            };
            action(ctx, &s, &gid, name, Value::Null)?;
        }
        let mut attrs = Map::new();
        if let Some(n) = &self.name {
            attrs.insert("name".into(), json!(n));
        }
        if let Some(d) = &self.description {
            attrs.insert("description".into(), json!(d));
        }
        if !attrs.is_empty() {
            super::update(ctx, &s, &cinder::GROUPS, &gid, attrs.clone())?;
            // cinder answers 202 without a body: openstacksdk shows what it sent
            if let Some(o) = g.as_object_mut() {
                o.extend(attrs);
            }
        }
        Ok(Output::One(record(&g)))
    }
}

/// Lists all volume groups.
///
/// This command requires ``--os-volume-api-version`` 3.13 or greater.
#[derive(clap::Args, Debug)]
pub struct ListVolumeGroup {
    /// Shows details for all projects (admin only).
    #[arg(long, verbatim_doc_comment)]
    all_projects: bool,
}

impl Command for ListVolumeGroup {
    const WORDS: &'static str = "volume group list";
    const ABOUT: &'static str = "Lists all volume groups.\n\nThis command requires ``--os-volume-api-version`` 3.13 or greater.";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let s = ctx.session()?;
        require_command(ctx, &s, "3.13", Self::WORDS)?;
        let all = self.all_projects || crate::commands::compute::server::all_projects_env(ctx);
        let q: Vec<(&str, String)> = if all {
            vec![("all_tenants", "True".into())]
        } else {
            Vec::new()
        };
        let rows = call(ctx, cinder::GROUPS_DETAIL.list(&s, &q))?
            .iter()
            .map(|g| {
                ["id", "status", "name"]
                    .iter()
                    .map(|k| cell(g.get(*k)))
                    .collect()
            })
            .collect();
        Ok(Output::List(Listing {
            columns: ["ID", "Status", "Name"].map(String::from).to_vec(),
            rows,
        }))
    }
}

/// Show detailed information for a volume group.
///
/// This command requires ``--os-volume-api-version`` 3.13 or greater.
#[derive(clap::Args, Debug)]
pub struct ShowVolumeGroup {
    /// Name or ID of volume group.
    #[arg(value_name = "<group>", verbatim_doc_comment)]
    group: String,
    /// Show volumes included in the group. (supported by --os-volume-api-version 3.25 or
    /// above)
    #[arg(long, overrides_with = "no_volumes")]
    volumes: bool,
    /// Do not show volumes included in the group. (supported by --os-volume-api-version 3.25
    /// or above)
    #[arg(long, overrides_with = "volumes")]
    no_volumes: bool,
    /// Show replication targets for the group. (supported by --os-volume-api-version 3.38 or
    /// above)
    #[arg(long, overrides_with = "no_replication_targets")]
    replication_targets: bool,
    /// Do not show replication targets for the group. (supported by --os-volume-api-version
    /// 3.38 or above)
    #[arg(long, overrides_with = "replication_targets")]
    no_replication_targets: bool,
}

impl Command for ShowVolumeGroup {
    const WORDS: &'static str = "volume group show";
    const ABOUT: &'static str = "Show detailed information for a volume group.\n\nThis command requires ``--os-volume-api-version`` 3.13 or greater.";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let s = ctx.session()?;
        require_command(ctx, &s, "3.13", Self::WORDS)?;
        let show_volumes = (self.volumes || self.no_volumes).then_some(self.volumes);
        if show_volumes.is_some() {
            require(ctx, &s, "3.25", "'--(no-)volumes' option")?;
        }
        if self.replication_targets || self.no_replication_targets {
            require(ctx, &s, "3.38", "'--(no-)replication-targets' option")?;
        }
        let mut g = find(ctx, GROUP, &self.group)?;
        if show_volumes.is_some() {
            g = get(ctx, &s, &id(&g), show_volumes)?;
        }
        Ok(Output::One(record(&g)))
    }
}

/// Failover replication for a volume group.
///
/// This command requires ``--os-volume-api-version`` 3.38 or greater.
#[derive(clap::Args, Debug)]
pub struct FailoverVolumeGroup {
    /// Name or ID of volume group to failover replication for.
    #[arg(value_name = "<group>", verbatim_doc_comment)]
    group: String,
    /// Allow group with attached volumes to be failed over.
    #[arg(
        long,
        overrides_with = "disallow_attached_volume",
        verbatim_doc_comment
    )]
    allow_attached_volume: bool,
    /// Disallow group with attached volumes to be failed over.
    #[arg(long, overrides_with = "allow_attached_volume", verbatim_doc_comment)]
    disallow_attached_volume: bool,
    /// Secondary backend ID.
    #[arg(long, value_name = "<backend_id>", verbatim_doc_comment)]
    secondary_backend_id: Option<String>,
}

impl Command for FailoverVolumeGroup {
    const WORDS: &'static str = "volume group failover";
    const ABOUT: &'static str = "Failover replication for a volume group.\n\nThis command requires ``--os-volume-api-version`` 3.38 or greater.";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let _ = self.disallow_attached_volume;
        let s = ctx.session()?;
        require_command(ctx, &s, "3.38", Self::WORDS)?;
        let gid = id(&find(ctx, GROUP, &self.group)?);
        // cinder's action name (openstacksdk 4.22 sends a placeholder key cinder rejects)
        let args = json!({
            "allow_attached_volume": self.allow_attached_volume,
            "secondary_backend_id": self.secondary_backend_id,
        });
        action(ctx, &s, &gid, "failover_replication", args)?;
        Ok(Output::None)
    }
}

/// `volume group add volume` / `remove volume`: `PUT /groups/{id}` with the volume IDs.
fn change_volumes(
    ctx: &mut Context,
    group: &str,
    volumes: &[String],
    key: &str,
) -> Result<Output, CliError> {
    let s = ctx.session()?;
    let gid = id(&find(ctx, GROUP, group)?);
    let ids = volumes
        .iter()
        .map(|v| find(ctx, VOLUME, v).map(|x| id(&x)))
        .collect::<Result<Vec<_>, _>>()?;
    super::update(
        ctx,
        &s,
        &cinder::GROUPS,
        &gid,
        Map::from_iter([(key.to_string(), json!(ids.join(",")))]),
    )?;
    Ok(Output::None)
}

/// Add volume(s) to volume group.
#[derive(clap::Args, Debug)]
pub struct AddVolumesToGroup {
    /// Name or ID of the volume group.
    #[arg(value_name = "<group>", verbatim_doc_comment)]
    group: String,
    /// Volume(s) to add to the group (name or ID)
    #[arg(value_name = "<volume>", required = true, num_args = 1..)]
    volumes: Vec<String>,
}

impl Command for AddVolumesToGroup {
    const WORDS: &'static str = "volume group add volume";
    const ABOUT: &'static str = "Add volume(s) to volume group.";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        change_volumes(ctx, &self.group, &self.volumes, "add_volumes")
    }
}

/// Remove volume(s) from volume group.
#[derive(clap::Args, Debug)]
pub struct RemoveVolumesFromGroup {
    /// Name or ID of the volume group.
    #[arg(value_name = "<group>", verbatim_doc_comment)]
    group: String,
    /// Volume(s) to remove from the group (name or ID)
    #[arg(value_name = "<volume>", required = true, num_args = 1..)]
    volumes: Vec<String>,
}

impl Command for RemoveVolumesFromGroup {
    const WORDS: &'static str = "volume group remove volume";
    const ABOUT: &'static str = "Remove volume(s) from volume group.";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        change_volumes(ctx, &self.group, &self.volumes, "remove_volumes")
    }
}
