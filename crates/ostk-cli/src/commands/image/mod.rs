//! Image (glance v2) commands: openstackclient/image/v2/{image,info,metadef_*}.py. Shared here:
//! image lookup with openstacksdk's wording, `_format_image`, and `--property` parsing.

pub mod add_project;
pub mod create;
pub mod delete;
pub mod import_info;
pub mod list;
pub mod member_list;
pub mod metadef_namespace;
pub mod metadef_object;
pub mod metadef_resource_type;
pub mod remove_project;
pub mod save;
pub mod set;
pub mod show;
pub mod stores_list;
pub mod unset;

use crate::{context::Context, error::CliError};
use ostk_output::{Cell, Record};
use ostk_sdk::image::{Image, ImageService};
use ostk_sdk::rest::Lookup;
use serde_json::{Map, Value};

/// `--container-format` choices (image.py CONTAINER_CHOICES).
pub const CONTAINER_CHOICES: [&str; 7] = ["ami", "ari", "aki", "bare", "docker", "ova", "ovf"];
/// `--disk-format` choices (image.py DISK_CHOICES).
pub const DISK_CHOICES: [&str; 11] = [
    "ami", "ari", "aki", "vhd", "vmdk", "raw", "qcow2", "vhdx", "vdi", "iso", "ploop",
];

/// openstacksdk `find_image(name_or_id, ignore_missing=False)`.
pub fn find_image(ctx: &mut Context, name_or_id: &str) -> Result<Image, CliError> {
    let session = ctx.session()?;
    let found = ctx.block_on(ImageService::new(&session).find(name_or_id))??;
    match found {
        Lookup::Found(v) => Ok(Image::from_value(v)?),
        Lookup::NotFound => Err(CliError::Message(format!(
            "No Image found for {name_or_id}"
        ))),
        Lookup::Ambiguous(_) => Err(CliError::Message(format!(
            "More than one Image exists with the name '{name_or_id}'."
        ))),
    }
}

/// osc-lib's KeyValueAction: `key=value`.
pub fn parse_key_value(s: &str) -> Result<(String, String), String> {
    match s.split_once('=') {
        Some((k, v)) => Ok((k.to_string(), v.to_string())),
        None => Err(format!("Expected 'key=value' type, but got: {s}")),
    }
}

/// Fields `_format_image` shows at the top level.
const FIELDS_TO_SHOW: &[&str] = &[
    "status",
    "name",
    "container_format",
    "created_at",
    "size",
    "disk_format",
    "updated_at",
    "visibility",
    "min_disk",
    "protected",
    "id",
    "file",
    "checksum",
    "owner",
    "virtual_size",
    "min_ram",
    "schema",
];

/// openstacksdk Image attributes in `to_dict` order (their glance names); `*` marks where the
/// unknown properties go.
const SDK_ORDER: &[&str] = &[
    "checksum",
    "container_format",
    "created_at",
    "disk_format",
    "os_hidden",
    "protected",
    "os_hash_algo",
    "os_hash_value",
    "min_disk",
    "min_ram",
    "name",
    "owner",
    "*",
    "size",
    "store",
    "status",
    "updated_at",
    "virtual_size",
    "visibility",
    "file",
    "locations",
    "direct_url",
    "url",
    "metadata",
    "architecture",
    "hypervisor_type",
    "instance_type_rxtx_factor",
    "instance_uuid",
    "img_config_drive",
    "kernel_id",
    "os_distro",
    "os_version",
    "os_secure_boot",
    "os_shutdown_timeout",
    "ramdisk_id",
    "vm_mode",
    "hw_cpu_sockets",
    "hw_cpu_cores",
    "hw_cpu_threads",
    "hw_disk_bus",
    "hw_cpu_policy",
    "hw_cpu_thread_policy",
    "hw_rng_model",
    "hw_machine_type",
    "hw_scsi_model",
    "hw_serial_port_count",
    "hw_video_model",
    "hw_video_ram",
    "hw_watchdog_action",
    "os_command_line",
    "hw_vif_model",
    "hw_vif_multiqueue_enabled",
    "hw_boot_menu",
    "vmware_adaptertype",
    "vmware_ostype",
    "auto_disk_config",
    "os_type",
    "os_admin_user",
    "hw_qemu_guest_agent",
    "os_require_quiesce",
    "schema",
    "id",
];

fn cell(v: &Value) -> Cell {
    match v {
        Value::String(s) => Cell::Str(s.clone()),
        other => Cell::from_json(other.clone()),
    }
}

/// image.py `_format_image`: the shown fields, `tags` as a list, everything else flattened
/// into `properties` (in openstacksdk's `to_dict` order), sorted by field name.
pub fn image_record(img: &Image, human_readable: bool) -> Record {
    let data = img.to_map();
    let mut fields: Vec<(String, Cell)> = Vec::new();
    let mut props = Map::new();
    let unknown = |k: &str| !SDK_ORDER.contains(&k) && k != "tags" && k != "self";
    let mut order: Vec<&str> = Vec::new();
    for k in SDK_ORDER {
        if *k == "*" {
            order.extend(data.keys().map(String::as_str).filter(|k| unknown(k)));
        } else {
            order.push(k);
        }
    }
    for k in order {
        let Some(v) = data.get(k) else { continue };
        if v.is_null() {
            continue;
        }
        if FIELDS_TO_SHOW.contains(&k) {
            let c = if k == "size" && human_readable {
                Cell::Str(ostk_output::format_size(v.as_f64().unwrap_or(0.0)))
            } else {
                cell(v)
            };
            fields.push((k.to_string(), c));
        } else if k != "location" {
            props.insert(k.to_string(), v.clone());
        }
    }
    fields.push((
        "tags".into(),
        Cell::list(Some(img.tags.iter().cloned().map(Value::String).collect())),
    ));
    if !props.is_empty() {
        fields.push(("properties".into(), Cell::dict(Some(props))));
    }
    fields.sort_by(|a, b| a.0.cmp(&b.0));
    Record { fields }
}

/// Python's `str()` of a JSON value, as `utils.sort_items(…, str)` compares them.
pub fn py_str(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => "None".into(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Bool(true)) => "True".into(),
        Some(Value::Bool(false)) => "False".into(),
        Some(other) => other.to_string(),
    }
}
