//! `address group create/delete/list/set/show/unset` (openstackclient/network/v2/address_group.py).

use super::common as c;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::network::{self as net, ADDRESS_GROUP};
use serde_json::{Map, Value, json};

fn record(body: &Value) -> Output {
    Output::One(c::show_record(
        &ADDRESS_GROUP,
        body,
        &[],
        &["location", "tenant_id"],
        &[],
    ))
}

/// `str(netaddr.IPNetwork(addr))`: a bare address gets its host prefix length.
fn ip_network(addr: &str) -> Result<String, CliError> {
    let (ip, len) = addr.split_once('/').unwrap_or((addr, ""));
    let parsed: std::net::IpAddr = ip
        .parse()
        .map_err(|_| CliError::Message(format!("invalid IPNetwork {addr}")))?;
    let max = if parsed.is_ipv4() { 32 } else { 128 };
    let len = if len.is_empty() {
        max
    } else {
        len.parse::<u8>()
            .ok()
            .filter(|l| *l <= max)
            .ok_or_else(|| CliError::Message(format!("invalid IPNetwork {addr}")))?
    };
    Ok(format!("{parsed}/{len}"))
}

fn ip_networks(addrs: &[String]) -> Result<Vec<String>, CliError> {
    addrs.iter().map(|a| ip_network(a)).collect()
}

/// `add_addresses`/`remove_addresses` of an address group.
fn change_addresses(
    ctx: &mut Context,
    group: &Value,
    action: &str,
    addrs: &[String],
) -> Result<(), CliError> {
    let body = json!({ "addresses": ip_networks(addrs)? });
    let s = ctx.session()?;
    c::run(
        ctx,
        net::put_action(&s, &ADDRESS_GROUP.coll, &c::id(group), action, body),
    )?;
    Ok(())
}

/// Create a new Address Group
#[derive(clap::Args, Debug)]
pub struct CreateAddressGroup {
    #[command(flatten)]
    extra: c::ExtraProperty,
    /// New address group name
    #[arg(value_name = "<name>")]
    name: String,
    /// New address group description
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    /// IP address or CIDR (repeat option to set multiple addresses)
    #[arg(long, value_name = "<ip-address>", action = clap::ArgAction::Append)]
    address: Vec<String>,
    /// Owner's project (name or ID)
    #[arg(long, value_name = "<project>")]
    project: Option<String>,
    /// Domain the project belongs to (name or ID). This can be used in case collisions between project names exist.
    #[arg(long, value_name = "<project-domain>", verbatim_doc_comment)]
    project_domain: Option<String>,
}

impl Command for CreateAddressGroup {
    const WORDS: &'static str = "address group create";
    const ABOUT: &'static str = "Create a new Address Group";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut a = Map::new();
        a.insert("name".into(), json!(self.name));
        c::put(
            &mut a,
            "description",
            self.description.as_deref().filter(|d| !d.is_empty()),
        );
        a.insert("addresses".into(), json!(ip_networks(&self.address)?));
        c::put_project(
            ctx,
            &mut a,
            self.project.as_deref(),
            self.project_domain.as_deref(),
        )?;
        c::extra_properties(&self.extra.extra_property, &mut a)?;
        Ok(record(&c::create(ctx, &ADDRESS_GROUP, a)?))
    }
}

crate::network_delete_command!(
    DeleteAddressGroup,
    "address group delete",
    "Delete address group(s)",
    address_group,
    "<address-group>",
    "Address group(s) to delete (name or ID)",
    ADDRESS_GROUP,
    "address group",
    "address groups"
);

/// List address groups
#[derive(clap::Args, Debug)]
pub struct ListAddressGroup {
    /// List only address groups with the specified name
    #[arg(long, value_name = "<name>")]
    name: Option<String>,
    /// List only address groups with the specified project (name or ID)
    #[arg(long, value_name = "<project>")]
    project: Option<String>,
    /// Domain the project belongs to (name or ID). This can be used in case collisions between project names exist.
    #[arg(long, value_name = "<project-domain>", verbatim_doc_comment)]
    project_domain: Option<String>,
    #[command(flatten)]
    page: super::MarkerPage,
}

