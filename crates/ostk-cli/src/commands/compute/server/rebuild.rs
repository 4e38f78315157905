//! `server rebuild` (openstackclient/compute/v2/server.py RebuildServer).

use super::{
    detail_record, find_server, id_of, microversion, names_of, require, server_action, supports,
    wait_for,
};
use crate::commands::image::{find_image, parse_key_value};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use serde_json::{Map, Value, json};

/// Rebuild server
#[derive(clap::Args, Debug)]
pub struct RebuildServer {
    /// Server (name or ID)
    #[arg(value_name = "<server>")]
    server: String,
    /// Recreate server from the specified image (name or ID). Defaults to the currently used one.
    #[arg(long, value_name = "<image>", verbatim_doc_comment)]
    image: Option<String>,
    /// Set the new name of the rebuilt server
    #[arg(long, value_name = "<name>")]
    name: Option<String>,
    /// Set the password on the rebuilt server. This option requires cloud support.
    #[arg(long, value_name = "<password>", verbatim_doc_comment)]
    password: Option<String>,
    /// Set a new property on the rebuilt server (repeat option to set multiple values)
    #[arg(long, value_name = "<key=value>", value_parser = parse_key_value)]
    property: Vec<(String, String)>,
    /// Set a new description on the rebuilt server (supported by --os-compute-api-version 2.19 or above)
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    /// Preserve the default ephemeral storage partition on rebuild.
    #[arg(long, group = "ephemeral", verbatim_doc_comment)]
    preserve_ephemeral: bool,
    /// Do not preserve the default ephemeral storage partition on rebuild.
    #[arg(long, group = "ephemeral", verbatim_doc_comment)]
    no_preserve_ephemeral: bool,
    /// Set the key name of key pair on the rebuilt server. Cannot be specified with the --key-unset option. (supported by --os-compute-api-version 2.54 or above)
    #[arg(long, value_name = "<key-name>", group = "key", verbatim_doc_comment)]
    key_name: Option<String>,
    /// Unset the key name of key pair on the rebuilt server. Cannot be specified with the --key-name option. (supported by --os-compute-api-version 2.54 or above)
    #[arg(long, group = "key", verbatim_doc_comment)]
    no_key_name: bool,
    #[arg(long, group = "key", hide = true)]
    key_unset: bool,
    /// Add a new user data file to the rebuilt server. Cannot be specified with the --no-user-data option. (supported by --os-compute-api-version 2.57 or above)
    #[arg(long, value_name = "<user-data>", group = "ud", verbatim_doc_comment)]
    user_data: Option<String>,
    /// Remove existing user data when rebuilding server. Cannot be specified with the --user-data option. (supported by --os-compute-api-version 2.57 or above)
    #[arg(long, group = "ud", verbatim_doc_comment)]
    no_user_data: bool,
    /// Trusted image certificate IDs used to validate certificates during the image signature verification process. May be specified multiple times to pass multiple trusted image certificate IDs. Cannot be specified with the --no-trusted-certs option. (supported by --os-compute-api-version 2.63 or above)
    #[arg(
        long,
        value_name = "<trusted-cert-id>",
        group = "certs",
        verbatim_doc_comment
    )]
    trusted_image_cert: Vec<String>,
    /// Remove any existing trusted image certificates from the server. Cannot be specified with the --trusted-certs option. (supported by --os-compute-api-version 2.63 or above)
    #[arg(long, group = "certs", verbatim_doc_comment)]
    no_trusted_image_certs: bool,
    /// Hostname configured for the server in the metadata service. A separate utility running in the guest is required to propagate changes to this value to the guest OS itself (hostnames supported by --os-compute-api-version 2.90 or above, FQDNs supported by --os-compute-api-version 2.94 or above)
    #[arg(long, value_name = "<hostname>")]
    hostname: Option<String>,
    /// Rebuild a volume-backed server. This will wipe the root volume data and overwrite it with the provided image. Defaults to False. (supported by --os-compute-api-version 2.93 or above)
    #[arg(long, verbatim_doc_comment)]
    reimage_boot_volume: bool,
    /// Do not rebuild a volume-backed server. (supported by --os-compute-api-version 2.93 or above)
    #[arg(long)]
    no_reimage_boot_volume: bool,
    /// Wait for rebuild to complete
    #[arg(long)]
    wait: bool,
}

