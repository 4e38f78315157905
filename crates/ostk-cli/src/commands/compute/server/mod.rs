//! `server …` commands (openstackclient/compute/v2/server.py) and what they share: finding a
//! server, the detail view (`_prep_server_detail`), the power-state and address columns,
//! microversion checks and `--wait`.

pub mod actions;
pub mod create;

pub mod delete;
pub mod image;
pub mod list;
pub mod migrate;
pub mod migration;
pub mod network;
pub mod rebuild;
pub mod resize;
pub mod security_group;
pub mod set;
pub mod share;
pub mod shelve;
pub mod show;
pub mod ssh;
pub mod volume;

use crate::commands::identity::common::sdk_error;
use crate::{context::Context, error::CliError};
use ostk_output::{Cell, Record};
use ostk_sdk::client::Session;
use ostk_sdk::compute::Compute;
use ostk_sdk::image::ImageService;
use serde_json::{Map, Value};
use std::time::Duration;

/// Shown for servers without an image (booted from volume).
pub const IMAGE_STRING_FOR_BFV: &str = "N/A (booted from volume)";

/// python-openstackclient's `envvars.boolenv('ALL_PROJECTS')`: the default of
/// `--all-projects`.
pub fn all_projects_env(ctx: &Context) -> bool {
    ctx.env.get("ALL_PROJECTS").is_some_and(|v| {
        matches!(
            v.trim().to_lowercase().as_str(),
            "1" | "t" | "true" | "on" | "y" | "yes"
        )
    })
}

/// osc's `sdk_utils.supports_microversion`: the negotiated version is at least `wanted`.
pub fn supports(mv: Option<&str>, wanted: &str) -> bool {
    ostk_sdk::client::discovery::at_least(mv, wanted)
}

/// The microversion compute calls use in this invocation.
pub fn microversion(ctx: &mut Context) -> Result<Option<String>, CliError> {
    let session = ctx.session()?;
    ctx.block_on(Compute::new(&session).microversion())?
        .map_err(|e| sdk_error(e, None))
}

/// `--os-compute-api-version X or greater is required to support the --opt option`.
pub fn require(mv: Option<&str>, wanted: &str, what: &str) -> Result<(), CliError> {
    if supports(mv, wanted) {
        return Ok(());
    }
    Err(CliError::Message(format!(
        "--os-compute-api-version {wanted} or greater is required to support the {what}"
    )))
}

/// openstacksdk `find_server(name_or_id, ignore_missing=False)` (the server as nova
/// answered: full details when found by ID or by name).
pub async fn find_server_in(
    session: &Session,
    name_or_id: &str,
    all_projects: bool,
) -> Result<Value, CliError> {
    let found = Compute::new(session)
        .find_server(name_or_id, all_projects)
        .await;
    crate::commands::identity::common::found(found, "Server", name_or_id)
}

/// The ID of a server (openstacksdk `find_server(…, details=False).id`): names are looked up
/// in nova's light listing.
pub async fn find_server_id_in(
    session: &Session,
    name_or_id: &str,
    all_projects: bool,
) -> Result<String, CliError> {
    let found = Compute::new(session)
        .find_server_with(name_or_id, all_projects, false)
        .await;
    crate::commands::identity::common::found(found, "Server", name_or_id).map(|v| id_of(&v))
}

/// [`find_server_in`] from a command.
pub fn find_server(
    ctx: &mut Context,
    name_or_id: &str,
    all_projects: bool,
) -> Result<Value, CliError> {
    let session = ctx.session()?;
    ctx.block_on(find_server_in(&session, name_or_id, all_projects))?
}

/// Runs a server action (`POST /servers/{id}/action`, at `mv` when given, else negotiated);
/// nova's JSON answer when it sent one.
pub fn server_action(
    ctx: &mut Context,
    id: &str,
    body: Value,
    mv: Option<&str>,
) -> Result<Option<Value>, CliError> {
    let session = ctx.session()?;
    ctx.block_on(Compute::new(&session).act(id, body, mv))?
        .map_err(|e| sdk_error(e, None))
}

