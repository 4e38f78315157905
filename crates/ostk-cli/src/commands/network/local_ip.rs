//! `local ip create/delete/list/set/show` and `local ip association create/delete/list`
//! (openstackclient/network/v2/local_ip.py, local_ip_association.py).

use super::common as c;
use crate::commands::common::bulk;
use crate::commands::identity::common::sdk_error;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::network::{LOCAL_IP, LOCAL_IP_ASSOCIATION, NETWORK, PORT};
use serde_json::{Map, Value, json};

fn record(body: &Value) -> Output {
    Output::One(c::show_record(
        &LOCAL_IP,
        body,
        &[],
        &["location", "tenant_id"],
        &[],
    ))
}

/// The option given and not empty (OSC tests these for truth).
fn given(v: &Option<String>) -> Option<&str> {
    v.as_deref().filter(|v| !v.is_empty())
}

/// Create Local IP
#[derive(clap::Args, Debug)]
pub struct CreateLocalIP {
    /// New Local IP name
    #[arg(long, value_name = "<name>")]
    name: Option<String>,
    /// Description for Local IP
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    /// Network to allocate Local IP from (name or ID)
    #[arg(long, value_name = "<network>")]
    network: Option<String>,
    /// Port to allocate Local IP from (name or ID)
    #[arg(long, value_name = "<local-port>")]
    local_port: Option<String>,
    /// IP address or CIDR for Local IP
    #[arg(long, value_name = "<local-ip-address>")]
    local_ip_address: Option<String>,
    /// IP mode to use for Local IP
    #[arg(long, value_name = "<ip-mode>")]
    ip_mode: Option<String>,
    /// Domain the project belongs to (name or ID). This can be used in case collisions between project names exist.
    #[arg(long, value_name = "<project-domain>", verbatim_doc_comment)]
    project_domain: Option<String>,
}

impl Command for CreateLocalIP {
    const WORDS: &'static str = "local ip create";
    const ABOUT: &'static str = "Create Local IP";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut a = Map::new();
        c::put(&mut a, "name", given(&self.name));
        c::put(&mut a, "description", given(&self.description));
        if let Some(n) = given(&self.network) {
            a.insert("network_id".into(), json!(c::find_id(ctx, &NETWORK, n)?));
        }
        c::put(&mut a, "local_ip_address", given(&self.local_ip_address));
        if let Some(p) = given(&self.local_port) {
            a.insert("local_port_id".into(), json!(c::find_id(ctx, &PORT, p)?));
        }
        c::put(&mut a, "ip_mode", given(&self.ip_mode));
        Ok(record(&c::create(ctx, &LOCAL_IP, a)?))
    }
}

crate::network_delete_command!(
    DeleteLocalIP,
    "local ip delete",
    "Delete Local IP(s)",
    local_ip,
    "<local-ip>",
    "Local IP(s) to delete (name or ID)",
    LOCAL_IP,
    "Local IP",
    "local IPs"
);

/// Set Local IP properties
#[derive(clap::Args, Debug)]
pub struct SetLocalIP {
    /// Local IP to modify (name or ID)
    #[arg(value_name = "<local-ip>")]
    local_ip: String,
    /// Set local IP name
    #[arg(long, value_name = "<name>")]
    name: Option<String>,
    /// Set Local IP description
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
}

impl Command for SetLocalIP {
    const WORDS: &'static str = "local ip set";
    const ABOUT: &'static str = "Set Local IP properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let obj = c::find(ctx, &LOCAL_IP, &self.local_ip)?;
        let mut a = Map::new();
        c::put(&mut a, "name", self.name.as_deref());
        c::put(&mut a, "description", self.description.as_deref());
        if !a.is_empty() {
            c::update(ctx, &LOCAL_IP, &c::id(&obj), a)?;
        }
        Ok(Output::None)
    }
}

