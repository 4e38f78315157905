//! `extension list` and `extension show` (openstackclient/common/extension.py): the API
//! extensions of compute, block storage and network (identity v3 has none).

use super::common as c;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Listing};
use ostk_sdk::network::EXTENSION;
use ostk_sdk::rest::Collection;
use serde_json::{Value, json};

/// List API extensions
#[derive(clap::Args, Debug)]
pub struct ListExtension {
    /// List extensions for the Compute API
    #[arg(long)]
    compute: bool,
    /// List extensions for the Identity API (only supported by v2)
    #[arg(long)]
    identity: bool,
    /// List extensions for the Network API
    #[arg(long)]
    network: bool,
    /// List extensions for the Block Storage API
    #[arg(long)]
    volume: bool,
    /// List additional fields in output
    #[arg(long)]
    long: bool,
}

/// `/extensions` of a service (no microversion, as openstacksdk's Extension resources).
const fn extensions(service_type: &'static str) -> Collection {
    Collection {
        service_type,
        api_version: None,
        path: "extensions",
        singular: "extension",
        plural: "extensions",
        microversion: None,
    }
}

impl Command for ListExtension {
    const WORDS: &'static str = "extension list";
    const ABOUT: &'static str = "List API extensions";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let all = !(self.identity || self.compute || self.volume || self.network);
        let s = ctx.session()?;
        let mut rows: Vec<(Value, bool)> = Vec::new();
        let sources = [
            (
                self.compute,
                extensions("compute"),
                "Extensions list not supported by Compute API",
                true,
            ),
            (
                self.volume,
                extensions("block-storage"),
                "Extensions list not supported by Block Storage API",
                true,
            ),
            (
                self.network,
                EXTENSION.coll,
                "Failed to retrieve extensions list from Network API",
                false,
            ),
        ];
        for (asked, coll, warning, has_namespace) in sources {
            if !(asked || all) {
                continue;
            }
            match ctx.block_on(coll.list(&s, &[]))? {
                Ok(items) => rows.extend(items.into_iter().map(|i| (i, has_namespace))),
                Err(_) => tracing::warn!("{warning}"),
            }
        }
        let mut columns = vec!["Name", "Alias", "Description"];
        if self.long {
            columns.extend(["Namespace", "Updated At", "Links"]);
        }
        let rows = rows
            .iter()
            .map(|(e, has_namespace)| {
                columns
                    .iter()
                    .map(|col| {
                        let v = match *col {
                            "Updated At" => e.get("updated"),
                            // neutron's and cinder's Extension classes have no namespace
                            "Namespace" if !has_namespace => None,
                            other => e.get(other.to_lowercase().as_str()),
                        };
                        Cell::from_json(v.cloned().unwrap_or_else(|| json!("")))
                    })
                    .collect()
            })
            .collect();
        Ok(Output::List(Listing {
            columns: columns.iter().map(|c| c.to_string()).collect(),
            rows,
        }))
    }
}

/// Show API extension
#[derive(clap::Args, Debug)]
pub struct ShowExtension {
    /// Extension to display. Currently, only network extensions are supported. (Name or
    /// Alias)
    #[arg(value_name = "<extension>")]
    extension: String,
}

impl Command for ShowExtension {
    const WORDS: &'static str = "extension show";
    const ABOUT: &'static str = "Show API extension";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let e = c::find(ctx, &EXTENSION, &self.extension)?;
        Ok(Output::One(c::show_record(
            &EXTENSION,
            &e,
            &[("updated", "updated_at")],
            &["id", "links", "location"],
            &[],
        )))
    }
}
