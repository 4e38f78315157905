//! `image set` (openstackclient/image/v2/image.py SetImage): actions (deactivate/reactivate),
//! membership status, then one JSON-Patch of the changed attributes.

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::image::ImageService;
use serde_json::{Value, json};

/// Set image properties
#[derive(clap::Args, Debug)]
pub struct SetImage {
    /// Image to modify (name or ID)
    #[arg(value_name = "<image>")]
    image: String,
    /// New image name
    #[arg(long, value_name = "<name>")]
    name: Option<String>,
    /// Minimum disk size needed to boot image, in gigabytes
    #[arg(long, value_name = "<disk-gb>")]
    min_disk: Option<i64>,
    /// Minimum RAM size needed to boot image, in megabytes
    #[arg(long, value_name = "<ram-mb>")]
    min_ram: Option<i64>,
    /// Image container format. The supported options are: ami, ari, aki, bare, docker, ova, ovf
    #[arg(long, value_name = "<container-format>", value_parser = super::CONTAINER_CHOICES, hide_possible_values = true)]
    container_format: Option<String>,
    /// Image disk format. The supported options are: ami, ari, aki, vhd, vmdk, raw, qcow2, vhdx, vdi, iso, ploop
    #[arg(long, value_name = "<disk-format>", value_parser = super::DISK_CHOICES, hide_possible_values = true)]
    disk_format: Option<String>,
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
    /// Operating system architecture
    #[arg(long, value_name = "<architecture>")]
    architecture: Option<String>,
    /// ID of server instance used to create this image
    #[arg(long, value_name = "<instance-id>")]
    instance_id: Option<String>,
    #[arg(long, value_name = "<instance-id>", hide = true)]
    instance_uuid: Option<String>,
    /// ID of kernel image used to boot this disk image
    #[arg(long, value_name = "<kernel-id>")]
    kernel_id: Option<String>,
    /// Operating system distribution name
    #[arg(long, value_name = "<os-distro>")]
    os_distro: Option<String>,
    /// Operating system distribution version
    #[arg(long, value_name = "<os-version>")]
    os_version: Option<String>,
    /// ID of ramdisk image used to boot this disk image
    #[arg(long, value_name = "<ramdisk-id>")]
    ramdisk_id: Option<String>,
    /// Deactivate the image
    #[arg(long, group = "act")]
    deactivate: bool,
    /// Activate the image
    #[arg(long, group = "act")]
    activate: bool,
    /// Set an alternate project on this image (name or ID)
    #[arg(long, value_name = "<project>")]
    project: Option<String>,
    /// Domain the project belongs to (name or ID). This can be used in case collisions between project names exist.
    #[arg(long, value_name = "<project-domain>", verbatim_doc_comment)]
    project_domain: Option<String>,
    #[arg(long, value_name = "<visibility>", hide = true)]
    visibility: Option<String>,
    /// Accept the image membership for either the project indicated by '--project', if provided, or the current user's project
    #[arg(long, group = "member")]
    accept: bool,
    /// Reject the image membership for either the project indicated by '--project', if provided, or the current user's project
    #[arg(long, group = "member")]
    reject: bool,
    /// Reset the image membership to 'pending'
    #[arg(long, group = "member")]
    pending: bool,
    /// Hide the image
    #[arg(long, group = "hide")]
    hidden: bool,
    /// Unhide the image
    #[arg(long, group = "hide")]
    unhidden: bool,
}

impl Command for SetImage {
    const WORDS: &'static str = "image set";
    const ABOUT: &'static str = "Set image properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        if self.visibility.as_deref().is_some_and(|v| !v.is_empty()) {
            return Err(CliError::Message(
                "ERROR: --visibility was given, which is an Image v1 option that is no longer supported in Image v2".into(),
            ));
        }
        let img = super::find_image(ctx, &self.image)?;
        let project_id = match &self.project {
            Some(p) => Some(crate::commands::identity::common::find_project_id(
                ctx,
                p,
                self.project_domain.as_deref(),
                true,
            )?),
            None => None,
        };
        let session = ctx.session()?;
        let glance = ImageService::new(&session);
        let mut activation = None;
        if self.deactivate {
            ctx.block_on(glance.action(&img.id, "deactivate"))??;
            activation = Some("deactivated");
        }
        if self.activate {
            ctx.block_on(glance.action(&img.id, "reactivate"))??;
            activation = Some("activated");
        }
        let membership = [
            (self.accept, "accepted"),
            (self.reject, "rejected"),
            (self.pending, "pending"),
        ]
        .iter()
        .find(|(on, _)| *on)
        .map(|(_, s)| *s);
        if let Some(status) = membership {
            let member = match &project_id {
                Some(p) => p.clone(),
                None => ctx
                    .block_on(session.access())??
                    .project_id
                    .clone()
                    .unwrap_or_default(),
            };
            ctx.block_on(glance.update_member(&img.id, &member, status))??;
        }
        let mut changes: Vec<(String, Value)> = Vec::new();
        let instance_id = self.instance_id.clone().or(self.instance_uuid.clone());
        let strs = [
            ("architecture", &self.architecture),
            ("container_format", &self.container_format),
            ("disk_format", &self.disk_format),
            ("instance_id", &instance_id),
            ("kernel_id", &self.kernel_id),
            ("name", &self.name),
            ("os_distro", &self.os_distro),
            ("os_version", &self.os_version),
            ("ramdisk_id", &self.ramdisk_id),
        ];
        for (k, v) in strs {
            if let Some(v) = v {
                changes.push((k.into(), json!(v)));
            }
        }
        if let Some(n) = self.min_disk {
            changes.push(("min_disk".into(), json!(n)));
        }
        if let Some(n) = self.min_ram {
            changes.push(("min_ram".into(), json!(n)));
        }
        for (k, v) in &self.property {
            changes.push((k.clone(), json!(v)));
        }
        if self.protected || self.unprotected {
            changes.push(("protected".into(), json!(self.protected)));
        }
        let vis = [
            (self.public, "public"),
            (self.private, "private"),
            (self.community, "community"),
            (self.shared, "shared"),
        ];
        if let Some((_, v)) = vis.iter().find(|(on, _)| *on) {
            changes.push(("visibility".into(), json!(v)));
        }
        if let (Some(p), None) = (&project_id, membership) {
            changes.push(("owner".into(), json!(p)));
        }
        if !self.tag.is_empty() {
            let mut tags = img.tags.clone();
            for t in &self.tag {
                if !tags.contains(t) {
                    tags.push(t.clone());
                }
            }
            changes.push(("tags".into(), json!(tags)));
        }
        if self.hidden || self.unhidden {
            changes.push(("os_hidden".into(), json!(self.hidden)));
        }
        let current = img.to_map();
        let mut ops = Vec::new();
        for (k, v) in changes {
            if current.get(&k) == Some(&v) {
                continue;
            }
            let op = if current.contains_key(&k) {
                "replace"
            } else {
                "add"
            };
            // JSON-Pointer escaping of the property name
            let path = format!("/{}", k.replace('~', "~0").replace('/', "~1"));
            ops.retain(|o: &Value| o.get("path") != Some(&json!(path)));
            ops.push(json!({"op": op, "path": path, "value": v}));
        }
        if ops.is_empty() {
            return Ok(Output::None);
        }
        if let Err(e) = ctx.block_on(glance.patch(&img.id, ops))? {
            if let Some(s) = activation {
                tracing::info!("Image {} was {s}.", img.id);
            }
            return Err(e.into());
        }
        Ok(Output::None)
    }
}
