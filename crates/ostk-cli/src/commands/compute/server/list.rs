//! `server list` (openstackclient/compute/v2/server.py ListServer).

use super::{
    IMAGE_STRING_FOR_BFV, addresses_cell, all_projects_env, find_server, id_of, microversion,
    power_state_cell, require, supports,
};
use crate::commands::identity::common::{find_project_id, find_user_id, sdk_error};
use crate::commands::image::find_image;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output, RowStream},
};
use ostk_output::{Cell, Listing};
use ostk_sdk::compute::Compute;
use ostk_sdk::image::ImageService;
use serde_json::Value;
use std::collections::{BTreeSet, HashMap};

const STATUSES: [&str; 19] = [
    "ACTIVE",
    "BUILD",
    "DELETED",
    "ERROR",
    "HARD_REBOOT",
    "MIGRATING",
    "PASSWORD",
    "PAUSED",
    "REBOOT",
    "REBUILD",
    "RESCUE",
    "RESIZE",
    "REVERT_RESIZE",
    "SHELVED",
    "SHELVED_OFFLOADED",
    "SHUTOFF",
    "SOFT_DELETED",
    "SUSPENDED",
    "VERIFY_RESIZE",
];
const VM_STATES: [&str; 12] = [
    "active",
    "building",
    "deleted",
    "error",
    "paused",
    "stopped",
    "suspended",
    "rescued",
    "resized",
    "shelved",
    "shelved_offloaded",
    "soft-delete",
];
const TASK_STATES: [&str; 42] = [
    "block_device_mapping",
    "deleting",
    "image_backup",
    "image_pending_upload",
    "image_snapshot",
    "image_snapshot_pending",
    "image_uploading",
    "migrating",
    "networking",
    "pausing",
    "powering-off",
    "powering-on",
    "rebooting",
    "reboot_pending",
    "reboot_started",
    "reboot_pending_hard",
    "reboot_started_hard",
    "rebooting_hard",
    "rebuilding",
    "rebuild_block_device_mapping",
    "rebuild_spawning",
    "rescuing",
    "resize_confirming",
    "resize_finish",
    "resize_migrated",
    "resize_migrating",
    "resize_prep",
    "resize_reverting",
    "restoring",
    "resuming",
    "scheduling",
    "shelving",
    "shelving_image_pending_upload",
    "shelving_image_uploading",
    "shelving_offloading",
    "soft-deleting",
    "spawning",
    "suspending",
    "updating_password",
    "unpausing",
    "unrescuing",
    "unshelving",
];
const POWER_STATES: [&str; 6] = [
    "pending",
    "running",
    "paused",
    "shutdown",
    "crashed",
    "suspended",
];

/// osc's PercentAction: an integer 0–100.
fn percent(s: &str) -> Result<u8, String> {
    match s.parse::<i64>() {
        Ok(v) if (0..=100).contains(&v) => Ok(v as u8),
        Ok(_) => Err("Must be between 0 and 100".into()),
        Err(_) => Err(format!("invalid int value: '{s}'")),
    }
}

