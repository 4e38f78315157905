//! `volume attachment …` (openstackclient/volume/v3/volume_attachment.py): cinder's new-style
//! attachments API (3.27+; `complete` 3.44+): create, delete, set, complete, list, show.

use super::{VOLUME, call, cell, dict_cell, find, id, require};
use crate::commands::compute::common::MarkerPagination;
use crate::commands::compute::server::find_server;
use crate::commands::identity::common::find_project_id;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Listing, Record};
use ostk_sdk::client::{Method, Session};
use ostk_sdk::volume as cinder;
use serde_json::{Map, Value, json};

/// `_format_attachment`.
fn record(a: &Value) -> Record {
    let f = |h: &str, k: &str| (h.to_string(), cell(a.get(k)));
    Record {
        fields: vec![
            f("ID", "id"),
            f("Volume ID", "volume_id"),
            f("Instance ID", "instance"),
            f("Status", "status"),
            f("Attach Mode", "attach_mode"),
            f("Attached At", "attached_at"),
            f("Detached At", "detached_at"),
            ("Properties".into(), dict_cell(a.get("connection_info"))),
        ],
    }
}

fn need(ctx: &mut Context, s: &Session, version: &str, words: &str) -> Result<(), CliError> {
    require(ctx, s, version, &format!("'{words}' command"))
}

/// The connector options shared by `create --connect` and `set`.
#[derive(clap::Args, Debug)]
pub struct Connector {
    /// IQN of the initiator attaching to
    #[arg(long, value_name = "<initiator>")]
    initiator: Option<String>,
    /// IP of the system attaching to
    #[arg(long, value_name = "<ip>")]
    ip: Option<String>,
    /// Name of the host attaching to
    #[arg(long, value_name = "<host>")]
    host: Option<String>,
}

/// The connector options after `--server` in `create` (argparse order).
#[derive(clap::Args, Debug)]
pub struct ConnectorTail {
    /// Platform type
    #[arg(long, value_name = "<platform>")]
    platform: Option<String>,
    /// OS type
    #[arg(long, value_name = "<ostype>")]
    os_type: Option<String>,
    /// Use multipath
    #[arg(long, overrides_with = "no_multipath")]
    multipath: bool,
    /// Use multipath
    #[arg(long, overrides_with = "multipath")]
    no_multipath: bool,
    /// Mountpoint volume will be attached at
    #[arg(long, value_name = "<mountpoint>")]
    mountpoint: Option<String>,
}

fn connector(c: &Connector, t: &ConnectorTail) -> Value {
    json!({
        "initiator": c.initiator,
        "ip": c.ip,
        "platform": t.platform,
        "host": c.host,
        "os_type": t.os_type,
        "multipath": t.multipath,
        "mountpoint": t.mountpoint,
    })
}

/// Create an attachment for a volume.
///
/// This command will only create a volume attachment in the Volume service. It
/// will not invoke the necessary Compute service actions to actually attach
/// the volume to the server at the hypervisor level. As a result, it should
/// typically only be used for troubleshooting issues with an existing server
/// in combination with other tooling. For all other use cases, the 'server
/// add volume' command should be preferred.
#[derive(clap::Args, Debug)]
pub struct CreateVolumeAttachment {
    /// Name or ID of volume to attach to server.
    #[arg(value_name = "<volume>", verbatim_doc_comment)]
    volume: String,
    // deprecated positional form of --server
    #[arg(value_name = "<server>", hide = true)]
    server_old: Option<String>,
    /// Make an active connection using provided connector info
    #[arg(long, overrides_with = "no_connect")]
    connect: bool,
    /// Do not make an active connection using provided connector info
    #[arg(long, overrides_with = "connect")]
    no_connect: bool,
    #[command(flatten)]
    conn: Connector,
    /// Name or ID of server attaching to
    #[arg(long, value_name = "<server>")]
    server: Option<String>,
    #[command(flatten)]
    tail: ConnectorTail,
    /// Mode of volume attachment, rw, ro and null, where null indicates we want to honor any
    /// existing admin-metadata settings (supported by --os-volume-api-version 3.54 or later)
    #[arg(long, value_name = "<mode>")]
    mode: Option<String>,
}

