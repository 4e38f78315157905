//! `volume group type …` (openstackclient/volume/v3/volume_group_type.py): create, delete,
//! list, set, show (its UnsetVolumeGroupType is not registered as a command). Every command needs microversion 3.11.

use super::{GROUP_TYPE, call, cell, dict_cell, find, id, props};
use crate::commands::image::parse_key_value;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Listing, Record};
use ostk_sdk::client::{Method, Session};
use ostk_sdk::volume as cinder;
use serde_json::{Map, Value, json};

/// `_format_group_type`: the show columns.
fn record(t: &Value) -> Record {
    Record {
        fields: vec![
            ("ID".into(), cell(t.get("id"))),
            ("Name".into(), cell(t.get("name"))),
            ("Description".into(), cell(t.get("description"))),
            ("Is Public".into(), cell(t.get("is_public"))),
            // openstacksdk's default for a missing group_specs is {}
            (
                "Properties".into(),
                dict_cell(Some(t.get("group_specs").unwrap_or(&json!({})))),
            ),
        ],
    }
}

fn need(ctx: &mut Context, s: &Session, words: &str) -> Result<(), CliError> {
    super::require_command(ctx, s, "3.11", words)
}

fn spec_path(tid: &str) -> String {
    format!("{}/group_specs", cinder::item_path("group_types", tid))
}

/// `DELETE /group_types/{id}/group_specs/{key}`.
fn delete_spec(ctx: &mut Context, s: &Session, tid: &str, key: &str) -> Result<(), CliError> {
    let path = cinder::item_path(&spec_path(tid), key);
    let cap = cinder::GROUP_TYPES.microversion;
    call(ctx, cinder::call(s, Method::DELETE, &path, None, cap)).map(drop)
}

/// Create a volume group type.
///
/// This command requires ``--os-volume-api-version`` 3.11 or greater.
#[derive(clap::Args, Debug)]
pub struct CreateVolumeGroupType {
    /// Name of new volume group type.
    #[arg(value_name = "<name>", verbatim_doc_comment)]
    name: String,
    /// Description of the volume group type.
    #[arg(long, value_name = "<description>", verbatim_doc_comment)]
    description: Option<String>,
    /// Volume group type is available to other projects (default)
    #[arg(long, group = "public_group")]
    public: bool,
    /// Volume group type is not available to other projects
    #[arg(long, group = "public_group")]
    private: bool,
}

impl Command for CreateVolumeGroupType {
    const WORDS: &'static str = "volume group type create";
    const ABOUT: &'static str = "Create a volume group type.\n\nThis command requires ``--os-volume-api-version`` 3.11 or greater.";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let _ = self.public;
        let s = ctx.session()?;
        need(ctx, &s, Self::WORDS)?;
        let body = json!({ "group_type": {
            "name": self.name,
            "description": self.description,
            "is_public": !self.private,
        }});
        let cap = cinder::GROUP_TYPES.microversion;
        let v = call(
            ctx,
            cinder::call(&s, Method::POST, "group_types", Some(body), cap),
        )?;
        Ok(Output::One(record(&v["group_type"])))
    }
}

/// Delete a volume group type.
///
/// This command requires ``--os-volume-api-version`` 3.11 or greater.
#[derive(clap::Args, Debug)]
pub struct DeleteVolumeGroupType {
    /// Name or ID of volume group type to delete
    #[arg(value_name = "<group_type>")]
    group_type: String,
}

impl Command for DeleteVolumeGroupType {
    const WORDS: &'static str = "volume group type delete";
    const ABOUT: &'static str = "Delete a volume group type.\n\nThis command requires ``--os-volume-api-version`` 3.11 or greater.";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let s = ctx.session()?;
        need(ctx, &s, Self::WORDS)?;
        let tid = id(&find(ctx, GROUP_TYPE, &self.group_type)?);
        call(ctx, cinder::GROUP_TYPES.delete(&s, &tid))?;
        Ok(Output::None)
    }
}

/// Update a volume group type.
///
/// This command requires ``--os-volume-api-version`` 3.11 or greater.
#[derive(clap::Args, Debug)]
pub struct SetVolumeGroupType {
    /// Name or ID of volume group type.
    #[arg(value_name = "<group_type>", verbatim_doc_comment)]
    group_type: String,
    /// New name for volume group type.
    #[arg(long, value_name = "<name>", verbatim_doc_comment)]
    name: Option<String>,
    /// New description for volume group type.
    #[arg(long, value_name = "<description>", verbatim_doc_comment)]
    description: Option<String>,
    /// Make volume group type available to other projects.
    #[arg(long, group = "public_group", verbatim_doc_comment)]
    public: bool,
    /// Make volume group type unavailable to other projects.
    #[arg(long, group = "public_group", verbatim_doc_comment)]
    private: bool,
    /// Remove all properties from this volume group type (specify both --no-property and
    /// --property to remove the current properties before setting new properties)
    #[arg(long)]
    no_property: bool,
    /// Property to add or modify for this volume group type (repeat option to set multiple
    /// properties)
    #[arg(long, value_name = "<key=value>", value_parser = parse_key_value,
          action = clap::ArgAction::Append)]
    property: Vec<(String, String)>,
}

