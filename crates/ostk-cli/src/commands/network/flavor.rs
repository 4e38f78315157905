//! `network flavor create/delete/list/set/show/add profile/remove profile` and `network flavor
//! profile create/delete/list/set/show` (openstackclient/network/v2/network_flavor.py,
//! network_flavor_profile.py).

use super::common as c;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::network::{self as net, FLAVOR, SERVICE_PROFILE};
use serde_json::{Map, Value, json};

fn flavor_record(body: &Value) -> Output {
    Output::One(c::show_record(
        &FLAVOR,
        body,
        &[("is_enabled", "enabled")],
        &["location", "tenant_id"],
        &[],
    ))
}

fn profile_record(body: &Value) -> Output {
    Output::One(c::show_record(
        &SERVICE_PROFILE,
        body,
        &[("is_enabled", "enabled")],
        &["location", "name", "tenant_id", "project_id"],
        &[],
    ))
}

/// Create new network flavor
#[derive(clap::Args, Debug)]
pub struct CreateNetworkFlavor {
    #[command(flatten)]
    extra: c::ExtraProperty,
    /// Name for the flavor
    #[arg(value_name = "<name>")]
    name: String,
    /// Service type to which the flavor applies. For example: VPN (See openstack network
    /// service provider list for loaded examples.)
    #[arg(long, value_name = "<service-type>", required = true)]
    service_type: String,
    /// Description for the flavor
    #[arg(long, value_name = "DESCRIPTION")]
    description: Option<String>,
    /// Owner's project (name or ID)
    #[arg(long, value_name = "<project>")]
    project: Option<String>,
    /// Domain the project belongs to (name or ID). This can be used in case collisions between project names exist.
    #[arg(long, value_name = "<project-domain>", verbatim_doc_comment)]
    project_domain: Option<String>,
    /// Enable the flavor (default)
    #[arg(long, group = "enable_g")]
    enable: bool,
    /// Disable the flavor
    #[arg(long, group = "enable_g")]
    disable: bool,
}

impl Command for CreateNetworkFlavor {
    const WORDS: &'static str = "network flavor create";
    const ABOUT: &'static str = "Create new network flavor";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut a = Map::new();
        a.insert("name".into(), json!(self.name));
        a.insert("service_type".into(), json!(self.service_type));
        c::put(&mut a, "description", self.description.as_deref());
        c::put(&mut a, "enabled", c::flag_pair(self.enable, self.disable));
        c::put_project(
            ctx,
            &mut a,
            self.project.as_deref(),
            self.project_domain.as_deref(),
        )?;
        c::extra_properties(&self.extra.extra_property, &mut a)?;
        Ok(flavor_record(&c::create(ctx, &FLAVOR, a)?))
    }
}

crate::network_delete_command!(
    DeleteNetworkFlavor,
    "network flavor delete",
    "Delete network flavors",
    flavor,
    "<flavor>",
    "Flavor(s) to delete (name or ID)",
    FLAVOR,
    "flavor",
    "flavors"
);

/// List network flavors
#[derive(clap::Args, Debug)]
pub struct ListNetworkFlavor {
    #[command(flatten)]
    page: super::MarkerPage,
}

impl Command for ListNetworkFlavor {
    const WORDS: &'static str = "network flavor list";
    const ABOUT: &'static str = "List network flavors";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut q: Vec<(&str, String)> = Vec::new();
        self.page.apply(&mut q);
        let items = c::list(ctx, &FLAVOR, &q, self.page.max_items)?;
        let cols = [
            ("ID", "id"),
            ("Name", "name"),
            ("Enabled", "is_enabled"),
            ("Service Type", "service_type"),
            ("Description", "description"),
        ];
        Ok(Output::List(c::listing(&FLAVOR, &items, &cols, &[])))
    }
}

/// Set network flavor properties
#[derive(clap::Args, Debug)]
pub struct SetNetworkFlavor {
    #[command(flatten)]
    extra: c::ExtraProperty,
    /// Flavor to update (name or ID)
    #[arg(value_name = "<flavor>")]
    flavor: String,
    /// Set network flavor description
    #[arg(long, value_name = "DESCRIPTION")]
    description: Option<String>,
    /// Disable network flavor
    #[arg(long, group = "enable_g")]
    disable: bool,
    /// Enable network flavor
    #[arg(long, group = "enable_g")]
    enable: bool,
    /// Set flavor name
    #[arg(long, value_name = "<name>")]
    name: Option<String>,
}