impl Command for CreateVolumeAttachment {
    const WORDS: &'static str = "volume attachment create";
    const ABOUT: &'static str = "Create an attachment for a volume.\n\nThis command will only create a volume attachment in the Volume service. It\nwill not invoke the necessary Compute service actions to actually attach\nthe volume to the server at the hypervisor level. As a result, it should\ntypically only be used for troubleshooting issues with an existing server\nin combination with other tooling. For all other use cases, the 'server\nadd volume' command should be preferred.";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let _ = self.no_connect;
        let s = ctx.session()?;
        need(ctx, &s, "3.27", Self::WORDS)?;
        if self.mode.is_some() {
            require(ctx, &s, "3.54", "'--mode' option")?;
        }
        let mut server = self.server.clone();
        if let Some(old) = &self.server_old {
            tracing::warn!(
                "The <server> positional argument is deprecated in favour of the --server \
                 <server> option argument"
            );
            server = server.or(Some(old.clone()));
        }
        let conn = if self.connect {
            connector(&self.conn, &self.tail)
        } else {
            let c = &self.conn;
            let t = &self.tail;
            if c.initiator.is_some()
                || c.ip.is_some()
                || c.host.is_some()
                || t.platform.is_some()
                || t.multipath
                || t.mountpoint.is_some()
            {
                return Err(CliError::Message(
                    "You must specify the --connect option for any of the connection-specific \
                     options such as --initiator to be valid"
                        .into(),
                ));
            }
            json!({})
        };
        let vid = id(&find(ctx, VOLUME, &self.volume)?);
        // openstacksdk looks up the missing server as the string "None"
        let sid = id(&find_server(
            ctx,
            server.as_deref().unwrap_or("None"),
            false,
        )?);
        let mut attrs = Map::new();
        attrs.insert("volume_uuid".into(), json!(vid));
        attrs.insert("instance_uuid".into(), json!(sid));
        attrs.insert("connector".into(), conn);
        // from 3.54 openstacksdk drops an empty mode; before it sends null
        if self.mode.is_some() || !call(ctx, cinder::supports(&s, "3.54"))? {
            attrs.insert("mode".into(), json!(self.mode));
        }
        let body = json!({ "attachment": attrs });
        let cap = cinder::ATTACHMENTS.microversion;
        let v = call(
            ctx,
            cinder::call(&s, Method::POST, "attachments", Some(body), cap),
        )?;
        Ok(Output::One(record(&v["attachment"])))
    }
}

/// Delete an attachment for a volume.
///
/// Similarly to the 'volume attachment create' command, this command will only
/// delete the volume attachment record in the Volume service. It will not
/// invoke the necessary Compute service actions to actually attach the volume
/// to the server at the hypervisor level. As a result, it should typically
/// only be used for troubleshooting issues with an existing server in
/// combination with other tooling. For all other use cases, the 'server volume
/// remove' command should be preferred.
#[derive(clap::Args, Debug)]
pub struct DeleteVolumeAttachment {
    /// ID of volume attachment to delete
    #[arg(value_name = "<attachment>")]
    attachment: String,
}

impl Command for DeleteVolumeAttachment {
    const WORDS: &'static str = "volume attachment delete";
    const ABOUT: &'static str = "Delete an attachment for a volume.\n\nSimilarly to the 'volume attachment create' command, this command will only\ndelete the volume attachment record in the Volume service. It will not\ninvoke the necessary Compute service actions to actually attach the volume\nto the server at the hypervisor level. As a result, it should typically\nonly be used for troubleshooting issues with an existing server in\ncombination with other tooling. For all other use cases, the 'server volume\nremove' command should be preferred.";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let s = ctx.session()?;
        need(ctx, &s, "3.27", Self::WORDS)?;
        // openstacksdk's delete_attachment ignores a missing one
        match ctx.block_on(cinder::ATTACHMENTS.delete(&s, &self.attachment))? {
            Err(e) if e.status() == Some(404) => {}
            r => r.map_err(super::sdk)?,
        }
        Ok(Output::None)
    }
}

/// Update an attachment for a volume.
///
/// This call is designed to be more of an volume attachment completion than
/// anything else. It expects the value of a connector object to notify the
/// driver that the volume is going to be connected and where it's being
/// connected to.
#[derive(clap::Args, Debug)]
pub struct SetVolumeAttachment {
    /// ID of volume attachment.
    #[arg(value_name = "<attachment>", verbatim_doc_comment)]
    attachment: String,
    #[command(flatten)]
    conn: Connector,
    #[command(flatten)]
    tail: ConnectorTail,
}

impl Command for SetVolumeAttachment {
    const WORDS: &'static str = "volume attachment set";
    const ABOUT: &'static str = "Update an attachment for a volume.\n\nThis call is designed to be more of an volume attachment completion than\nanything else. It expects the value of a connector object to notify the\ndriver that the volume is going to be connected and where it's being\nconnected to.";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let s = ctx.session()?;
        need(ctx, &s, "3.27", Self::WORDS)?;
        let attrs = Map::from_iter([("connector".to_string(), connector(&self.conn, &self.tail))]);
        let v = super::update(ctx, &s, &cinder::ATTACHMENTS, &self.attachment, attrs)?;
        Ok(Output::One(record(&v["attachment"])))
    }
}

