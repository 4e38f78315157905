//! `volume snapshot set` (volume_snapshot.py SetVolumeSnapshot).

use crate::commands::image::parse_key_value;
use crate::commands::volume::set::step;
use crate::commands::volume::{SNAPSHOT, call, find, id, props};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::client::Method;
use ostk_sdk::volume as cinder;
use serde_json::{Map, Value, json};

/// `--state` choices.
pub const STATES: [&str; 5] = [
    "available",
    "error",
    "creating",
    "deleting",
    "error_deleting",
];

/// Set volume snapshot properties
#[derive(clap::Args, Debug)]
pub struct SetVolumeSnapshot {
    /// Snapshot to modify (name or ID)
    #[arg(value_name = "<snapshot>")]
    snapshot: String,
    /// New snapshot name
    #[arg(long, value_name = "<name>")]
    name: Option<String>,
    /// New snapshot description
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    /// Remove all properties from <snapshot> (specify both --no-property and --property to
    /// remove the current properties before setting new properties.)
    #[arg(long)]
    no_property: bool,
    /// Property to add/change for this snapshot (repeat option to set multiple properties)
    #[arg(long, value_name = "<key=value>", value_parser = parse_key_value,
          action = clap::ArgAction::Append)]
    property: Vec<(String, String)>,
    /// New snapshot state. ("available", "error", "creating", "deleting", or
    /// "error_deleting") (admin only) (This option simply changes the state of the snapshot in
    /// the database with no regard to actual status, exercise caution when using)
    #[arg(long, value_name = "<state>", value_parser = STATES, hide_possible_values = true)]
    state: Option<String>,
}

impl Command for SetVolumeSnapshot {
    const WORDS: &'static str = "volume snapshot set";
    const ABOUT: &'static str = "Set volume snapshot properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let snap = find(ctx, SNAPSHOT, &self.snapshot)?;
        let sid = id(&snap);
        let s = ctx.session()?;
        let mut failed = 0;
        if self.no_property {
            let keys: Vec<String> = snap["metadata"]
                .as_object()
                .map(|m| m.keys().cloned().collect())
                .unwrap_or_default();
            let r = keys.iter().try_for_each(|k| {
                call(ctx, cinder::delete_metadata_item(&s, "snapshots", &sid, k))
            });
            step(&mut failed, "Failed to clean snapshot properties", r);
        }
        if !self.property.is_empty() {
            let m = props(&self.property);
            let r = call(ctx, cinder::set_metadata(&s, "snapshots", &sid, m));
            step(&mut failed, "Failed to set snapshot property", r);
        }
        if let Some(st) = &self.state {
            let f = [("status", st.as_str())];
            let r = call(
                ctx,
                cinder::volumes::reset_status(&s, &cinder::SNAPSHOTS, &sid, &f),
            );
            step(&mut failed, "Failed to set snapshot state", r);
        }
        let mut attrs = Map::new();
        if let Some(n) = self.name.as_ref().filter(|n| !n.is_empty()) {
            attrs.insert("name".into(), Value::String(n.clone()));
        }
        if let Some(d) = self.description.as_ref().filter(|d| !d.is_empty()) {
            attrs.insert("description".into(), Value::String(d.clone()));
        }
        if !attrs.is_empty() {
            let path = cinder::item_path("snapshots", &sid);
            let body = json!({ "snapshot": attrs });
            let cap = cinder::SNAPSHOTS.microversion;
            let r = call(ctx, cinder::call(&s, Method::PUT, &path, Some(body), cap)).map(drop);
            step(
                &mut failed,
                "Failed to update snapshot name or description",
                r,
            );
        }
        if failed > 0 {
            return Err(CliError::Message(
                "One or more of the set operations failed".into(),
            ));
        }
        Ok(Output::None)
    }
}
