//! `quota set` (openstackclient/common/quota.py SetQuota).

use crate::commands::compute::common::sdk;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::quota::{self, Service};
use serde_json::{Map, Value, json};

/// Set quotas for project or class
#[derive(clap::Args, Debug)]
pub struct SetQuota {
    /// Set quotas for this project or class (name or ID) (defaults to current project)
    #[arg(value_name = "<project/class>")]
    project: Option<String>,
    /// **Deprecated** Set quotas for <class>. Deprecated as quota classes were never fully implemented and only the default class is supported. (compute and volume only)
    #[arg(long = "class", group = "kind")]
    quota_class: bool,
    /// Set default quotas for <project>
    #[arg(long, group = "kind")]
    default: bool,
    /// New value for the cores quota
    #[arg(long, value_name = "<cores>")]
    cores: Option<i64>,
    /// New value for the injected-file-size quota
    #[arg(long, value_name = "<injected-file-size>")]
    injected_file_size: Option<i64>,
    /// New value for the injected-path-size quota
    #[arg(long, value_name = "<injected-path-size>")]
    injected_path_size: Option<i64>,
    /// New value for the injected-files quota
    #[arg(long, value_name = "<injected-files>")]
    injected_files: Option<i64>,
    /// New value for the instances quota
    #[arg(long, value_name = "<instances>")]
    instances: Option<i64>,
    /// New value for the key-pairs quota
    #[arg(long, value_name = "<key-pairs>")]
    key_pairs: Option<i64>,
    /// New value for the properties quota
    #[arg(long, value_name = "<properties>")]
    properties: Option<i64>,
    /// New value for the ram quota
    #[arg(long, value_name = "<ram>")]
    ram: Option<i64>,
    /// New value for the server-group-members quota
    #[arg(long, value_name = "<server-group-members>")]
    server_group_members: Option<i64>,
    /// New value for the server-groups quota
    #[arg(long, value_name = "<server-groups>")]
    server_groups: Option<i64>,
    /// New value for the backups quota
    #[arg(long, value_name = "<backups>")]
    backups: Option<i64>,
    /// New value for the backup-gigabytes quota
    #[arg(long, value_name = "<backup-gigabytes>")]
    backup_gigabytes: Option<i64>,
    /// New value for the gigabytes quota
    #[arg(long, value_name = "<gigabytes>")]
    gigabytes: Option<i64>,
    /// New value for the groups quota
    #[arg(long, value_name = "<groups>")]
    groups: Option<i64>,
    /// New value for the per-volume-gigabytes quota
    #[arg(long, value_name = "<per-volume-gigabytes>")]
    per_volume_gigabytes: Option<i64>,
    /// New value for the snapshots quota
    #[arg(long, value_name = "<snapshots>")]
    snapshots: Option<i64>,
    /// New value for the volumes quota
    #[arg(long, value_name = "<volumes>")]
    volumes: Option<i64>,
    /// New value for the floating-ips quota
    #[arg(long, value_name = "<floating-ips>")]
    floating_ips: Option<i64>,
    /// New value for the secgroup-rules quota
    #[arg(long, value_name = "<secgroup-rules>")]
    secgroup_rules: Option<i64>,
    /// New value for the secgroups quota
    #[arg(long, value_name = "<secgroups>")]
    secgroups: Option<i64>,
    /// New value for the networks quota
    #[arg(long, value_name = "<networks>")]
    networks: Option<i64>,
    /// New value for the subnets quota
    #[arg(long, value_name = "<subnets>")]
    subnets: Option<i64>,
    /// New value for the ports quota
    #[arg(long, value_name = "<ports>")]
    ports: Option<i64>,
    /// New value for the routers quota
    #[arg(long, value_name = "<routers>")]
    routers: Option<i64>,
    /// New value for the router-routes quota
    #[arg(long, value_name = "<router-routes>")]
    router_routes: Option<i64>,
    /// New value for the rbac-policies quota
    #[arg(long, value_name = "<rbac-policies>")]
    rbac_policies: Option<i64>,
    /// New value for the subnetpools quota
    #[arg(long, value_name = "<subnetpools>")]
    subnetpools: Option<i64>,
    /// Set quotas for a specific <volume-type>
    #[arg(long, value_name = "<volume-type>")]
    volume_type: Option<String>,
    /// Force quota update (only supported by compute and network)
    #[arg(long, group = "forcing")]
    force: bool,
    /// Do not force quota update (only supported by compute and network) (default)
    #[arg(long, group = "forcing")]
    no_force: bool,
    #[arg(long, group = "forcing", hide = true)]
    check_limit: bool,
}