/// List Local IPs
#[derive(clap::Args, Debug)]
pub struct ListLocalIP {
    /// List only local IP(s) with the specified name
    #[arg(long, value_name = "<name>")]
    name: Option<String>,
    /// List only local IP(s) with the specified project (name or ID)
    #[arg(long, value_name = "<project>")]
    project: Option<String>,
    /// List only local IP(s) with the specified network (name or ID)
    #[arg(long, value_name = "<network>")]
    network: Option<String>,
    /// List only local IP(s) with the specified port (name or ID)
    #[arg(long, value_name = "<local-port>")]
    local_port: Option<String>,
    /// List only local IP(s) with the specified IP address
    #[arg(long, value_name = "<local-ip-address>")]
    local_ip_address: Option<String>,
    /// List only local IP(s) with the specified IP mode
    #[arg(long, value_name = "<ip_mode>")]
    ip_mode: Option<String>,
    /// Domain the project belongs to (name or ID). This can be used in case collisions between project names exist.
    #[arg(long, value_name = "<project-domain>", verbatim_doc_comment)]
    project_domain: Option<String>,
}

impl Command for ListLocalIP {
    const WORDS: &'static str = "local ip list";
    const ABOUT: &'static str = "List Local IPs";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut q: Vec<(&str, String)> = Vec::new();
        c::put_query(&mut q, "name", given(&self.name));
        c::push_project(
            ctx,
            &mut q,
            self.project.as_deref(),
            self.project_domain.as_deref(),
        )?;
        if let Some(n) = &self.network {
            q.push(("network_id", c::find_id(ctx, &NETWORK, n)?));
        }
        if let Some(p) = given(&self.local_port) {
            q.push(("local_port_id", c::find_id(ctx, &PORT, p)?));
        }
        c::put_query(&mut q, "local_ip_address", given(&self.local_ip_address));
        c::put_query(&mut q, "ip_mode", given(&self.ip_mode));
        let items = c::list(ctx, &LOCAL_IP, &q, None)?;
        let cols = [
            ("ID", "id"),
            ("Name", "name"),
            ("Description", "description"),
            ("Project", "project_id"),
            ("Local Port ID", "local_port_id"),
            ("Network", "network_id"),
            ("Local IP address", "local_ip_address"),
            ("IP mode", "ip_mode"),
        ];
        Ok(Output::List(c::listing(&LOCAL_IP, &items, &cols, &[])))
    }
}

/// Display Local IP details
#[derive(clap::Args, Debug)]
pub struct ShowLocalIP {
    /// Local IP to display (name or ID)
    #[arg(value_name = "<local-ip>")]
    local_ip: String,
}

impl Command for ShowLocalIP {
    const WORDS: &'static str = "local ip show";
    const ABOUT: &'static str = "Display Local IP details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        Ok(record(&c::find(ctx, &LOCAL_IP, &self.local_ip)?))
    }
}

/// The associations path of a local IP (`local_ips/{id}`) and its ID.
fn local_ip_path(ctx: &mut Context, local_ip: &str) -> Result<(String, String), CliError> {
    let id = c::find_id(ctx, &LOCAL_IP, local_ip)?;
    Ok((format!("{}/{id}", LOCAL_IP.coll.path), id))
}

/// Create Local IP Association
#[derive(clap::Args, Debug)]
pub struct CreateLocalIPAssociation {
    /// Local IP that the port association belongs to (Name or ID)
    #[arg(value_name = "<local-ip>")]
    local_ip: String,
    /// The ID or Name of Port to allocate Local IP Association
    #[arg(value_name = "<fixed-port>")]
    fixed_port: String,
    /// Fixed IP for Local IP Association
    #[arg(long, value_name = "<fixed-ip>")]
    fixed_ip: Option<String>,
    /// Domain the project belongs to (name or ID). This can be used in case collisions between project names exist.
    #[arg(long, value_name = "<project-domain>", verbatim_doc_comment)]
    project_domain: Option<String>,
}

