//! `volume backend capability show` / `volume backend pool list`
//! (openstackclient/volume/v3/volume_backend.py).

use super::{call, cell, dict_cell};
use crate::commands::identity::common::sdk_error;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Listing};
use ostk_sdk::volume as cinder;
use serde_json::Value;

/// Show capability command
#[derive(clap::Args, Debug)]
pub struct ShowCapability {
    /// List capabilities of specified host (host@backend-name)
    #[arg(value_name = "<host>")]
    host: String,
}

impl Command for ShowCapability {
    const WORDS: &'static str = "volume backend capability show";
    const ABOUT: &'static str = "Show capability command";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let s = ctx.session()?;
        let data = ctx
            .block_on(cinder::admin::capabilities(&s, &self.host))?
            .map_err(|e| sdk_error(e, Some(&format!("No Capabilities found for {}", self.host))))?;
        Ok(Output::List(capability_rows(&data)))
    }
}

/// One row per entry of the document's `properties` (its key in the `Key` column), as
/// `utils.get_dict_properties` reads them: a missing field is `''`.
fn capability_rows(data: &Value) -> Listing {
    const COLUMNS: [&str; 4] = ["Title", "Key", "Type", "Description"];
    let rows = data
        .get("properties")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .map(|(key, cap)| {
            COLUMNS
                .iter()
                .map(|c| match *c {
                    "Key" => Cell::Str(key.clone()),
                    c => match cap.get(c.to_lowercase()) {
                        Some(v) => cell(Some(v)),
                        None => Cell::Str(String::new()),
                    },
                })
                .collect()
        })
        .collect();
    Listing {
        columns: COLUMNS.map(String::from).to_vec(),
        rows,
    }
}

/// List pool command
#[derive(clap::Args, Debug)]
pub struct ListPool {
    /// Show detailed information about pools.
    #[arg(long, verbatim_doc_comment)]
    long: bool,
}

impl Command for ListPool {
    const WORDS: &'static str = "volume backend pool list";
    const ABOUT: &'static str = "List pool command";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let s = ctx.session()?;
        // openstacksdk's Pools path always asks for the details
        let q = [("detail", "True".to_string())];
        let pools = call(ctx, cinder::POOLS.list(&s, &q))?;
        let mut columns = vec!["Name".to_string()];
        if self.long {
            columns.push("Capabilities".into());
        }
        let rows = pools
            .iter()
            .map(|p| {
                let mut row = vec![cell(p.get("name"))];
                if self.long {
                    row.push(dict_cell(p.get("capabilities")));
                }
                row
            })
            .collect();
        Ok(Output::List(Listing { columns, rows }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn capability_rows_follow_the_properties() {
        let doc = json!({"namespace": "x", "properties": {
            "thin": {"title": "Thin", "type": "boolean", "description": "d"},
            "qos": {"title": "QoS"},
        }});
        let l = capability_rows(&doc);
        assert_eq!(l.columns, ["Title", "Key", "Type", "Description"]);
        assert_eq!(
            l.rows[0],
            [
                Cell::Str("Thin".into()),
                Cell::Str("thin".into()),
                Cell::Str("boolean".into()),
                Cell::Str("d".into())
            ]
        );
        assert_eq!(l.rows[1][2], Cell::Str(String::new()));
        assert!(capability_rows(&json!({})).rows.is_empty());
    }
}
