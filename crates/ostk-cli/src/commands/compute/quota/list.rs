//! `quota list` (openstackclient/common/quota.py ListQuota).

use crate::commands::common::bulk;
use crate::commands::compute::common::sdk;
use crate::commands::identity::common::{id_of, sdk_error};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Listing};
use ostk_sdk::identity::project::PROJECTS;
use ostk_sdk::quota::{self, Service};
use serde_json::{Map, Value};

/// List quotas for all projects with non-default quota values.
///
/// Empty output means all projects are using default quotas, which can be
/// inspected with 'openstack quota show --default'.
#[derive(clap::Args, Debug)]
#[group(id = "service", required = true, multiple = false)]
pub struct ListQuota {
    /// List compute quota
    #[arg(long)]
    compute: bool,
    /// List volume quota
    #[arg(long)]
    volume: bool,
    /// List network quota
    #[arg(long)]
    network: bool,
}

/// (API key, column header) per service, in OSC's column order.
fn columns(service: Service) -> &'static [(&'static str, &'static str)] {
    match service {
        Service::Compute => &[
            ("cores", "Cores"),
            ("injected_files", "Injected Files"),
            ("injected_file_content_bytes", "Injected File Content Bytes"),
            ("injected_file_path_bytes", "Injected File Path Bytes"),
            ("instances", "Instances"),
            ("key_pairs", "Key Pairs"),
            ("metadata_items", "Metadata Items"),
            ("ram", "Ram"),
            ("server_groups", "Server Groups"),
            ("server_group_members", "Server Group Members"),
        ],
        Service::Volume => &[
            ("backups", "Backups"),
            ("backup_gigabytes", "Backup Gigabytes"),
            ("gigabytes", "Gigabytes"),
            ("groups", "Groups"),
            ("per_volume_gigabytes", "Per Volume Gigabytes"),
            ("snapshots", "Snapshots"),
            ("volumes", "Volumes"),
        ],
        Service::Network => &[
            ("floatingip", "Floating IPs"),
            ("network", "Networks"),
            ("port", "Ports"),
            ("rbac_policy", "RBAC Policies"),
            ("router_route", "Router Routes"),
            ("router", "Routers"),
            ("security_group", "Security Groups"),
            ("security_group_rule", "Security Group Rules"),
            ("subnet", "Subnets"),
            ("subnetpool", "Subnet Pools"),
        ],
    }
}

/// The statuses after which OSC skips a project ("not found").
fn skipped(service: Service, status: Option<u16>) -> bool {
    match service {
        Service::Compute => matches!(status, Some(400 | 403 | 404)),
        _ => matches!(status, Some(403 | 404)),
    }
}

fn values(q: &Map<String, Value>, keys: &[(&str, &str)]) -> Vec<Value> {
    keys.iter()
        .map(|(k, _)| q.get(*k).cloned().unwrap_or(Value::Null))
        .collect()
}

impl Command for ListQuota {
    const WORDS: &'static str = "quota list";
    const ABOUT: &'static str = "List quotas for all projects with non-default quota values.\n\nEmpty output means all projects are using default quotas, which can be\ninspected with 'openstack quota show --default'.";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let service = if self.compute {
            Service::Compute
        } else if self.volume {
            Service::Volume
        } else {
            Service::Network
        };
        let session = ctx.session()?;
        let projects: Vec<String> = ctx
            .block_on(PROJECTS.list(&session, &[]))?
            .map_err(|e| sdk_error(e, None))?
            .iter()
            .map(id_of)
            .collect();
        let keys = columns(service);
        let found = bulk::each(ctx, &projects, |s, p| async move {
            match quota::get(&s, service, &p, false).await {
                Err(e) if skipped(service, e.status()) => {
                    tracing::warn!("Project {p} not found: {}", sdk(e));
                    Ok(None)
                }
                Err(e) => Err(sdk(e)),
                Ok(q) => {
                    let d = quota::defaults(&s, service, &p).await.map_err(sdk)?;
                    Ok(Some((q, d)))
                }
            }
        })?;
        let mut rows = Vec::new();
        for (p, r) in projects.iter().zip(found) {
            let Some((q, d)) = r? else { continue };
            let (qv, dv) = (values(&q, keys), values(&d, keys));
            if qv != dv {
                let mut row = vec![Cell::Str(p.clone())];
                row.extend(qv.into_iter().map(Cell::from_json));
                rows.push(row);
            }
        }
        let mut cols = vec!["Project ID".to_string()];
        cols.extend(keys.iter().map(|(_, h)| (*h).to_string()));
        Ok(Output::List(Listing {
            columns: cols,
            rows,
        }))
    }
}
