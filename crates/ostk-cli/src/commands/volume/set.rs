//! `volume set` (openstackclient/volume/v3/volume.py SetVolume).

use super::create::tristate;
use super::{TYPE, VOLUME, call, find, id, props};
use crate::commands::image::parse_key_value;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::volume as cinder;
use serde_json::{Map, Value};

/// `--state` choices.
const STATES: [&str; 9] = [
    "available",
    "error",
    "creating",
    "deleting",
    "in-use",
    "attaching",
    "detaching",
    "error_deleting",
    "maintenance",
];

/// Set volume properties
#[derive(clap::Args, Debug)]
pub struct SetVolume {
    /// Volume to modify (name or ID)
    #[arg(value_name = "<volume>")]
    volume: String,
    /// New volume name
    #[arg(long, value_name = "<name>")]
    name: Option<String>,
    /// Extend volume size in GB
    #[arg(long, value_name = "<size>", allow_negative_numbers = true)]
    size: Option<i64>,
    /// New volume description
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    /// Remove all properties from <volume> (specify both --no-property and --property to
    /// remove the current properties before setting new properties.)
    #[arg(long)]
    no_property: bool,
    /// Set a property on this volume (repeat option to set multiple properties)
    #[arg(long, value_name = "<key=value>", value_parser = parse_key_value,
          action = clap::ArgAction::Append)]
    property: Vec<(String, String)>,
    /// Set an image property on this volume (repeat option to set multiple image properties)
    #[arg(long, value_name = "<key=value>", value_parser = parse_key_value,
          action = clap::ArgAction::Append)]
    image_property: Vec<(String, String)>,
    /// New volume state ("available", "error", "creating", "deleting", "in-use",
    /// "attaching", "detaching", "error_deleting" or "maintenance") (admin only) (This option
    /// simply changes the state of the volume in the database with no regard to actual
    /// status, exercise caution when using)
    #[arg(long, value_name = "<state>", value_parser = STATES, hide_possible_values = true)]
    state: Option<String>,
    /// Set volume attachment status to "attached" (admin only) (This option simply changes
    /// the state of the volume in the database with no regard to actual status, exercise
    /// caution when using)
    #[arg(long, group = "attached_group")]
    attached: bool,
    /// Set volume attachment status to "detached" (admin only) (This option simply changes
    /// the state of the volume in the database with no regard to actual status, exercise
    /// caution when using)
    #[arg(long, group = "attached_group")]
    detached: bool,
    /// New volume type (name or ID)
    #[arg(long = "type", value_name = "<volume-type>")]
    volume_type: Option<String>,
    #[arg(long, value_name = "<retype-policy>", value_parser = ["never", "on-demand"],
          hide = true)]
    retype_policy: Option<String>,
    /// Migration policy while re-typing volume ("never" or "on-demand", default is "never" )
    /// (available only when --type option is specified)
    #[arg(long, value_name = "<migration-policy>", value_parser = ["never", "on-demand"],
          hide_possible_values = true)]
    migration_policy: Option<String>,
    /// Mark volume as bootable
    #[arg(long, group = "bootable_group")]
    bootable: bool,
    /// Mark volume as non-bootable
    #[arg(long, group = "bootable_group")]
    non_bootable: bool,
    /// Set volume to read-only access mode
    #[arg(long, group = "readonly_group")]
    read_only: bool,
    /// Set volume to read-write access mode
    #[arg(long, group = "readonly_group")]
    read_write: bool,
}

/// Runs one of `set`'s steps, logging `what: error` and counting the failure (OSC's
/// try/except per option).
pub fn step(failed: &mut usize, what: &str, r: Result<(), CliError>) {
    if let Err(e) = r {
        tracing::error!("{what}: {e}");
        *failed += 1;
    }
}

