//! `quota show` (openstackclient/common/quota.py ShowQuota).

use super::{COMPUTE_QUOTAS, NETWORK_QUOTAS, VOLUME_QUOTAS};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Listing};
use ostk_sdk::quota::Service;
use serde_json::{Map, Value};

/// Show quotas for project or class.
///
/// Specify ``--os-compute-api-version 2.50`` or higher to see ``server-groups``
/// and ``server-group-members`` output for a given quota class.
#[derive(clap::Args, Debug)]
pub struct ShowQuota {
    /// Show quotas for this project (name or ID) (defaults to current project)
    #[arg(value_name = "<project>")]
    project: Option<String>,
    /// Show default quotas for <project>
    #[arg(long, group = "kind")]
    default: bool,
    /// Show details about quotas usage
    #[arg(long, group = "kind")]
    usage: bool,
    /// Show quotas for all services
    #[arg(long, group = "service")]
    all: bool,
    /// Show compute quota
    #[arg(long, group = "service")]
    compute: bool,
    /// Show volume quota
    #[arg(long, group = "service")]
    volume: bool,
    /// Show network quota
    #[arg(long, group = "service")]
    network: bool,
}

/// osc's `_normalize_names`: API names with a different option name move to the end under it.
fn normalize(section: &mut Map<String, Value>) {
    for (k, v) in COMPUTE_QUOTAS
        .iter()
        .chain(VOLUME_QUOTAS)
        .chain(NETWORK_QUOTAS)
    {
        if k != v && section.get(*k).is_some_and(|x| !x.is_null()) {
            let x = section.shift_remove(*k).unwrap_or(Value::Null);
            section.insert((*v).to_string(), x);
        }
    }
}

fn take_map(m: &mut Map<String, Value>, key: &str) -> Map<String, Value> {
    match m.shift_remove(key) {
        Some(Value::Object(o)) => o,
        _ => Map::new(),
    }
}

impl Command for ShowQuota {
    const WORDS: &'static str = "quota show";
    const ABOUT: &'static str = "Show quotas for project or class.\n\nSpecify ``--os-compute-api-version 2.50`` or higher to see ``server-groups``\nand ``server-group-members`` output for a given quota class.";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let (project, _) = super::project(ctx, self.project.as_deref())?;
        let all = !(self.compute || self.volume || self.network);
        let mut parts = Vec::new();
        for (service, on) in [
            (Service::Compute, self.compute),
            (Service::Volume, self.volume),
            (Service::Network, self.network),
        ] {
            parts.push(if on || all {
                super::quotas(ctx, service, &project, self.usage, self.default)?
            } else {
                Map::new()
            });
        }
        let mut info = Map::new();
        if self.usage {
            let mut reservation = Map::new();
            let mut usage = Map::new();
            for p in &mut parts {
                reservation.extend(take_map(p, "reservation"));
            }
            for p in &mut parts {
                usage.extend(take_map(p, "usage"));
            }
            // Key pair usage is per user, not per project.
            usage.insert("key_pairs".into(), Value::String("N/A".into()));
            info.insert("reservation".into(), Value::Object(reservation));
            info.insert("usage".into(), Value::Object(usage));
        }
        for p in parts {
            info.extend(p);
        }
        normalize(&mut info);
        let mut usage = take_map(&mut info, "usage");
        let mut reservation = take_map(&mut info, "reservation");
        if self.usage {
            normalize(&mut reservation);
            normalize(&mut usage);
        }
        for f in ["id", "location", "name", "force"] {
            info.shift_remove(f);
        }
        let mut columns = vec!["Resource", "Limit"];
        if self.usage {
            columns.extend(["In Use", "Reserved"]);
        }
        let rows = info
            .into_iter()
            .map(|(k, v)| {
                if !self.usage {
                    return vec![Cell::Str(k), Cell::from_json(v)];
                }
                let or0 = |x: Value| match x {
                    Value::Null | Value::Bool(false) => Value::from(0),
                    Value::Number(n) if n.as_f64() == Some(0.0) => Value::from(0),
                    Value::String(s) if s.is_empty() => Value::from(0),
                    other => other,
                };
                vec![
                    Cell::from_json(Value::String(k.clone())),
                    Cell::from_json(or0(v)),
                    Cell::from_json(usage.get(&k).cloned().unwrap_or(Value::from(0))),
                    Cell::from_json(reservation.get(&k).cloned().unwrap_or(Value::from(0))),
                ]
            })
            .collect();
        Ok(Output::List(Listing {
            columns: columns.into_iter().map(String::from).collect(),
            rows,
        }))
    }
}
