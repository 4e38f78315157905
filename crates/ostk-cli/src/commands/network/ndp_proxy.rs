//! `router ndp proxy create/delete/list/set/show` (openstackclient/network/v2/ndp_proxy.py).

use super::common as c;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::network::{NDP_PROXY, PORT, ROUTER};
use serde_json::{Map, Value, json};

fn record(body: &Value) -> Output {
    Output::One(c::show_record(&NDP_PROXY, body, &[], &["location"], &[]))
}

/// Create NDP proxy
#[derive(clap::Args, Debug)]
pub struct CreateNDPProxy {
    /// Router to associate with this NDP proxy (name or ID)
    #[arg(value_name = "<router>")]
    router: String,
    /// New NDP proxy name
    #[arg(long, value_name = "<name>")]
    name: Option<String>,
    /// Port to associate with this NDP proxy (name or ID)
    #[arg(long, value_name = "<port>", required = true)]
    port: String,
    /// The IPv6 address that is to be proxied. In case the port has multiple addresses assigned, use this option to select which address is to be used.
    #[arg(long, value_name = "<ip-address>", verbatim_doc_comment)]
    ip_address: Option<String>,
    /// Text to describe/contextualize the use of the NDP proxy configuration
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
}

impl Command for CreateNDPProxy {
    const WORDS: &'static str = "router ndp proxy create";
    const ABOUT: &'static str = "Create NDP proxy";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        // OSC always sends `name`, `null` when not given
        let mut a = Map::new();
        a.insert("name".into(), json!(self.name));
        a.insert(
            "router_id".into(),
            json!(c::find_id(ctx, &ROUTER, &self.router)?),
        );
        c::put(
            &mut a,
            "ip_address",
            self.ip_address.as_deref().filter(|i| !i.is_empty()),
        );
        a.insert("port_id".into(), json!(c::find_id(ctx, &PORT, &self.port)?));
        c::put(&mut a, "description", self.description.as_deref());
        Ok(record(&c::create(ctx, &NDP_PROXY, a)?))
    }
}

/// Delete NDP proxy
#[derive(clap::Args, Debug)]
pub struct DeleteNDPProxy {
    /// NDP proxy(s) to delete (name or ID)
    #[arg(value_name = "<ndp-proxy>", required = true)]
    ndp_proxy: Vec<String>,
}

impl Command for DeleteNDPProxy {
    const WORDS: &'static str = "router ndp proxy delete";
    const ABOUT: &'static str = "Delete NDP proxy";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        c::delete_many_worded(ctx, &NDP_PROXY, &self.ndp_proxy, "NDP proxies", |i, e| {
            format!("Failed to delete NDP proxy '{i}': {e}")
        })?;
        Ok(Output::None)
    }
}

/// List NDP proxies
#[derive(clap::Args, Debug)]
pub struct ListNDPProxy {
    /// List only NDP proxies associated with the specifed router (name or ID)
    #[arg(long, value_name = "<router>")]
    router: Option<String>,
    /// List only NDP proxies associated with the specified port (name or ID)
    #[arg(long, value_name = "<port>")]
    port: Option<String>,
    /// List only NDP proxies associated with the specified IPv6 address
    #[arg(long, value_name = "<ip-address>")]
    ip_address: Option<String>,
    /// List only NDP proxies with the specified project (name or ID)
    #[arg(long, value_name = "<project>")]
    project: Option<String>,
    /// List only NDP proxies with the specified name
    #[arg(long, value_name = "<name>")]
    name: Option<String>,
    /// Domain the project belongs to (name or ID). This can be used in case collisions between project names exist.
    #[arg(long, value_name = "<project-domain>", verbatim_doc_comment)]
    project_domain: Option<String>,
}

impl Command for ListNDPProxy {
    const WORDS: &'static str = "router ndp proxy list";
    const ABOUT: &'static str = "List NDP proxies";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let router = match self.router.as_deref().filter(|r| !r.is_empty()) {
            Some(r) => Some(c::find_id(ctx, &ROUTER, r)?),
            None => None,
        };
        let port = match self.port.as_deref().filter(|p| !p.is_empty()) {
            Some(p) => Some(c::find_id(ctx, &PORT, p)?),
            None => None,
        };
        let project = c::project_id(
            ctx,
            self.project.as_deref().filter(|p| !p.is_empty()),
            self.project_domain.as_deref(),
        )?;
        // in the order of openstacksdk's query mapping
        let mut q: Vec<(&str, String)> = Vec::new();
        c::put_query(
            &mut q,
            "name",
            self.name.as_deref().filter(|n| !n.is_empty()),
        );
        c::put_query(&mut q, "project_id", project.as_deref());
        c::put_query(&mut q, "router_id", router.as_deref());
        c::put_query(&mut q, "port_id", port.as_deref());
        c::put_query(&mut q, "ip_address", self.ip_address.as_deref());
        let items = c::list(ctx, &NDP_PROXY, &q, None)?;
        let cols = [
            ("ID", "id"),
            ("Name", "name"),
            ("Router ID", "router_id"),
            ("IP Address", "ip_address"),
            ("Project", "project_id"),
        ];
        Ok(Output::List(c::listing(&NDP_PROXY, &items, &cols, &[])))
    }
}

/// Set NDP proxy properties
#[derive(clap::Args, Debug)]
pub struct SetNDPProxy {
    /// The ID or name of the NDP proxy to update
    #[arg(value_name = "<ndp-proxy>")]
    ndp_proxy: String,
    /// Set NDP proxy name
    #[arg(long, value_name = "<name>")]
    name: Option<String>,
    /// Text to describe/contextualize the use of the NDP proxy configuration
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
}

impl Command for SetNDPProxy {
    const WORDS: &'static str = "router ndp proxy set";
    const ABOUT: &'static str = "Set NDP proxy properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut a = Map::new();
        c::put(&mut a, "description", self.description.as_deref());
        c::put(&mut a, "name", self.name.as_deref());
        let obj = c::find(ctx, &NDP_PROXY, &self.ndp_proxy)?;
        if !a.is_empty() {
            c::update(ctx, &NDP_PROXY, &c::id(&obj), a)?;
        }
        Ok(Output::None)
    }
}

/// Display NDP proxy details
#[derive(clap::Args, Debug)]
pub struct ShowNDPProxy {
    /// The ID or name of the NDP proxy
    #[arg(value_name = "<ndp-proxy>")]
    ndp_proxy: String,
}

impl Command for ShowNDPProxy {
    const WORDS: &'static str = "router ndp proxy show";
    const ABOUT: &'static str = "Display NDP proxy details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        Ok(record(&c::find(ctx, &NDP_PROXY, &self.ndp_proxy)?))
    }
}
