//! `image create` (openstackclient/image/v2/image.py CreateImage, with openstacksdk's
//! `create_image`/`_upload_image_put`): creates the record, then streams the data from
//! `--file` or stdin (direct upload, or stage + `glance-direct` import with `--import`).
//! A failed upload deletes the half-made image, as openstacksdk does; so does Ctrl-C during
//! the upload (exit 130), where the reference leaves a `queued` image behind.

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::client::ClientError;
use ostk_sdk::client::transfer::Source;
use ostk_sdk::image::ImageService;
use serde_json::{Map, json};
use std::io::IsTerminal;

/// Create/upload an image
#[derive(clap::Args, Debug)]
pub struct CreateImage {
    /// New image name
    #[arg(value_name = "<image-name>")]
    name: String,
    /// Image ID to reserve
    #[arg(long, value_name = "<id>")]
    id: Option<String>,
    /// Image container format. The supported options are: ami, ari, aki, bare, docker, ova, ovf. The default format is: bare
    #[arg(long, value_name = "<container-format>", default_value = "bare", hide_default_value = true,
          value_parser = super::CONTAINER_CHOICES, hide_possible_values = true)]
    container_format: String,
    /// Image disk format. The supported options are: ami, ari, aki, vhd, vmdk, raw, qcow2, vhdx, vdi, iso, ploop. The default format is: raw
    #[arg(long, value_name = "<disk-format>", default_value = "raw", hide_default_value = true,
          value_parser = super::DISK_CHOICES, hide_possible_values = true)]
    disk_format: String,
    /// Minimum disk size needed to boot image, in gigabytes
    #[arg(long, value_name = "<disk-gb>")]
    min_disk: Option<i64>,
    /// Minimum RAM size needed to boot image, in megabytes
    #[arg(long, value_name = "<ram-mb>")]
    min_ram: Option<i64>,
    /// Size of image data in bytes. Providing this can improve upload performance.
    #[arg(long, value_name = "<size>", verbatim_doc_comment, value_parser = parse_size)]
    size: Option<u64>,
    /// Upload image from local file
    #[arg(long, value_name = "<file>", group = "source")]
    file: Option<String>,
    /// Create image from a volume
    #[arg(long, value_name = "<volume>", group = "source")]
    volume: Option<String>,
    /// Force image creation if volume is in use (only meaningful with --volume)
    #[arg(long)]
    force: bool,
    /// Show upload progress bar (ignored if passing data via stdin)
    #[arg(long)]
    progress: bool,
    /// Sign the image using the specified private key. Only use in combination with --sign-cert-id
    #[arg(long, value_name = "<sign-key-path>")]
    sign_key_path: Option<String>,
    /// The specified certificate UUID is a reference to the certificate in the key manager that corresponds to the public key and is used for signature validation. Only use in combination with --sign-key-path
    #[arg(long, value_name = "<sign-cert-id>")]
    sign_cert_id: Option<String>,
    /// Prevent image from being deleted
    #[arg(long, group = "prot")]
    protected: bool,
    /// Allow image to be deleted (default)
    #[arg(long, group = "prot")]
    unprotected: bool,
    /// Image is accessible and visible to all users
    #[arg(long, group = "vis")]
    public: bool,
    /// Image is only accessible by the owner (default until --os-image-api-version 2.5)
    #[arg(long, group = "vis")]
    private: bool,
    /// Image is accessible by all users but does not appear in the default image list of any user except the owner (requires --os-image-api-version 2.5 or later)
    #[arg(long, group = "vis")]
    community: bool,
    /// Image is only accessible by the owner and image members (requires --os-image-api-version 2.5 or later) (default since --os-image-api-version 2.5)
    #[arg(long, group = "vis")]
    shared: bool,
    /// Set a property on this image (repeat option to set multiple properties)
    #[arg(long, value_name = "<key=value>", value_parser = super::parse_key_value, action = clap::ArgAction::Append)]
    property: Vec<(String, String)>,
    /// Set a tag on this image (repeat option to set multiple tags)
    #[arg(long, value_name = "<tag>", action = clap::ArgAction::Append)]
    tag: Vec<String>,
    /// Set an alternate project on this image (name or ID)
    #[arg(long, value_name = "<project>")]
    project: Option<String>,
    /// Force the use of glance image import instead of direct upload
    #[arg(long = "import")]
    use_import: bool,
    /// Domain the project belongs to (name or ID). This can be used in case collisions between project names exist.
    #[arg(long, value_name = "<project-domain>", verbatim_doc_comment)]
    project_domain: Option<String>,
    #[arg(long, value_name = "<location>", hide = true)]
    location: Option<String>,
    #[arg(long, value_name = "<copy-from>", hide = true)]
    copy_from: Option<String>,
    #[arg(long, value_name = "<checksum>", hide = true)]
    checksum: Option<String>,
    #[arg(long, value_name = "<store>", hide = true)]
    store: Option<String>,
}