/// The `id` of a JSON resource.
pub fn id_of(v: &Value) -> String {
    v.get("id")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

/// `PowerStateColumn`: nova's power state number in words.
pub fn power_state_cell(v: &Value) -> Cell {
    const STATES: [&str; 8] = [
        "NOSTATE",
        "Running",
        "",
        "Paused",
        "Shutdown",
        "",
        "Crashed",
        "Suspended",
    ];
    let human = v
        .as_u64()
        .and_then(|i| STATES.get(usize::try_from(i).ok()?))
        .map_or("N/A", |s| s);
    Cell::formatted(human, v.clone())
}

/// `AddressesColumn`: `net=ip, ip; net2=ip` (machine: `{net: [ip…]}`).
pub fn addresses_cell(v: &Value) -> Cell {
    let Some(m) = v.as_object() else {
        let human = if v.is_null() { "N/A" } else { "" };
        return Cell::formatted(human, Value::Object(Map::new()));
    };
    let machine: Map<String, Value> = m
        .iter()
        .map(|(net, ips)| {
            let addrs = ips
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|i| i.get("addr").cloned())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default();
            (net.clone(), Value::Array(addrs))
        })
        .collect();
    match Cell::dict_of_lists(Some(machine.clone())) {
        Cell::Formatted { human, .. } => Cell::formatted(human, Value::Object(machine)),
        other => other,
    }
}

/// openstacksdk's Server attributes (its name, nova's key), which `to_dict()` — and so
/// osc's detail view — always lists, present in the answer or not.
const SERVER_ATTRS: &[(&str, &str)] = &[
    ("links", "links"),
    ("access_ipv4", "accessIPv4"),
    ("access_ipv6", "accessIPv6"),
    ("addresses", "addresses"),
    ("admin_password", "adminPass"),
    ("attached_volumes", "os-extended-volumes:volumes_attached"),
    ("availability_zone", "OS-EXT-AZ:availability_zone"),
    ("block_device_mapping", "block_device_mapping_v2"),
    ("config_drive", "config_drive"),
    ("compute_host", "OS-EXT-SRV-ATTR:host"),
    ("created_at", "created"),
    ("description", "description"),
    ("disk_config", "OS-DCF:diskConfig"),
    ("flavor_id", "flavorRef"),
    ("flavor", "flavor"),
    ("has_config_drive", "config_drive"),
    ("host_id", "hostId"),
    ("fault", "fault"),
    ("host", "host"),
    ("host_status", "host_status"),
    ("hostname", "OS-EXT-SRV-ATTR:hostname"),
    ("hypervisor_hostname", "OS-EXT-SRV-ATTR:hypervisor_hostname"),
    ("id", "id"),
    ("image_id", "imageRef"),
    ("image", "image"),
    ("instance_name", "OS-EXT-SRV-ATTR:instance_name"),
    ("interface_ip", ""),
    ("is_locked", "locked"),
    ("kernel_id", "OS-EXT-SRV-ATTR:kernel_id"),
    ("key_name", "key_name"),
    ("launch_index", "OS-EXT-SRV-ATTR:launch_index"),
    ("launched_at", "OS-SRV-USG:launched_at"),
    ("location", ""),
    ("locked_reason", "locked_reason"),
    ("max_count", "max_count"),
    ("metadata", "metadata"),
    ("min_count", "min_count"),
    ("name", "name"),
    ("networks", "networks"),
    ("personality", "personality"),
    ("pinned_availability_zone", "pinned_availability_zone"),
    ("power_state", "OS-EXT-STS:power_state"),
    ("progress", "progress"),
    ("project_id", "tenant_id"),
    ("private_v4", ""),
    ("private_v6", ""),
    ("public_v4", ""),
    ("public_v6", ""),
    ("ramdisk_id", "OS-EXT-SRV-ATTR:ramdisk_id"),
    ("reservation_id", "OS-EXT-SRV-ATTR:reservation_id"),
    ("root_device_name", "OS-EXT-SRV-ATTR:root_device_name"),
    ("scheduler_hints", "scheduler_hints"),
    ("security_groups", "security_groups"),
    ("server_groups", "server_groups"),
    ("status", "status"),
    ("tags", "tags"),
    ("task_state", "OS-EXT-STS:task_state"),
    ("terminated_at", "OS-SRV-USG:terminated_at"),
    ("trusted_image_certificates", "trusted_image_certificates"),
    ("updated_at", "updated"),
    ("user_data", "OS-EXT-SRV-ATTR:user_data"),
    ("user_id", "user_id"),
    ("vm_state", "OS-EXT-STS:vm_state"),
];