impl Command for SetVolumeGroupType {
    const WORDS: &'static str = "volume group type set";
    const ABOUT: &'static str = "Update a volume group type.\n\nThis command requires ``--os-volume-api-version`` 3.11 or greater.";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let s = ctx.session()?;
        need(ctx, &s, Self::WORDS)?;
        let mut t = find(ctx, GROUP_TYPE, &self.group_type)?;
        let tid = id(&t);
        let cap = cinder::GROUP_TYPES.microversion;
        let mut attrs = Map::new();
        if let Some(n) = &self.name {
            attrs.insert("name".into(), json!(n));
        }
        if let Some(d) = &self.description {
            attrs.insert("description".into(), json!(d));
        }
        if self.public || self.private {
            attrs.insert("is_public".into(), json!(self.public));
        }
        let mut errors = 0;
        if !attrs.is_empty() {
            let path = cinder::item_path("group_types", &tid);
            let body = json!({ "group_type": attrs });
            match call(ctx, cinder::call(&s, Method::PUT, &path, Some(body), cap)) {
                Ok(v) => t = v["group_type"].clone(),
                Err(e) => {
                    tracing::error!("Failed to update group type: {e}");
                    errors += 1;
                }
            }
        }
        if self.no_property {
            let keys: Vec<String> = t["group_specs"]
                .as_object()
                .map(|m| m.keys().cloned().collect())
                .unwrap_or_default();
            if let Err(e) = keys.iter().try_for_each(|k| delete_spec(ctx, &s, &tid, k)) {
                tracing::error!("Failed to clear group type properties: {e}");
                errors += 1;
            }
        }
        if !self.property.is_empty() {
            let body = json!({ "group_specs": props(&self.property) });
            let r = call(
                ctx,
                cinder::call(&s, Method::POST, &spec_path(&tid), Some(body), cap),
            );
            if let Err(e) = r {
                tracing::error!("Failed to set group type properties: {e}");
                errors += 1;
            }
        }
        if errors > 0 {
            return Err(CliError::Message(
                "Command Failed: One or more of the operations failed".into(),
            ));
        }
        Ok(Output::One(record(&find(
            ctx,
            GROUP_TYPE,
            &self.group_type,
        )?)))
    }
}

/// Lists all volume group types.
///
/// This command requires ``--os-volume-api-version`` 3.11 or greater.
#[derive(clap::Args, Debug)]
pub struct ListVolumeGroupType {
    /// List the default volume group type.
    #[arg(long, verbatim_doc_comment)]
    default: bool,
}

impl Command for ListVolumeGroupType {
    const WORDS: &'static str = "volume group type list";
    const ABOUT: &'static str = "Lists all volume group types.\n\nThis command requires ``--os-volume-api-version`` 3.11 or greater.";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let s = ctx.session()?;
        need(ctx, &s, Self::WORDS)?;
        let types = if self.default {
            vec![call(ctx, cinder::GROUP_TYPES.get(&s, "default"))?]
        } else {
            call(ctx, cinder::GROUP_TYPES.list(&s, &[]))?
        };
        let rows = types
            .iter()
            .map(|t| {
                vec![
                    cell(t.get("id")),
                    cell(t.get("name")),
                    cell(t.get("is_public")),
                    dict_cell(Some(t.get("group_specs").unwrap_or(&json!({})))),
                ]
            })
            .collect();
        Ok(Output::List(Listing {
            columns: ["ID", "Name", "Is Public", "Group Specs"]
                .map(String::from)
                .to_vec(),
            rows,
        }))
    }
}

/// Show detailed information for a volume group type.
///
/// This command requires ``--os-volume-api-version`` 3.11 or greater.
#[derive(clap::Args, Debug)]
pub struct ShowVolumeGroupType {
    /// Name or ID of volume group type.
    #[arg(value_name = "<group_type>", verbatim_doc_comment)]
    group_type: String,
}

impl Command for ShowVolumeGroupType {
    const WORDS: &'static str = "volume group type show";
    const ABOUT: &'static str = "Show detailed information for a volume group type.\n\nThis command requires ``--os-volume-api-version`` 3.11 or greater.";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let s = ctx.session()?;
        need(ctx, &s, Self::WORDS)?;
        Ok(Output::One(record(&find(
            ctx,
            GROUP_TYPE,
            &self.group_type,
        )?)))
    }
}
