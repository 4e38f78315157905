//! `volume type set` (volume_type.py SetVolumeType).

use super::{Encryption, SpecOptions};
use crate::commands::identity::common::find_project_id;
use crate::commands::volume::set::step;
use crate::commands::volume::{TYPE, call, find, id};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::client::Method;
use ostk_sdk::volume::{self as cinder, types};
use serde_json::{Map, json};

/// Set volume type properties
#[derive(clap::Args, Debug)]
pub struct SetVolumeType {
    /// Volume type to modify (name or ID)
    #[arg(value_name = "<volume-type>")]
    volume_type: String,
    /// Set volume type name
    #[arg(long, value_name = "<name>")]
    name: Option<String>,
    /// Set volume type description
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    #[command(flatten)]
    specs: SpecOptions,
    /// Set volume type access to project (name or ID) (admin only)
    #[arg(long, value_name = "<project>")]
    project: Option<String>,
    /// Volume type is accessible to the public
    #[arg(long, group = "public_group")]
    public: bool,
    /// Volume type is not accessible to the public
    #[arg(long, group = "public_group")]
    private: bool,
    /// Domain the project belongs to (name or ID). This can be used in case collisions
    /// between project names exist.
    #[arg(long, value_name = "<project-domain>", verbatim_doc_comment)]
    project_domain: Option<String>,
    /// Set the encryption provider format for this volume type (e.g "luks" or "plain") (admin
    /// only) (This option is required when setting encryption type of a volume for the first
    /// time. Consider using other encryption options such as: "--encryption-cipher",
    /// "--encryption-key-size" and "--encryption-control-location")
    #[arg(long, value_name = "<provider>")]
    encryption_provider: Option<String>,
    /// Set the encryption algorithm or mode for this volume type (e.g "aes-xts-plain64")
    /// (admin only)
    #[arg(long, value_name = "<cipher>")]
    encryption_cipher: Option<String>,
    /// Set the size of the encryption key of this volume type (e.g "128" or "256") (admin
    /// only)
    #[arg(long, value_name = "<key-size>", allow_negative_numbers = true)]
    encryption_key_size: Option<i64>,
    /// Set the notional service where the encryption is performed ("front-end" or
    /// "back-end") (admin only) (The default value for this option is "front-end" when
    /// setting encryption type of a volume for the first time. Consider using other
    /// encryption options such as: "--encryption-cipher", "--encryption-key-size" and
    /// "--encryption-provider")
    #[arg(long, value_name = "<control-location>", value_parser = ["front-end", "back-end"],
          hide_possible_values = true)]
    encryption_control_location: Option<String>,
}

impl Command for SetVolumeType {
    const WORDS: &'static str = "volume type set";
    const ABOUT: &'static str = "Set volume type properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let tid = id(&find(ctx, TYPE, &self.volume_type)?);
        let s = ctx.session()?;
        let mut failed = 0;
        let mut attrs = Map::new();
        if let Some(n) = self.name.as_ref().filter(|n| !n.is_empty()) {
            attrs.insert("name".into(), json!(n));
        }
        if let Some(d) = self.description.as_ref().filter(|d| !d.is_empty()) {
            attrs.insert("description".into(), json!(d));
        }
        if self.public || self.private {
            // openstacksdk names it so, which cinder refuses (a 400, as with OSC)
            attrs.insert("os-volume-type-access:is_public".into(), json!(self.public));
        }
        if !attrs.is_empty() {
            let path = cinder::item_path("types", &tid);
            let body = json!({ "volume_type": attrs });
            let r = call(ctx, cinder::call(&s, Method::PUT, &path, Some(body), None)).map(drop);
            step(
                &mut failed,
                "Failed to update volume type name or description",
                r,
            );
        }
        let specs = self.specs.specs();
        if !specs.is_empty() {
            let r = call(ctx, types::set_extra_specs(&s, &tid, specs)).map(drop);
            step(&mut failed, "Failed to set volume type properties", r);
        }
        if let Some(p) = &self.project {
            let r = find_project_id(ctx, p, self.project_domain.as_deref(), true)
                .and_then(|pid| call(ctx, types::set_access(&s, &tid, &pid, true)));
            step(
                &mut failed,
                "Failed to set volume type access to project",
                r,
            );
        }
        let enc = Encryption {
            provider: self.encryption_provider.as_deref(),
            cipher: self.encryption_cipher.as_deref(),
            key_size: self.encryption_key_size,
            control_location: self.encryption_control_location.as_deref(),
        };
        if enc.any() {
            let r = enc.set(ctx, &tid);
            step(
                &mut failed,
                "Failed to set encryption information for this volume type",
                r,
            );
        }
        if failed > 0 {
            return Err(CliError::Message(
                "Command Failed: One or more of the operations failed".into(),
            ));
        }
        Ok(Output::None)
    }
}
