//! `hypervisor show` (openstackclient/compute/v2/hypervisor.py ShowHypervisor).

use crate::commands::compute::common::{found, id_str, sdk, sorted_record, supports};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::Cell;
use ostk_sdk::compute::{aggregate, hypervisor};
use serde_json::{Map, Value};

/// Display hypervisor details
#[derive(clap::Args, Debug)]
pub struct ShowHypervisor {
    /// Hypervisor to display (name or ID)
    #[arg(value_name = "<hypervisor>")]
    hypervisor: String,
}

/// openstacksdk `Hypervisor` attributes (display name, wire name) shown before 2.88.
const LEGACY: &[(&str, &str)] = &[
    ("current_workload", "current_workload"),
    ("disk_available_least", "disk_available_least"),
    ("free_disk_gb", "free_disk_gb"),
    ("local_gb", "local_gb"),
    ("local_gb_used", "local_gb_used"),
    ("free_ram_mb", "free_ram_mb"),
    ("memory_mb", "memory_mb"),
    ("memory_mb_used", "memory_mb_used"),
    ("running_vms", "running_vms"),
    ("vcpus", "vcpus"),
    ("vcpus_used", "vcpus_used"),
];

/// `"17:37:14 up  2:33,  3 users,  load average: 0.33, 0.36, 0.34"` → host time, uptime,
/// users, load average (OSC's regular expression).
fn parse_uptime(s: &str) -> Option<[String; 4]> {
    let s = s.trim_start();
    let up = s.find(" up ")?;
    let host_time = s[..up].to_string();
    let rest = s[up + 4..].trim_start();
    let la = rest
        .find(",  load average: ")
        .or_else(|| rest.find(", load average: "))?;
    let before = &rest[..la];
    let load = rest[la..].split_once("load average: ")?.1.to_string();
    let users_at = before.rfind(',')?;
    let uptime = before[..users_at].to_string();
    let users = before[users_at + 1..]
        .trim_start()
        .trim_end_matches("users")
        .trim_end_matches("user")
        .trim_end()
        .to_string();
    Some([host_time, uptime, users, load])
}

impl Command for ShowHypervisor {
    const WORDS: &'static str = "hypervisor show";
    const ABOUT: &'static str = "Display hypervisor details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        let h = found(
            ctx.block_on(hypervisor::find(&session, &self.hypervisor))?,
            "Hypervisor",
            &self.hypervisor,
        )?;
        let id = id_str(&h);
        let h = ctx
            .block_on(hypervisor::HYPERVISORS.get(&session, &id))?
            .map_err(sdk)?;
        let aggregates = ctx
            .block_on(aggregate::AGGREGATES.list(&session, &[]))?
            .map_err(sdk)?;
        let service = h.get("service").cloned().unwrap_or(Value::Null);
        let service_host = service
            .get("host")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let (cell, host) = match service_host.split_once('@') {
            Some((c, h)) => (Some(c), h),
            None => (None, service_host),
        };
        let member_of: Vec<Value> = aggregates
            .iter()
            .filter(|a| {
                let name = a.get("name").and_then(Value::as_str).unwrap_or_default();
                let has = a
                    .get("hosts")
                    .and_then(Value::as_array)
                    .is_some_and(|hs| hs.iter().any(|x| x.as_str() == Some(host)));
                has && cell.is_none_or(|c| name.contains(c))
            })
            .filter_map(|a| a.get("name").cloned())
            .collect();
        let new = supports(ctx, "2.88")?;
        let mut fields: Vec<(String, Cell)> = Vec::new();
        let g = |k: &str| h.get(k).cloned().unwrap_or(Value::Null);
        for k in [
            "host_ip",
            "hypervisor_type",
            "hypervisor_version",
            "id",
            "state",
            "status",
        ] {
            fields.push((k.to_string(), Cell::from_json(g(k))));
        }
        fields.push((
            "hypervisor_hostname".into(),
            Cell::from_json(g("hypervisor_hostname")),
        ));
        fields.push(("aggregates".into(), Cell::Raw(Value::Array(member_of))));
        let mut cpu = g("cpu_info");
        if !supports(ctx, "2.28")? {
            cpu = match &cpu {
                Value::String(s) if !s.is_empty() => serde_json::from_str(s).unwrap_or(Value::Null),
                _ => Value::Object(Map::new()),
            };
        }
        fields.push((
            "cpu_info".into(),
            Cell::dict(match cpu {
                Value::Object(m) => Some(m),
                _ => None,
            }),
        ));
        if !new {
            for (name, wire) in LEGACY {
                fields.push(((*name).to_string(), Cell::from_json(g(wire))));
            }
        }
        let uptime = if new {
            Ok(h.get("uptime")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string())
        } else {
            match ctx.block_on(hypervisor::uptime(&session, &id))? {
                Ok(u) => Ok(u
                    .get("uptime")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string()),
                Err(e) if e.status() == Some(501) => Err(()),
                Err(e) => return Err(sdk(e)),
            }
        };
        if let Ok(u) = uptime
            && let Some([t, up, users, load]) = parse_uptime(&u)
        {
            fields.push(("host_time".into(), Cell::Str(t)));
            fields.push(("uptime".into(), Cell::Str(up)));
            fields.push(("users".into(), Cell::Str(users)));
            fields.push(("load_average".into(), Cell::Str(load)));
        }
        fields.push((
            "service_id".into(),
            Cell::from_json(service.get("id").cloned().unwrap_or(Value::Null)),
        ));
        fields.push((
            "service_host".into(),
            Cell::from_json(service.get("host").cloned().unwrap_or(Value::Null)),
        ));
        Ok(Output::One(sorted_record(fields)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uptime_is_split_as_osc_does() {
        assert_eq!(
            parse_uptime(" 17:37:14 up  2:33,  3 users,  load average: 0.33, 0.36, 0.34"),
            Some([
                "17:37:14".to_string(),
                "2:33".to_string(),
                "3".to_string(),
                "0.33, 0.36, 0.34".to_string()
            ])
        );
        assert_eq!(parse_uptime(""), None);
    }
}
