//! `versions show` (openstackclient/common/versions.py ShowVersions): every version of every
//! catalog endpoint, as keystoneauth's `Session.get_all_version_data` finds them.
//!
//! Discovery order per endpoint: the endpoint URL itself, then its root (`scheme://host:port/`);
//! when neither answers with a versions document the version is taken from a `/vN` path
//! segment (swift), as keystoneauth does for services without discovery.

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Listing};
use ostk_sdk::client::{Session, discovery::VersionInfo};

/// `--status` help: argparse keeps its line breaks here.
const STATUS_HELP: &str = "Show versions for a specific status. Valid values are:\n\n- SUPPORTED\n- CURRENT\n- DEPRECATED\n- EXPERIMENTAL";

/// Show available versions of services
#[derive(clap::Args, Debug)]
pub struct ShowVersions {
    /// Show values for all interfaces
    #[arg(long, group = "iface")]
    all_interfaces: bool,
    /// Show versions for a specific interface.
    #[arg(
        long,
        value_name = "<interface>",
        group = "iface",
        verbatim_doc_comment
    )]
    interface: Option<String>,
    /// Show versions for a specific region.
    #[arg(long, value_name = "<region_name>", verbatim_doc_comment)]
    region_name: Option<String>,
    /// Show versions for a specific service. The argument should be either an exact match to what is in the catalog or a known official value or alias from service-types-authority (https://service-types.openstack.org/)
    #[arg(long, value_name = "<service>")]
    service: Option<String>,
    #[arg(long, value_name = "<status>", help = STATUS_HELP)]
    status: Option<String>,
}

/// (region, interface) of a group of rows.
type Group = (Option<String>, String);

/// keystoneauth's normalized version text: `v3.14` → `3.14`, `v1` → `1.0`.
fn version_text(id: &str) -> String {
    let v = id.trim().trim_start_matches(['v', 'V']);
    if v.contains('.') {
        v.to_string()
    } else {
        format!("{v}.0")
    }
}

/// keystoneauth's status normalization (`stable` is `CURRENT`).
fn status_text(s: &str) -> String {
    match s.to_ascii_uppercase().as_str() {
        "STABLE" => "CURRENT".into(),
        other => other.to_string(),
    }
}

fn micro(v: &Option<String>) -> Cell {
    match v.as_deref().filter(|s| !s.is_empty()) {
        Some(s) => Cell::Str(version_text(s)),
        None => Cell::None,
    }
}

/// A discovery document's versions, with `self` links resolved against the URL that served it
/// (placement's are empty).
async fn discovered(session: &Session, url: &str) -> Vec<VersionInfo> {
    let Ok(found) = session.discover(url).await else {
        return Vec::new();
    };
    let base = url::Url::parse(url).ok();
    found
        .iter()
        .cloned()
        .map(|mut v| {
            let href = v.href.clone().unwrap_or_default();
            if let Some(b) = &base
                && url::Url::parse(&href).is_err()
                && let Ok(joined) = b.join(&href)
            {
                v.href = Some(joined.to_string());
            }
            v
        })
        .collect()
}

async fn versions_of(session: &Session, url: &str) -> Vec<VersionInfo> {
    let Some(scheme_end) = url.find("://") else {
        return Vec::new();
    };
    let path_start = url[scheme_end + 3..]
        .find('/')
        .map_or(url.len(), |i| scheme_end + 3 + i);
    let (origin, path) = url.split_at(path_start);
    let root = format!("{origin}/");
    // keystoneauth asks the unversioned root first (nova's lists v2.0 and v2.1 there, its
    // /v2.1 only itself), then the endpoint as the catalog gives it.
    let v = discovered(session, &root).await;
    if !v.is_empty() {
        return v;
    }
    if root.trim_end_matches('/') != url.trim_end_matches('/') {
        let v = discovered(session, url).await;
        if !v.is_empty() {
            return v;
        }
    }
    // A `/vN` path segment names the version when there is no discovery document.
    let segs: Vec<&str> = path.split('/').collect();
    if let Some(i) = segs
        .iter()
        .position(|s| s.len() > 1 && s.starts_with('v') && s[1..].parse::<u64>().is_ok())
    {
        return vec![VersionInfo {
            id: segs[i].to_string(),
            status: "CURRENT".into(),
            href: Some(format!("{origin}{}/", segs[..=i].join("/"))),
            min_version: None,
            max_version: None,
        }];
    }
    // No version anywhere: keystoneauth still lists the endpoint, without a version.
    if path.trim_matches('/').is_empty() {
        return vec![VersionInfo {
            id: String::new(),
            status: "CURRENT".into(),
            href: Some(format!("{origin}/")),
            min_version: None,
            max_version: None,
        }];
    }
    Vec::new()
}

impl Command for ShowVersions {
    const WORDS: &'static str = "versions show";
    const ABOUT: &'static str = "Show available versions of services";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        let interface = if self.all_interfaces {
            None
        } else {
            Some(self.interface.clone().unwrap_or_else(|| "public".into()))
        };
        let status = self.status.as_deref().map(str::to_ascii_uppercase);
        let catalog = ctx.block_on(session.catalog())??;
        // keystoneauth nests its answer region → interface → service type, in first-seen
        // order; rows come out in that order.
        let mut groups: Vec<(Group, Vec<Vec<Cell>>)> = Vec::new();
        // keystoneauth keys its answer by official service type: `volumev3` and
        // `block-storage` entries are one service, shown once under the official name.
        let mut seen: Vec<(Option<String>, String, String)> = Vec::new();
        for svc in catalog.service_list() {
            if let Some(want) = self.service.as_deref()
                && !ostk_sdk::client::service_types::matches(&svc.service_type, want)
            {
                continue;
            }
            for ep in &svc.endpoints {
                if interface.as_deref().is_some_and(|i| i != ep.interface) {
                    continue;
                }
                if let Some(r) = self.region_name.as_deref()
                    && ep.region.as_deref() != Some(r)
                {
                    continue;
                }
                let official =
                    ostk_sdk::client::service_types::official(&svc.service_type).to_string();
                let seen_key = (ep.region.clone(), ep.interface.clone(), official.clone());
                if seen.contains(&seen_key) {
                    continue;
                }
                seen.push(seen_key);
                let mut versions = ctx.block_on(versions_of(&session, &ep.url))?;
                versions.sort_by_key(|v| {
                    ostk_sdk::client::discovery::parse_version(&v.id).unwrap_or((0, 0))
                });
                for v in versions {
                    let st = status_text(&v.status);
                    if status.as_deref().is_some_and(|s| s != st) {
                        continue;
                    }
                    let key = (ep.region.clone(), ep.interface.clone());
                    let gi = match groups.iter().position(|(k, _)| *k == key) {
                        Some(i) => i,
                        None => {
                            groups.push((key, Vec::new()));
                            groups.len() - 1
                        }
                    };
                    groups[gi].1.push(vec![
                        Cell::from(ep.region.clone()),
                        Cell::Str(official.clone()),
                        if v.id.is_empty() {
                            Cell::None
                        } else {
                            Cell::Str(version_text(&v.id))
                        },
                        Cell::Str(st),
                        Cell::from(v.href.clone()),
                        micro(&v.min_version),
                        micro(&v.max_version),
                    ]);
                }
            }
        }
        let rows = groups.into_iter().flat_map(|(_, r)| r).collect();
        Ok(Output::List(Listing {
            columns: [
                "Region Name",
                "Service Type",
                "Version",
                "Status",
                "Endpoint",
                "Min Microversion",
                "Max Microversion",
            ]
            .map(String::from)
            .to_vec(),
            rows,
        }))
    }
}
