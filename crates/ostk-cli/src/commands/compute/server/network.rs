//! `server add|remove fixed ip|floating ip|port|network` (openstackclient/compute/v2/
//! server.py AddFixedIP … RemoveNetwork): nova's os-interface for ports and networks,
//! neutron's floating IPs for the floating addresses.

use super::{find_server, id_of, microversion, supports};
use crate::commands::identity::common::sdk_error;
use crate::commands::network::common::find_id;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Record};
use ostk_sdk::client::{ClientError, Method, Session};
use ostk_sdk::compute::Compute;
use ostk_sdk::network::{FLOATING_IPS, NETWORK, PORT, PORTS};
use serde_json::{Map, Value, json};

/// The `--tag` check of the interface commands.
fn require_tag(mv: Option<&str>) -> Result<(), CliError> {
    if supports(mv, "2.49") {
        return Ok(());
    }
    Err(CliError::Message(
        "--os-compute-api-version 2.49 or greater is required to support the --tag option".into(),
    ))
}

/// Attaches an interface (`net_id` or `port_id` plus extras) to a server.
fn attach(
    ctx: &mut Context,
    server_id: &str,
    attrs: Map<String, Value>,
) -> Result<Value, CliError> {
    let session = ctx.session()?;
    ctx.block_on(Compute::new(&session).create_server_interface(server_id, attrs))?
        .map_err(|e| sdk_error(e, None))
}

/// `server add port|network`: the server, then the port or network (its ID goes in as
/// `key`), then the `--tag` check, as osc orders them.
fn attach_one(
    ctx: &mut Context,
    server: &str,
    res: &ostk_sdk::network::Resource,
    key: &str,
    name_or_id: &str,
    tag: Option<String>,
) -> Result<Output, CliError> {
    let server = id_of(&find_server(ctx, server, false)?);
    let id = find_id(ctx, res, name_or_id)?;
    let mut attrs = Map::new();
    attrs.insert(key.into(), json!(id));
    if let Some(t) = tag.filter(|t| !t.is_empty()) {
        require_tag(microversion(ctx)?.as_deref())?;
        attrs.insert("tag".into(), json!(t));
    }
    attach(ctx, &server, attrs)?;
    Ok(Output::None)
}

/// Add fixed IP address to server
#[derive(clap::Args, Debug)]
pub struct AddFixedIp {
    /// Server to receive the fixed IP address (name or ID)
    #[arg(value_name = "<server>")]
    server: String,
    /// Network to allocate the fixed IP address from (name or ID)
    #[arg(value_name = "<network>")]
    network: String,
    /// Requested fixed IP address
    #[arg(long, value_name = "<ip-address>")]
    fixed_ip_address: Option<String>,
    /// Tag for the attached interface. (supported by --os-compute-api-version 2.49 or above)
    #[arg(long, value_name = "<tag>")]
    tag: Option<String>,
}

impl Command for AddFixedIp {
    const WORDS: &'static str = "server add fixed ip";
    const ABOUT: &'static str = "Add fixed IP address to server";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let server = id_of(&find_server(ctx, &self.server, false)?);
        let tag = self.tag.filter(|t| !t.is_empty());
        let mv = microversion(ctx)?;
        if tag.is_some() {
            require_tag(mv.as_deref())?;
        }
        let net_id = find_id(ctx, &NETWORK, &self.network)?;
        let mut attrs = Map::new();
        attrs.insert("net_id".into(), json!(net_id));
        if let Some(ip) = self.fixed_ip_address.filter(|i| !i.is_empty()) {
            attrs.insert("fixed_ips".into(), json!([{ "ip_address": ip }]));
        }
        if let Some(t) = &tag {
            attrs.insert("tag".into(), json!(t));
        }
        let iface = attach(ctx, &server, attrs)?;
        let get = |k: &str| iface.get(k).cloned().unwrap_or(Value::Null);
        let mut fields = vec![
            ("Port ID".to_string(), Cell::from_json(get("port_id"))),
            ("Server ID".into(), Cell::Str(server.clone())),
            ("Network ID".into(), Cell::from_json(get("net_id"))),
            ("MAC Address".into(), Cell::from_json(get("mac_addr"))),
            ("Port State".into(), Cell::from_json(get("port_state"))),
            (
                "Fixed IPs".into(),
                Cell::list_of_dicts(
                    get("fixed_ips")
                        .as_array()
                        .map(|a| a.iter().filter_map(|i| i.as_object().cloned()).collect()),
                ),
            ),
        ];
        if tag.is_some() {
            fields.push(("Tag".into(), Cell::from_json(get("tag"))));
        }
        Ok(Output::One(Record { fields }))
    }
}

