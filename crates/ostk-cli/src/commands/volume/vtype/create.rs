//! `volume type create` (volume_type.py CreateVolumeType).

use super::{Encryption, SpecOptions, format_encryption, type_fields};
use crate::commands::identity::common::find_project_id;
use crate::commands::volume::{call, id, sorted_record};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::Cell;
use ostk_sdk::volume::{self as cinder, types};
use serde_json::{Map, json};

/// Create new volume type
#[derive(clap::Args, Debug)]
pub struct CreateVolumeType {
    /// Volume type name
    #[arg(value_name = "<name>")]
    name: String,
    /// Volume type description
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    /// Volume type is accessible to the public
    #[arg(long, group = "public_group")]
    public: bool,
    /// Volume type is not accessible to the public
    #[arg(long, group = "public_group")]
    private: bool,
    #[command(flatten)]
    specs: SpecOptions,
    /// Allow <project> to access private type (name or ID) (must be used with --private
    /// option)
    #[arg(long, value_name = "<project>")]
    project: Option<String>,
    /// Domain the project belongs to (name or ID). This can be used in case collisions
    /// between project names exist.
    #[arg(long, value_name = "<project-domain>", verbatim_doc_comment)]
    project_domain: Option<String>,
    /// Set the encryption provider format for this volume type (e.g "luks" or "plain") (admin
    /// only) (this option is required when setting encryption type of a volume; consider
    /// using other encryption options such as: "--encryption-cipher", "--encryption-key-size"
    /// and "--encryption-control-location")
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
    /// setting encryption type of a volume. Consider using other encryption options such as:
    /// "--encryption-cipher", "--encryption-key-size" and "--encryption-provider")
    #[arg(long, value_name = "<control-location>", value_parser = ["front-end", "back-end"],
          hide_possible_values = true)]
    encryption_control_location: Option<String>,
}

impl Command for CreateVolumeType {
    const WORDS: &'static str = "volume type create";
    const ABOUT: &'static str = "Create new volume type";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        if self.project.is_some() && !self.private {
            return Err(CliError::Message(
                "--project is only allowed with --private".into(),
            ));
        }
        let mut attrs = Map::from_iter([
            ("name".to_string(), json!(self.name)),
            ("description".to_string(), json!(self.description)),
        ]);
        if self.public || self.private {
            attrs.insert("os-volume-type-access:is_public".into(), json!(self.public));
        }
        let s = ctx.session()?;
        let t = call(ctx, cinder::TYPES.create(&s, attrs))?;
        let tid = id(&t);
        let mut fields = type_fields(&t);
        if let Some(p) = &self.project {
            let r = find_project_id(ctx, p, self.project_domain.as_deref(), true)
                .and_then(|pid| call(ctx, types::set_access(&s, &tid, &pid, true)));
            if let Err(e) = r {
                tracing::error!("Failed to add project {p} access to type: {e}");
            }
        }
        let specs = self.specs.specs();
        if !specs.is_empty() {
            let now = call(ctx, types::set_extra_specs(&s, &tid, specs))?;
            fields.retain(|(k, _)| k != "properties");
            fields.push(("properties".into(), Cell::dict(Some(now))));
        }
        let enc = Encryption {
            provider: self.encryption_provider.as_deref(),
            cipher: self.encryption_cipher.as_deref(),
            key_size: self.encryption_key_size,
            control_location: self.encryption_control_location.as_deref(),
        };
        if enc.any() {
            match enc.create(ctx, &tid) {
                Ok(e) => {
                    fields.push(("encryption".into(), Cell::dict(Some(format_encryption(&e)))))
                }
                Err(e) => {
                    // OSC then fails on the unset variable (UnboundLocalError).
                    tracing::error!(
                        "Failed to set encryption information for this volume type: {e}"
                    );
                    return Err(CliError::Message(
                        "cannot access local variable 'encryption' where it is not associated \
                         with a value"
                            .into(),
                    ));
                }
            }
        }
        Ok(Output::One(sorted_record(fields)))
    }
}
