//! `subnet pool create/delete/list/set/show/unset/add network` and `network onboard subnet`
//! (openstackclient/network/v2/subnet_pool.py, subnet_onboard.py).

use super::common::{self as c, Fmt, Formatters};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::network::{self as net, ADDRESS_SCOPE, NETWORK, SUBNET_POOL};
use serde_json::{Map, Value, json};

crate::network_tag_args!(
    TagCreate,
    TagSet,
    TagUnset,
    TagFilter,
    "subnet pool",
    "subnet pools"
);

const FORMATTERS: Formatters = &[("prefixes", Fmt::List), ("tags", Fmt::List)];

fn record(body: &Value) -> Output {
    Output::One(c::show_record(
        &SUBNET_POOL,
        body,
        &[
            ("default_prefix_length", "default_prefixlen"),
            ("is_shared", "shared"),
            ("maximum_prefix_length", "max_prefixlen"),
            ("minimum_prefix_length", "min_prefixlen"),
        ],
        &["location", "tenant_id"],
        FORMATTERS,
    ))
}

/// The options `_get_attrs` reads, as create and set have them.
struct Attrs<'a> {
    name: Option<&'a str>,
    prefixes: &'a [String],
    default_prefix_length: Option<u32>,
    min_prefix_length: Option<u32>,
    max_prefix_length: Option<u32>,
    address_scope: Option<&'a str>,
    no_address_scope: bool,
    default: Option<bool>,
    share: Option<bool>,
    description: Option<&'a str>,
    default_quota: Option<i64>,
}

fn get_attrs(ctx: &mut Context, o: &Attrs) -> Result<Map<String, Value>, CliError> {
    let mut a = Map::new();
    c::put(&mut a, "name", o.name);
    if !o.prefixes.is_empty() {
        a.insert("prefixes".into(), json!(o.prefixes));
    }
    c::put(&mut a, "default_prefixlen", o.default_prefix_length);
    c::put(&mut a, "min_prefixlen", o.min_prefix_length);
    c::put(&mut a, "max_prefixlen", o.max_prefix_length);
    if let Some(s) = o.address_scope {
        a.insert(
            "address_scope_id".into(),
            json!(c::find_id(ctx, &ADDRESS_SCOPE, s)?),
        );
    }
    if o.no_address_scope {
        a.insert("address_scope_id".into(), Value::Null);
    }
    c::put(&mut a, "is_default", o.default);
    c::put(&mut a, "shared", o.share);
    c::put(&mut a, "description", o.description);
    c::put(&mut a, "default_quota", o.default_quota);
    Ok(a)
}

/// Create subnet pool
#[derive(clap::Args, Debug)]
pub struct CreateSubnetPool {
    #[command(flatten)]
    extra: c::ExtraProperty,
    /// Name of the new subnet pool
    #[arg(value_name = "<name>")]
    name: String,
    /// Set subnet pool prefixes (in CIDR notation) (repeat option to set multiple prefixes)
    #[arg(long, value_name = "<pool-prefix>", required = true, action = clap::ArgAction::Append)]
    pool_prefix: Vec<String>,
    /// Set subnet pool default prefix length
    #[arg(long, value_name = "<default-prefix-length>")]
    default_prefix_length: Option<u32>,
    /// Set subnet pool minimum prefix length
    #[arg(long, value_name = "<min-prefix-length>")]
    min_prefix_length: Option<u32>,
    /// Set subnet pool maximum prefix length
    #[arg(long, value_name = "<max-prefix-length>")]
    max_prefix_length: Option<u32>,
    /// Owner's project (name or ID)
    #[arg(long, value_name = "<project>")]
    project: Option<String>,
    /// Domain the project belongs to (name or ID). This can be used in case collisions between project names exist.
    #[arg(long, value_name = "<project-domain>", verbatim_doc_comment)]
    project_domain: Option<String>,
    /// Set address scope associated with the subnet pool (name or ID), prefixes must be
    /// unique across address scopes
    #[arg(long, value_name = "<address-scope>")]
    address_scope: Option<String>,
    /// Set this as a default subnet pool
    #[arg(long, group = "def_g")]
    default: bool,
    /// Set this as a non-default subnet pool
    #[arg(long, group = "def_g")]
    no_default: bool,
    /// Set this subnet pool as shared
    #[arg(long, group = "share_g")]
    share: bool,
    /// Set this subnet pool as not shared
    #[arg(long, group = "share_g")]
    no_share: bool,
    /// Set subnet pool description
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    /// Set default per-project quota for this subnet pool as the number of IP addresses that
    /// can be allocated from the subnet pool
    #[arg(long, value_name = "<num-ip-addresses>")]
    default_quota: Option<i64>,
    #[command(flatten)]
    tags: TagCreate,
}

