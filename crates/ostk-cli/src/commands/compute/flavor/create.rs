//! `flavor create` (openstackclient/compute/v2/flavor.py CreateFlavor).

use crate::commands::compute::common::{sdk, supports};
use crate::commands::identity::project::properties;
use crate::commands::image::parse_key_value;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use clap::ArgAction;
use ostk_sdk::compute::flavor;
use serde_json::{Map, Value, json};

/// Create new flavor
#[derive(clap::Args, Debug)]
pub struct CreateFlavor {
    /// New flavor name
    #[arg(value_name = "<flavor-name>")]
    name: String,
    /// Unique flavor ID
    #[arg(long, value_name = "<id>")]
    id: Option<String>,
    /// Memory size in MB (default 256M)
    #[arg(long, value_name = "<size-mb>", default_value_t = 256)]
    ram: i64,
    /// Disk size in GB (default 0G)
    #[arg(long, value_name = "<size-gb>", default_value_t = 0)]
    disk: i64,
    /// Ephemeral disk size in GB (default 0G)
    #[arg(long, value_name = "<size-gb>", default_value_t = 0)]
    ephemeral: i64,
    /// Additional swap space size in MB (default 0M)
    #[arg(long, value_name = "<size-mb>", default_value_t = 0)]
    swap: i64,
    /// Number of vcpus (default 1)
    #[arg(long, value_name = "<vcpus>", default_value_t = 1)]
    vcpus: i64,
    /// RX/TX factor
    #[arg(long, value_name = "<factor>")]
    rxtx_factor: Option<f64>,
    /// Flavor is available to other projects (default)
    #[arg(long, group = "visibility")]
    public: bool,
    /// Flavor is not available to other projects
    #[arg(long, group = "visibility")]
    private: bool,
    /// Property to add for this flavor (repeat option to set multiple properties)
    #[arg(long = "property", value_name = "<key=value>", action = ArgAction::Append, value_parser = parse_key_value)]
    properties: Vec<(String, String)>,
    /// Allow <project> to access private flavor (name or ID) (Must be used with --private option)
    #[arg(long, value_name = "<project>")]
    project: Option<String>,
    /// Description for the flavor.(Supported by API versions '2.55' - '2.latest'
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    /// Domain the project belongs to (name or ID). This can be used in case collisions between project names exist.
    #[arg(long, value_name = "<project-domain>", verbatim_doc_comment)]
    project_domain: Option<String>,
}

impl Command for CreateFlavor {
    const WORDS: &'static str = "flavor create";
    const ABOUT: &'static str = "Create new flavor";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        if self.project.is_some() && !self.private {
            return Err(CliError::Message(
                "--project is only allowed with --private".into(),
            ));
        }
        let mut id = self.id.clone().map(Value::String).unwrap_or(Value::Null);
        if self.id.as_deref() == Some("auto") {
            id = Value::Null;
            tracing::warn!(
                "Passing '--id auto' is deprecated. Nova will automatically assign a UUID-like ID if no ID is provided. Omit the '--id' parameter instead."
            );
        }
        let mut attrs = Map::new();
        attrs.insert("name".into(), json!(self.name));
        attrs.insert("ram".into(), json!(self.ram));
        attrs.insert("vcpus".into(), json!(self.vcpus));
        attrs.insert("disk".into(), json!(self.disk));
        attrs.insert("id".into(), id);
        attrs.insert("OS-FLV-EXT-DATA:ephemeral".into(), json!(self.ephemeral));
        attrs.insert("swap".into(), json!(self.swap));
        attrs.insert("os-flavor-access:is_public".into(), json!(!self.private));
        if let Some(r) = self.rxtx_factor.filter(|r| *r != 0.0) {
            if supports(ctx, "2.102")? {
                return Err(CliError::Message(
                    "The --rxtx-factor parameter is only supported until API microversion 2.101"
                        .into(),
                ));
            }
            attrs.insert("rxtx_factor".into(), json!(r));
        }
        if let Some(d) = self.description.as_ref().filter(|d| !d.is_empty()) {
            if !supports(ctx, "2.55")? {
                return Err(CliError::Message(
                    "The --description parameter requires server support for API microversion 2.55"
                        .into(),
                ));
            }
            attrs.insert("description".into(), json!(d));
        }
        let session = ctx.session()?;
        let mut f = ctx
            .block_on(flavor::FLAVORS.create(&session, attrs))?
            .map_err(sdk)?;
        let fid = super::id(&f);
        if let Some(p) = &self.project {
            let added = super::change_access(ctx, &f, p, self.project_domain.as_deref(), true);
            if let Err(e) = added {
                tracing::error!("Failed to add project {p} access to flavor: {e}");
            }
        }
        if !self.properties.is_empty() {
            let specs = properties(&self.properties);
            match ctx.block_on(flavor::create_extra_specs(&session, &fid, specs))? {
                Ok(s) => f["extra_specs"] = Value::Object(s),
                Err(e) => tracing::error!("Failed to set flavor properties: {}", sdk(e)),
            }
        }
        Ok(Output::One(super::record(&f, None)))
    }
}