/// Complete an attachment for a volume.
#[derive(clap::Args, Debug)]
pub struct CompleteVolumeAttachment {
    /// ID of volume attachment to mark as completed
    #[arg(value_name = "<attachment>")]
    attachment: String,
}

impl Command for CompleteVolumeAttachment {
    const WORDS: &'static str = "volume attachment complete";
    const ABOUT: &'static str = "Complete an attachment for a volume.";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let s = ctx.session()?;
        need(ctx, &s, "3.44", Self::WORDS)?;
        let args = json!(self.attachment);
        let f = cinder::action(
            &s,
            &cinder::ATTACHMENTS,
            &self.attachment,
            "os-complete",
            args,
        );
        call(ctx, f)?;
        Ok(Output::None)
    }
}

/// Lists all volume attachments.
#[derive(clap::Args, Debug)]
pub struct ListVolumeAttachment {
    /// Filter results by project (name or ID) (admin only)
    #[arg(long, value_name = "<project>")]
    project: Option<String>,
    /// Domain the project belongs to (name or ID). This can be used in case collisions between project names exist.
    #[arg(long, value_name = "<project-domain>", verbatim_doc_comment)]
    project_domain: Option<String>,
    /// Shows details for all projects (admin only).
    #[arg(long, verbatim_doc_comment)]
    all_projects: bool,
    /// Filters results by a volume ID. This option is deprecated. Consider using the '--filters' option which was introduced in microversion 3.33 instead.
    #[arg(long, value_name = "<volume-id>", verbatim_doc_comment)]
    volume_id: Option<String>,
    /// Filters results by a server ID. This option is deprecated. Consider using the '--filters' option which was introduced in microversion 3.33 instead.
    #[arg(long, value_name = "<server-id>", verbatim_doc_comment)]
    server_id: Option<String>,
    /// Filters results by a status. This option is deprecated. Consider using the '--filters' option which was introduced in microversion 3.33 instead.
    #[arg(long, value_name = "<status>", verbatim_doc_comment)]
    status: Option<String>,
    #[command(flatten)]
    page: MarkerPagination,
}

impl Command for ListVolumeAttachment {
    const WORDS: &'static str = "volume attachment list";
    const ABOUT: &'static str = "Lists all volume attachments.";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let s = ctx.session()?;
        need(ctx, &s, "3.27", Self::WORDS)?;
        let mut q: Vec<(&str, String)> = Vec::new();
        if let Some(p) = &self.project {
            let pid = find_project_id(ctx, p, self.project_domain.as_deref(), true)?;
            q.push(("project_id", pid));
        }
        let all = self.project.is_some()
            || self.all_projects
            || crate::commands::compute::server::all_projects_env(ctx);
        if all {
            q.push(("all_tenants", "True".into()));
        }
        for (k, v) in [
            ("volume_id", &self.volume_id),
            ("instance_id", &self.server_id),
            ("status", &self.status),
        ] {
            if let Some(v) = v {
                q.push((k, v.clone()));
            }
        }
        if let Some(l) = self.page.limit() {
            q.push(("limit", l.to_string()));
        }
        if let Some(m) = self.page.marker() {
            q.push(("marker", m.to_string()));
        }
        let mut items = call(ctx, cinder::ATTACHMENTS_DETAIL.list(&s, &q))?;
        self.page.truncate(&mut items);
        let rows = items
            .iter()
            .map(|a| {
                ["id", "volume_id", "instance", "status"]
                    .iter()
                    .map(|k| cell(a.get(*k)))
                    .collect()
            })
            .collect();
        Ok(Output::List(Listing {
            columns: ["ID", "Volume ID", "Server ID", "Status"]
                .map(String::from)
                .to_vec(),
            rows,
        }))
    }
}

/// Show detailed information for a volume attachment.
#[derive(clap::Args, Debug)]
pub struct ShowVolumeAttachment {
    /// ID of volume attachment.
    #[arg(value_name = "<attachment>", verbatim_doc_comment)]
    attachment: String,
}

impl Command for ShowVolumeAttachment {
    const WORDS: &'static str = "volume attachment show";
    const ABOUT: &'static str = "Show detailed information for a volume attachment.";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let s = ctx.session()?;
        need(ctx, &s, "3.27", Self::WORDS)?;
        let a = call(ctx, cinder::ATTACHMENTS.get(&s, &self.attachment))?;
        Ok(Output::One(record(&a)))
    }
}
