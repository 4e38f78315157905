//! Image (glance v2) commands: openstackclient/image/v2/{image,info,metadef_*}.py. Shared here:
//! image lookup with openstacksdk's wording, `_format_image`, and `--property` parsing.

pub mod add_project;
pub mod cache;
pub mod create;
pub mod delete;
pub mod import;
pub mod import_info;
pub mod list;
pub mod member_get;
pub mod member_list;
pub mod metadef_namespace;
pub mod metadef_object;
pub mod metadef_property;
pub mod metadef_resource_type;
pub mod remove_project;
pub mod save;
pub mod set;
pub mod show;
pub mod stage;
pub mod stores_list;
pub mod task;
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

/// A JSON value as cliff shows an attribute: `None` when absent, strings as text, the rest as
/// Python would print it.
pub fn json_cell(v: Option<&Value>) -> Cell {
    match v {
        None | Some(Value::Null) => Cell::None,
        Some(v) => cell(v),
    }
}

/// openstacksdk `HttpException` text for a failed call: `{message}: Client Error for url: …`
/// (the identity commands' helper; `message` is what openstacksdk's proxy passes, e.g.
/// `No MetadefNamespace found for x`, or `NotFoundException: 404` when it passes nothing).
pub fn sdk_error(e: ostk_sdk::client::ClientError, message: Option<&str>) -> CliError {
    use ostk_sdk::client::ClientError;
    match e {
        // glance words errors as an HTML page: openstacksdk strips the tags line by line and
        // joins the distinct lines with ': ' (`404 Not Found: Could not find task x`).
        ClientError::Api(api)
            if api.message.is_none()
                && api.details.as_deref().is_some_and(|d| d.starts_with('<')) =>
        {
            let mut lines: Vec<String> = Vec::new();
            for line in api.details.as_deref().unwrap_or_default().lines() {
                let text = strip_tags(line.trim());
                if !text.is_empty() && !lines.contains(&text) {
                    lines.push(text);
                }
            }
            let message = match message {
                Some(m) => m.to_string(),
                None => format!("{}: {}", sdk_class(api.status), api.status),
            };
            let source = if (400..500).contains(&api.status) {
                "Client"
            } else {
                "Server"
            };
            CliError::Message(format!(
                "{message}: {source} Error for url: {}, {}",
                api.url,
                lines.join(": ")
            ))
        }
        other => crate::commands::identity::common::sdk_error(other, message),
    }
}

/// `re.sub(r'<.+?>', '', line)`.
fn strip_tags(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(start) = rest.find('<') {
        match rest[start + 1..].find('>') {
            // `.+?` needs at least one character between the brackets.
            Some(end) if end > 0 => {
                out.push_str(&rest[..start]);
                rest = &rest[start + 1 + end + 1..];
            }
            _ => {
                out.push_str(&rest[..=start]);
                rest = &rest[start + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// openstacksdk's exception class for a status.
fn sdk_class(status: u16) -> &'static str {
    match status {
        400 => "BadRequestException",
        403 => "ForbiddenException",
        404 => "NotFoundException",
        409 => "ConflictException",
        412 => "PreconditionFailedException",
        _ => "HttpException",
    }
}

/// Python's `json.JSONDecodeError` text (`Expecting value: line 1 column 1 (char 0)`) for
/// what serde_json reports; the kinds Python distinguishes are mapped from serde's wording.
pub fn python_json_error(text: &str, e: &serde_json::Error) -> String {
    let msg = e.to_string();
    let what = if msg.starts_with("key must be a string") {
        "Expecting property name enclosed in double quotes"
    } else if msg.starts_with("trailing characters") {
        "Extra data"
    } else if msg.starts_with("expected `:`") {
        "Expecting ':' delimiter"
    } else if msg.starts_with("expected `,` or `}`") || msg.starts_with("expected `,` or `]`") {
        "Expecting ',' delimiter"
    } else if msg.starts_with("EOF while parsing a string") {
        "Unterminated string starting at"
    } else {
        "Expecting value"
    };
    let (line, col) = (e.line().max(1), e.column().max(1));
    // char offset of (line, col): serde's column is 1-based over characters of that line.
    let offset: usize = text
        .split_inclusive('\n')
        .take(line - 1)
        .map(|l| l.chars().count())
        .sum::<usize>()
        + col
        - 1;
    // At end of input serde points past the last character; Python at it.
    let offset = offset.min(text.chars().count());
    let col = offset
        - text
            .split_inclusive('\n')
            .take(line - 1)
            .map(|l| l.chars().count())
            .sum::<usize>()
        + 1;
    format!("{what}: line {line} column {col} (char {offset})")
}