impl Command for CreateSubnetPool {
    const WORDS: &'static str = "subnet pool create";
    const ABOUT: &'static str = "Create subnet pool";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut a = get_attrs(
            ctx,
            &Attrs {
                name: Some(&self.name),
                prefixes: &self.pool_prefix,
                default_prefix_length: self.default_prefix_length,
                min_prefix_length: self.min_prefix_length,
                max_prefix_length: self.max_prefix_length,
                address_scope: self.address_scope.as_deref(),
                no_address_scope: false,
                default: c::flag_pair(self.default, self.no_default),
                share: c::flag_pair(self.share, self.no_share),
                description: self.description.as_deref(),
                default_quota: self.default_quota,
            },
        )?;
        c::put_project(
            ctx,
            &mut a,
            self.project.as_deref(),
            self.project_domain.as_deref(),
        )?;
        a.entry("prefixes").or_insert(json!([]));
        let obj = c::create_tagged(
            ctx,
            &SUBNET_POOL,
            a,
            &self.extra,
            &self.tags.tags,
            self.tags.no_tag,
        )?;
        Ok(record(&obj))
    }
}

crate::network_delete_command!(
    DeleteSubnetPool,
    "subnet pool delete",
    "Delete subnet pool(s)",
    subnet_pool,
    "<subnet-pool>",
    "Subnet pool(s) to delete (name or ID)",
    SUBNET_POOL,
    "subnet pool",
    "subnet pools"
);

/// List subnet pools
#[derive(clap::Args, Debug)]
pub struct ListSubnetPool {
    /// List additional fields in output
    #[arg(long)]
    long: bool,
    /// List only subnet pools shared between projects
    #[arg(long, group = "share_g")]
    share: bool,
    /// List only subnet pools not shared between projects
    #[arg(long, group = "share_g")]
    no_share: bool,
    /// List only subnet pools used as the default external subnet pool
    #[arg(long, group = "def_g")]
    default: bool,
    /// List only subnet pools not used as the default external subnet pool
    #[arg(long, group = "def_g")]
    no_default: bool,
    /// List only subnet pools with the specified project (name or ID)
    #[arg(long, value_name = "<project>")]
    project: Option<String>,
    /// Domain the project belongs to (name or ID). This can be used in case collisions between project names exist.
    #[arg(long, value_name = "<project-domain>", verbatim_doc_comment)]
    project_domain: Option<String>,
    /// List only subnet pools with the specified name
    #[arg(long, value_name = "<name>")]
    name: Option<String>,
    /// List only subnet pools with the specified address scope (name or ID)
    #[arg(long, value_name = "<address-scope>")]
    address_scope: Option<String>,
    #[command(flatten)]
    tags: TagFilter,
    #[command(flatten)]
    page: super::MarkerPage,
}