/// osc's names for openstacksdk's attribute names (`_prep_server_detail` column_map).
fn column_alias(attr: &str) -> Option<&'static str> {
    Some(match attr {
        "access_ipv4" => "accessIPv4",
        "access_ipv6" => "accessIPv6",
        "admin_password" => "adminPass",
        "attached_volumes" => "volumes_attached",
        "availability_zone" => "OS-EXT-AZ:availability_zone",
        "compute_host" => "OS-EXT-SRV-ATTR:host",
        "created_at" => "created",
        "disk_config" => "OS-DCF:diskConfig",
        "has_config_drive" => "config_drive",
        "host_id" => "hostId",
        "hostname" => "OS-EXT-SRV-ATTR:hostname",
        "hypervisor_hostname" => "OS-EXT-SRV-ATTR:hypervisor_hostname",
        "instance_name" => "OS-EXT-SRV-ATTR:instance_name",
        "is_locked" => "locked",
        "kernel_id" => "OS-EXT-SRV-ATTR:kernel_id",
        "launch_index" => "OS-EXT-SRV-ATTR:launch_index",
        "launched_at" => "OS-SRV-USG:launched_at",
        "power_state" => "OS-EXT-STS:power_state",
        "project_id" => "project_id",
        "ramdisk_id" => "OS-EXT-SRV-ATTR:ramdisk_id",
        "reservation_id" => "OS-EXT-SRV-ATTR:reservation_id",
        "root_device_name" => "OS-EXT-SRV-ATTR:root_device_name",
        "task_state" => "OS-EXT-STS:task_state",
        "terminated_at" => "OS-SRV-USG:terminated_at",
        "updated_at" => "updated",
        "user_data" => "OS-EXT-SRV-ATTR:user_data",
        "vm_state" => "OS-EXT-STS:vm_state",
        _ => return None,
    })
}

/// The embedded flavor (2.47+) as openstacksdk's Flavor resource `to_dict()`s it.
fn embedded_flavor(f: &Map<String, Value>) -> Map<String, Value> {
    let get = |k: &str| f.get(k).cloned().unwrap_or(Value::Null);
    let int0 = |k: &str| match f.get(k) {
        Some(v) if !v.is_null() => v.clone(),
        _ => Value::from(0),
    };
    let name = get("original_name");
    let mut m = Map::new();
    m.insert("name".into(), name.clone());
    m.insert("original_name".into(), name.clone());
    m.insert("description".into(), get("description"));
    m.insert("disk".into(), int0("disk"));
    m.insert(
        "is_public".into(),
        f.get("os-flavor-access:is_public")
            .cloned()
            .unwrap_or(Value::Bool(true)),
    );
    m.insert("ram".into(), int0("ram"));
    m.insert("vcpus".into(), int0("vcpus"));
    m.insert("swap".into(), int0("swap"));
    m.insert("ephemeral".into(), int0("ephemeral"));
    m.insert("is_disabled".into(), get("OS-FLV-DISABLED:disabled"));
    m.insert("rxtx_factor".into(), get("rxtx_factor"));
    m.insert(
        "extra_specs".into(),
        f.get("extra_specs")
            .cloned()
            .unwrap_or(Value::Object(Map::new())),
    );
    m.insert("id".into(), name);
    m.insert("location".into(), Value::Null);
    m
}