impl SetQuota {
    fn compute(&self) -> Vec<(&'static str, Option<i64>)> {
        vec![
            ("cores", self.cores),
            ("injected_file_content_bytes", self.injected_file_size),
            ("injected_file_path_bytes", self.injected_path_size),
            ("injected_files", self.injected_files),
            ("instances", self.instances),
            ("key_pairs", self.key_pairs),
            ("metadata_items", self.properties),
            ("ram", self.ram),
            ("server_group_members", self.server_group_members),
            ("server_groups", self.server_groups),
        ]
    }

    fn volume(&self) -> Vec<(&'static str, Option<i64>)> {
        vec![
            ("backups", self.backups),
            ("backup_gigabytes", self.backup_gigabytes),
            ("gigabytes", self.gigabytes),
            ("groups", self.groups),
            ("per_volume_gigabytes", self.per_volume_gigabytes),
            ("snapshots", self.snapshots),
            ("volumes", self.volumes),
        ]
    }

    fn network(&self) -> Vec<(&'static str, Option<i64>)> {
        vec![
            ("floatingip", self.floating_ips),
            ("security_group_rule", self.secgroup_rules),
            ("security_group", self.secgroups),
            ("network", self.networks),
            ("subnet", self.subnets),
            ("port", self.ports),
            ("router", self.routers),
            ("router_route", self.router_routes),
            ("rbac_policy", self.rbac_policies),
            ("subnetpool", self.subnetpools),
        ]
    }
}

/// The given values as a JSON object.
fn given(values: Vec<(&str, Option<i64>)>, rename: impl Fn(&str) -> String) -> Map<String, Value> {
    values
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (rename(k), json!(v))))
        .collect()
}

/// `IMPACT_VOLUME_TYPE_QUOTAS`: the volume quotas a `--volume-type` applies to.
const PER_TYPE: [&str; 3] = ["gigabytes", "snapshots", "volumes"];

impl Command for SetQuota {
    const WORDS: &'static str = "quota set";
    const ABOUT: &'static str = "Set quotas for project or class";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        if self.quota_class {
            tracing::warn!(
                "The '--class' option has been deprecated. Quota classes were never fully implemented and the compute and volume services only support a single 'default' quota class while the network service does not support quota classes at all. Please use 'openstack quota set --default' instead."
            );
        }
        if (self.quota_class || self.default) && self.force {
            return Err(CliError::Message(
                "--force cannot be used with --class or --default".into(),
            ));
        }
        let mut compute = given(self.compute(), str::to_string);
        if !compute.is_empty() && self.force {
            compute.insert("force".into(), json!(true));
        }
        let volume = given(self.volume(), |k| match &self.volume_type {
            Some(t) if !t.is_empty() && PER_TYPE.contains(&k) => format!("{k}_{t}"),
            _ => k.to_string(),
        });
        let mut network = given(self.network(), str::to_string);
        if !network.is_empty() {
            // Neutron has no plain boolean: `force`, or `check_limit` (not force).
            if self.force {
                network.insert("force".into(), json!(true));
            } else {
                network.insert("check_limit".into(), json!(true));
            }
        }
        let session = ctx.session()?;
        if self.quota_class || self.default {
            let class = self.project.clone().unwrap_or_else(|| "default".into());
            for (service, attrs) in [(Service::Compute, compute), (Service::Volume, volume)] {
                if !attrs.is_empty() {
                    ctx.block_on(quota::update_class(&session, service, &class, attrs))?
                        .map_err(sdk)?;
                }
            }
            if !network.is_empty() {
                return Ok(Output::Stderr(
                    "Network quotas are ignored since quota classes are not supported.".into(),
                ));
            }
            return Ok(Output::None);
        }
        let (project, _) = super::project(ctx, self.project.as_deref())?;
        for (service, attrs) in [
            (Service::Compute, compute),
            (Service::Volume, volume),
            (Service::Network, network),
        ] {
            if !attrs.is_empty() {
                ctx.block_on(quota::update(&session, service, &project, attrs))?
                    .map_err(sdk)?;
            }
        }
        Ok(Output::None)
    }
}