/// Add port to server
#[derive(clap::Args, Debug)]
pub struct AddPort {
    /// Server to add the port to (name or ID)
    #[arg(value_name = "<server>")]
    server: String,
    /// Port to add to the server (name or ID)
    #[arg(value_name = "<port>")]
    port: String,
    /// Tag for the attached interface (supported by --os-compute-api-version 2.49 or later)
    #[arg(long, value_name = "<tag>")]
    tag: Option<String>,
}

impl Command for AddPort {
    const WORDS: &'static str = "server add port";
    const ABOUT: &'static str = "Add port to server";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        attach_one(ctx, &self.server, &PORT, "port_id", &self.port, self.tag)
    }
}

/// Add network to server
#[derive(clap::Args, Debug)]
pub struct AddNetwork {
    /// Server to add the network to (name or ID)
    #[arg(value_name = "<server>")]
    server: String,
    /// Network to add to the server (name or ID)
    #[arg(value_name = "<network>")]
    network: String,
    /// Tag for the attached interface. (supported by --os-compute-api-version 2.49 or above)
    #[arg(long, value_name = "<tag>")]
    tag: Option<String>,
}

impl Command for AddNetwork {
    const WORDS: &'static str = "server add network";
    const ABOUT: &'static str = "Add network to server";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        attach_one(
            ctx,
            &self.server,
            &NETWORK,
            "net_id",
            &self.network,
            self.tag,
        )
    }
}

/// Remove port from server
#[derive(clap::Args, Debug)]
pub struct RemovePort {
    /// Server to remove the port from (name or ID)
    #[arg(value_name = "<server>")]
    server: String,
    /// Port to remove from the server (name or ID)
    #[arg(value_name = "<port>")]
    port: String,
}

impl Command for RemovePort {
    const WORDS: &'static str = "server remove port";
    const ABOUT: &'static str = "Remove port from server";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let server = id_of(&find_server(ctx, &self.server, false)?);
        let port_id = find_id(ctx, &PORT, &self.port)?;
        let session = ctx.session()?;
        ctx.block_on(Compute::new(&session).delete_server_interface(&server, &port_id))?
            .map_err(|e| sdk_error(e, None))?;
        Ok(Output::None)
    }
}

/// Remove all ports of a network from server
#[derive(clap::Args, Debug)]
pub struct RemoveNetwork {
    /// Server to remove the port from (name or ID)
    #[arg(value_name = "<server>")]
    server: String,
    /// Network to remove from the server (name or ID)
    #[arg(value_name = "<network>")]
    network: String,
}

impl Command for RemoveNetwork {
    const WORDS: &'static str = "server remove network";
    const ABOUT: &'static str = "Remove all ports of a network from server";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let server = id_of(&find_server(ctx, &self.server, false)?);
        let net_id = find_id(ctx, &NETWORK, &self.network)?;
        let session = ctx.session()?;
        ctx.block_on(async {
            let compute = Compute::new(&session);
            for iface in compute.server_interfaces(&server).await? {
                if iface.get("net_id").and_then(Value::as_str) == Some(net_id.as_str()) {
                    let port = iface.get("port_id").and_then(Value::as_str).unwrap_or("");
                    // openstacksdk's default ignore_missing=True: a port gone meanwhile is fine
                    match compute.delete_server_interface(&server, port).await {
                        Err(e) if e.status() == Some(404) => {}
                        r => r?,
                    }
                }
            }
            Ok::<_, ClientError>(())
        })?
        .map_err(|e| sdk_error(e, None))?;
        Ok(Output::None)
    }
}

/// Remove fixed IP address from server
#[derive(clap::Args, Debug)]
pub struct RemoveFixedIp {
    /// Server to remove the fixed IP address from (name or ID)
    #[arg(value_name = "<server>")]
    server: String,
    /// Fixed IP address to remove from the server (IP only)
    #[arg(value_name = "<ip-address>")]
    ip_address: String,
}

impl Command for RemoveFixedIp {
    const WORDS: &'static str = "server remove fixed ip";
    const ABOUT: &'static str = "Remove fixed IP address from server";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let server = id_of(&find_server(ctx, &self.server, false)?);
        let session = ctx.session()?;
        let action = json!({"removeFixedIp": {"address": self.ip_address}});
        ctx.block_on(Compute::new(&session).act(&server, action, None))?
            .map_err(|e| sdk_error(e, None))?;
        Ok(Output::None)
    }
}

