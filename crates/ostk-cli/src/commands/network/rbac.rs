//! `network rbac create/delete/list/set/show` (openstackclient/network/v2/network_rbac.py).

use super::common as c;
use crate::commands::identity::common::find_project_id;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::network::{
    ADDRESS_GROUP, ADDRESS_SCOPE, NETWORK, QOS_POLICY, RBAC_POLICY, Resource, SECURITY_GROUP,
    SUBNET_POOL,
};
use serde_json::{Map, Value, json};

const TYPES: [&str; 6] = [
    "address_group",
    "address_scope",
    "security_group",
    "subnetpool",
    "qos_policy",
    "network",
];
const ACTIONS: [&str; 2] = ["access_as_external", "access_as_shared"];

fn record(body: &Value) -> Output {
    Output::One(c::show_record(
        &RBAC_POLICY,
        body,
        &[("target_tenant", "target_project_id")],
        &["location", "name", "tenant_id"],
        &[],
    ))
}

/// Create network RBAC policy
#[derive(clap::Args, Debug)]
#[command(group(clap::ArgGroup::new("target_g").required(true)))]
pub struct CreateNetworkRbac {
    #[command(flatten)]
    extra: c::ExtraProperty,
    /// The object to which this RBAC policy affects (name or ID)
    #[arg(value_name = "<rbac-object>")]
    rbac_object: String,
    /// Type of the object that RBAC policy affects ("address_group", "address_scope",
    /// "security_group", "subnetpool", "qos_policy" or "network")
    #[arg(long = "type", value_name = "<type>", required = true, value_parser = TYPES,
          hide_possible_values = true)]
    kind: String,
    /// Action for the RBAC policy ("access_as_external" or "access_as_shared")
    #[arg(long, value_name = "<action>", required = true, value_parser = ACTIONS,
          hide_possible_values = true)]
    action: String,
    /// The project to which the RBAC policy will be enforced (name or ID)
    #[arg(long, value_name = "<target-project>", group = "target_g")]
    target_project: Option<String>,
    /// Allow creating RBAC policy for all projects
    #[arg(long, group = "target_g")]
    target_all_projects: bool,
    /// Domain the target project belongs to (name or ID). This can be used in case collisions between project names exist.
    #[arg(long, value_name = "<target-project-domain>", verbatim_doc_comment)]
    target_project_domain: Option<String>,
    /// The owner project (name or ID)
    #[arg(long, value_name = "<project>")]
    project: Option<String>,
    /// Domain the project belongs to (name or ID). This can be used in case collisions between project names exist.
    #[arg(long, value_name = "<project-domain>", verbatim_doc_comment)]
    project_domain: Option<String>,
}

impl Command for CreateNetworkRbac {
    const WORDS: &'static str = "network rbac create";
    const ABOUT: &'static str = "Create network RBAC policy";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let res: &Resource = match self.kind.as_str() {
            "network" => &NETWORK,
            "qos_policy" => &QOS_POLICY,
            "security_group" => &SECURITY_GROUP,
            "address_scope" => &ADDRESS_SCOPE,
            "subnetpool" => &SUBNET_POOL,
            _ => &ADDRESS_GROUP,
        };
        let mut a = Map::new();
        a.insert("object_type".into(), json!(self.kind));
        a.insert("action".into(), json!(self.action));
        a.insert(
            "object_id".into(),
            json!(c::find_id(ctx, res, &self.rbac_object)?),
        );
        let target = match &self.target_project {
            Some(p) => find_project_id(ctx, p, self.target_project_domain.as_deref(), true)?,
            None => "*".to_string(),
        };
        a.insert("target_tenant".into(), json!(target));
        c::put_project(
            ctx,
            &mut a,
            self.project.as_deref(),
            self.project_domain.as_deref(),
        )?;
        c::extra_properties(&self.extra.extra_property, &mut a)?;
        Ok(record(&c::create(ctx, &RBAC_POLICY, a)?))
    }
}

/// Delete network RBAC policy(s)
#[derive(clap::Args, Debug)]
pub struct DeleteNetworkRbac {
    /// RBAC policy(s) to delete (ID only)
    #[arg(value_name = "<rbac-policy>", required = true)]
    rbac_policy: Vec<String>,
}

