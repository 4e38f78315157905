//! `address scope create/delete/list/set/show` (openstackclient/network/v2/address_scope.py).

use super::common as c;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::network::ADDRESS_SCOPE;
use serde_json::{Map, Value, json};

fn record(body: &Value) -> Output {
    Output::One(c::show_record(
        &ADDRESS_SCOPE,
        body,
        &[("is_shared", "shared")],
        &["location", "tenant_id"],
        &[],
    ))
}

/// Create a new Address Scope
#[derive(clap::Args, Debug)]
pub struct CreateAddressScope {
    #[command(flatten)]
    extra: c::ExtraProperty,
    /// New address scope name
    #[arg(value_name = "<name>")]
    name: String,
    /// IP version (default is 4)
    #[arg(long, value_name = "{4,6}", value_parser = ["4", "6"], hide_possible_values = true,
          default_value = "4", hide_default_value = true)]
    ip_version: String,
    /// Owner's project (name or ID)
    #[arg(long, value_name = "<project>")]
    project: Option<String>,
    /// Domain the project belongs to (name or ID). This can be used in case collisions between project names exist.
    #[arg(long, value_name = "<project-domain>", verbatim_doc_comment)]
    project_domain: Option<String>,
    /// Share the address scope between projects
    #[arg(long, group = "share_g")]
    share: bool,
    /// Do not share the address scope between projects (default)
    #[arg(long, group = "share_g")]
    no_share: bool,
}

impl Command for CreateAddressScope {
    const WORDS: &'static str = "address scope create";
    const ABOUT: &'static str = "Create a new Address Scope";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut a = Map::new();
        a.insert("name".into(), json!(self.name));
        a.insert(
            "ip_version".into(),
            json!(self.ip_version.parse::<i64>().unwrap_or(4)),
        );
        c::put(&mut a, "shared", c::flag_pair(self.share, self.no_share));
        c::put_project(
            ctx,
            &mut a,
            self.project.as_deref(),
            self.project_domain.as_deref(),
        )?;
        c::extra_properties(&self.extra.extra_property, &mut a)?;
        Ok(record(&c::create(ctx, &ADDRESS_SCOPE, a)?))
    }
}

crate::network_delete_command!(
    DeleteAddressScope,
    "address scope delete",
    "Delete address scope(s)",
    address_scope,
    "<address-scope>",
    "Address scope(s) to delete (name or ID)",
    ADDRESS_SCOPE,
    "address scope",
    "address scopes"
);

/// List address scopes
#[derive(clap::Args, Debug)]
pub struct ListAddressScope {
    /// List only address scopes with the specified name
    #[arg(long, value_name = "<name>")]
    name: Option<String>,
    /// List only address scopes with the specified IP version networks (4 or 6)
    #[arg(long, value_name = "<ip-version>", value_parser = ["4", "6"], hide_possible_values = true)]
    ip_version: Option<String>,
    /// List only address scopes with the specified project (name or ID)
    #[arg(long, value_name = "<project>")]
    project: Option<String>,
    /// Domain the project belongs to (name or ID). This can be used in case collisions between project names exist.
    #[arg(long, value_name = "<project-domain>", verbatim_doc_comment)]
    project_domain: Option<String>,
    #[command(flatten)]
    page: super::MarkerPage,
    /// List only address scopes shared between projects
    #[arg(long, group = "share_g")]
    share: bool,
    /// List only address scopes not shared between projects
    #[arg(long, group = "share_g")]
    no_share: bool,
}

impl Command for ListAddressScope {
    const WORDS: &'static str = "address scope list";
    const ABOUT: &'static str = "List address scopes";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut q: Vec<(&str, String)> = Vec::new();
        c::put_query(
            &mut q,
            "name",
            self.name.as_deref().filter(|n| !n.is_empty()),
        );
        c::put_query(&mut q, "ip_version", self.ip_version.as_deref());
        if let Some(b) = c::flag_pair(self.share, self.no_share) {
            q.push(("shared", c::py_bool(b)));
        }
        c::push_project(
            ctx,
            &mut q,
            self.project.as_deref(),
            self.project_domain.as_deref(),
        )?;
        self.page.apply(&mut q);
        let items = c::list(ctx, &ADDRESS_SCOPE, &q, self.page.max_items)?;
        let cols = [
            ("ID", "id"),
            ("Name", "name"),
            ("IP Version", "ip_version"),
            ("Shared", "is_shared"),
            ("Project", "project_id"),
        ];
        Ok(Output::List(c::listing(&ADDRESS_SCOPE, &items, &cols, &[])))
    }
}

/// Set address scope properties
#[derive(clap::Args, Debug)]
pub struct SetAddressScope {
    #[command(flatten)]
    extra: c::ExtraProperty,
    /// Address scope to modify (name or ID)
    #[arg(value_name = "<address-scope>")]
    address_scope: String,
    /// Set address scope name
    #[arg(long, value_name = "<name>")]
    name: Option<String>,
    /// Share the address scope between projects
    #[arg(long, group = "share_g")]
    share: bool,
    /// Do not share the address scope between projects
    #[arg(long, group = "share_g")]
    no_share: bool,
}

impl Command for SetAddressScope {
    const WORDS: &'static str = "address scope set";
    const ABOUT: &'static str = "Set address scope properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let obj = c::find(ctx, &ADDRESS_SCOPE, &self.address_scope)?;
        let mut a = Map::new();
        c::put(&mut a, "name", self.name.as_deref());
        c::put(&mut a, "shared", c::flag_pair(self.share, self.no_share));
        c::extra_properties(&self.extra.extra_property, &mut a)?;
        // OSC sends the update even when empty.
        c::update(ctx, &ADDRESS_SCOPE, &c::id(&obj), a)?;
        Ok(Output::None)
    }
}

/// Display address scope details
#[derive(clap::Args, Debug)]
pub struct ShowAddressScope {
    /// Address scope to display (name or ID)
    #[arg(value_name = "<address-scope>")]
    address_scope: String,
}

impl Command for ShowAddressScope {
    const WORDS: &'static str = "address scope show";
    const ABOUT: &'static str = "Display address scope details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        Ok(record(&c::find(ctx, &ADDRESS_SCOPE, &self.address_scope)?))
    }
}