/// List servers
#[derive(clap::Args, Debug)]
pub struct ListServer {
    /// Only return instances that match the reservation
    #[arg(long, value_name = "<reservation-id>")]
    reservation_id: Option<String>,
    /// Regular expression to match IP addresses
    #[arg(long, value_name = "<ip-address-regex>")]
    ip: Option<String>,
    /// Regular expression to match IPv6 addresses. Note that this option only applies for non-admin users when using ``--os-compute-api-version`` 2.5 or greater.
    #[arg(long, value_name = "<ip-address-regex>", verbatim_doc_comment)]
    ip6: Option<String>,
    /// Regular expression to match names
    #[arg(long, value_name = "<name-regex>")]
    name: Option<String>,
    /// Regular expression to match instance name (admin only)
    #[arg(long, value_name = "<server-name>")]
    instance_name: Option<String>,
    /// Search by server status
    #[arg(long, value_name = "<status>", value_parser = STATUSES)]
    status: Option<String>,
    /// Search by flavor (name or ID)
    #[arg(long, value_name = "<flavor>")]
    flavor: Option<String>,
    /// Search by image (name or ID)
    #[arg(long, value_name = "<image>")]
    image: Option<String>,
    /// Search by hostname
    #[arg(long, value_name = "<hostname>")]
    host: Option<String>,
    /// Include all projects (admin only) (can be specified using the ALL_PROJECTS envvar)
    #[arg(long)]
    all_projects: bool,
    /// Search by project (admin only) (name or ID)
    #[arg(long, value_name = "<project>")]
    project: Option<String>,
    /// Domain the project belongs to (name or ID). This can be used in case collisions between project names exist.
    #[arg(long, value_name = "<project-domain>", verbatim_doc_comment)]
    project_domain: Option<String>,
    /// Search by user (name or ID) (admin only before microversion 2.83)
    #[arg(long, value_name = "<user>")]
    user: Option<String>,
    /// Domain the user belongs to (name or ID). This can be used in case collisions between user names exist.
    #[arg(long, value_name = "<user-domain>", verbatim_doc_comment)]
    user_domain: Option<String>,
    /// Only display deleted servers (admin only)
    #[arg(long)]
    deleted: bool,
    /// Search by availability zone (admin only before microversion 2.83)
    #[arg(long, value_name = "AVAILABILITY_ZONE")]
    availability_zone: Option<String>,
    /// Search by keypair name (admin only before microversion 2.83)
    #[arg(long, value_name = "KEY_NAME")]
    key_name: Option<String>,
    /// Only display servers with a config drive attached (admin only before microversion 2.83)
    #[arg(long, group = "config_drive_group")]
    config_drive: bool,
    /// Only display servers without a config drive attached (admin only before microversion 2.83)
    #[arg(long, group = "config_drive_group")]
    no_config_drive: bool,
    /// Search by progress value (%) (admin only before microversion 2.83)
    #[arg(long, value_name = "PROGRESS", value_parser = percent)]
    progress: Option<u8>,
    /// Search by vm_state value (admin only before microversion 2.83)
    #[arg(long, value_name = "<state>", value_parser = VM_STATES)]
    vm_state: Option<String>,
    /// Search by task_state value (admin only before microversion 2.83)
    #[arg(long, value_name = "<state>", value_parser = TASK_STATES)]
    task_state: Option<String>,
    /// Search by power_state value (admin only before microversion 2.83)
    #[arg(long, value_name = "<state>", value_parser = POWER_STATES)]
    power_state: Option<String>,
    /// List additional fields in output
    #[arg(long)]
    long: bool,
    /// Skip flavor and image name lookup. Mutually exclusive with "--name-lookup-one-by-one" option.
    #[arg(short = 'n', long, group = "lookup", verbatim_doc_comment)]
    no_name_lookup: bool,
    /// When looking up flavor and image names, look them up one by one as needed instead of all together (default). Mutually exclusive with "--no-name-lookup|-n" option.
    #[arg(long, group = "lookup", verbatim_doc_comment)]
    name_lookup_one_by_one: bool,
    /// The maximum number of entries to return per page. If the value exceeds the server-defined maximum, then the server-defined value will be used. Note that this controls the page size, not the total number of entries returned. Use --max-items to limit the total number of entries returned.
    #[arg(long, value_name = "<limit>", allow_negative_numbers = true, value_parser = crate::commands::common::args::limit, verbatim_doc_comment)]
    limit: Option<u64>,
    /// The first position in the collection to return results from. This should be a value that was returned in a previous request.
    #[arg(long, value_name = "<marker>", verbatim_doc_comment)]
    marker: Option<String>,
    /// The maximum number of entries to return in total, paging through multiple requests if needed. Use --limit to control the page size.
    #[arg(long, value_name = "<max-items>", allow_negative_numbers = true, value_parser = crate::commands::common::args::max_items, verbatim_doc_comment)]
    max_items: Option<u64>,
    /// List only servers changed before a certain point of time. The provided time should be an ISO 8061 formatted time (e.g., 2016-03-05T06:27:59Z). (supported by --os-compute-api-version 2.66 or above)
    #[arg(long, value_name = "<changes-before>", verbatim_doc_comment)]
    changes_before: Option<String>,
    /// List only servers changed after a certain point of time. The provided time should be an ISO 8061 formatted time (e.g., 2016-03-04T06:27:59Z).
    #[arg(long, value_name = "<changes-since>", verbatim_doc_comment)]
    changes_since: Option<String>,
    /// Only display locked servers (supported by --os-compute-api-version 2.73 or above)
    #[arg(long, group = "lock_group")]
    locked: bool,
    /// Only display unlocked servers (supported by --os-compute-api-version 2.73 or above)
    #[arg(long, group = "lock_group")]
    unlocked: bool,
    /// Only list servers with the specified tag. Specify multiple times to filter on multiple tags. (supported by --os-compute-api-version 2.26 or above)
    #[arg(long, value_name = "<tag>", verbatim_doc_comment)]
    tags: Vec<String>,
    /// Only list servers without the specified tag. Specify multiple times to filter on multiple tags. (supported by --os-compute-api-version 2.26 or above)
    #[arg(long, value_name = "<tag>", verbatim_doc_comment)]
    not_tags: Vec<String>,
}

