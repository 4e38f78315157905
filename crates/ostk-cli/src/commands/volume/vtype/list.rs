//! `volume type list` (volume_type.py ListVolumeType).

use super::{format_encryption, specs, type_fields};
use crate::commands::image::parse_key_value;
use crate::commands::volume::{call, id};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Listing};
use ostk_sdk::volume::{self as cinder, types};
use serde_json::Value;

/// List volume types
#[derive(clap::Args, Debug)]
pub struct ListVolumeType {
    /// List additional fields in output
    #[arg(long)]
    long: bool,
    /// List the default volume type
    #[arg(long, group = "public_group")]
    default: bool,
    /// List only public types
    #[arg(long, group = "public_group")]
    public: bool,
    /// List only private types (admin only)
    #[arg(long, group = "public_group")]
    private: bool,
    /// Display encryption information for each volume type (admin only)
    #[arg(long)]
    encryption_type: bool,
    /// Filter by a property on the volume types (repeat option to filter by multiple
    /// properties) (admin only except for user-visible extra specs) (supported by
    /// --os-volume-api-version 3.52 or above)
    #[arg(long, value_name = "<key=value>", value_parser = parse_key_value,
          action = clap::ArgAction::Append)]
    property: Vec<(String, String)>,
    /// List only volume types with multi-attach enabled (this is an alias for '--property
    /// multiattach=<is> True') (supported by --os-volume-api-version 3.52 or above)
    #[arg(long)]
    multiattach: bool,
    /// List only volume types with caching enabled (this is an alias for '--property
    /// cacheable=<is> True') (admin only) (supported by --os-volume-api-version 3.52 or above)
    #[arg(long)]
    cacheable: bool,
    /// List only volume types with replication enabled (this is an alias for '--property
    /// replication_enabled=<is> True') (supported by --os-volume-api-version 3.52 or above)
    #[arg(long)]
    replicated: bool,
    /// List only volume types with this availability configured (this is an alias for
    /// '--property RESKEY:availability_zones:<az>') (repeat option to filter on multiple
    /// availability zones)
    #[arg(long, value_name = "AVAILABILITY_ZONES", action = clap::ArgAction::Append)]
    availability_zone: Vec<String>,
}

impl Command for ListVolumeType {
    const WORDS: &'static str = "volume type list";
    const ABOUT: &'static str = "List volume types";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let s = ctx.session()?;
        let data = if self.default {
            vec![call(ctx, cinder::TYPES.get(&s, "default"))?]
        } else {
            let specs = specs(
                &self.property,
                self.multiattach,
                self.cacheable,
                self.replicated,
                &self.availability_zone,
            );
            if !specs.is_empty() && !call(ctx, cinder::supports(&s, "3.52"))? {
                return Err(CliError::Message(
                    "--os-volume-api-version 3.52 or greater is required to use the \
                     '--property' option or any of the alias options"
                        .into(),
                ));
            }
            let public = match (self.public, self.private) {
                (true, _) => "True",
                (_, true) => "False",
                _ => "none",
            };
            // openstacksdk passes the specs as plain query parameters (its Type query
            // mapping drops the unknown ones)
            let q = vec![("is_public", public.to_string())];
            call(ctx, cinder::TYPES.list(&s, &q))?
        };
        let mut columns = vec!["ID", "Name", "Is Public"];
        if self.long {
            columns.extend(["Description", "Properties"]);
        }
        let mut encryption = std::collections::HashMap::new();
        if self.encryption_type {
            for t in &data {
                let e = call(ctx, types::encryption(&s, &id(t)))?;
                if e.get("volume_type_id").is_some_and(|v| !v.is_null()) {
                    encryption.insert(id(t), format_encryption(&e));
                }
            }
            columns.push("Encryption");
        }
        let rows = data
            .iter()
            .map(|t| {
                let f = type_fields(t);
                let get = |k: &str| f.iter().find(|(n, _)| n == k).map(|(_, c)| c.clone());
                let mut row: Vec<Cell> = ["id", "name", "is_public"]
                    .iter()
                    .filter_map(|k| get(k))
                    .collect();
                if self.long {
                    row.extend(get("description"));
                    row.extend(get("properties"));
                }
                if self.encryption_type {
                    row.push(match encryption.get(&id(t)) {
                        Some(e) => {
                            Cell::formatted(ostk_output::format_dict(e), Value::Object(e.clone()))
                        }
                        None => Cell::formatted("-", Value::Null),
                    });
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