/// The raw detail fields of `_prep_server_detail`, before formatting: osc's names, nova's
/// values. `overlay` (a fresher copy of the server) fills fields that are missing or empty.
fn detail_fields(server: &Value, overlay: Option<&Value>, mv: Option<&str>) -> Map<String, Value> {
    let pick = |key: &str| -> Value {
        if key.is_empty() {
            return Value::Null;
        }
        let base = server.get(key).cloned().unwrap_or(Value::Null);
        match overlay.and_then(|o| o.get(key)) {
            // osc: `info.update(x: y for x, y in refreshed if x not in info or y)`, where
            // info (openstacksdk's to_dict) holds every attribute: only truthy values win
            Some(v) if is_truthy(v) => v.clone(),
            _ => base,
        }
    };
    const IGNORED: &[&str] = &[
        "interface_ip",
        "location",
        "private_v4",
        "private_v6",
        "public_v4",
        "public_v6",
        "block_device_mapping",
        "flavor_id",
        "host",
        "image_id",
        "max_count",
        "min_count",
        "networks",
        "personality",
        "volumes",
        "links",
    ];
    let mut out = Map::new();
    for (attr, key) in SERVER_ATTRS {
        if IGNORED.contains(attr) {
            continue;
        }
        let mut v = pick(key);
        if *attr == "tags" && v.is_null() {
            v = Value::Array(Vec::new());
        }
        if matches!(*attr, "admin_password" | "fault" | "security_groups") && v.is_null() {
            continue;
        }
        if *attr == "pinned_availability_zone" && !supports(mv, "2.96") {
            continue;
        }
        if *attr == "scheduler_hints" && !supports(mv, "2.100") {
            continue;
        }
        let name = column_alias(attr).unwrap_or(attr);
        out.insert(name.to_string(), v);
    }
    out
}