impl Command for ListSubnetPool {
    const WORDS: &'static str = "subnet pool list";
    const ABOUT: &'static str = "List subnet pools";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut q: Vec<(&str, String)> = Vec::new();
        if let Some(b) = c::flag_pair(self.share, self.no_share) {
            q.push(("shared", c::py_bool(b)));
        }
        if let Some(b) = c::flag_pair(self.default, self.no_default) {
            q.push(("is_default", c::py_bool(b)));
        }
        c::push_project(
            ctx,
            &mut q,
            self.project.as_deref(),
            self.project_domain.as_deref(),
        )?;
        if let Some(n) = &self.name {
            q.push(("name", n.clone()));
        }
        if let Some(s) = self.address_scope.as_deref().filter(|s| !s.is_empty()) {
            q.push(("address_scope_id", c::find_id(ctx, &ADDRESS_SCOPE, s)?));
        }
        self.tags.apply(&mut q);
        self.page.apply(&mut q);
        let items = c::list(ctx, &SUBNET_POOL, &q, self.page.max_items)?;
        let mut cols = vec![("ID", "id"), ("Name", "name"), ("Prefixes", "prefixes")];
        if self.long {
            cols.extend([
                ("Default Prefix Length", "default_prefix_length"),
                ("Address Scope", "address_scope_id"),
                ("Default Subnet Pool", "is_default"),
                ("Shared", "is_shared"),
                ("Tags", "tags"),
            ]);
        }
        Ok(Output::List(c::listing(
            &SUBNET_POOL,
            &items,
            &cols,
            FORMATTERS,
        )))
    }
}

/// Set subnet pool properties
#[derive(clap::Args, Debug)]
pub struct SetSubnetPool {
    #[command(flatten)]
    extra: c::ExtraProperty,
    /// Subnet pool to modify (name or ID)
    #[arg(value_name = "<subnet-pool>")]
    subnet_pool: String,
    /// Set subnet pool name
    #[arg(long, value_name = "<name>")]
    name: Option<String>,
    /// Set subnet pool prefixes (in CIDR notation) (repeat option to set multiple prefixes)
    #[arg(long, value_name = "<pool-prefix>", action = clap::ArgAction::Append)]
    pool_prefix: Vec<String>,
    /// Set subnet pool default prefix length
    #[arg(long, value_name = "<default-prefix-length>")]
    default_prefix_length: Option<u32>,
    /// Set subnet pool minimum prefix length
    #[arg(long, value_name = "<min-prefix-length>")]
    min_prefix_length: Option<u32>,
    /// Set subnet pool maximum prefix length
    #[arg(long, value_name = "<max-prefix-length>")]
    max_prefix_length: Option<u32>,
    /// Set address scope associated with the subnet pool (name or ID), prefixes must be
    /// unique across address scopes
    #[arg(long, value_name = "<address-scope>", group = "scope_g")]
    address_scope: Option<String>,
    /// Remove address scope associated with the subnet pool
    #[arg(long, group = "scope_g")]
    no_address_scope: bool,
    /// Set this as a default subnet pool
    #[arg(long, group = "def_g")]
    default: bool,
    /// Set this as a non-default subnet pool
    #[arg(long, group = "def_g")]
    no_default: bool,
    /// Set subnet pool description
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    /// Set default per-project quota for this subnet pool as the number of IP addresses that
    /// can be allocated from the subnet pool
    #[arg(long, value_name = "<num-ip-addresses>")]
    default_quota: Option<i64>,
    #[command(flatten)]
    tags: TagSet,
}

impl Command for SetSubnetPool {
    const WORDS: &'static str = "subnet pool set";
    const ABOUT: &'static str = "Set subnet pool properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let obj = c::find(ctx, &SUBNET_POOL, &self.subnet_pool)?;
        let mut a = get_attrs(
            ctx,
            &Attrs {
                name: self.name.as_deref(),
                prefixes: &self.pool_prefix,
                default_prefix_length: self.default_prefix_length,
                min_prefix_length: self.min_prefix_length,
                max_prefix_length: self.max_prefix_length,
                address_scope: self.address_scope.as_deref(),
                no_address_scope: self.no_address_scope,
                default: c::flag_pair(self.default, self.no_default),
                share: None,
                description: self.description.as_deref(),
                default_quota: self.default_quota,
            },
        )?;
        // Existing prefixes must be a subset of the new prefixes.
        if let Some(Value::Array(p)) = a.get_mut("prefixes") {
            p.extend(obj["prefixes"].as_array().cloned().unwrap_or_default());
        }
        c::extra_properties(&self.extra.extra_property, &mut a)?;
        if !a.is_empty() {
            c::update(ctx, &SUBNET_POOL, &c::id(&obj), a)?;
        }
        c::set_tags_for_set(ctx, &SUBNET_POOL, &obj, &self.tags.tags, self.tags.no_tag)?;
        Ok(Output::None)
    }
}

