//! `image list` (openstackclient/image/v2/image.py ListImage).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Listing};
use ostk_sdk::image::ImageService;
use serde_json::Value;

/// List available images
#[derive(clap::Args, Debug)]
pub struct ListImage {
    /// List only public images
    #[arg(long, group = "vis")]
    public: bool,
    /// List only private images
    #[arg(long, group = "vis")]
    private: bool,
    /// List only community images (requires --os-image-api-version 2.5 or later)
    #[arg(long, group = "vis")]
    community: bool,
    /// List only shared images (requires --os-image-api-version 2.5 or later)
    #[arg(long, group = "vis")]
    shared: bool,
    /// List all images
    #[arg(long, group = "vis")]
    all: bool,
    /// Filter output based on property (repeat option to filter on multiple properties)
    #[arg(long, value_name = "<key=value>", value_parser = super::parse_key_value, action = clap::ArgAction::Append)]
    property: Vec<(String, String)>,
    /// Filter images based on name.
    #[arg(long, value_name = "<name>", verbatim_doc_comment)]
    name: Option<String>,
    /// Filter images based on status.
    #[arg(long, value_name = "<status>", verbatim_doc_comment)]
    status: Option<String>,
    /// Filter images based on member status. The supported options are: accepted, pending, rejected, all.
    #[arg(long, value_name = "<member-status>", verbatim_doc_comment,
          value_parser = ["accepted", "pending", "rejected", "all"],
          hide_possible_values = true, ignore_case = true)]
    member_status: Option<String>,
    /// Search by project (admin only) (name or ID)
    #[arg(long, value_name = "<project>")]
    project: Option<String>,
    /// Domain the project belongs to (name or ID). This can be used in case collisions
    /// between project names exist.
    #[arg(long, value_name = "<project-domain>", verbatim_doc_comment)]
    project_domain: Option<String>,
    /// Filter images based on tag. (repeat option to filter on multiple tags)
    #[arg(long, value_name = "<tag>", action = clap::ArgAction::Append)]
    tag: Vec<String>,
    /// List hidden images
    #[arg(long)]
    hidden: bool,
    /// List additional fields in output
    #[arg(long)]
    long: bool,
    #[arg(long, value_name = "<size>", hide = true)]
    page_size: Option<String>,
    /// Sort output by selected keys and directions (asc or desc) (default: name:asc), multiple
    /// keys and directions can be specified separated by comma
    #[arg(
        long,
        value_name = "<key>[:<direction>]",
        default_value = "name:asc",
        hide_default_value = true
    )]
    sort: String,
    /// The maximum number of entries to return. If the value exceeds the server-defined
    /// maximum, then the maximum value will be used.
    #[arg(long, value_name = "<limit>", verbatim_doc_comment)]
    limit: Option<u64>,
    /// The first position in the collection to return results from. This should be a value
    /// that was returned in a previous request.
    #[arg(long, value_name = "<marker>", verbatim_doc_comment)]
    marker: Option<String>,
    /// The maximum number of items to return. This differs from --limit in that it affects
    /// the overall number of items returned, rather than the number of items per page.
    #[arg(long, value_name = "<max-items>", verbatim_doc_comment)]
    max_items: Option<usize>,
}

const LONG: &[(&str, &str)] = &[
    ("ID", "id"),
    ("Name", "name"),
    ("Disk Format", "disk_format"),
    ("Container Format", "container_format"),
    ("Size", "size"),
    ("Checksum", "checksum"),
    ("Status", "status"),
    ("Visibility", "visibility"),
    ("Protected", "protected"),
    ("Project", "owner"),
    ("Hash Algorithm", "os_hash_algo"),
    ("Hash Value", "os_hash_value"),
    ("Tags", "tags"),
];

