//! `limits show` (openstackclient/common/limits.py ShowLimits).

use crate::commands::compute::common::sdk;
use crate::commands::identity::common::find_project_id;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Listing};
use ostk_sdk::client::{ClientError, Method, Session};
use serde_json::Value;

/// Show compute and block storage limits
#[derive(clap::Args, Debug)]
#[group(skip)]
#[command(group(clap::ArgGroup::new("type").required(true).multiple(false)))]
pub struct ShowLimits {
    /// Show absolute limits
    #[arg(long, group = "type")]
    absolute: bool,
    /// Show rate limits. This is not supported by the compute service since the 12.0.0 (Liberty) release and is only supported by the block storage service when the rate-limiting middleware is enabled. It is therefore a no-op in most deployments.
    #[arg(long, group = "type", verbatim_doc_comment)]
    rate: bool,
    /// Include reservations count (only valid with --absolute)
    #[arg(long)]
    reserved: bool,
    /// Show limits for a specific project (name or ID) (only valid with --absolute)
    #[arg(long, value_name = "<project>")]
    project: Option<String>,
    /// Domain the project belongs to (name or ID). This can be used in case collisions between project names exist.
    #[arg(long, value_name = "<project-domain>", verbatim_doc_comment)]
    project_domain: Option<String>,
    /// Deprecated alias of --project-domain.
    #[arg(long, value_name = "<domain>", hide = true)]
    domain: Option<String>,
}

/// openstacksdk compute `AbsoluteLimits`: (attribute, wire name, aka).
const COMPUTE: &[(&str, &str, Option<&str>)] = &[
    ("image_meta", "maxImageMeta", Some("max_image_meta")),
    ("personality", "maxPersonality", None),
    ("personality_size", "maxPersonalitySize", None),
    (
        "security_group_rules",
        "maxSecurityGroupRules",
        Some("max_security_group_rules"),
    ),
    (
        "security_groups",
        "maxSecurityGroups",
        Some("max_security_groups"),
    ),
    (
        "security_groups_used",
        "totalSecurityGroupsUsed",
        Some("total_security_groups_used"),
    ),
    ("server_meta", "maxServerMeta", Some("max_server_meta")),
    ("total_cores", "maxTotalCores", Some("max_total_cores")),
    (
        "total_cores_used",
        "totalCoresUsed",
        Some("total_cores_used"),
    ),
    (
        "floating_ips",
        "maxTotalFloatingIps",
        Some("max_total_floating_ips"),
    ),
    (
        "floating_ips_used",
        "totalFloatingIpsUsed",
        Some("total_floating_ips_used"),
    ),
    (
        "instances",
        "maxTotalInstances",
        Some("max_total_instances"),
    ),
    (
        "instances_used",
        "totalInstancesUsed",
        Some("total_instances_used"),
    ),
    ("keypairs", "maxTotalKeypairs", Some("max_total_keypairs")),
    ("total_ram", "maxTotalRAMSize", Some("max_total_ram_size")),
    ("total_ram_used", "totalRAMUsed", Some("total_ram_used")),
    (
        "server_groups",
        "maxServerGroups",
        Some("max_server_groups"),
    ),
    (
        "server_groups_used",
        "totalServerGroupsUsed",
        Some("total_server_groups_used"),
    ),
    (
        "server_group_members",
        "maxServerGroupMembers",
        Some("max_server_group_members"),
    ),
];

/// openstacksdk block-storage `AbsoluteLimit`: (attribute, wire name).
const VOLUME: &[(&str, &str, Option<&str>)] = &[
    (
        "max_total_backup_gigabytes",
        "maxTotalBackupGigabytes",
        None,
    ),
    ("max_total_backups", "maxTotalBackups", None),
    ("max_total_snapshots", "maxTotalSnapshots", None),
    (
        "max_total_volume_gigabytes",
        "maxTotalVolumeGigabytes",
        None,
    ),
    ("max_total_volumes", "maxTotalVolumes", None),
    (
        "total_backup_gigabytes_used",
        "totalBackupGigabytesUsed",
        None,
    ),
    ("total_backups_used", "totalBackupsUsed", None),
    ("total_gigabytes_used", "totalGigabytesUsed", None),
    ("total_snapshots_used", "totalSnapshotsUsed", None),
    ("total_volumes_used", "totalVolumesUsed", None),
];

/// `GET /limits` of a service.
async fn limits(
    s: &Session,
    service: &str,
    query: &[(&str, String)],
) -> Result<Value, ClientError> {
    let mut r = s.request(service, Method::GET, "limits");
    if service == "block-storage" {
        // openstacksdk's block-storage `Limits._max_microversion`.
        r = r.default_microversion("3.39");
    }
    for (k, v) in query {
        r = r.query(k, v);
    }
    let body = r.send().await?.json()?;
    Ok(body.get("limits").cloned().unwrap_or(Value::Null))
}

impl Command for ShowLimits {
    const WORDS: &'static str = "limits show";
    const ABOUT: &'static str = "Show compute and block storage limits";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let domain = self.project_domain.as_deref().or(self.domain.as_deref());
        // requests drops None-valued parameters (keystoneauth's debug line still shows them).
        let project = match &self.project {
            Some(p) => Some(find_project_id(ctx, p, domain, true)?),
            None => None,
        };
        let session = ctx.session()?;
        let reserved = if self.reserved { "True" } else { "False" };
        let mut cq: Vec<(&str, String)> = vec![("reserved", reserved.into())];
        let mut vq: Vec<(&str, String)> = Vec::new();
        if let Some(p) = project {
            cq.push(("tenant_id", p.clone()));
            vq.push(("project_id", p));
        }
        let compute = ctx
            .block_on(limits(&session, "compute", &cq))?
            .map_err(sdk)?;
        let volume = ctx
            .block_on(limits(&session, "block-storage", &vq))?
            .map_err(sdk)?;
        if self.absolute {
            let mut info: Vec<(String, Value)> = Vec::new();
            for (l, attrs) in [(&compute, COMPUTE), (&volume, VOLUME)] {
                let abs = l.get("absolute").cloned().unwrap_or(Value::Null);
                for (attr, wire, aka) in attrs {
                    let v = abs.get(*wire).cloned().unwrap_or(Value::Null);
                    for k in std::iter::once(*attr).chain(*aka) {
                        info.retain(|(x, _)| x != k);
                        info.push((k.to_string(), v.clone()));
                    }
                }
            }
            info.sort_by(|a, b| a.0.cmp(&b.0));
            return Ok(Output::List(Listing {
                columns: vec!["Name".into(), "Value".into()],
                rows: info
                    .into_iter()
                    .map(|(k, v)| vec![Cell::Str(k), Cell::from_json(v)])
                    .collect(),
            }));
        }
        let mut rows = Vec::new();
        for l in [&compute, &volume] {
            for r in l
                .get("rate")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let uri = r.get("uri").cloned().unwrap_or(Value::Null);
                for lim in r
                    .get("limit")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                {
                    let g = |k: &str| Cell::from_json(lim.get(k).cloned().unwrap_or(Value::Null));
                    rows.push(vec![
                        g("verb"),
                        Cell::from_json(uri.clone()),
                        g("value"),
                        g("remaining"),
                        g("unit"),
                        g("next-available"),
                    ]);
                }
            }
        }
        Ok(Output::List(Listing {
            columns: ["Verb", "URI", "Value", "Remain", "Unit", "Next Available"]
                .into_iter()
                .map(String::from)
                .collect(),
            rows,
        }))
    }
}
