//! `block storage volume manageable list` / `block storage snapshot manageable list`
//! (block_storage_manage.py; microversion 3.8+, `--cluster` 3.17+).
//!
//! openstacksdk's manageable resources declare no microversion, so the reference sends none
//! and cinder (3.0) answers 404 unless `--os-volume-api-version` names one; ostk negotiates
//! as for every other cinder resource.

use crate::commands::volume::{call, cell, require, require_command};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::Listing;
use ostk_sdk::rest::Collection;
use ostk_sdk::volume as cinder;

/// What the two commands share: their arguments, and what differs between them.
struct Query<'a> {
    host: Option<String>,
    cluster: Option<String>,
    long: bool,
    detailed: Option<String>,
    marker: Option<String>,
    limit: Option<String>,
    offset: Option<String>,
    sort: Option<String>,
    /// `volume` / `volume snapshot` (in OSC's messages).
    what: &'a str,
    /// Columns after `safe_to_manage` (`source_reference` for snapshots).
    extra: &'a [&'a str],
    plain: Collection,
    detail: Collection,
}

fn list(ctx: &mut Context, q: Query) -> Result<Output, CliError> {
    let s = ctx.session()?;
    let words = format!("block storage {} manageable list", q.what);
    if q.host.is_none() && q.cluster.is_none() {
        return Err(CliError::Message(format!(
            "Either <host> or '--cluster <cluster>' needs to be provided to run the '{words}' \
             command"
        )));
    }
    require_command(ctx, &s, "3.8", &words)?;
    if q.cluster.as_deref().is_some_and(|c| !c.is_empty()) {
        require(ctx, &s, "3.17", "'--cluster' option")?;
    }
    let mut detailed = q.long;
    if let Some(d) = &q.detailed {
        detailed = matches!(
            d.trim().to_lowercase().as_str(),
            "1" | "t" | "true" | "on" | "y" | "yes"
        );
        if detailed {
            tracing::warn!("The --detailed option has been deprecated. Use --long instead.");
        } else {
            tracing::warn!("The --detailed option has been deprecated. Unset it.");
        }
    }
    let mut columns = vec!["reference", "size", "safe_to_manage"];
    columns.extend(q.extra);
    if detailed {
        columns.extend(["reason_not_safe", "cinder_id", "extra_info"]);
    }
    // openstacksdk's order: its pagination parameters first
    let query: Vec<(&str, String)> = [
        ("limit", q.limit),
        ("marker", q.marker),
        ("host", q.host),
        ("cluster", q.cluster),
        ("offset", q.offset),
        ("sort", q.sort),
    ]
    .into_iter()
    .filter_map(|(k, v)| v.filter(|v| !v.is_empty()).map(|v| (k, v)))
    .collect();
    let coll = if detailed { q.detail } else { q.plain };
    let rows = call(ctx, coll.list(&s, &query))?
        .iter()
        .map(|m| columns.iter().map(|c| cell(m.get(*c))).collect())
        .collect();
    Ok(Output::List(Listing {
        columns: columns.into_iter().map(String::from).collect(),
        rows,
    }))
}

/// List manageable volumes.
///
/// Supported by --os-volume-api-version 3.8 or greater.
#[derive(clap::Args, Debug)]
pub struct BlockStorageManageVolumes {
    /// Cinder host on which to list manageable volumes. Takes the form: host@backend-name#pool
    #[arg(value_name = "<host>", group = "host_group", verbatim_doc_comment)]
    host: Option<String>,
    /// Cinder cluster on which to list manageable volumes. Takes the form:
    /// cluster@backend-name#pool. (supported by --os-volume-api-version 3.17 or later)
    #[arg(long, value_name = "<cluster>", group = "host_group")]
    cluster: Option<String>,
    /// List additional fields in output
    #[arg(long)]
    long: bool,
    #[arg(long, value_name = "<detailed>", hide = true)]
    detailed: Option<String>,
    /// Begin returning volumes that appear later in the volume list than that represented by this reference. This reference should be json like. Default=None.
    #[arg(long, value_name = "<marker>", verbatim_doc_comment)]
    marker: Option<String>,
    /// Maximum number of volumes to return. Default=None.
    #[arg(long, value_name = "<limit>", verbatim_doc_comment)]
    limit: Option<String>,
    /// Number of volumes to skip after marker. Default=None.
    #[arg(long, value_name = "<offset>", verbatim_doc_comment)]
    offset: Option<String>,
    /// Comma-separated list of sort keys and directions in the form of <key>[:<asc|desc>]. Valid keys: size, reference. Default=None.
    #[arg(long, value_name = "<key>[:<direction>]", verbatim_doc_comment)]
    sort: Option<String>,
}

impl Command for BlockStorageManageVolumes {
    const WORDS: &'static str = "block storage volume manageable list";
    const ABOUT: &'static str =
        "List manageable volumes.\n\nSupported by --os-volume-api-version 3.8 or greater.";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let q = Query {
            host: self.host,
            cluster: self.cluster,
            long: self.long,
            detailed: self.detailed,
            marker: self.marker,
            limit: self.limit,
            offset: self.offset,
            sort: self.sort,
            what: "volume",
            extra: &[],
            plain: cinder::MANAGEABLE_VOLUMES,
            detail: cinder::MANAGEABLE_VOLUMES_DETAIL,
        };
        list(ctx, q)
    }
}

/// List manageable snapshots.
///
/// Supported by --os-volume-api-version 3.8 or greater.
#[derive(clap::Args, Debug)]
pub struct BlockStorageManageSnapshots {
    /// Cinder host on which to list manageable snapshots. Takes the form:
    /// host@backend-name#pool
    #[arg(value_name = "<host>", group = "host_group")]
    host: Option<String>,
    /// Cinder cluster on which to list manageable snapshots. Takes the form:
    /// cluster@backend-name#pool. (supported by --os-volume-api-version 3.17 or later)
    #[arg(long, value_name = "<cluster>", group = "host_group")]
    cluster: Option<String>,
    /// List additional fields in output
    #[arg(long)]
    long: bool,
    #[arg(long, value_name = "<detailed>", hide = true)]
    detailed: Option<String>,
    /// Begin returning snapshots that appear later in the snapshot list than that represented by this reference. This reference should be json like. Default=None.
    #[arg(long, value_name = "<marker>", verbatim_doc_comment)]
    marker: Option<String>,
    /// Maximum number of snapshots to return. Default=None.
    #[arg(long, value_name = "<limit>", verbatim_doc_comment)]
    limit: Option<String>,
    /// Number of snapshots to skip after marker. Default=None.
    #[arg(long, value_name = "<offset>", verbatim_doc_comment)]
    offset: Option<String>,
    /// Comma-separated list of sort keys and directions in the form of <key>[:<asc|desc>]. Valid keys: size, reference. Default=None.
    #[arg(long, value_name = "<key>[:<direction>]", verbatim_doc_comment)]
    sort: Option<String>,
}

impl Command for BlockStorageManageSnapshots {
    const WORDS: &'static str = "block storage snapshot manageable list";
    const ABOUT: &'static str =
        "List manageable snapshots.\n\nSupported by --os-volume-api-version 3.8 or greater.";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let q = Query {
            host: self.host,
            cluster: self.cluster,
            long: self.long,
            detailed: self.detailed,
            marker: self.marker,
            limit: self.limit,
            offset: self.offset,
            sort: self.sort,
            what: "volume snapshot",
            extra: &["source_reference"],
            plain: cinder::MANAGEABLE_SNAPSHOTS,
            detail: cinder::MANAGEABLE_SNAPSHOTS_DETAIL,
        };
        list(ctx, q)
    }
}