/// Python truthiness of a JSON value.
pub fn is_truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64() != Some(0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

/// `_prep_server_detail`: the server's fields under osc's names, formatted as osc does,
/// sorted by name (ShowOne). `image_name` is glance's name of the server's image (looked up
/// by the caller; `None` when the lookup failed: the bare ID is shown).
pub fn detail_record(
    server: &Value,
    overlay: Option<&Value>,
    mv: Option<&str>,
    names: &Names,
) -> Record {
    let mut info = detail_fields(server, overlay, mv);
    let image = info.remove("image").unwrap_or(Value::Null);
    let image_id = image.get("id").and_then(Value::as_str).unwrap_or_default();
    let image_shown = match image.as_object() {
        Some(o) if o.values().any(is_truthy) => match names.image.as_deref() {
            Some(n) => format!("{n} ({image_id})"),
            None => image_id.to_string(),
        },
        _ => IMAGE_STRING_FOR_BFV.to_string(),
    };
    let mut fields: Vec<(String, Cell)> = Vec::new();
    fields.push(("image".into(), Cell::Str(image_shown)));
    let flavor = info.remove("flavor").unwrap_or(Value::Null);
    let flavor_cell = match flavor.as_object() {
        Some(f) if f.get("original_name").is_some_and(|n| !n.is_null()) => {
            Cell::dict(Some(embedded_flavor(f)))
        }
        // before 2.47: `name (id)` when the flavor can be looked up, else the bare ID
        Some(f) => {
            let id = f.get("id").and_then(Value::as_str).unwrap_or_default();
            match names.flavor.as_deref() {
                Some(n) => Cell::Str(format!("{n} ({id})")),
                None => Cell::Str(id.to_string()),
            }
        }
        None => Cell::from_json(Value::Null),
    };
    fields.push(("flavor".into(), flavor_cell));
    for (k, v) in info {
        let cell = match k.as_str() {
            "volumes_attached" => {
                let items = v
                    .as_array()
                    .map(|a| {
                        a.iter()
                            .filter_map(Value::as_object)
                            .map(|o| {
                                o.iter()
                                    .filter(|(k, v)| !v.is_null() && k.as_str() != "location")
                                    .map(|(k, v)| (k.clone(), v.clone()))
                                    .collect::<Map<_, _>>()
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                Cell::list_of_dicts(Some(items))
            }
            "security_groups" => Cell::list_of_dicts(
                v.as_array()
                    .map(|a| a.iter().filter_map(|i| i.as_object().cloned()).collect()),
            ),
            "tags" => Cell::list(v.as_array().cloned()),
            "addresses" => addresses_cell(&v),
            "metadata" => {
                fields.push(("properties".into(), Cell::dict(v.as_object().cloned())));
                continue;
            }
            "OS-EXT-STS:power_state" => power_state_cell(&v),
            "scheduler_hints" => Cell::dict_of_lists(v.as_object().cloned()),
            _ => Cell::from_json(v),
        };
        fields.push((k, cell));
    }
    fields.sort_by(|a, b| a.0.cmp(&b.0));
    Record { fields }
}

/// Names the detail view shows next to IDs (`None`: not found, the bare ID is shown).
#[derive(Debug, Default)]
pub struct Names {
    /// The server's image in glance.
    pub image: Option<String>,
    /// The server's flavor (looked up only before microversion 2.47, which embeds it).
    pub flavor: Option<String>,
}

/// Looks up the names of the server's image and (pre-2.47) flavor.
pub async fn names_of(session: &Session, server: &Value) -> Names {
    let image = match server.pointer("/image/id").and_then(Value::as_str) {
        Some(id) => ImageService::new(session)
            .get(id)
            .await
            .ok()
            .and_then(|i| i.name),
        None => None,
    };
    let flavor = match server.get("flavor") {
        Some(f) if f.get("original_name").is_none() => match f.get("id").and_then(Value::as_str) {
            Some(id) => ostk_sdk::compute::flavor::FLAVORS
                .get(session, id)
                .await
                .ok()
                .and_then(|f| f.get("name").and_then(Value::as_str).map(str::to_string)),
            None => None,
        },
        _ => None,
    };
    Names { image, flavor }
}

/// The detail view of a server as `server show` / `create` print it; `refresh` fetches the
/// server again first (after create or an action), keeping what the first answer had.
pub fn show_server(ctx: &mut Context, server: &Value, refresh: bool) -> Result<Record, CliError> {
    let mv = microversion(ctx)?;
    let session = ctx.session()?;
    let (fresh, image_name) = ctx.block_on(async {
        let fresh = if refresh {
            Some(
                Compute::new(&session)
                    .get_server(&id_of(server))
                    .await
                    .map_err(|e| sdk_error(e, None))?,
            )
        } else {
            None
        };
        let names = names_of(&session, fresh.as_ref().unwrap_or(server)).await;
        Ok::<_, CliError>((fresh, names))
    })??;
    Ok(detail_record(
        server,
        fresh.as_ref(),
        mv.as_deref(),
        &image_name,
    ))
}

/// The polling rhythm of `--wait`: quick at first (the fake driver and small clouds answer
/// within a second), then every 2 s (osc polls every 5 s).
pub fn poll_interval(attempt: u32) -> Duration {
    Duration::from_millis(match attempt {
        0..=3 => 250,
        4..=10 => 1000,
        _ => 2000,
    })
}

/// Waits for a server to reach one of `wanted`, writing osc's `\rProgress: N` to stdout
/// when nova reports progress. `Ok(false)`: it went to ERROR (or vanished).
pub fn wait_for(ctx: &mut Context, id: &str, wanted: &[&str]) -> Result<bool, CliError> {
    let session = ctx.session()?;
    let r = ctx.block_on_interruptible(
        Compute::new(&session).wait_for_server(id, wanted, poll_interval, |s| {
            if let Some(p) = s.get("progress").and_then(Value::as_u64)
                && p > 0
            {
                use std::io::Write;
                let mut out = std::io::stdout();
                let _ = write!(out, "\rProgress: {p}");
                let _ = out.flush();
            }
        }),
        "Interrupted while waiting; the operation goes on in the cloud.",
    )?;
    Ok(r.is_ok())
}