/// openstacksdk `find_ip(address_or_id, ignore_missing=False)`: by ID, else the one floating
/// IP whose address it is (neutron has no `name` filter for them: all are listed).
async fn find_floating_ip(s: &Session, ip: &str) -> Result<Value, CliError> {
    match FLOATING_IPS.get(s, ip).await {
        Ok(v) => return Ok(v),
        Err(e) if matches!(e.status(), Some(400 | 403 | 404)) => {}
        Err(e) => return Err(sdk_error(e, None)),
    }
    let mut hits: Vec<Value> = FLOATING_IPS
        .list(s, &[])
        .await
        .map_err(|e| sdk_error(e, None))?
        .into_iter()
        .filter(|f| {
            f.get("floating_ip_address").and_then(Value::as_str) == Some(ip)
                || f.get("id").and_then(Value::as_str) == Some(ip)
        })
        .collect();
    match hits.len() {
        0 => Err(CliError::Message(format!("No FloatingIP found for {ip}"))),
        1 => Ok(hits.remove(0)),
        _ => Err(CliError::Message(format!(
            "More than one FloatingIP exists with the name '{ip}'."
        ))),
    }
}

/// `PUT /v2.0/floatingips/{id}` with `attrs`.
async fn update_ip(s: &Session, id: &str, attrs: Value) -> Result<(), ClientError> {
    let attrs = attrs.as_object().cloned().unwrap_or_default();
    FLOATING_IPS
        .update_with(s, Method::PUT, id, attrs)
        .await
        .map(|_| ())
}

/// Add floating IP address to server
#[derive(clap::Args, Debug)]
pub struct AddFloatingIp {
    /// Server to receive the floating IP address (name or ID)
    #[arg(value_name = "<server>")]
    server: String,
    /// Floating IP address to assign to the first available server port (IP only)
    #[arg(value_name = "<ip-address>")]
    ip_address: String,
    /// Fixed IP address to associate with this floating IP address. The first server port containing the fixed IP address will be used
    #[arg(long, value_name = "<ip-address>")]
    fixed_ip_address: Option<String>,
}

impl Command for AddFloatingIp {
    const WORDS: &'static str = "server add floating ip";
    const ABOUT: &'static str = "Add floating IP address to server";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        let fip = ctx.block_on(find_floating_ip(&session, &self.ip_address))??;
        let fip_id = id_of(&fip);
        let server = id_of(&find_server(ctx, &self.server, false)?);
        let ports = ctx
            .block_on(PORTS.list(&session, &[("device_id", server.clone())]))?
            .map_err(|e| sdk_error(e, None))?;
        if ports.is_empty() {
            return Err(CliError::Message(
                "No attached ports found to associate floating IP with".into(),
            ));
        }
        if let Some(fixed) = self.fixed_ip_address.filter(|f| !f.is_empty()) {
            let has = |p: &Value| {
                p.get("fixed_ips")
                    .and_then(Value::as_array)
                    .is_some_and(|ips| {
                        ips.iter()
                            .any(|i| i.get("ip_address").and_then(Value::as_str) == Some(&fixed))
                    })
            };
            let Some(port) = ports.iter().find(|p| has(p)) else {
                return Err(CliError::Message(format!(
                    "No port found for fixed IP address {fixed}"
                )));
            };
            let attrs = json!({"fixed_ip_address": fixed, "port_id": id_of(port)});
            ctx.block_on(update_ip(&session, &fip_id, attrs))?
                .map_err(|e| sdk_error(e, None))?;
            return Ok(Output::None);
        }
        // a port on a network without a router to the floating IP's network fails with
        // 404 (ExternalGatewayForFloatingIPNotFound): try the next one, as osc does
        let mut last = None;
        for port in &ports {
            let attrs = json!({ "port_id": id_of(port) });
            match ctx.block_on(update_ip(&session, &fip_id, attrs))? {
                Ok(()) => return Ok(Output::None),
                Err(e) if e.status() == Some(404) => {
                    tracing::info!(
                        "Skipped port {} because it is not attached to an external gateway",
                        id_of(port)
                    );
                    last = Some(e);
                }
                Err(e) => return Err(sdk_error(e, None)),
            }
        }
        Err(last.map_or_else(|| CliError::Message(String::new()), |e| sdk_error(e, None)))
    }
}

/// Remove floating IP address from server
#[derive(clap::Args, Debug)]
pub struct RemoveFloatingIp {
    /// Server to remove the floating IP address from (name or ID)
    #[arg(value_name = "<server>")]
    server: String,
    /// Floating IP address to remove from server (IP only)
    #[arg(value_name = "<ip-address>")]
    ip_address: String,
}

impl Command for RemoveFloatingIp {
    const WORDS: &'static str = "server remove floating ip";
    const ABOUT: &'static str = "Remove floating IP address from server";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        // osc never looks the server up here: only the floating IP is touched
        let session = ctx.session()?;
        let fip = ctx.block_on(find_floating_ip(&session, &self.ip_address))??;
        ctx.block_on(update_ip(&session, &id_of(&fip), json!({"port_id": null})))?
            .map_err(|e| sdk_error(e, None))?;
        Ok(Output::None)
    }
}
