//! `server add|remove volume`, `server volume list|set|update` (openstackclient/compute/v2/
//! server.py AddServerVolume, RemoveServerVolume; server_volume.py): nova's
//! os-volume_attachments, volumes looked up in cinder.

use super::{find_server, id_of, microversion, supports};
use crate::commands::identity::common::sdk_error;
use crate::commands::volume::{VOLUME, find as find_volume};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Listing, Record};
use ostk_sdk::compute::Compute;
use serde_json::{Map, Value, json};

/// A field of an attachment as openstacksdk names it: `server_id` is the server asked
/// about (a URI attribute), `volume_id` nova's `volumeId`, `bdm_id` its `bdm_uuid`.
fn attachment_cell(a: &Value, server_id: &str, attr: &str) -> Cell {
    let key = match attr {
        "server_id" => return Cell::Str(server_id.to_string()),
        "volume_id" => "volumeId",
        "bdm_id" => "bdm_uuid",
        other => other,
    };
    Cell::from_json(a.get(key).cloned().unwrap_or(Value::Null))
}

fn mv_error(wanted: &str, what: &str) -> CliError {
    CliError::Message(format!(
        "--os-compute-api-version {wanted} or greater is required to support the {what}"
    ))
}

/// Add volume to server.
/// Specify ``--os-compute-api-version 2.20`` or higher to add a volume to a server with status ``SHELVED`` or ``SHELVED_OFFLOADED``.
#[derive(clap::Args, Debug)]
pub struct AddServerVolume {
    /// Server (name or ID)
    #[arg(value_name = "<server>")]
    server: String,
    /// Volume to add (name or ID)
    #[arg(value_name = "<volume>")]
    volume: String,
    /// Server internal device name for volume
    #[arg(long, value_name = "<device>")]
    device: Option<String>,
    /// Tag for the attached volume (supported by --os-compute-api-version 2.49 or above)
    #[arg(long, value_name = "<tag>")]
    tag: Option<String>,
    /// Delete the volume when the server is destroyed (supported by --os-compute-api-version 2.79 or above)
    #[arg(long, group = "termination")]
    enable_delete_on_termination: bool,
    /// Do not delete the volume when the server is destroyed (supported by --os-compute-api-version 2.79 or above)
    #[arg(long, group = "termination")]
    disable_delete_on_termination: bool,
}

impl Command for AddServerVolume {
    const WORDS: &'static str = "server add volume";
    const ABOUT: &'static str = "Add volume to server.\nSpecify ``--os-compute-api-version 2.20`` or higher to add a volume to a server with status ``SHELVED`` or ``SHELVED_OFFLOADED``.";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let server = id_of(&find_server(ctx, &self.server, false)?);
        let volume = id_of(&find_volume(ctx, VOLUME, &self.volume)?);
        let mv = microversion(ctx)?;
        let mv = mv.as_deref();
        let mut attrs = Map::new();
        attrs.insert("volumeId".into(), json!(volume));
        attrs.insert("device".into(), json!(self.device));
        if let Some(t) = self.tag.filter(|t| !t.is_empty()) {
            if !supports(mv, "2.49") {
                return Err(mv_error("2.49", "--tag option"));
            }
            attrs.insert("tag".into(), json!(t));
        }
        for (on, flag, value) in [
            (self.enable_delete_on_termination, "enable", true),
            (self.disable_delete_on_termination, "disable", false),
        ] {
            if on {
                if !supports(mv, "2.79") {
                    return Err(mv_error(
                        "2.79",
                        &format!("--{flag}-delete-on-termination option."),
                    ));
                }
                attrs.insert("delete_on_termination".into(), json!(value));
            }
        }
        let session = ctx.session()?;
        let att = ctx
            .block_on(Compute::new(&session).create_volume_attachment(&server, attrs))?
            .map_err(|e| sdk_error(e, None))?;
        let mut cols = vec![
            ("ID", "id"),
            ("Server ID", "server_id"),
            ("Volume ID", "volume_id"),
            ("Device", "device"),
        ];
        if supports(mv, "2.49") {
            cols.push(("Tag", "tag"));
        }
        if supports(mv, "2.79") {
            cols.push(("Delete On Termination", "delete_on_termination"));
        }
        let fields = cols
            .into_iter()
            .map(|(h, a)| (h.to_string(), attachment_cell(&att, &server, a)))
            .collect();
        Ok(Output::One(Record { fields }))
    }
}

/// Remove volume from server.
/// Specify ``--os-compute-api-version 2.20`` or higher to remove a volume from a server with status ``SHELVED`` or ``SHELVED_OFFLOADED``.
#[derive(clap::Args, Debug)]
pub struct RemoveServerVolume {
    /// Server (name or ID)
    #[arg(value_name = "<server>")]
    server: String,
    /// Volume to remove (name or ID)
    #[arg(value_name = "<volume>")]
    volume: String,
}