/// iso8601.parse_date's acceptance, roughly: a date, optionally a time and zone.
fn looks_iso8601(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit)
}

/// `get_item_properties` for one of the list's columns.
/// The server attributes [`cell`], the name lookups and `apply_names` read (besides the
/// columns' own keys).
const SERVER_KEYS: &[&str] = &[
    "id",
    "name",
    "status",
    "OS-EXT-STS:power_state",
    "OS-EXT-STS:task_state",
    "addresses",
    "OS-EXT-AZ:availability_zone",
    "OS-EXT-SRV-ATTR:hypervisor_hostname",
    "metadata",
    "scheduler_hints",
    "tenant_id",
    "created",
    "security_groups",
    "image",
    "flavor",
    "host_status",
];

fn cell(s: &Value, col: &str) -> Cell {
    let get = |k: &str| s.get(k).cloned().unwrap_or(Value::Null);
    match col {
        "power_state" => power_state_cell(&get("OS-EXT-STS:power_state")),
        "task_state" => Cell::from_json(get("OS-EXT-STS:task_state")),
        "addresses" => addresses_cell(&get("addresses")),
        "availability_zone" => Cell::from_json(get("OS-EXT-AZ:availability_zone")),
        "hypervisor_hostname" => {
            let v = get("OS-EXT-SRV-ATTR:hypervisor_hostname");
            Cell::formatted(v.as_str().unwrap_or_default().to_string(), v)
        }
        "metadata" => Cell::dict(s.get("metadata").and_then(Value::as_object).cloned()),
        "scheduler_hints" => {
            Cell::dict_of_lists(s.get("scheduler_hints").and_then(Value::as_object).cloned())
        }
        "project_id" => Cell::from_json(get("tenant_id")),
        "created_at" => Cell::from_json(get("created")),
        "security_groups_name" => Cell::list(Some(
            s.get("security_groups")
                .and_then(Value::as_array)
                .map(|a| a.iter().filter_map(|g| g.get("name").cloned()).collect())
                .unwrap_or_default(),
        )),
        // attributes osc sets itself; absent ones print as ''
        "image_name" | "image_id" | "flavor_name" | "flavor_id" => match s.get(col) {
            Some(v) => Cell::from_json(v.clone()),
            None => Cell::Str(String::new()),
        },
        other => Cell::from_json(get(other)),
    }
}

