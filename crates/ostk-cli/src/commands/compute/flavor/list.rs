//! `flavor list` (openstackclient/compute/v2/flavor.py ListFlavor).

use crate::commands::compute::common::{MarkerPagination, int_field, pagination_first, sdk};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Listing};
use ostk_sdk::compute::flavor;
use serde_json::Value;

/// List flavors
#[derive(clap::Args, Debug)]
pub struct ListFlavor {
    /// List only public flavors (default)
    #[arg(long, group = "visibility")]
    public: bool,
    /// List only private flavors
    #[arg(long, group = "visibility")]
    private: bool,
    /// List all flavors, whether public or private
    #[arg(long, group = "visibility")]
    all: bool,
    /// Filters the flavors by a minimum disk space, in GiB.
    #[arg(long, value_name = "<min-disk>", verbatim_doc_comment)]
    min_disk: Option<i64>,
    /// Filters the flavors by a minimum RAM, in MiB.
    #[arg(long, value_name = "<min-ram>", verbatim_doc_comment)]
    min_ram: Option<i64>,
    /// List additional fields in output
    #[arg(long)]
    long: bool,
    #[command(flatten)]
    page: MarkerPagination,
}

impl Command for ListFlavor {
    const WORDS: &'static str = "flavor list";
    const ABOUT: &'static str = "List flavors";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let is_public = if self.all {
            "None"
        } else if self.private {
            "False"
        } else {
            "True"
        };
        let mut query: Vec<(&str, String)> = vec![("is_public", is_public.into())];
        if let Some(m) = self.page.marker() {
            query.push(("marker", m.to_string()));
        }
        if let Some(l) = self.page.page_size() {
            query.push(("limit", l.to_string()));
        }
        if let Some(d) = self.min_disk.filter(|d| *d != 0) {
            query.push(("minDisk", d.to_string()));
        }
        if let Some(r) = self.min_ram.filter(|r| *r != 0) {
            query.push(("minRam", r.to_string()));
        }
        pagination_first(&mut query);
        let session = ctx.session()?;
        let paged = self.page.limit().is_some() || self.page.marker().is_some();
        let mut items = if paged {
            ctx.block_on(flavor::list_page(&session, &query))?
        } else {
            ctx.block_on(flavor::list(&session, &query))?
        }
        .map_err(sdk)?;
        self.page.truncate(&mut items);
        if self.long {
            // Some policies hide extra specs even at 2.61: OSC fetches them when absent.
            let ids: Vec<(usize, String)> = items
                .iter()
                .enumerate()
                .filter(|(_, f)| super::specs(f).is_empty())
                .map(|(i, f)| (i, super::id(f)))
                .collect();
            let names: Vec<String> = ids.iter().map(|(_, id)| id.clone()).collect();
            let specs = crate::commands::common::bulk::each(ctx, &names, |s, id| async move {
                flavor::extra_specs(&s, &id).await.map_err(sdk)
            })?;
            for ((i, _), spec) in ids.into_iter().zip(specs) {
                items[i]["extra_specs"] = Value::Object(spec?);
            }
        }
        let mut columns = vec![
            "ID",
            "Name",
            "RAM",
            "Disk",
            "Ephemeral",
            "VCPUs",
            "Is Public",
        ];
        if self.long {
            columns.extend(["Swap", "RXTX Factor", "Properties"]);
        }
        let rows = items
            .iter()
            .map(|f| {
                let mut r = vec![
                    Cell::Str(super::id(f)),
                    Cell::from_json(f.get("name").cloned().unwrap_or(Value::Null)),
                    int_field(f, "ram", 0),
                    int_field(f, "disk", 0),
                    int_field(f, "OS-FLV-EXT-DATA:ephemeral", 0),
                    int_field(f, "vcpus", 0),
                    Cell::Bool(super::is_public(f)),
                ];
                if self.long {
                    r.push(int_field(f, "swap", 0));
                    r.push(super::float_field(f, "rxtx_factor"));
                    r.push(Cell::dict(Some(super::specs(f))));
                }
                r
            })
            .collect();
        Ok(Output::List(Listing {
            columns: columns.into_iter().map(String::from).collect(),
            rows,
        }))
    }
}