impl Command for SetNetworkFlavor {
    const WORDS: &'static str = "network flavor set";
    const ABOUT: &'static str = "Set network flavor properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let obj = c::find(ctx, &FLAVOR, &self.flavor)?;
        let mut a = Map::new();
        c::put(&mut a, "name", self.name.as_deref());
        c::put(&mut a, "description", self.description.as_deref());
        c::put(&mut a, "enabled", c::flag_pair(self.enable, self.disable));
        c::extra_properties(&self.extra.extra_property, &mut a)?;
        c::update(ctx, &FLAVOR, &c::id(&obj), a)?;
        Ok(Output::None)
    }
}

/// Display network flavor details
#[derive(clap::Args, Debug)]
pub struct ShowNetworkFlavor {
    /// Flavor to display (name or ID)
    #[arg(value_name = "<flavor>")]
    flavor: String,
}

impl Command for ShowNetworkFlavor {
    const WORDS: &'static str = "network flavor show";
    const ABOUT: &'static str = "Display network flavor details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        Ok(flavor_record(&c::find(ctx, &FLAVOR, &self.flavor)?))
    }
}

/// The flavor and service profile arguments of `network flavor add/remove profile`.
#[derive(clap::Args, Debug)]
pub struct FlavorProfileArgs {
    /// Network flavor (name or ID)
    #[arg(value_name = "<flavor>")]
    flavor: String,
    /// Service profile (ID only)
    #[arg(value_name = "<service-profile>")]
    service_profile: String,
}

impl FlavorProfileArgs {
    /// The flavor's and the profile's IDs.
    fn ids(&self, ctx: &mut Context) -> Result<(String, String), CliError> {
        Ok((
            c::find_id(ctx, &FLAVOR, &self.flavor)?,
            c::find_id(ctx, &SERVICE_PROFILE, &self.service_profile)?,
        ))
    }
}

/// Add a service profile to a network flavor
#[derive(clap::Args, Debug)]
pub struct AddNetworkFlavorToProfile {
    #[command(flatten)]
    args: FlavorProfileArgs,
}

impl Command for AddNetworkFlavorToProfile {
    const WORDS: &'static str = "network flavor add profile";
    const ABOUT: &'static str = "Add a service profile to a network flavor";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let (flavor, profile) = self.args.ids(ctx)?;
        let s = ctx.session()?;
        c::run(ctx, net::associate_flavor_profile(&s, &flavor, &profile))?;
        Ok(Output::None)
    }
}

/// Remove service profile from network flavor
#[derive(clap::Args, Debug)]
pub struct RemoveNetworkFlavorFromProfile {
    #[command(flatten)]
    args: FlavorProfileArgs,
}

impl Command for RemoveNetworkFlavorFromProfile {
    const WORDS: &'static str = "network flavor remove profile";
    const ABOUT: &'static str = "Remove service profile from network flavor";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let (flavor, profile) = self.args.ids(ctx)?;
        let s = ctx.session()?;
        c::run(ctx, net::disassociate_flavor_profile(&s, &flavor, &profile))?;
        Ok(Output::None)
    }
}

/// The options `network flavor profile create` and `set` share.
#[derive(clap::Args, Debug)]
pub struct ProfileOptions {
    /// Description for the flavor profile
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    /// Enable the flavor profile
    #[arg(long, group = "enable_g")]
    enable: bool,
    /// Disable the flavor profile
    #[arg(long, group = "enable_g")]
    disable: bool,
    /// Python module path to driver. This becomes required if --metainfo is missing and vice-versa.
    #[arg(long, value_name = "DRIVER", verbatim_doc_comment)]
    driver: Option<String>,
    /// Metainfo for the flavor profile. This becomes required if --driver is missing and vice-versa.
    #[arg(long, value_name = "METAINFO", verbatim_doc_comment)]
    metainfo: Option<String>,
}

