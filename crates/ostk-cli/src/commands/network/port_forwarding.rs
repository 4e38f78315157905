//! `floating ip port forwarding create/delete/list/set/show`
//! (openstackclient/network/v2/floating_ip_port_forwarding.py).

use super::common as c;
use crate::commands::common::bulk;
use crate::commands::identity::common::sdk_error;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::client::Method;
use ostk_sdk::network::{FLOATING_IP, PORT, PORT_FORWARDING};
use serde_json::{Map, Value, json};

fn record(body: &Value) -> Output {
    Output::One(c::show_record(
        &PORT_FORWARDING,
        body,
        &[],
        &["location", "tenant_id"],
        &[],
    ))
}

/// The port forwardings path of a floating IP (`floatingips/{id}`), found by address or ID.
fn fip_path(ctx: &mut Context, fip: &str) -> Result<String, CliError> {
    let id = c::find_id(ctx, &FLOATING_IP, fip)?;
    Ok(format!("{}/{id}", FLOATING_IP.coll.path))
}

/// Python's `int(text)` with its error wording.
fn py_int(text: &str) -> Result<i64, CliError> {
    text.trim().parse().map_err(|_| {
        CliError::Message(format!(
            "invalid literal for int() with base 10: {}",
            ostk_output::py_repr_str(text)
        ))
    })
}

/// The numbers of a `N` or `N:M` port option.
fn port_numbers(range: Option<&str>) -> Result<Vec<i64>, CliError> {
    match range.filter(|r| !r.is_empty()) {
        Some(r) => r.split(':').map(py_int).collect(),
        None => Ok(Vec::new()),
    }
}

/// OSC `validate_ports_diff`.
fn ports_diff(ports: &[i64]) -> Result<i64, CliError> {
    let (Some(first), Some(last)) = (ports.first(), ports.last()) else {
        return Ok(0);
    };
    if last < first {
        return Err(CliError::Message(
            "The last number in port range must be greater or equal to the first".into(),
        ));
    }
    Ok(last - first)
}

/// OSC `validate_and_assign_port_ranges`.
fn port_ranges(
    internal: Option<&str>,
    external: Option<&str>,
    a: &mut Map<String, Value>,
) -> Result<(), CliError> {
    let ext = port_numbers(external)?;
    let int = port_numbers(internal)?;
    let int_diff = ports_diff(&int)?;
    let ext_diff = ports_diff(&ext)?;
    if int_diff != 0 && int_diff != ext_diff {
        return Err(CliError::Message(
            "The relation between internal and external ports does not match the pattern 1:N and N:N"
                .into(),
        ));
    }
    if ext.iter().chain(&int).any(|p| *p <= 0 || *p > 65535) {
        return Err(CliError::Message(
            "The port number range is <1-65535>".into(),
        ));
    }
    for (given, numbers, single, range) in [
        (internal, &int, "internal_port", "internal_port_range"),
        (external, &ext, "external_port", "external_port_range"),
    ] {
        match given.filter(|g| !g.is_empty()) {
            Some(g) if g.contains(':') => {
                a.insert(range.into(), json!(g));
            }
            Some(_) => {
                a.insert(single.into(), json!(numbers[0]));
            }
            None => {}
        }
    }
    Ok(())
}

/// Create floating IP port forwarding
#[derive(clap::Args, Debug)]
pub struct CreateFloatingIPPortForwarding {
    #[command(flatten)]
    extra: c::ExtraProperty,
    /// The fixed IPv4 address of the network port associated to the floating IP port forwarding
    #[arg(long, value_name = "<internal-ip-address>", required = true)]
    internal_ip_address: String,
    /// The name or ID of the network port associated to the floating IP port forwarding
    #[arg(long, value_name = "<port>", required = true)]
    port: String,
    /// The protocol port number of the network port fixed IPv4 address associated to the floating IP port forwarding
    #[arg(long, value_name = "<port-number>", required = true)]
    internal_protocol_port: String,
    /// The protocol port number of the port forwarding's floating IP address
    #[arg(long, value_name = "<port-number>", required = true)]
    external_protocol_port: String,
    /// The protocol used in the floating IP port forwarding, for instance: TCP, UDP
    #[arg(long, value_name = "<protocol>", required = true)]
    protocol: String,
    /// Text to describe/contextualize the use of the port forwarding configuration
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    /// Floating IP that the port forwarding belongs to (IP address or ID)
    #[arg(value_name = "<floating-ip>")]
    floating_ip: String,
}