impl Command for DeleteNetworkRbac {
    const WORDS: &'static str = "network rbac delete";
    const ABOUT: &'static str = "Delete network RBAC policy(s)";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        c::delete_many_worded(
            ctx,
            &RBAC_POLICY,
            &self.rbac_policy,
            "RBAC policies",
            |i, e| format!("Failed to delete RBAC policy with ID '{i}': {e}"),
        )?;
        Ok(Output::None)
    }
}

/// List network RBAC policies
#[derive(clap::Args, Debug)]
pub struct ListNetworkRbac {
    /// List only network RBAC policies with the specified object type ("address_group",
    /// "address_scope", "security_group", "subnetpool", "qos_policy" or "network")
    #[arg(long = "type", value_name = "<type>", value_parser = TYPES, hide_possible_values = true)]
    kind: Option<String>,
    /// List only network RBAC policies with the specified action ("access_as_external" or
    /// "access_as_shared")
    #[arg(long, value_name = "<action>", value_parser = ACTIONS, hide_possible_values = true)]
    action: Option<String>,
    /// List only network RBAC policies with the specified target project (name or ID)
    #[arg(long, value_name = "<target-project>")]
    target_project: Option<String>,
    /// List additional fields in output
    #[arg(long)]
    long: bool,
    #[command(flatten)]
    page: super::MarkerPage,
}

impl Command for ListNetworkRbac {
    const WORDS: &'static str = "network rbac list";
    const ABOUT: &'static str = "List network RBAC policies";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut q: Vec<(&str, String)> = Vec::new();
        c::put_query(&mut q, "object_type", self.kind.as_deref());
        c::put_query(&mut q, "action", self.action.as_deref());
        if let Some(t) = &self.target_project {
            let id = if t == "*" {
                t.clone()
            } else {
                find_project_id(ctx, t, None, true)?
            };
            q.push(("target_project_id", id));
        }
        self.page.apply(&mut q);
        let items = c::list(ctx, &RBAC_POLICY, &q, self.page.max_items)?;
        let mut cols = vec![
            ("ID", "id"),
            ("Object Type", "object_type"),
            ("Object ID", "object_id"),
        ];
        if self.long {
            cols.push(("Action", "action"));
        }
        Ok(Output::List(c::listing(&RBAC_POLICY, &items, &cols, &[])))
    }
}

/// Set network RBAC policy properties
#[derive(clap::Args, Debug)]
pub struct SetNetworkRbac {
    #[command(flatten)]
    extra: c::ExtraProperty,
    /// RBAC policy to be modified (ID only)
    #[arg(value_name = "<rbac-policy>")]
    rbac_policy: String,
    /// The project to which the RBAC policy will be enforced (name or ID)
    #[arg(long, value_name = "<target-project>")]
    target_project: Option<String>,
    /// Domain the target project belongs to (name or ID). This can be used in case collisions between project names exist.
    #[arg(long, value_name = "<target-project-domain>", verbatim_doc_comment)]
    target_project_domain: Option<String>,
}

impl Command for SetNetworkRbac {
    const WORDS: &'static str = "network rbac set";
    const ABOUT: &'static str = "Set network RBAC policy properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let obj = c::find(ctx, &RBAC_POLICY, &self.rbac_policy)?;
        let mut a = Map::new();
        if let Some(t) = self.target_project.as_deref().filter(|t| !t.is_empty()) {
            let id = find_project_id(ctx, t, self.target_project_domain.as_deref(), true)?;
            a.insert("target_tenant".into(), json!(id));
        }
        c::extra_properties(&self.extra.extra_property, &mut a)?;
        c::update(ctx, &RBAC_POLICY, &c::id(&obj), a)?;
        Ok(Output::None)
    }
}

/// Display network RBAC policy details
#[derive(clap::Args, Debug)]
pub struct ShowNetworkRbac {
    /// RBAC policy (ID only)
    #[arg(value_name = "<rbac-policy>")]
    rbac_policy: String,
}

impl Command for ShowNetworkRbac {
    const WORDS: &'static str = "network rbac show";
    const ABOUT: &'static str = "Display network RBAC policy details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        Ok(record(&c::find(ctx, &RBAC_POLICY, &self.rbac_policy)?))
    }
}