impl Command for ListServer {
    const WORDS: &'static str = "server list";
    const ABOUT: &'static str = "List servers";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mv = microversion(ctx)?;
        let mv = mv.as_deref();
        let mut all_projects = self.all_projects || all_projects_env(ctx);
        let mut query: Vec<(&str, String)> = Vec::new();
        if let Some(p) = &self.project {
            let id = find_project_id(ctx, p, self.project_domain.as_deref(), false)?;
            query.push(("project_id", id));
            // osc: filtering by project implies --all-projects
            all_projects = true;
        }
        if let Some(u) = &self.user {
            let id = find_user_id(ctx, u, self.user_domain.as_deref(), false)?;
            query.push(("user_id", id));
        }
        let flavor_id = match &self.flavor {
            Some(f) => Some(id_of(&find_flavor(ctx, f)?)),
            None => None,
        };
        let image_id = match &self.image {
            Some(i) => Some(find_image(ctx, i)?.id),
            None => None,
        };
        for (k, v) in [
            ("reservation_id", &self.reservation_id),
            ("ip", &self.ip),
            ("ip6", &self.ip6),
            ("name", &self.name),
            ("status", &self.status),
            ("flavor", &flavor_id),
            ("image", &image_id),
            ("host", &self.host),
            ("changes-before", &self.changes_before),
            ("changes-since", &self.changes_since),
            ("instance_name", &self.instance_name),
            ("availability_zone", &self.availability_zone),
            ("key_name", &self.key_name),
            ("vm_state", &self.vm_state),
            ("task_state", &self.task_state),
        ] {
            if let Some(v) = v {
                query.push((k, v.clone()));
            }
        }
        if all_projects {
            query.push(("all_tenants", "True".into()));
        }
        if self.deleted {
            query.push(("deleted", "True".into()));
        }
        if self.config_drive {
            query.push(("config_drive", "True".into()));
        } else if self.no_config_drive {
            query.push(("config_drive", "False".into()));
        }
        if let Some(p) = self.progress {
            query.push(("progress", p.to_string()));
        }
        if let Some(p) = &self.power_state {
            let n = POWER_STATES
                .iter()
                .position(|s| s == p)
                .map(|i| [0, 1, 3, 4, 6, 7][i])
                .unwrap_or(0);
            query.push(("power_state", n.to_string()));
        }
        if !self.tags.is_empty() {
            require(mv, "2.26", "--tag option")?;
            query.push(("tags", self.tags.join(",")));
        }
        if !self.not_tags.is_empty() {
            require(mv, "2.26", "--not-tag option")?;
            query.push(("not-tags", self.not_tags.join(",")));
        }
        if self.locked {
            require(mv, "2.73", "--locked option")?;
            query.push(("locked", "True".into()));
        } else if self.unlocked {
            require(mv, "2.73", "--unlocked option")?;
            query.push(("locked", "False".into()));
        }
        if let Some(l) = self.limit {
            query.push(("limit", l.to_string()));
        }
        if let Some(cb) = &self.changes_before {
            if !supports(mv, "2.66") {
                return Err(CliError::Message(
                    "--os-compute-api-version 2.66 or later is required".into(),
                ));
            }
            if !looks_iso8601(cb) {
                return Err(CliError::Message(format!(
                    "Invalid changes-before value: {cb}"
                )));
            }
        }
        if let Some(cs) = &self.changes_since
            && !looks_iso8601(cs)
        {
            return Err(CliError::Message(format!(
                "Invalid changes-since value: {cs}"
            )));
        }