impl Command for CreateFloatingIPPortForwarding {
    const WORDS: &'static str = "floating ip port forwarding create";
    const ABOUT: &'static str = "Create floating IP port forwarding";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let path = fip_path(ctx, &self.floating_ip)?;
        let mut a = Map::new();
        port_ranges(
            Some(&self.internal_protocol_port),
            Some(&self.external_protocol_port),
            &mut a,
        )?;
        if !self.port.is_empty() {
            a.insert(
                "internal_port_id".into(),
                json!(c::find_id(ctx, &PORT, &self.port)?),
            );
        }
        a.insert(
            "internal_ip_address".into(),
            json!(self.internal_ip_address),
        );
        a.insert("protocol".into(), json!(self.protocol));
        c::put(&mut a, "description", self.description.as_deref());
        c::extra_properties(&self.extra.extra_property, &mut a)?;
        let s = ctx.session()?;
        let obj = c::run(ctx, PORT_FORWARDING.coll.create_in(&s, &path, a))?;
        Ok(record(&obj))
    }
}

/// Delete floating IP port forwarding
#[derive(clap::Args, Debug)]
pub struct DeleteFloatingIPPortForwarding {
    /// Floating IP that the port forwarding belongs to (IP address or ID)
    #[arg(value_name = "<floating-ip>")]
    floating_ip: String,
    /// The ID of the floating IP port forwarding(s) to delete
    #[arg(value_name = "<port-forwarding-id>", required = true)]
    port_forwarding_id: Vec<String>,
}

impl Command for DeleteFloatingIPPortForwarding {
    const WORDS: &'static str = "floating ip port forwarding delete";
    const ABOUT: &'static str = "Delete floating IP port forwarding";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let path = fip_path(ctx, &self.floating_ip)?;
        let results = bulk::each(ctx, &self.port_forwarding_id, |s, id| {
            let path = path.clone();
            async move {
                PORT_FORWARDING
                    .coll
                    .delete_in(&s, &path, &id)
                    .await
                    .map_err(|e| sdk_error(e, None))
            }
        })?;
        bulk::summarize(
            &self.port_forwarding_id,
            results,
            "Port forwarding",
            |i, e| format!("Failed to delete floating IP port forwarding '{i}': {e}"),
        )?;
        Ok(Output::None)
    }
}

/// List floating IP port forwarding
#[derive(clap::Args, Debug)]
pub struct ListFloatingIPPortForwarding {
    /// Floating IP that the port forwarding belongs to (IP address or ID)
    #[arg(value_name = "<floating-ip>")]
    floating_ip: String,
    /// List only floating IP port forwardings with the specified internal network port (name or ID)
    #[arg(long, value_name = "<port>")]
    port: Option<String>,
    /// List only floating IP port forwardings with the specified external protocol port number
    #[arg(long, value_name = "<port-number>")]
    external_protocol_port: Option<String>,
    /// List only floating IP port forwardings with the specified protocol number
    #[arg(long, value_name = "<protocol>")]
    protocol: Option<String>,
    #[command(flatten)]
    page: super::MarkerPage,
}

impl Command for ListFloatingIPPortForwarding {
    const WORDS: &'static str = "floating ip port forwarding list";
    const ABOUT: &'static str = "List floating IP port forwarding";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut q: Vec<(&str, String)> = Vec::new();
        if let Some(p) = self.port.as_deref().filter(|p| !p.is_empty()) {
            q.push(("internal_port_id", c::find_id(ctx, &PORT, p)?));
        }
        // a range is no query openstacksdk knows: it drops it
        if let Some(e) = self
            .external_protocol_port
            .as_deref()
            .filter(|e| !e.is_empty() && !e.contains(':'))
        {
            q.push(("external_port", py_int(e)?.to_string()));
        }
        c::put_query(&mut q, "protocol", self.protocol.as_deref());
        self.page.apply(&mut q);
        let path = fip_path(ctx, &self.floating_ip)?;
        let s = ctx.session()?;
        let mut items = c::run(ctx, PORT_FORWARDING.coll.list_in(&s, &path, &q))?;
        if let Some(n) = self.page.max_items {
            items.truncate(n);
        }
        let cols = [
            ("ID", "id"),
            ("Internal Port ID", "internal_port_id"),
            ("Internal IP Address", "internal_ip_address"),
            ("Internal Port", "internal_port"),
            ("Internal Port Range", "internal_port_range"),
            ("External Port", "external_port"),
            ("External Port Range", "external_port_range"),
            ("Protocol", "protocol"),
            ("Description", "description"),
        ];
        Ok(Output::List(c::listing(
            &PORT_FORWARDING,
            &items,
            &cols,
            &[],
        )))
    }
}

