//! `block storage cluster list/set/show` (block_storage_cluster.py; microversion 3.7+).

use super::{py_int, tristate};
use crate::commands::identity::common::sdk_error;
use crate::commands::volume::{call, cell, require_command};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Listing, Record};
use ostk_sdk::client::Session;
use ostk_sdk::volume as cinder;
use serde_json::{Value, json};

/// `_format_cluster(detailed=True)`: (header, attribute) pairs.
const DETAIL: [(&str, &str); 13] = [
    ("Name", "name"),
    ("Binary", "binary"),
    ("State", "state"),
    ("Status", "status"),
    ("Disabled Reason", "disabled_reason"),
    ("Hosts", "num_hosts"),
    ("Down Hosts", "num_down_hosts"),
    ("Last Heartbeat", "last_heartbeat"),
    ("Created At", "created_at"),
    ("Updated At", "updated_at"),
    // present only when the cluster replicates
    ("Replication Status", "replication_status"),
    ("Frozen", "frozen"),
    ("Active Backend ID", "active_backend_id"),
];

/// `ListBlockStorageCluster`'s headers; each names the attribute `get_item_properties` reads
/// (lowercased, blanks as `_`).
const LIST: [&str; 4] = ["Name", "Binary", "State", "Status"];
const LIST_LONG: [&str; 6] = [
    "Num Hosts",
    "Num Down Hosts",
    "Last Heartbeat",
    "Disabled Reason",
    "Created At",
    "Updated At",
];

fn need(ctx: &mut Context, s: &Session, words: &str) -> Result<(), CliError> {
    require_command(ctx, s, "3.7", words)
}

/// List block storage clusters.
///
/// This command requires ``--os-volume-api-version`` 3.7 or greater.
#[derive(clap::Args, Debug)]
pub struct ListBlockStorageCluster {
    /// Filter by cluster name, without backend will list all clustered services from the same cluster.
    #[arg(long, value_name = "<name>", verbatim_doc_comment)]
    cluster: Option<String>,
    /// Cluster binary.
    #[arg(long, value_name = "<binary>", verbatim_doc_comment)]
    binary: Option<String>,
    /// Filter by up status.
    #[arg(long, overrides_with = "down", verbatim_doc_comment)]
    up: bool,
    /// Filter by down status.
    #[arg(long, overrides_with = "up", verbatim_doc_comment)]
    down: bool,
    /// Filter by disabled status.
    #[arg(long, overrides_with = "enabled", verbatim_doc_comment)]
    disabled: bool,
    /// Filter by enabled status.
    #[arg(long, overrides_with = "disabled", verbatim_doc_comment)]
    enabled: bool,
    /// Filter by number of hosts in the cluster.
    #[arg(long, value_name = "<hosts>", value_parser = py_int, verbatim_doc_comment)]
    num_hosts: Option<i64>,
    /// Filter by number of hosts that are down.
    #[arg(long, value_name = "<hosts>", value_parser = py_int, verbatim_doc_comment)]
    num_down_hosts: Option<i64>,
    /// List additional fields in output
    #[arg(long)]
    long: bool,
}

impl Command for ListBlockStorageCluster {
    const WORDS: &'static str = "block storage cluster list";
    const ABOUT: &'static str = "List block storage clusters.\n\nThis command requires ``--os-volume-api-version`` 3.7 or greater.";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let s = ctx.session()?;
        need(ctx, &s, Self::WORDS)?;
        let py_bool = |b: bool| if b { "True" } else { "False" }.to_string();
        let q: Vec<(&str, String)> = [
            ("name", self.cluster.clone()),
            ("binary", self.binary.clone()),
            ("is_up", tristate(self.up, self.down).map(py_bool)),
            (
                "disabled",
                tristate(self.disabled, self.enabled).map(py_bool),
            ),
            ("num_hosts", self.num_hosts.map(|n| n.to_string())),
            ("num_down_hosts", self.num_down_hosts.map(|n| n.to_string())),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k, v)))
        .collect();
        let coll = if self.long {
            cinder::CLUSTERS_DETAIL
        } else {
            cinder::CLUSTERS
        };
        let mut columns = LIST.to_vec();
        if self.long {
            columns.extend(LIST_LONG);
        }
        let rows = call(ctx, coll.list(&s, &q))?
            .iter()
            .map(|c| {
                columns
                    .iter()
                    .map(|h| cell(c.get(h.to_lowercase().replace(' ', "_"))))
                    .collect()
            })
            .collect();
        Ok(Output::List(Listing {
            columns: columns.into_iter().map(String::from).collect(),
            rows,
        }))
    }
}