/// `utils.sort_items(items, "k1:asc,k2:desc", str)`.
fn sort_items(items: &mut [serde_json::Map<String, Value>], spec: &str) -> Result<(), CliError> {
    let mut keys = Vec::new();
    for part in spec.split(',') {
        let (k, dir) = part.split_once(':').unwrap_or((part, "asc"));
        let desc = match dir {
            "asc" => false,
            "desc" => true,
            other => {
                return Err(CliError::Message(format!(
                    "Specify a valid sort direction: asc or desc, got {other}"
                )));
            }
        };
        // openstacksdk attribute names for glance's
        let k = match k {
            "owner_id" => "owner",
            "is_protected" => "protected",
            "is_hidden" => "os_hidden",
            "hash_algo" => "os_hash_algo",
            "hash_value" => "os_hash_value",
            o => o,
        };
        keys.push((k.to_string(), desc));
    }
    for (k, desc) in keys.iter().rev() {
        items.sort_by(|a, b| {
            let o = super::py_str(a.get(k)).cmp(&super::py_str(b.get(k)));
            if *desc { o.reverse() } else { o }
        });
    }
    Ok(())
}

impl Command for ListImage {
    const WORDS: &'static str = "image list";
    const ABOUT: &'static str = "List available images";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        let mut q: Vec<(&str, String)> = Vec::new();
        let vis = [
            (self.public, "public"),
            (self.private, "private"),
            (self.community, "community"),
            (self.shared, "shared"),
            (self.all, "all"),
        ];
        if let Some((_, v)) = vis.iter().find(|(on, _)| *on) {
            q.push(("visibility", v.to_string()));
        }
        if let Some(l) = self.limit.filter(|l| *l > 0) {
            q.push(("limit", l.to_string()));
        }
        if let Some(m) = &self.marker {
            q.push(("marker", super::find_image(ctx, m)?.id));
        }
        if let Some(n) = &self.name {
            q.push(("name", n.clone()));
        }
        if let Some(s) = &self.status {
            q.push(("status", s.clone()));
        }
        if let Some(m) = &self.member_status {
            q.push(("member_status", m.clone()));
        }
        for t in &self.tag {
            q.push(("tag", t.clone()));
        }
        if let Some(p) = &self.project {
            let id = crate::commands::identity::common::find_project_id(
                ctx,
                p,
                self.project_domain.as_deref(),
                true,
            )?;
            q.push(("owner", id));
        }
        if self.hidden {
            q.push(("os_hidden", "true".into()));
        }
        let glance = ImageService::new(&session);
        let images = if self.limit.is_some_and(|l| l > 0) {
            ctx.block_on(glance.list_page(&q))??
        } else {
            ctx.block_on(glance.list(&q))??
        };
        let mut maps: Vec<_> = images.iter().map(|i| i.to_map()).collect();
        if let Some(n) = self.max_items {
            maps.truncate(n);
        }
        for (attr, value) in &self.property {
            // osc_lib.api.utils.simple_filter with property_field='properties': the image's
            // own field or its (flattened) property.
            maps.retain(|m| match m.get(attr) {
                Some(Value::String(s)) => s == value,
                Some(v) => &super::py_str(Some(v)) == value,
                None => false,
            });
        }
        sort_items(&mut maps, &self.sort)?;
        let cols: Vec<(&str, &str)> = if self.long {
            LONG.to_vec()
        } else {
            vec![("ID", "id"), ("Name", "name"), ("Status", "status")]
        };
        let rows = maps
            .iter()
            .map(|m| {
                cols.iter()
                    .map(|(_, k)| match (m.get(*k), *k) {
                        (v, "tags") => Cell::list(v.and_then(Value::as_array).cloned()),
                        (None | Some(Value::Null), _) => Cell::None,
                        (Some(Value::String(s)), _) => Cell::Str(s.clone()),
                        (Some(v), _) => Cell::from_json(v.clone()),
                    })
                    .collect()
            })
            .collect();
        Ok(Output::List(Listing {
            columns: cols.iter().map(|(h, _)| h.to_string()).collect(),
            rows,
        }))
    }
}