        let mut columns: Vec<(&str, &str)> =
            vec![("id", "ID"), ("name", "Name"), ("status", "Status")];
        if self.long {
            columns.extend([("task_state", "Task State"), ("power_state", "Power State")]);
        }
        columns.push(("addresses", "Networks"));
        if self.long {
            columns.extend([("image_name", "Image Name"), ("image_id", "Image ID")]);
        } else if self.no_name_lookup {
            columns.push(("image_id", "Image"));
        } else {
            columns.push(("image_name", "Image"));
        }
        let embedded_flavor = supports(mv, "2.47");
        if embedded_flavor {
            columns.push(("flavor_name", "Flavor"));
        } else if self.long {
            columns.extend([("flavor_name", "Flavor Name"), ("flavor_id", "Flavor ID")]);
        } else if self.no_name_lookup {
            columns.push(("flavor_id", "Flavor"));
        } else {
            columns.push(("flavor_name", "Flavor"));
        }
        if self.long {
            columns.extend([
                ("availability_zone", "Availability Zone"),
                ("hypervisor_hostname", "Host"),
                ("metadata", "Properties"),
            ]);
            if supports(mv, "2.96") {
                columns.push(("pinned_availability_zone", "Pinned Availability Zone"));
            }
            if supports(mv, "2.100") {
                columns.push(("scheduler_hints", "Scheduler Hints"));
            }
        }
        if all_projects {
            columns.push(("project_id", "Project ID"));
        }
        let requested = std::mem::take(&mut ctx.requested_columns);
        if !requested.is_empty() {
            for c in &requested {
                let extra = match c.to_lowercase().trim().replace(' ', "_").as_str() {
                    "project_id" => Some(("project_id", "Project ID")),
                    "user_id" => Some(("user_id", "User ID")),
                    "created_at" => Some(("created_at", "Created At")),
                    "security_groups" => Some(("security_groups_name", "Security Groups")),
                    "task_state" => Some(("task_state", "Task State")),
                    "power_state" => Some(("power_state", "Power State")),
                    "image_id" => Some(("image_id", "Image ID")),
                    "flavor_id" => Some(("flavor_id", "Flavor ID")),
                    "availability_zone" => Some(("availability_zone", "Availability Zone")),
                    "pinned_availability_zone" if supports(mv, "2.96") => {
                        Some(("pinned_availability_zone", "Pinned Availability Zone"))
                    }
                    "host" => Some(("hypervisor_hostname", "Host")),
                    "properties" => Some(("metadata", "Properties")),
                    "scheduler_hints" if supports(mv, "2.100") => {
                        Some(("scheduler_hints", "Scheduler Hints"))
                    }
                    _ => None,
                };
                if let Some(e) = extra {
                    columns.push(e);
                }
            }
            // osc de-duplicates headers and attributes separately; pairs are the same here
            let mut seen = BTreeSet::new();
            columns.retain(|(_, h)| seen.insert(*h));
        }
        ctx.requested_columns = requested;

        if let Some(m) = &self.marker {
            let id = if self.deleted {
                m.clone()
            } else {
                id_of(&find_server(ctx, m, all_projects)?)
            };
            query.push(("marker", id));
        }

        let session = ctx.session()?;
        let max = self
            .max_items
            .map_or(usize::MAX, |n| usize::try_from(n).unwrap_or(usize::MAX));
        // Only the attributes the columns and name lookups read are kept, page by page: a
        // server's full JSON is kilobytes, and there may be thousands.
        let keep: BTreeSet<&'static str> = SERVER_KEYS
            .iter()
            .copied()
            .chain(columns.iter().map(|(k, _)| *k))
            .collect();
        let lookup = NameLookup {
            enabled: !self.no_name_lookup,
            images_one_by_one: self.name_lookup_one_by_one || image_id.is_some(),
            flavors_one_by_one: self.name_lookup_one_by_one || flavor_id.is_some(),
            embedded_flavor,
        };
        let compute = Compute::new(&session);
        let headers = |cols: &[(&str, &str)]| -> Vec<String> {
            cols.iter().map(|(_, h)| h.to_string()).collect()
        };

        // `--long` may add a Host Status column if any server has one: that needs every server
        // before the first row; so does `--limit`'s single page, which is small anyway.
        if self.limit.is_some() || (supports(mv, "2.16") && self.long) {
            let mut servers: Vec<Value> = Vec::new();
            if self.limit.is_some() {
                let page = ctx
                    .block_on(compute.servers_page(&query))?
                    .map_err(|e| sdk_error(e, None))?;
                servers.extend(page.into_iter().take(max).map(|s| slim(s, &keep)));
            } else {
                ctx.block_on(compute.servers_pages(&query, |page| {
                    let room = max - servers.len();
                    servers.extend(page.into_iter().take(room).map(|s| slim(s, &keep)));
                    servers.len() < max
                }))?
                .map_err(|e| sdk_error(e, None))?;
            }
            let mut names = Names::default();
            lookup.fill(ctx, &session, &servers, &mut names)?;
            apply_names(&mut servers, &names, embedded_flavor, mv);
            if supports(mv, "2.16")
                && self.long
                && servers
                    .iter()
                    .any(|s| s.get("host_status").is_some_and(|v| !v.is_null()))
            {
                columns.push(("host_status", "Host Status"));
            }
            return Ok(Output::List(Listing {
                columns: headers(&columns),
                rows: rows(&servers, &columns),
            }));
        }

