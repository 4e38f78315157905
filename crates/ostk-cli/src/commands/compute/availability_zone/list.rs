//! `availability zone list` (openstackclient/common/availability_zone.py
//! ListAvailabilityZone): compute, network, share and volume zones.

use crate::commands::compute::common::sdk;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Listing};
use ostk_sdk::client::{ClientError, Method, Session};
use ostk_sdk::compute::host;
use serde_json::Value;

/// List availability zones and their status
#[derive(clap::Args, Debug)]
pub struct ListAvailabilityZone {
    /// List compute availability zones
    #[arg(long)]
    compute: bool,
    /// List network availability zones
    #[arg(long)]
    network: bool,
    /// List volume availability zones
    #[arg(long)]
    volume: bool,
    /// List share availability zones
    #[arg(long)]
    share: bool,
    /// List additional fields in output
    #[arg(long)]
    long: bool,
}

/// One row: zone name, status, resource, host, service, service status (`None`: absent,
/// shown as '' like osc-lib's `get_dict_properties`).
type Row = [Option<String>; 6];

fn available(z: &Value, key: &str) -> String {
    if z.pointer(&format!("/{key}/available"))
        .and_then(Value::as_bool)
        .unwrap_or(false)
    {
        "available".into()
    } else {
        "not available".into()
    }
}

fn text(v: &Value) -> String {
    ostk_output::py_str_of_json(v)
}

fn compute_rows(zones: &[Value], long: bool) -> Vec<Row> {
    let mut rows = Vec::new();
    for z in zones {
        let name = z.get("zoneName").map(text);
        let status = Some(available(z, "zoneState"));
        if !long {
            rows.push([name, status, None, None, None, None]);
            continue;
        }
        match z
            .get("hosts")
            .and_then(Value::as_object)
            .filter(|h| !h.is_empty())
        {
            Some(hosts) => {
                for (h, services) in hosts {
                    for (svc, st) in services.as_object().into_iter().flatten() {
                        let flag = |k: &str| st.get(k).and_then(Value::as_bool).unwrap_or(false);
                        let state = format!(
                            "{} {} {}",
                            if flag("active") {
                                "enabled"
                            } else {
                                "disabled"
                            },
                            if flag("available") { ":-)" } else { "XXX" },
                            st.get("updated_at").map(text).unwrap_or_default()
                        );
                        rows.push([
                            name.clone(),
                            status.clone(),
                            None,
                            Some(h.clone()),
                            Some(svc.clone()),
                            Some(state),
                        ]);
                    }
                }
            }
            None => rows.push([
                name,
                status,
                None,
                Some(String::new()),
                Some(String::new()),
                Some(String::new()),
            ]),
        }
    }
    rows
}

async fn get_list(
    s: &Session,
    service: &str,
    path: &str,
    key: &str,
) -> Result<Vec<Value>, ClientError> {
    let mut r = s.request(service, Method::GET, path);
    if service == "network" {
        r = r.api_version("2.0");
    }
    let v = r.send().await?.json()?;
    Ok(v.get(key)
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default())
}

/// neutron: `find_extension('Availability Zone')`, then its zones.
async fn network_zones(s: &Session) -> Result<Option<Vec<Value>>, ClientError> {
    let found = match get_list(s, "network", "extensions/Availability%20Zone", "extension").await {
        Ok(_) => true,
        Err(e) if matches!(e.status(), Some(404 | 400 | 403)) => {
            get_list(s, "network", "extensions", "extensions")
                .await?
                .iter()
                .any(|x| {
                    ["name", "alias"]
                        .iter()
                        .any(|k| x.get(*k).and_then(Value::as_str) == Some("Availability Zone"))
                })
        }
        Err(e) => return Err(e),
    };
    if !found {
        return Ok(None);
    }
    Ok(Some(
        get_list(s, "network", "availability_zones", "availability_zones").await?,
    ))
}

impl Command for ListAvailabilityZone {
    const WORDS: &'static str = "availability zone list";
    const ABOUT: &'static str = "List availability zones and their status";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let all = !(self.compute || self.network || self.share || self.volume);
        let session = ctx.session()?;
        let mut rows: Vec<Row> = Vec::new();
        if self.compute || all {
            let zones = match ctx.block_on(host::availability_zones(&session, true))? {
                Err(e) if e.status() == Some(403) => {
                    ctx.block_on(host::availability_zones(&session, false))?
                }
                other => other,
            }
            .map_err(sdk)?;
            rows.extend(compute_rows(&zones, self.long));
        }
        if self.network || all {
            match ctx.block_on(network_zones(&session))? {
                Ok(Some(zones)) => {
                    for z in zones {
                        let mut state = z.get("state").map(text);
                        if state.as_deref() == Some("unavailable") {
                            state = Some("not available".into());
                        }
                        rows.push([
                            z.get("name").map(text),
                            state,
                            z.get("resource").map(text),
                            None,
                            None,
                            None,
                        ]);
                    }
                }
                other => {
                    if let Err(e) = other {
                        tracing::debug!("Network availability zone exception: {e}");
                    }
                    if self.network {
                        tracing::warn!("Availability zones list not supported by Network API");
                    }
                }
            }
        }
        if self.share || all {
            match ctx.block_on(get_list(
                &session,
                "shared-file-system",
                "availability-zones",
                "availability_zones",
            ))? {
                Ok(zones) => {
                    for z in zones {
                        rows.push([
                            z.get("name").map(text),
                            Some("available".into()),
                            None,
                            None,
                            None,
                            None,
                        ]);
                    }
                }
                Err(e) => {
                    if self.share {
                        tracing::warn!(
                            "Availability zones list not supported by Shared File System API"
                        );
                    } else {
                        tracing::debug!("Share availability zone not available: {e}");
                    }
                }
            }
        }
        if self.volume || all {
            match ctx.block_on(get_list(
                &session,
                "block-storage",
                "os-availability-zone",
                "availabilityZoneInfo",
            ))? {
                Ok(zones) => {
                    for z in zones {
                        rows.push([
                            z.get("zoneName").map(text),
                            Some(available(&z, "zoneState")),
                            None,
                            None,
                            None,
                            None,
                        ]);
                    }
                }
                Err(ClientError::Catalog(_)) => {
                    if self.volume {
                        tracing::warn!("Block Storage API is not available in the current cloud");
                    }
                }
                Err(e) => {
                    tracing::debug!("Volume availability zone exception: {e}");
                    if self.volume {
                        tracing::warn!(
                            "Availability zones list not supported by Block Storage API"
                        );
                    }
                }
            }
        }
        let mut columns = vec!["Zone Name", "Zone Status"];
        if self.long {
            columns.extend([
                "Zone Resource",
                "Host Name",
                "Service Name",
                "Service Status",
            ]);
        }
        let n = columns.len();
        Ok(Output::List(Listing {
            columns: columns.into_iter().map(String::from).collect(),
            rows: rows
                .into_iter()
                .map(|r| {
                    r.into_iter()
                        .take(n)
                        .map(|c| Cell::Str(c.unwrap_or_default()))
                        .collect()
                })
                .collect(),
        }))
    }
}