impl Command for RebuildServer {
    const WORDS: &'static str = "server rebuild";
    const ABOUT: &'static str = "Rebuild server";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let server = find_server(ctx, &self.server, false)?;
        let id = id_of(&server);
        let current_image = server
            .pointer("/image/id")
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
            .map(str::to_string);
        let image = match (&self.image, &current_image) {
            (Some(i), _) => find_image(ctx, i)?.id,
            (None, Some(i)) => i.clone(),
            (None, None) => {
                return Err(CliError::Message(
                    "The --image option is required when rebuilding a volume-backed server".into(),
                ));
            }
        };
        let mv = microversion(ctx)?;
        let mv = mv.as_deref();
        let mut body = Map::new();
        body.insert("imageRef".into(), image.into());
        if let Some(n) = &self.name {
            body.insert("name".into(), n.clone().into());
        }
        if let Some(p) = &self.password {
            body.insert("adminPass".into(), p.clone().into());
        }
        if self.preserve_ephemeral || self.no_preserve_ephemeral {
            body.insert("preserve_ephemeral".into(), self.preserve_ephemeral.into());
        }
        if !self.property.is_empty() {
            let md: Map<String, Value> = self
                .property
                .iter()
                .map(|(k, v)| (k.clone(), v.clone().into()))
                .collect();
            body.insert("metadata".into(), md.into());
        }
        if let Some(d) = self.description.as_ref().filter(|d| !d.is_empty()) {
            require(mv, "2.19", "--description option")?;
            body.insert("description".into(), d.clone().into());
        }
        if let Some(k) = self.key_name.as_ref().filter(|k| !k.is_empty()) {
            require(mv, "2.54", "--key-name option")?;
            body.insert("key_name".into(), k.clone().into());
        } else if self.no_key_name || self.key_unset {
            require(mv, "2.54", "--no-key-name option")?;
            body.insert("key_name".into(), Value::Null);
        }
        if let Some(u) = self.user_data.as_ref().filter(|u| !u.is_empty()) {
            require(mv, "2.54", "--user-data option")?;
            let data = std::fs::read(u).map_err(|e| {
                CliError::Message(format!(
                    "Can't open '{u}': {}",
                    super::create::py_os_error(&e, u)
                ))
            })?;
            body.insert("user_data".into(), super::create::base64(&data).into());
        } else if self.no_user_data {
            require(mv, "2.54", "--no-user-data option")?;
            body.insert("user_data".into(), Value::Null);
        }
        if !self.trusted_image_cert.is_empty() {
            require(mv, "2.63", "--trusted-certs option")?;
            body.insert(
                "trusted_image_certificates".into(),
                self.trusted_image_cert.clone().into(),
            );
        } else if self.no_trusted_image_certs {
            require(mv, "2.63", "--no-trusted-certs option")?;
            body.insert("trusted_image_certificates".into(), Value::Null);
        }
        if let Some(h) = self.hostname.as_ref().filter(|h| !h.is_empty()) {
            require(mv, "2.90", "--hostname option")?;
            body.insert("hostname".into(), h.clone().into());
        }
        if self.reimage_boot_volume {
            require(mv, "2.93", "--reimage-boot-volume option")?;
        } else if current_image.is_none() {
            if supports(mv, "2.93") {
                return Err(CliError::Message(
                    "--reimage-boot-volume is required to rebuild a volume-backed server".into(),
                ));
            }
            tracing::warn!(
                "Attempting to rebuild a volume-backed server using --os-compute-api-version 2.92 or earlier, which will only succeed if the image is identical to the one initially used. This will be an error in a future release."
            );
        }
        let status = server
            .get("status")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_lowercase();
        let success = match status.as_str() {
            "shutoff" => "shutoff",
            "error" | "active" => "active",
            _ => {
                return Err(CliError::Message(
                    "The server status is not ACTIVE, SHUTOFF or ERROR.".into(),
                ));
            }
        };
        let rebuilt = server_action(ctx, &id, json!({ "rebuild": body }), None)?
            .and_then(|mut v| v.get_mut("server").map(Value::take))
            .unwrap_or(server);
        let mut complete = false;
        if self.wait {
            if !wait_for(ctx, &id, &[success])? {
                return Err(CliError::Message(format!("Error rebuilding server: {id}")));
            }
            complete = true;
        }
        let session = ctx.session()?;
        let names = ctx.block_on(names_of(&session, &rebuilt))?;
        let record = detail_record(&rebuilt, None, mv, &names);
        Ok(if complete {
            Output::TextThen("Complete\n".into(), Box::new(Output::One(record)))
        } else {
            Output::One(record)
        })
    }
}