impl SetVolume {
    fn extend(&self, ctx: &mut Context, v: &Value, size: i64) -> Result<(), CliError> {
        let cur = v["size"].as_i64().unwrap_or(0);
        let status = v["status"].as_str().unwrap_or_default();
        if size <= cur {
            return Err(CliError::Message(format!(
                "New size must be greater than {cur} GB"
            )));
        }
        if status != "available" && status != "in-use" {
            return Err(CliError::Message(format!(
                "Volume is in {status} state, it must be available or in-use before size can \
                 be extended."
            )));
        }
        let s = ctx.session()?;
        if status == "in-use" && !call(ctx, cinder::supports(&s, "3.42"))? {
            return Err(CliError::Message(
                "--os-volume-api-version 3.42 or greater is required to extend in-use volumes."
                    .into(),
            ));
        }
        call(ctx, cinder::volumes::extend(&s, &id(v), size))
    }
}

impl Command for SetVolume {
    const WORDS: &'static str = "volume set";
    const ABOUT: &'static str = "Set volume properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let v = find(ctx, VOLUME, &self.volume)?;
        let vid = id(&v);
        let s = ctx.session()?;
        let mut failed = 0;
        if self.retype_policy.is_some() {
            tracing::warn!(
                "The '--retype-policy' option has been deprecated in favor of \
                 '--migration-policy' option. The '--retype-policy' option will be removed in a \
                 future release. Please use '--migration-policy' instead."
            );
        }
        if let Some(size) = self.size.filter(|n| *n != 0) {
            let r = self.extend(ctx, &v, size);
            step(&mut failed, "Failed to set volume size", r);
        }
        if self.no_property {
            let r = call(ctx, cinder::clear_metadata(&s, "volumes", &vid));
            step(&mut failed, "Failed to clean volume properties", r);
        }
        if !self.property.is_empty() {
            let r = call(
                ctx,
                cinder::set_metadata(&s, "volumes", &vid, props(&self.property)),
            );
            step(&mut failed, "Failed to set volume properties", r);
        }
        if !self.image_property.is_empty() {
            let m = props(&self.image_property);
            let r = call(ctx, cinder::volumes::set_image_metadata(&s, &vid, m));
            step(&mut failed, "Failed to set image properties", r);
        }
        if let Some(st) = &self.state {
            let f = [("status", st.as_str())];
            let r = call(
                ctx,
                cinder::volumes::reset_status(&s, &cinder::VOLUMES, &vid, &f),
            );
            step(&mut failed, "Failed to set volume state", r);
        }
        for (on, value) in [(self.attached, "attached"), (self.detached, "detached")] {
            if on {
                let f = [("attach_status", value)];
                let r = call(
                    ctx,
                    cinder::volumes::reset_status(&s, &cinder::VOLUMES, &vid, &f),
                );
                step(&mut failed, "Failed to set volume attach-status", r);
            }
        }
        if let Some(b) = tristate(self.bootable, self.non_bootable) {
            let r = call(ctx, cinder::volumes::set_bootable(&s, &vid, b));
            step(&mut failed, "Failed to set volume bootable property", r);
        }
        if let Some(ro) = tristate(self.read_only, self.read_write) {
            let r = call(ctx, cinder::volumes::set_readonly(&s, &vid, ro));
            step(
                &mut failed,
                "Failed to set volume read-only access mode flag",
                r,
            );
        }
        let policy = self
            .migration_policy
            .as_ref()
            .or(self.retype_policy.as_ref());
        if let Some(t) = &self.volume_type {
            let policy = policy.map_or("never", String::as_str);
            let r = find(ctx, TYPE, t)
                .and_then(|ty| call(ctx, cinder::volumes::retype(&s, &vid, &id(&ty), policy)));
            step(&mut failed, "Failed to set volume type", r);
        } else if policy.is_some() {
            let opt = if self.migration_policy.is_some() {
                "--migration-policy"
            } else {
                "--retype-policy"
            };
            tracing::warn!("'{opt}' option will not work without '--type' option");
        }
        let mut attrs = Map::new();
        if let Some(n) = self.name.as_ref().filter(|n| !n.is_empty()) {
            attrs.insert("name".into(), Value::String(n.clone()));
        }
        if let Some(d) = self.description.as_ref().filter(|d| !d.is_empty()) {
            attrs.insert("description".into(), Value::String(d.clone()));
        }
        if !attrs.is_empty() {
            let r = call(ctx, cinder::volumes::update(&s, &vid, attrs)).map(drop);
            step(
                &mut failed,
                "Failed to update volume display name or display description",
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