/// Set floating IP Port Forwarding Properties
#[derive(clap::Args, Debug)]
pub struct SetFloatingIPPortForwarding {
    #[command(flatten)]
    extra: c::ExtraProperty,
    /// Floating IP that the port forwarding belongs to (IP address or ID)
    #[arg(value_name = "<floating-ip>")]
    floating_ip: String,
    /// The ID of the floating IP port forwarding
    #[arg(value_name = "<port-forwarding-id>")]
    port_forwarding_id: String,
    /// The ID of the network port associated to the floating IP port forwarding
    #[arg(long, value_name = "<port>")]
    port: Option<String>,
    /// The fixed IPv4 address of the network port associated to the floating IP port forwarding
    #[arg(long, value_name = "<internal-ip-address>")]
    internal_ip_address: Option<String>,
    /// The TCP/UDP/other protocol port number of the network port fixed IPv4 address associated to the floating IP port forwarding
    #[arg(long, value_name = "<port-number>")]
    internal_protocol_port: Option<String>,
    /// The TCP/UDP/other protocol port number of the port forwarding's floating IP address
    #[arg(long, value_name = "<port-number>")]
    external_protocol_port: Option<String>,
    /// The IP protocol used in the floating IP port forwarding
    #[arg(long, value_name = "<protocol>", value_parser = ["tcp", "udp"],
          hide_possible_values = true)]
    protocol: Option<String>,
    /// Text to describe/contextualize the use of the port forwarding configuration
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
}

impl Command for SetFloatingIPPortForwarding {
    const WORDS: &'static str = "floating ip port forwarding set";
    const ABOUT: &'static str = "Set floating IP Port Forwarding Properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let path = fip_path(ctx, &self.floating_ip)?;
        let mut a = Map::new();
        if let Some(p) = self.port.as_deref().filter(|p| !p.is_empty()) {
            a.insert("internal_port_id".into(), json!(c::find_id(ctx, &PORT, p)?));
        }
        c::put(
            &mut a,
            "internal_ip_address",
            self.internal_ip_address
                .as_deref()
                .filter(|i| !i.is_empty()),
        );
        port_ranges(
            self.internal_protocol_port.as_deref(),
            self.external_protocol_port.as_deref(),
            &mut a,
        )?;
        c::put(&mut a, "protocol", self.protocol.as_deref());
        c::put(&mut a, "description", self.description.as_deref());
        c::extra_properties(&self.extra.extra_property, &mut a)?;
        // openstacksdk sends no request without a change
        if !a.is_empty() {
            let s = ctx.session()?;
            c::run(
                ctx,
                PORT_FORWARDING
                    .coll
                    .update_in(&s, Method::PUT, &path, &self.port_forwarding_id, a),
            )?;
        }
        Ok(Output::None)
    }
}

/// Display floating IP Port Forwarding details
#[derive(clap::Args, Debug)]
pub struct ShowFloatingIPPortForwarding {
    /// Floating IP that the port forwarding belongs to (IP address or ID)
    #[arg(value_name = "<floating-ip>")]
    floating_ip: String,
    /// The ID of the floating IP port forwarding
    #[arg(value_name = "<port-forwarding-id>")]
    port_forwarding_id: String,
}

impl Command for ShowFloatingIPPortForwarding {
    const WORDS: &'static str = "floating ip port forwarding show";
    const ABOUT: &'static str = "Display floating IP Port Forwarding details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let path = fip_path(ctx, &self.floating_ip)?;
        let s = ctx.session()?;
        let id = &self.port_forwarding_id;
        // openstacksdk `find_floating_ip_port_forwarding`: by ID; port forwardings have no names
        let obj = match c::run(ctx, PORT_FORWARDING.coll.get_in(&s, &path, id)) {
            Ok(v) => v,
            Err(_) => {
                return Err(CliError::Message(format!(
                    "No PortForwarding found for {id}"
                )));
            }
        };
        Ok(record(&obj))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn port_ranges_as_osc_checks_them() {
        let mut a = Map::new();
        port_ranges(Some("80"), Some("8080"), &mut a).unwrap();
        assert_eq!(
            Value::Object(a),
            json!({"internal_port": 80, "external_port": 8080})
        );
        let mut a = Map::new();
        port_ranges(Some("80:90"), Some("180:190"), &mut a).unwrap();
        assert_eq!(
            Value::Object(a),
            json!({"internal_port_range": "80:90", "external_port_range": "180:190"})
        );
        let err = |i: &str, e: &str| {
            port_ranges(Some(i), Some(e), &mut Map::new())
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            err("80:70", "1"),
            "The last number in port range must be greater or equal to the first"
        );
        assert_eq!(
            err("80:90", "1:5"),
            "The relation between internal and external ports does not match the pattern 1:N and N:N"
        );
        assert_eq!(err("0", "1"), "The port number range is <1-65535>");
        assert_eq!(err("x", "1"), "invalid literal for int() with base 10: 'x'");
    }
}