impl Command for RemoveServerVolume {
    const WORDS: &'static str = "server remove volume";
    const ABOUT: &'static str = "Remove volume from server.\nSpecify ``--os-compute-api-version 2.20`` or higher to remove a volume from a server with status ``SHELVED`` or ``SHELVED_OFFLOADED``.";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let server = id_of(&find_server(ctx, &self.server, false)?);
        let volume = id_of(&find_volume(ctx, VOLUME, &self.volume)?);
        let session = ctx.session()?;
        ctx.block_on(Compute::new(&session).delete_volume_attachment(&server, &volume))?
            .map_err(|e| sdk_error(e, None))?;
        Ok(Output::None)
    }
}

/// List all the volumes attached to a server.
#[derive(clap::Args, Debug)]
pub struct ListServerVolume {
    /// Server to list volume attachments for (name or ID)
    #[arg(value_name = "server")]
    server: String,
}

impl Command for ListServerVolume {
    const WORDS: &'static str = "server volume list";
    const ABOUT: &'static str = "List all the volumes attached to a server.";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let server = id_of(&find_server(ctx, &self.server, false)?);
        let session = ctx.session()?;
        let items = ctx
            .block_on(Compute::new(&session).volume_attachments(&server))?
            .map_err(|e| sdk_error(e, None))?;
        let mv = microversion(ctx)?;
        let mv = mv.as_deref();
        let mut cols: Vec<(&str, &str)> = Vec::new();
        if !supports(mv, "2.89") {
            cols.push(("ID", "id"));
        }
        cols.extend([
            ("Device", "device"),
            ("Server ID", "server_id"),
            ("Volume ID", "volume_id"),
        ]);
        if supports(mv, "2.70") {
            cols.push(("Tag", "tag"));
        }
        if supports(mv, "2.79") {
            cols.push(("Delete On Termination?", "delete_on_termination"));
        }
        if supports(mv, "2.89") {
            cols.extend([
                ("Attachment ID", "attachment_id"),
                ("BlockDeviceMapping UUID", "bdm_id"),
            ]);
        }
        let rows = items
            .iter()
            .map(|a| {
                cols.iter()
                    .map(|(_, attr)| attachment_cell(a, &server, attr))
                    .collect()
            })
            .collect();
        Ok(Output::List(Listing {
            columns: cols.iter().map(|(h, _)| h.to_string()).collect(),
            rows,
        }))
    }
}

/// The arguments of `server volume set` and its deprecated alias `server volume update`.
#[derive(clap::Args, Debug)]
pub struct VolumeSetArgs {
    /// Server to update volume for (name or ID)
    #[arg(value_name = "server")]
    server: String,
    /// Volume to update attachment for (name or ID)
    #[arg(value_name = "volume")]
    volume: String,
    /// Delete the volume when the server is destroyed (supported by --os-compute-api-version 2.85 or above)
    #[arg(long, group = "termination")]
    delete_on_termination: bool,
    /// Preserve the volume when the server is destroyed (supported by --os-compute-api-version 2.85 or above)
    #[arg(long, group = "termination")]
    preserve_on_termination: bool,
}

impl VolumeSetArgs {
    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let delete = if self.delete_on_termination {
            true
        } else if self.preserve_on_termination {
            false
        } else {
            // osc does nothing at all (not even the lookups) without either option
            return Ok(Output::None);
        };
        let mv = microversion(ctx)?;
        if !supports(mv.as_deref(), "2.85") {
            return Err(CliError::Message(
                "--os-compute-api-version 2.85 or greater is required to support the -delete-on-termination or --preserve-on-termination option".into(),
            ));
        }
        let server = id_of(&find_server(ctx, &self.server, false)?);
        let volume = id_of(&find_volume(ctx, VOLUME, &self.volume)?);
        let mut attrs = Map::new();
        attrs.insert("delete_on_termination".into(), json!(delete));
        let session = ctx.session()?;
        ctx.block_on(Compute::new(&session).update_volume_attachment(&server, &volume, attrs))?
            .map_err(|e| sdk_error(e, None))?;
        Ok(Output::None)
    }
}

/// Update a volume attachment on the server.
#[derive(clap::Args, Debug)]
pub struct SetServerVolume {
    #[command(flatten)]
    args: VolumeSetArgs,
}

impl Command for SetServerVolume {
    const WORDS: &'static str = "server volume set";
    const ABOUT: &'static str = "Update a volume attachment on the server.";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        self.args.run(ctx)
    }
}

/// DEPRECATED: Use 'server volume set' instead.
#[derive(clap::Args, Debug)]
pub struct UpdateServerVolume {
    #[command(flatten)]
    args: VolumeSetArgs,
}

impl Command for UpdateServerVolume {
    const WORDS: &'static str = "server volume update";
    const ABOUT: &'static str = "DEPRECATED: Use 'server volume set' instead.";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        self.args.run(ctx)
    }
}