impl Command for ListAddressGroup {
    const WORDS: &'static str = "address group list";
    const ABOUT: &'static str = "List address groups";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut q: Vec<(&str, String)> = Vec::new();
        c::put_query(
            &mut q,
            "name",
            self.name.as_deref().filter(|n| !n.is_empty()),
        );
        c::push_project(
            ctx,
            &mut q,
            self.project.as_deref(),
            self.project_domain.as_deref(),
        )?;
        self.page.apply(&mut q);
        let items = c::list(ctx, &ADDRESS_GROUP, &q, self.page.max_items)?;
        let cols = [
            ("ID", "id"),
            ("Name", "name"),
            ("Description", "description"),
            ("Project", "project_id"),
            ("Addresses", "addresses"),
        ];
        Ok(Output::List(c::listing(&ADDRESS_GROUP, &items, &cols, &[])))
    }
}

/// Set address group properties
#[derive(clap::Args, Debug)]
pub struct SetAddressGroup {
    #[command(flatten)]
    extra: c::ExtraProperty,
    /// Address group to modify (name or ID)
    #[arg(value_name = "<address-group>")]
    address_group: String,
    /// Set address group name
    #[arg(long, value_name = "<name>")]
    name: Option<String>,
    /// Set address group description
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    /// IP address or CIDR (repeat option to set multiple addresses)
    #[arg(long, value_name = "<ip-address>", action = clap::ArgAction::Append)]
    address: Vec<String>,
}

impl Command for SetAddressGroup {
    const WORDS: &'static str = "address group set";
    const ABOUT: &'static str = "Set address group properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let obj = c::find(ctx, &ADDRESS_GROUP, &self.address_group)?;
        let mut a = Map::new();
        c::put(&mut a, "name", self.name.as_deref());
        c::put(&mut a, "description", self.description.as_deref());
        c::extra_properties(&self.extra.extra_property, &mut a)?;
        if !a.is_empty() {
            c::update(ctx, &ADDRESS_GROUP, &c::id(&obj), a)?;
        }
        if !self.address.is_empty() {
            change_addresses(ctx, &obj, "add_addresses", &self.address)?;
        }
        Ok(Output::None)
    }
}

/// Display address group details
#[derive(clap::Args, Debug)]
pub struct ShowAddressGroup {
    /// Address group to display (name or ID)
    #[arg(value_name = "<address-group>")]
    address_group: String,
}

impl Command for ShowAddressGroup {
    const WORDS: &'static str = "address group show";
    const ABOUT: &'static str = "Display address group details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        Ok(record(&c::find(ctx, &ADDRESS_GROUP, &self.address_group)?))
    }
}

/// Unset address group properties
#[derive(clap::Args, Debug)]
pub struct UnsetAddressGroup {
    /// Address group to modify (name or ID)
    #[arg(value_name = "<address-group>")]
    address_group: String,
    /// IP address or CIDR (repeat option to unset multiple addresses)
    #[arg(long, value_name = "<ip-address>", action = clap::ArgAction::Append)]
    address: Vec<String>,
}

impl Command for UnsetAddressGroup {
    const WORDS: &'static str = "address group unset";
    const ABOUT: &'static str = "Unset address group properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let obj = c::find(ctx, &ADDRESS_GROUP, &self.address_group)?;
        if !self.address.is_empty() {
            change_addresses(ctx, &obj, "remove_addresses", &self.address)?;
        }
        Ok(Output::None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_get_their_prefix_length() {
        assert_eq!(ip_network("10.0.0.1").unwrap(), "10.0.0.1/32");
        assert_eq!(ip_network("10.0.0.0/24").unwrap(), "10.0.0.0/24");
        assert_eq!(ip_network("::1").unwrap(), "::1/128");
        assert!(ip_network("nope").is_err());
    }
}