/// Display subnet pool details
#[derive(clap::Args, Debug)]
pub struct ShowSubnetPool {
    /// Subnet pool to display (name or ID)
    #[arg(value_name = "<subnet-pool>")]
    subnet_pool: String,
}

impl Command for ShowSubnetPool {
    const WORDS: &'static str = "subnet pool show";
    const ABOUT: &'static str = "Display subnet pool details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        Ok(record(&c::find(ctx, &SUBNET_POOL, &self.subnet_pool)?))
    }
}

/// Unset subnet pool properties
#[derive(clap::Args, Debug)]
pub struct UnsetSubnetPool {
    /// Subnet pool to modify (name or ID)
    #[arg(value_name = "<subnet-pool>")]
    subnet_pool: String,
    #[command(flatten)]
    tags: TagUnset,
}

impl Command for UnsetSubnetPool {
    const WORDS: &'static str = "subnet pool unset";
    const ABOUT: &'static str = "Unset subnet pool properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let obj = c::find(ctx, &SUBNET_POOL, &self.subnet_pool)?;
        c::set_tags_for_unset(ctx, &SUBNET_POOL, &obj, &self.tags.tags, self.tags.all_tag)?;
        Ok(Output::None)
    }
}

/// `onboard_network_subnets`, with OSC's failure line.
fn onboard(ctx: &mut Context, network: &str, pool: &str) -> Result<Output, CliError> {
    let pool = c::find(ctx, &SUBNET_POOL, pool)?;
    let netw = c::find(ctx, &NETWORK, network)?;
    let s = ctx.session()?;
    let body = json!({ "network_id": c::id(&netw) });
    c::run(
        ctx,
        net::put_action(
            &s,
            &SUBNET_POOL.coll,
            &c::id(&pool),
            "onboard_network_subnets",
            body,
        ),
    )
    .map_err(|e| {
        CliError::Message(format!(
            "Failed to onboard subnets for network '{network}': {e}"
        ))
    })?;
    Ok(Output::None)
}

/// Onboard network subnets into a subnet pool
#[derive(clap::Args, Debug)]
pub struct AddNetworkSubnetPool {
    /// Onboard all subnets associated with this network
    #[arg(value_name = "<network>")]
    network: String,
    /// Target subnet pool for onboarding subnets
    #[arg(value_name = "<subnetpool>")]
    subnetpool: String,
}

impl Command for AddNetworkSubnetPool {
    const WORDS: &'static str = "subnet pool add network";
    const ABOUT: &'static str = "Onboard network subnets into a subnet pool";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        onboard(ctx, &self.network, &self.subnetpool)
    }
}

/// DEPRECATED: Use 'subnet pool add network' instead.
#[derive(clap::Args, Debug)]
pub struct NetworkOnboardSubnets {
    #[command(flatten)]
    args: AddNetworkSubnetPool,
}

impl Command for NetworkOnboardSubnets {
    const WORDS: &'static str = "network onboard subnet";
    const ABOUT: &'static str = "DEPRECATED: Use 'subnet pool add network' instead.";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        tracing::warn!(
            "The \"network onboard subnet\" command is deprecated in favour of \"subnet pool \
             add network\". It will be removed in a future release."
        );
        onboard(ctx, &self.args.network, &self.args.subnetpool)
    }
}