        // Otherwise rows are written page by page as nova sends them, each page's image and
        // flavor names looked up before it is written: 10,000 servers never sit in memory.
        let mut cursor = compute.servers_cursor(&query);
        let mv = mv.map(str::to_string);
        Ok(Output::Stream(RowStream::new(
            headers(&columns),
            move |ctx, sink| {
                let mut names = Names::default();
                let mut left = max;
                while left > 0 {
                    let Some(page) = ctx
                        .block_on(cursor.next_page(&session))?
                        .map_err(|e| sdk_error(e, None))?
                    else {
                        break;
                    };
                    let mut servers: Vec<Value> = page
                        .into_iter()
                        .take(left)
                        .map(|s| slim(s, &keep))
                        .collect();
                    left -= servers.len();
                    lookup.fill(ctx, &session, &servers, &mut names)?;
                    apply_names(&mut servers, &names, embedded_flavor, mv.as_deref());
                    sink(rows(&servers, &columns))?;
                }
                Ok(())
            },
        )))
    }
}

/// A server with only the attributes in `keep`: a new map, not `retain` (that would keep the
/// whole map's allocation), with room for the four names `apply_names` adds.
fn slim(s: Value, keep: &BTreeSet<&str>) -> Value {
    match s {
        Value::Object(m) => {
            let n = m.keys().filter(|k| keep.contains(k.as_str())).count();
            let mut out = serde_json::Map::with_capacity(n + 4);
            out.extend(m.into_iter().filter(|(k, _)| keep.contains(k.as_str())));
            Value::Object(out)
        }
        other => other,
    }
}

fn rows(servers: &[Value], columns: &[(&str, &str)]) -> Vec<Vec<Cell>> {
    servers
        .iter()
        .map(|s| columns.iter().map(|(k, _)| cell(s, k)).collect())
        .collect()
}

/// Names of the images and flavors the servers use.
#[derive(Default)]
struct Names {
    images: HashMap<String, String>,
    flavors: HashMap<String, String>,
    /// Whether the flavors were looked up (the whole list is fetched once).
    flavors_listed: bool,
}

/// How osc looks up the names of the servers' images and flavors.
struct NameLookup {
    /// Not `--no-name-lookup`.
    enabled: bool,
    /// `--name-lookup-one-by-one`, or an `--image` filter: a GET per image.
    images_one_by_one: bool,
    /// `--name-lookup-one-by-one`, or a `--flavor` filter: a GET per flavor.
    flavors_one_by_one: bool,
    /// The servers carry their flavor (microversion 2.47): no flavor lookup.
    embedded_flavor: bool,
}

