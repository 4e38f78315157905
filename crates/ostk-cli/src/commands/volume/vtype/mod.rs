//! `volume type …` (openstackclient/volume/v3/volume_type.py) and what its commands share:
//! the shown record, the extra-spec alias options, encryption formatting and updates.

pub mod create;
pub mod delete;
pub mod list;
pub mod set;
pub mod show;
pub mod unset;

use super::{call, cell, dict_cell, props};
use crate::commands::image::parse_key_value;
use crate::{context::Context, error::CliError};
use ostk_output::Cell;
use ostk_sdk::volume::types;
use serde_json::{Map, Value, json};

/// volume_type.py `_format_type`: openstacksdk `Type.to_dict()` (`is_public` from
/// `os-volume-type-access:is_public`), `extra_specs` as `properties`; unsorted.
pub fn type_fields(v: &Value) -> Vec<(String, Cell)> {
    let public = v
        .get("os-volume-type-access:is_public")
        .or_else(|| v.get("is_public"));
    vec![
        ("description".into(), cell(v.get("description"))),
        ("is_public".into(), cell(public)),
        ("id".into(), cell(v.get("id"))),
        ("name".into(), cell(v.get("name"))),
        ("properties".into(), dict_cell(v.get("extra_specs"))),
    ]
}

/// volume_type.py `_format_encryption`: the TypeEncryption attributes that are set, minus the
/// bookkeeping ones, in openstacksdk's (alphabetical) order.
pub fn format_encryption(e: &Map<String, Value>) -> Map<String, Value> {
    [
        "cipher",
        "control_location",
        "encryption_id",
        "key_size",
        "provider",
    ]
    .iter()
    .filter_map(|k| {
        e.get(*k)
            .filter(|v| !v.is_null())
            .map(|v| (k.to_string(), v.clone()))
    })
    .collect()
}

/// `--property` and its aliases (create/set share the wording).
#[derive(clap::Args, Debug)]
pub struct SpecOptions {
    /// Set a property on this volume type (repeat option to set multiple properties)
    #[arg(long, value_name = "<key=value>", value_parser = parse_key_value,
          action = clap::ArgAction::Append)]
    property: Vec<(String, String)>,
    /// Enable multi-attach for this volume type (this is an alias for '--property
    /// multiattach=<is> True') (requires driver support)
    #[arg(long)]
    multiattach: bool,
    /// Enable caching for this volume type (this is an alias for '--property cacheable=<is>
    /// True') (requires driver support)
    #[arg(long)]
    cacheable: bool,
    /// Enabled replication for this volume type (this is an alias for '--property
    /// replication_enabled=<is> True') (requires driver support)
    #[arg(long)]
    replicated: bool,
    /// Set an availability zone for this volume type (this is an alias for '--property
    /// RESKEY:availability_zones:<az>') (repeat option to set multiple availability zones)
    #[arg(long, value_name = "AVAILABILITY_ZONES", action = clap::ArgAction::Append)]
    availability_zone: Vec<String>,
}

/// The extra specs the options ask for (`--multiattach` → `multiattach='<is> True'` …).
pub fn specs(
    property: &[(String, String)],
    multiattach: bool,
    cacheable: bool,
    replicated: bool,
    zones: &[String],
) -> Map<String, Value> {
    let mut m = props(property);
    for (on, k) in [
        (multiattach, "multiattach"),
        (cacheable, "cacheable"),
        (replicated, "replication_enabled"),
    ] {
        if on {
            m.insert(k.into(), json!("<is> True"));
        }
    }
    if !zones.is_empty() {
        m.insert("RESKEY:availability_zones".into(), json!(zones.join(",")));
    }
    m
}

impl SpecOptions {
    /// The extra specs asked for.
    pub fn specs(&self) -> Map<String, Value> {
        specs(
            &self.property,
            self.multiattach,
            self.cacheable,
            self.replicated,
            &self.availability_zone,
        )
    }
}

/// The `--encryption-*` values given.
pub struct Encryption<'a> {
    /// `--encryption-provider`.
    pub provider: Option<&'a str>,
    /// `--encryption-cipher`.
    pub cipher: Option<&'a str>,
    /// `--encryption-key-size`.
    pub key_size: Option<i64>,
    /// `--encryption-control-location`.
    pub control_location: Option<&'a str>,
}

const NEED_PROVIDER: &str =
    "'--encryption-provider' should be specified while creating a new encryption type";

impl Encryption<'_> {
    /// Whether any option was given.
    pub fn any(&self) -> bool {
        self.provider.is_some()
            || self.cipher.is_some()
            || self.key_size.is_some_and(|k| k != 0)
            || self.control_location.is_some()
    }

    /// volume_type.py `_create_encryption_type`.
    pub fn create(&self, ctx: &mut Context, type_id: &str) -> Result<Map<String, Value>, CliError> {
        let Some(provider) = self.provider else {
            return Err(CliError::Message(NEED_PROVIDER.into()));
        };
        let attrs = Map::from_iter([
            (
                "control_location".to_string(),
                json!(self.control_location.unwrap_or("front-end")),
            ),
            ("key_size".to_string(), json!(self.key_size)),
            ("cipher".to_string(), json!(self.cipher)),
            ("provider".to_string(), json!(provider)),
        ]);
        let s = ctx.session()?;
        call(ctx, types::create_encryption(&s, type_id, attrs))
    }

    /// volume_type.py `_set_encryption_type`: update the existing encryption, else create one.
    pub fn set(&self, ctx: &mut Context, type_id: &str) -> Result<(), CliError> {
        let s = ctx.session()?;
        let current = call(ctx, types::encryption(&s, type_id))?;
        match current.get("encryption_id").and_then(Value::as_str) {
            Some(eid) => {
                let mut attrs = Map::new();
                for (k, v) in [
                    ("provider", self.provider.map(|v| json!(v))),
                    ("cipher", self.cipher.map(|v| json!(v))),
                    ("key_size", self.key_size.map(|v| json!(v))),
                    ("control_location", self.control_location.map(|v| json!(v))),
                ] {
                    if let Some(v) = v {
                        attrs.insert(k.into(), v);
                    }
                }
                call(ctx, types::update_encryption(&s, type_id, eid, attrs))
            }
            None => {
                if self.provider.is_none() {
                    return Err(CliError::Message(NEED_PROVIDER.into()));
                }
                tracing::warn!(
                    "No existing encryption type found, creating new encryption type for this \
                     volume type ..."
                );
                self.create(ctx, type_id).map(drop)
            }
        }
    }
}