impl ProfileOptions {
    /// OSC's `_get_attrs`.
    fn attrs(&self) -> Map<String, Value> {
        let mut a = Map::new();
        c::put(&mut a, "description", self.description.as_deref());
        c::put(&mut a, "driver", self.driver.as_deref());
        c::put(&mut a, "metainfo", self.metainfo.as_deref());
        c::put(&mut a, "enabled", c::flag_pair(self.enable, self.disable));
        a
    }
}

/// Create new network flavor profile
#[derive(clap::Args, Debug)]
pub struct CreateNetworkFlavorProfile {
    #[command(flatten)]
    extra: c::ExtraProperty,
    #[command(flatten)]
    opts: ProfileOptions,
}

impl Command for CreateNetworkFlavorProfile {
    const WORDS: &'static str = "network flavor profile create";
    const ABOUT: &'static str = "Create new network flavor profile";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut a = self.opts.attrs();
        c::extra_properties(&self.extra.extra_property, &mut a)?;
        if self.opts.driver.is_none() && self.opts.metainfo.is_none() {
            return Err(CliError::Message(
                "Either --driver or --metainfo or both are required".into(),
            ));
        }
        Ok(profile_record(&c::create(ctx, &SERVICE_PROFILE, a)?))
    }
}

/// Delete network flavor profile
#[derive(clap::Args, Debug)]
pub struct DeleteNetworkFlavorProfile {
    /// Flavor profile(s) to delete (ID only)
    #[arg(value_name = "<flavor-profile>", required = true)]
    flavor_profile: Vec<String>,
}

impl Command for DeleteNetworkFlavorProfile {
    const WORDS: &'static str = "network flavor profile delete";
    const ABOUT: &'static str = "Delete network flavor profile";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        c::delete_many_worded(
            ctx,
            &SERVICE_PROFILE,
            &self.flavor_profile,
            "flavor_profiles",
            |item, e| format!("Failed to delete flavor profile with ID '{item}': {e}"),
        )?;
        Ok(Output::None)
    }
}

/// List network flavor profile(s)
#[derive(clap::Args, Debug)]
pub struct ListNetworkFlavorProfile {
    #[command(flatten)]
    page: super::MarkerPage,
}

impl Command for ListNetworkFlavorProfile {
    const WORDS: &'static str = "network flavor profile list";
    const ABOUT: &'static str = "List network flavor profile(s)";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut q: Vec<(&str, String)> = Vec::new();
        self.page.apply(&mut q);
        let items = c::list(ctx, &SERVICE_PROFILE, &q, self.page.max_items)?;
        let cols = [
            ("ID", "id"),
            ("Driver", "driver"),
            ("Enabled", "is_enabled"),
            ("Metainfo", "meta_info"),
            ("Description", "description"),
        ];
        Ok(Output::List(c::listing(
            &SERVICE_PROFILE,
            &items,
            &cols,
            &[],
        )))
    }
}

/// Set network flavor profile properties
#[derive(clap::Args, Debug)]
pub struct SetNetworkFlavorProfile {
    #[command(flatten)]
    extra: c::ExtraProperty,
    /// Flavor profile to update (ID only)
    #[arg(value_name = "<flavor-profile>")]
    flavor_profile: String,
    #[command(flatten)]
    opts: ProfileOptions,
}

impl Command for SetNetworkFlavorProfile {
    const WORDS: &'static str = "network flavor profile set";
    const ABOUT: &'static str = "Set network flavor profile properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let obj = c::find(ctx, &SERVICE_PROFILE, &self.flavor_profile)?;
        let mut a = self.opts.attrs();
        c::extra_properties(&self.extra.extra_property, &mut a)?;
        c::update(ctx, &SERVICE_PROFILE, &c::id(&obj), a)?;
        Ok(Output::None)
    }
}

/// Display network flavor profile details
#[derive(clap::Args, Debug)]
pub struct ShowNetworkFlavorProfile {
    /// Flavor profile to display (ID only)
    #[arg(value_name = "<flavor-profile>")]
    flavor_profile: String,
}

impl Command for ShowNetworkFlavorProfile {
    const WORDS: &'static str = "network flavor profile show";
    const ABOUT: &'static str = "Display network flavor profile details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        Ok(profile_record(&c::find(
            ctx,
            &SERVICE_PROFILE,
            &self.flavor_profile,
        )?))
    }
}