/// image.py `_parse_image_size`.
pub fn parse_size(s: &str) -> Result<u64, String> {
    let n: i64 = s
        .parse()
        .map_err(|_| format!("'{s}' is not a valid size (use a positive integer)"))?;
    if n <= 0 {
        return Err("Size must be a positive integer".into());
    }
    Ok(n as u64)
}

/// image.py `get_data_from_stdin`: stdin when it is open and not a terminal.
pub fn stdin_source() -> Option<Source> {
    #[cfg(unix)]
    if std::fs::metadata("/dev/stdin").is_err() {
        return None;
    }
    (!std::io::stdin().is_terminal()).then_some(Source::Stdin)
}

/// Deletes an image whose upload was cut short. glance may still be winding the upload down
/// (setting the image back to `queued`) when the delete comes, and answer a conflict or a
/// server error: a few retries see it through; an image already gone is fine.
async fn delete_unfinished(glance: &ImageService<'_>, id: &str) -> Result<(), ClientError> {
    let mut tries = 0;
    loop {
        match glance.delete(id, None).await {
            Err(e) if e.status() == Some(404) => return Ok(()),
            Err(e) if tries < 10 && e.status().is_some_and(|s| s == 409 || s >= 500) => {
                tries += 1;
                tokio::time::sleep(std::time::Duration::from_millis(500)).await;
            }
            r => return r,
        }
    }
}

