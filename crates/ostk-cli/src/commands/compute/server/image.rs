//! `server image create`, `server backup create` (openstackclient/compute/v2/server_image.py,
//! server_backup.py) and `server dump create` (server.py CreateServerDump).

use super::{find_server, find_server_in, id_of, poll_interval};
use crate::commands::identity::common::sdk_error;
use crate::commands::image::{find_image, image_record, parse_key_value};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::py_repr_str as str_repr;
use ostk_sdk::client::ClientError;
use ostk_sdk::compute::Compute;
use ostk_sdk::image::ImageService;
use ostk_sdk::wait::{Outcome, Poll};
use serde_json::{Map, Value, json};

/// osc-lib `wait_for_status(image_client.get_image, id)`: polls until the image is `active`
/// (`Ok(true)`) or `error` (`Ok(false)`). Images report no progress, so nothing is printed
/// meanwhile.
fn wait_for_image(ctx: &mut Context, id: &str) -> Result<bool, CliError> {
    let session = ctx.session()?;
    let r = ctx.block_on_interruptible(
        async {
            let images = ImageService::new(&session);
            let poll = Poll {
                success: &["active"],
                error: &["error"],
                interval: &poll_interval,
                max_polls: None,
                transient_retries: 0,
            };
            let fetch = || async { Ok(Value::Object(images.get(id).await?.to_map())) };
            match poll.run(fetch, |_| {}).await? {
                Outcome::Reached(_) => Ok::<_, ClientError>(true),
                Outcome::Failed(_) | Outcome::GaveUp => Ok(false),
                Outcome::Gone(e) => Err(e),
            }
        },
        "Interrupted while waiting; the operation goes on in the cloud.",
    )?;
    r.map_err(|e| sdk_error(e, None))
}

/// Python's `str(CommandError(msg, arg))`: the tuple of both (osc passes the server as a
/// second argument instead of formatting it in).
fn two_arg_error(msg: &str, arg: &str) -> CliError {
    CliError::Message(format!("({}, {})", str_repr(msg), str_repr(arg)))
}

/// The image view; after a successful `--wait` osc writes an empty line first.
fn image_output(img: &ostk_sdk::image::Image, waited: bool) -> Output {
    let record = Output::One(image_record(img, false));
    if waited {
        Output::TextThen("\n".into(), Box::new(record))
    } else {
        record
    }
}

/// Create a new server disk image from an existing server
#[derive(clap::Args, Debug)]
pub struct CreateServerImage {
    /// Server to create image (name or ID)
    #[arg(value_name = "<server>")]
    server: String,
    /// Name of new disk image (default: server name)
    #[arg(long, value_name = "<image-name>")]
    name: Option<String>,
    /// Set a new property to meta_data.json on the metadata server (repeat option to set multiple values)
    #[arg(long = "property", value_name = "<key=value>", value_parser = parse_key_value)]
    properties: Vec<(String, String)>,
    /// Wait for operation to complete
    #[arg(long)]
    wait: bool,
}

impl Command for CreateServerImage {
    const WORDS: &'static str = "server image create";
    const ABOUT: &'static str = "Create a new server disk image from an existing server";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let server = find_server(ctx, &self.server, false)?;
        let name = match self.name.as_deref().filter(|n| !n.is_empty()) {
            Some(n) => n.to_string(),
            None => server
                .get("name")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string(),
        };
        let metadata = (!self.properties.is_empty()).then(|| {
            self.properties
                .iter()
                .map(|(k, v)| (k.clone(), json!(v)))
                .collect::<Map<_, _>>()
        });
        let session = ctx.session()?;
        let image_id = ctx
            .block_on(Compute::new(&session).create_server_image(&id_of(&server), &name, metadata))?
            .map_err(|e| sdk_error(e, None))?;
        if self.wait && !wait_for_image(ctx, &image_id)? {
            return Err(two_arg_error(
                "Error creating server image: %s",
                &self.server,
            ));
        }
        let img = find_image(ctx, &image_id)?;
        Ok(image_output(&img, self.wait))
    }
}

/// Create a server backup image
#[derive(clap::Args, Debug)]
pub struct CreateServerBackup {
    /// Server to back up (name or ID)
    #[arg(value_name = "<server>")]
    server: String,
    /// Name of the backup image (default: server name)
    #[arg(long, value_name = "<image-name>")]
    name: Option<String>,
    /// Used to populate the backup_type property of the backup image (default: empty)
    #[arg(long = "type", value_name = "<backup-type>")]
    backup_type: Option<String>,
    /// Number of backups to keep (default: 1)
    #[arg(long, value_name = "<count>", allow_negative_numbers = true)]
    rotate: Option<i64>,
    /// Wait for backup image create to complete
    #[arg(long)]
    wait: bool,
}

impl Command for CreateServerBackup {
    const WORDS: &'static str = "server backup create";
    const ABOUT: &'static str = "Create a server backup image";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let server = find_server(ctx, &self.server, false)?;
        let name = match &self.name {
            Some(n) => n.clone(),
            None => server
                .get("name")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string(),
        };
        let backup_type = self.backup_type.clone().unwrap_or_default();
        let rotation = self.rotate.unwrap_or(1);
        let session = ctx.session()?;
        ctx.block_on(Compute::new(&session).backup_server(
            &id_of(&server),
            &name,
            &backup_type,
            rotation,
        ))?
        .map_err(|e| sdk_error(e, None))?;
        // osc finds the backup by its name, not by the ID nova answered
        let img = find_image(ctx, &name)?;
        if self.wait && !wait_for_image(ctx, &img.id.clone())? {
            return Err(CliError::Message(format!(
                "Error creating server backup: {}",
                self.name.as_deref().unwrap_or("None")
            )));
        }
        Ok(image_output(&img, self.wait))
    }
}

/// Create a dump file in server(s)
/// Trigger crash dump in server(s) with features like kdump in Linux. It will create a dump file in the server(s) dumping the server(s)' memory, and also crash the server(s). This is contingent on guest operating system support, and the location of the dump file inside the guest will depend on the exact guest operating system.
/// This command requires ``--os-compute-api-version`` 2.17 or greater.
#[derive(clap::Args, Debug)]
pub struct CreateServerDump {
    /// Server(s) to create dump file (name or ID)
    #[arg(value_name = "<server>", required = true)]
    server: Vec<String>,
}

impl Command for CreateServerDump {
    const WORDS: &'static str = "server dump create";
    const ABOUT: &'static str = "Create a dump file in server(s)\nTrigger crash dump in server(s) with features like kdump in Linux. It will create a dump file in the server(s) dumping the server(s)' memory, and also crash the server(s). This is contingent on guest operating system support, and the location of the dump file inside the guest will depend on the exact guest operating system. This command requires ``--os-compute-api-version`` 2.17 or greater.";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        // one after the other, stopping at the first failure, as osc does
        for name in &self.server {
            ctx.block_on(async {
                let id = id_of(&find_server_in(&session, name, false).await?);
                Compute::new(&session)
                    .act(&id, json!({"trigger_crash_dump": null}), None)
                    .await
                    .map_err(|e| sdk_error(e, None))
            })??;
        }
        Ok(Output::None)
    }
}