/// Set block storage cluster properties.
///
/// This command requires ``--os-volume-api-version`` 3.7 or greater.
#[derive(clap::Args, Debug)]
pub struct SetBlockStorageCluster {
    /// Name of block storage cluster to update (name only)
    #[arg(value_name = "<cluster>")]
    cluster: String,
    /// Name of binary to filter by; defaults to 'cinder-volume' (optional)
    #[arg(
        long,
        value_name = "<binary>",
        default_value = "cinder-volume",
        hide_default_value = true
    )]
    binary: String,
    /// Enable cluster
    #[arg(long, group = "enabled_group")]
    enable: bool,
    /// Disable cluster
    #[arg(long, group = "enabled_group")]
    disable: bool,
    /// Reason for disabling the cluster (should be used with --disable option)
    #[arg(long, value_name = "<reason>")]
    disable_reason: Option<String>,
}

impl Command for SetBlockStorageCluster {
    const WORDS: &'static str = "block storage cluster set";
    const ABOUT: &'static str = "Set block storage cluster properties.\n\nThis command requires ``--os-volume-api-version`` 3.7 or greater.";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let _ = self.enable;
        let s = ctx.session()?;
        need(ctx, &s, Self::WORDS)?;
        let reason = self.disable_reason.filter(|r| !r.is_empty());
        if reason.is_some() && !self.disable {
            return Err(CliError::Message(
                "Cannot specify --disable-reason without --disable".into(),
            ));
        }
        let mut body = json!({ "name": self.cluster });
        if !self.binary.is_empty() {
            body["binary"] = json!(self.binary);
        }
        // neither flag: OSC enables
        let action = if self.disable {
            if let Some(r) = reason {
                body["disabled_reason"] = json!(r);
            }
            "disable"
        } else {
            "enable"
        };
        call(ctx, cinder::admin::cluster_action(&s, action, body))?;
        // OSC's take_action returns the cluster from a plain Command, which cliff turns into
        // a failing exit code; the action itself succeeded, so nothing is printed
        Ok(Output::None)
    }
}

/// Show detailed information for a block storage cluster.
///
/// This command requires ``--os-volume-api-version`` 3.7 or greater.
#[derive(clap::Args, Debug)]
pub struct ShowBlockStorageCluster {
    /// Name of block storage cluster.
    #[arg(value_name = "<cluster>", verbatim_doc_comment)]
    cluster: String,
    /// Service binary.
    #[arg(long, value_name = "<binary>", verbatim_doc_comment)]
    binary: Option<String>,
}

impl Command for ShowBlockStorageCluster {
    const WORDS: &'static str = "block storage cluster show";
    const ABOUT: &'static str = "Show detailed information for a block storage cluster.\n\nThis command requires ``--os-volume-api-version`` 3.7 or greater.";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        // OSC accepts --binary but never sends it (cinder then assumes cinder-volume)
        let _ = self.binary;
        let s = ctx.session()?;
        need(ctx, &s, Self::WORDS)?;
        let c = ctx
            .block_on(cinder::CLUSTERS.get(&s, &self.cluster))?
            .map_err(|e| sdk_error(e, Some(&format!("No Cluster found for {}", self.cluster))))?;
        Ok(Output::One(detail_record(&c)))
    }
}

fn detail_record(c: &Value) -> Record {
    Record {
        fields: DETAIL
            .iter()
            .map(|(h, k)| (h.to_string(), cell(c.get(*k))))
            .collect(),
    }
}