impl Command for CreateImage {
    const WORDS: &'static str = "image create";
    const ABOUT: &'static str = "Create/upload an image";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        for (opt, v) in [
            ("location", &self.location),
            ("copy-from", &self.copy_from),
            ("checksum", &self.checksum),
            ("store", &self.store),
        ] {
            if v.as_deref().is_some_and(|s| !s.is_empty()) {
                return Err(CliError::Message(format!(
                    "ERROR: --{opt} was given, which is an Image v1 option that is no longer supported in Image v2"
                )));
            }
        }
        if self.volume.is_some() {
            return Err(CliError::Message(
                "creating an image from a volume needs the block storage service, which ostk does not support yet".into(),
            ));
        }
        let session = ctx.session()?;
        let mut attrs = Map::new();
        attrs.insert("name".into(), json!(self.name));
        if let Some(id) = self.id.as_deref().filter(|s| !s.is_empty()) {
            attrs.insert("id".into(), json!(id));
        }
        attrs.insert("container_format".into(), json!(self.container_format));
        attrs.insert("disk_format".into(), json!(self.disk_format));
        // OSC copies only truthy values: `--min-disk 0` is not sent.
        if let Some(n) = self.min_disk.filter(|n| *n != 0) {
            attrs.insert("min_disk".into(), json!(n));
        }
        if let Some(n) = self.min_ram.filter(|n| *n != 0) {
            attrs.insert("min_ram".into(), json!(n));
        }
        if !self.tag.is_empty() {
            attrs.insert("tags".into(), json!(self.tag));
        }
        for (k, v) in &self.property {
            attrs.insert(k.clone(), json!(v));
        }
        if self.protected || self.unprotected {
            attrs.insert("protected".into(), json!(self.protected));
        }
        let vis = [
            (self.public, "public"),
            (self.private, "private"),
            (self.community, "community"),
            (self.shared, "shared"),
        ];
        if let Some((_, v)) = vis.iter().find(|(on, _)| *on) {
            attrs.insert("visibility".into(), json!(v));
        }
        if let Some(p) = &self.project {
            let id = crate::commands::identity::common::find_project_id(
                ctx,
                p,
                self.project_domain.as_deref(),
                true,
            )?;
            attrs.insert("owner".into(), json!(id));
        }
        let source = match &self.file {
            Some(f) => {
                if std::fs::File::open(f).is_err() {
                    return Err(CliError::Message(format!("'{f}' is not a valid file")));
                }
                Some(Source::File(f.into()))
            }
            None => stdin_source(),
        };
        if self.size.is_some() && source.is_none() {
            return Err(CliError::Message(
                "--size requires image data via --file or stdin".into(),
            ));
        }
        if self.sign_key_path.is_some() || self.sign_cert_id.is_some() {
            if self.file.is_none() {
                return Err(CliError::Message("signing an image requires the --file option, passing files via stdin when signing is not supported.".into()));
            }
            return Err(CliError::Message(
                "image signing is not supported by ostk yet".into(),
            ));
        }
        // openstacksdk create_image's bookkeeping properties (checksums only when validating,
        // which OSC never asks for).
        attrs.insert("owner_specified.openstack.md5".into(), json!(""));
        attrs.insert("owner_specified.openstack.sha256".into(), json!(""));
        attrs.insert(
            "owner_specified.openstack.object".into(),
            json!(format!("images/{}", self.name)),
        );
        let glance = ImageService::new(&session);
        let progress = self.progress && matches!(source, Some(Source::File(_)));
        let use_import = self.use_import;
        let size = self.size;
        let img = ctx.block_on(async {
            let Some(source) = source else {
                return glance.create(attrs).await.map(|(img, _)| Ok(img));
            };
            // With data to send, Ctrl-C is ours from before the image exists (this first poll
            // registers the handler): the upload stops and the half-made image is deleted.
            let mut ctrl_c = std::pin::pin!(tokio::signal::ctrl_c());
            tokio::select! {
                biased;
                _ = &mut ctrl_c => return Err(ClientError::Interrupted("interrupted".into())),
                _ = std::future::ready(()) => {}
            }
            let (img, methods) = glance.create(attrs).await?;
            if use_import && !methods.iter().any(|m| m == "glance-direct") {
                // openstacksdk `_upload_image_put` raises before its cleanup block: the queued
                // image stays.
                return Ok(Err(CliError::Message("Importing image was requested but the cloud does not support the image import method.".into())));
            }
            let send = async {
                if use_import {
                    glance.stage(&img.id, &source, size, progress).await?;
                    glance
                        .import(&img.id, json!({"method": {"name": "glance-direct"}}))
                        .await
                } else {
                    glance.upload(&img.id, &source, progress).await
                }
            };
            let sent = tokio::select! {
                biased;
                _ = &mut ctrl_c => None,
                r = send => Some(r),
            };
            let Some(sent) = sent else {
                return Err(ClientError::Interrupted(
                    match delete_unfinished(&glance, &img.id).await {
                        Ok(()) => format!("interrupted: deleted the unfinished image {}", img.id),
                        Err(e) => format!(
                            "interrupted; deleting the unfinished image {} failed: {e}",
                            img.id
                        ),
                    },
                ));
            };
            if let Err(e) = sent {
                tracing::debug!("Deleting failed upload of image {}", self.name);
                let _ = delete_unfinished(&glance, &img.id).await;
                return Err(e);
            }
            glance.get(&img.id).await.map(Ok)
        })???;
        Ok(Output::One(super::image_record(&img, false)))
    }
}