impl NameLookup {
    /// Adds to `names` those of the images and flavors of `servers` not known yet (failures are
    /// not crucial and swallowed, as osc does).
    fn fill(
        &self,
        ctx: &mut Context,
        session: &ostk_sdk::client::Session,
        servers: &[Value],
        names: &mut Names,
    ) -> Result<(), CliError> {
        if !self.enabled || servers.is_empty() {
            return Ok(());
        }
        let image_ids: BTreeSet<String> = servers
            .iter()
            .filter_map(|s| s.pointer("/image/id").and_then(Value::as_str))
            .filter(|s| !s.is_empty() && !names.images.contains_key(*s))
            .map(str::to_string)
            .collect();
        let flavor_ids: BTreeSet<String> = servers
            .iter()
            .filter_map(|s| s.pointer("/flavor/id").and_then(Value::as_str))
            .filter(|s| !names.flavors.contains_key(*s))
            .map(str::to_string)
            .collect();
        ctx.block_on(async {
            let glance = ImageService::new(session);
            if self.images_one_by_one {
                for id in &image_ids {
                    if let Ok(img) = glance.get(id).await {
                        names
                            .images
                            .insert(id.clone(), img.name.unwrap_or_default());
                    }
                }
            } else if !image_ids.is_empty() {
                let filter = format!(
                    "in:{}",
                    image_ids.iter().cloned().collect::<Vec<_>>().join(",")
                );
                if let Ok(imgs) = glance.list(&[("id", filter)]).await {
                    for img in imgs {
                        names.images.insert(img.id, img.name.unwrap_or_default());
                    }
                }
            }
            if self.embedded_flavor {
                return;
            }
            let flavors = if self.flavors_one_by_one {
                let mut v = Vec::new();
                for id in &flavor_ids {
                    if let Ok(f) = ostk_sdk::compute::flavor::FLAVORS.get(session, id).await {
                        v.push(f);
                    }
                }
                v
            } else if !names.flavors_listed {
                names.flavors_listed = true;
                flavor_list(session).await.unwrap_or_default()
            } else {
                Vec::new()
            };
            for f in flavors {
                if let (Some(id), Some(name)) = (
                    f.get("id").and_then(Value::as_str),
                    f.get("name").and_then(Value::as_str),
                ) {
                    names.flavors.insert(id.to_string(), name.to_string());
                }
            }
        })
    }
}

/// Every flavor, public and private (`GET /flavors/detail?is_public=None`).
async fn flavor_list(
    session: &ostk_sdk::client::Session,
) -> Result<Vec<Value>, ostk_sdk::client::ClientError> {
    ostk_sdk::compute::flavor::list(session, &[("is_public", "None".into())]).await
}

/// openstacksdk `find_flavor(name_or_id, ignore_missing=False)`.
pub fn find_flavor(ctx: &mut Context, name_or_id: &str) -> Result<Value, CliError> {
    let session = ctx.session()?;
    let found = ctx.block_on(ostk_sdk::compute::flavor::find(&session, name_or_id))?;
    crate::commands::compute::common::found(found, "Flavor", name_or_id)
}

/// Sets osc's computed `image_name`/`image_id`/`flavor_name`/`flavor_id` on each server.
fn apply_names(servers: &mut [Value], names: &Names, embedded_flavor: bool, mv: Option<&str>) {
    for s in servers.iter_mut() {
        if supports(mv, "2.69") && s.get("status").and_then(Value::as_str) == Some("UNKNOWN") {
            continue;
        }
        let image_id = s
            .pointer("/image/id")
            .and_then(Value::as_str)
            .map(str::to_string);
        let flavor_id = s
            .pointer("/flavor/id")
            .and_then(Value::as_str)
            .map(str::to_string);
        let original = s.pointer("/flavor/original_name").cloned();
        let Some(obj) = s.as_object_mut() else {
            continue;
        };
        match image_id {
            Some(id) => {
                if let Some(n) = names.images.get(&id) {
                    obj.insert("image_name".into(), Value::String(n.clone()));
                }
                obj.insert("image_id".into(), Value::String(id));
            }
            None => {
                obj.insert("image_name".into(), IMAGE_STRING_FOR_BFV.into());
                obj.insert("image_id".into(), IMAGE_STRING_FOR_BFV.into());
            }
        }
        if embedded_flavor {
            obj.insert("flavor_name".into(), original.unwrap_or(Value::Null));
        } else if let Some(id) = flavor_id {
            if let Some(n) = names.flavors.get(&id) {
                obj.insert("flavor_name".into(), Value::String(n.clone()));
            }
            obj.insert("flavor_id".into(), Value::String(id));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_percents() {
        assert!(looks_iso8601("2016-03-05T06:27:59Z"));
        assert!(looks_iso8601("2016-03-05"));
        assert!(!looks_iso8601("yesterday"));
        assert_eq!(percent("50"), Ok(50));
        assert!(percent("101").is_err());
    }
}
