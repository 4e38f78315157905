//! `volume snapshot create` (volume_snapshot.py CreateVolumeSnapshot).

use super::snapshot_record;
use crate::commands::image::parse_key_value;
use crate::commands::volume::{VOLUME, call, find, id, props};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::client::Method;
use ostk_sdk::volume as cinder;
use serde_json::{Value, json};

/// Create new volume snapshot
#[derive(clap::Args, Debug)]
pub struct CreateVolumeSnapshot {
    /// Name of the new snapshot
    #[arg(value_name = "<snapshot-name>")]
    snapshot_name: String,
    /// Volume to snapshot (name or ID) (default is <snapshot-name>)
    #[arg(long, value_name = "<volume>")]
    volume: Option<String>,
    /// Description of the snapshot
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    /// Allow snapshot of in-use (attached) volume. Only needed for microversions prior to
    /// 3.66; ignored for 3.66+
    #[arg(long)]
    force: bool,
    /// Set a property to this snapshot (repeat option to set multiple properties)
    #[arg(long, value_name = "<key=value>", value_parser = parse_key_value,
          action = clap::ArgAction::Append)]
    property: Vec<(String, String)>,
    /// The attribute(s) of the existing remote volume snapshot (admin required) (repeat
    /// option to specify multiple attributes) e.g.: '--remote-source source-name=test_name
    /// --remote-source source-id=test_id'
    #[arg(long, value_name = "<key=value>", value_parser = parse_key_value,
          action = clap::ArgAction::Append)]
    remote_source: Vec<(String, String)>,
}

impl Command for CreateVolumeSnapshot {
    const WORDS: &'static str = "volume snapshot create";
    const ABOUT: &'static str = "Create new volume snapshot";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let volume = self.volume.as_deref().unwrap_or(&self.snapshot_name);
        let volume_id = id(&find(ctx, VOLUME, volume)?);
        let s = ctx.session()?;
        let metadata = (!self.property.is_empty()).then(|| Value::Object(props(&self.property)));
        let mut snap = json!({
            "volume_id": volume_id,
            "name": self.snapshot_name,
            "description": self.description,
            "metadata": metadata,
        });
        let path = if self.remote_source.is_empty() {
            if !call(ctx, cinder::supports(&s, "3.66"))? {
                snap["force"] = json!(self.force);
            }
            "snapshots"
        } else {
            if self.force {
                tracing::warn!(
                    "'--force' option will not work when you create new volume snapshot from \
                     an existing remote volume snapshot"
                );
            }
            snap["ref"] = Value::Object(props(&self.remote_source));
            "manageable_snapshots"
        };
        let body = json!({ "snapshot": snap });
        let cap = cinder::SNAPSHOTS.microversion;
        let v = call(ctx, cinder::call(&s, Method::POST, path, Some(body), cap))?;
        Ok(Output::One(snapshot_record(&v["snapshot"])))
    }
}