impl Command for CreateLocalIPAssociation {
    const WORDS: &'static str = "local ip association create";
    const ABOUT: &'static str = "Create Local IP Association";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut a = Map::new();
        a.insert(
            "fixed_port_id".into(),
            json!(c::find_id(ctx, &PORT, &self.fixed_port)?),
        );
        c::put(&mut a, "fixed_ip", given(&self.fixed_ip));
        let (path, _) = local_ip_path(ctx, &self.local_ip)?;
        let s = ctx.session()?;
        let obj = c::run(ctx, LOCAL_IP_ASSOCIATION.coll.create_in(&s, &path, a))?;
        Ok(Output::One(c::show_record(
            &LOCAL_IP_ASSOCIATION,
            &obj,
            &[],
            &["location", "name", "id", "tenant_id"],
            &[],
        )))
    }
}

/// Delete Local IP association(s)
#[derive(clap::Args, Debug)]
pub struct DeleteLocalIPAssociation {
    /// Local IP that the port association belongs to (Name or ID)
    #[arg(value_name = "<local-ip>")]
    local_ip: String,
    /// The fixed port ID of Local IP Association
    #[arg(value_name = "<fixed-port-id>", required = true)]
    fixed_port_id: Vec<String>,
}

impl Command for DeleteLocalIPAssociation {
    const WORDS: &'static str = "local ip association delete";
    const ABOUT: &'static str = "Delete Local IP association(s)";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let (path, _) = local_ip_path(ctx, &self.local_ip)?;
        let results = bulk::each(ctx, &self.fixed_port_id, |s, id| {
            let path = path.clone();
            async move {
                LOCAL_IP_ASSOCIATION
                    .coll
                    .delete_in(&s, &path, &id)
                    .await
                    .map_err(|e| sdk_error(e, None))
            }
        })?;
        bulk::summarize(
            &self.fixed_port_id,
            results,
            "Local IP Associations",
            |i, e| {
                format!(
                    "Failed to delete Local IP Association with fixed port name or ID '{i}': {e}"
                )
            },
        )?;
        Ok(Output::None)
    }
}

/// List Local IP Associations
#[derive(clap::Args, Debug)]
pub struct ListLocalIPAssociation {
    /// Local IP that port associations belongs to
    #[arg(value_name = "<local-ip>")]
    local_ip: String,
    /// List only local IP assocations with the specified fixed IP port (name or ID)
    #[arg(long, value_name = "<fixed-port>")]
    fixed_port: Option<String>,
    /// List only local IP associations with the specified fixed IP
    #[arg(long, value_name = "<fixed-ip>")]
    fixed_ip: Option<String>,
    /// List only local IP associations with the specified host
    #[arg(long, value_name = "<host>")]
    host: Option<String>,
    /// Domain the project belongs to (name or ID). This can be used in case collisions between project names exist.
    #[arg(long, value_name = "<project-domain>", verbatim_doc_comment)]
    project_domain: Option<String>,
}

impl Command for ListLocalIPAssociation {
    const WORDS: &'static str = "local ip association list";
    const ABOUT: &'static str = "List Local IP Associations";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let (path, local_ip_id) = local_ip_path(ctx, &self.local_ip)?;
        let mut q: Vec<(&str, String)> = Vec::new();
        if let Some(p) = given(&self.fixed_port) {
            q.push(("fixed_port_id", c::find_id(ctx, &PORT, p)?));
        }
        c::put_query(&mut q, "fixed_ip", given(&self.fixed_ip));
        c::put_query(&mut q, "host", given(&self.host));
        let s = ctx.session()?;
        let items = c::run(ctx, LOCAL_IP_ASSOCIATION.coll.list_in(&s, &path, &q))?;
        // the URI attribute `local_ip_id` is set on every listed item
        let rows: Vec<Value> = items
            .iter()
            .map(|it| {
                let mut d = LOCAL_IP_ASSOCIATION.to_dict(it);
                d.insert("local_ip_id".into(), json!(local_ip_id));
                Value::Object(d)
            })
            .collect();
        Ok(Output::List(c::dict_listing(
            &rows,
            &[
                ("Local IP ID", "local_ip_id"),
                ("Local IP Address", "local_ip_address"),
                ("Fixed port ID", "fixed_port_id"),
                ("Fixed IP", "fixed_ip"),
                ("Host", "host"),
            ],
        )))
    }
}
