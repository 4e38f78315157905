//! `server create` (openstackclient/compute/v2/server.py CreateServer).

use super::{microversion, require, show_server, supports, wait_for};
use crate::commands::identity::common::{find_sdk, sdk_error};
use crate::commands::image::{find_image, parse_key_value};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::compute::Compute;
use ostk_sdk::image::ImageService;
use ostk_sdk::rest::Collection;
use serde_json::{Map, Value, json};

/// `/os-server-groups`, for `--server-group`.
const SERVER_GROUPS: Collection = Collection {
    service_type: "compute",
    api_version: None,
    path: "os-server-groups",
    singular: "server_group",
    plural: "server_groups",
    microversion: Some(ostk_sdk::compute::MICROVERSION),
};

/// Create a new server
#[derive(clap::Args, Debug)]
pub struct CreateServer {
    /// New server name
    #[arg(value_name = "<server-name>")]
    server_name: String,
    /// Create server with this flavor (name or ID)
    #[arg(long, value_name = "<flavor>", required = true)]
    flavor: String,
    /// Create server boot disk from this image (name or ID)
    #[arg(long, value_name = "<image>", group = "disk")]
    image: Option<String>,
    /// Create server using the image that matches the specified property. Property must match exactly one property.
    #[arg(long, value_name = "<key=value>", group = "disk", value_parser = parse_key_value, verbatim_doc_comment)]
    image_property: Vec<(String, String)>,
    /// Create server using this volume as the boot disk (name or ID)
    /// This option automatically creates a block device mapping with a boot index of 0. On many hypervisors (libvirt/kvm for example) this will be device vda. Do not create a duplicate mapping using --block-device-mapping for this volume.
    #[arg(long, value_name = "<volume>", group = "disk", verbatim_doc_comment)]
    volume: Option<String>,
    /// Create server using this snapshot as the boot disk (name or ID)
    /// This option automatically creates a block device mapping with a boot index of 0. On many hypervisors (libvirt/kvm for example) this will be device vda. Do not create a duplicate mapping using --block-device-mapping for this volume.
    #[arg(long, value_name = "<snapshot>", group = "disk", verbatim_doc_comment)]
    snapshot: Option<String>,
    /// When used in conjunction with the ``--image`` or ``--image-property`` option, this option automatically creates a block device mapping with a boot index of 0 and tells the compute service to create a volume of the given size (in GB) from the specified image and use it as the root disk of the server. The root volume will not be deleted when the server is deleted. This option is mutually exclusive with the ``--volume`` and ``--snapshot`` options.
    #[arg(long, value_name = "<volume-size>", verbatim_doc_comment)]
    boot_from_volume: Option<i64>,
    /// Delete the boot volume automatically when the server is deleted (only valid with --boot-from-volume).
    #[arg(long, verbatim_doc_comment)]
    delete_on_termination: bool,
    /// **Deprecated** Create a block device on the server.
    /// Block device mapping in the format
    /// <dev-name>=<id>:<type>:<size(GB)>:<delete-on-terminate>
    /// <dev-name>: block device name, like: vdb, xvdc (required)
    /// <id>: Name or ID of the volume, volume snapshot or image (required)
    /// <type>: volume, snapshot or image; default: volume (optional)
    /// <size(GB)>: volume size if create from image or snapshot (optional)
    /// <delete-on-terminate>: true or false; default: false (optional)
    /// Replaced by --block-device
    #[arg(long, value_name = "<dev-name=mapping>", value_parser = parse_legacy_bdm, verbatim_doc_comment)]
    block_device_mapping: Vec<Map<String, Value>>,
    /// Create a block device on the server.
    /// Either a path to a JSON file or a CSV-serialized string describing the block device mapping.
    /// The following keys are accepted for both:
    /// uuid=<uuid>: UUID of the volume, snapshot or ID (required if using source image, snapshot or volume),
    /// source_type=<source_type>: source type (one of: image, snapshot, volume, blank),
    /// destination_type=<destination_type>: destination type (one of: volume, local) (optional),
    /// disk_bus=<disk_bus>: device bus (one of: uml, lxc, virtio, ...) (optional),
    /// device_type=<device_type>: device type (one of: disk, cdrom, etc. (optional),
    /// device_name=<device_name>: name of the device (optional),
    /// volume_size=<volume_size>: size of the block device in MiB (for swap) or GiB (for everything else) (optional),
    /// guest_format=<guest_format>: format of device (optional),
    /// boot_index=<boot_index>: index of disk used to order boot disk (required for volume-backed instances),
    /// delete_on_termination=<true|false>: whether to delete the volume upon deletion of server (optional),
    /// tag=<tag>: device metadata tag (optional),
    /// volume_type=<volume_type>: type of volume to create (name or ID) when source if blank, image or snapshot and dest is volume (optional)
    #[arg(long, value_name = "<block-device>", value_parser = parse_bdm, verbatim_doc_comment)]
    block_device: Vec<Map<String, Value>>,
    /// Create and attach a local swap block device of <swap_size> MiB.
    #[arg(long, value_name = "<swap>", verbatim_doc_comment)]
    swap: Option<i64>,
    /// Create and attach a local ephemeral block device of <size> GiB and format it to <format>.
    #[arg(long, value_name = "<size=size[,format=format]>", value_parser = parse_ephemeral, verbatim_doc_comment)]
    ephemeral: Vec<Map<String, Value>>,
    /// Create a NIC on the server and connect it to network. Specify option multiple times to create multiple NICs. This is a wrapper for the '--nic net-id=<network>' parameter that provides simple syntax for the standard use case of connecting a new server to a given network. For more advanced use cases, refer to the '--nic' parameter.
    #[arg(long, value_name = "<network>", value_parser = plain_nic_value, verbatim_doc_comment)]
    network: Vec<String>,
    /// Create a NIC on the server and connect it to port. Specify option multiple times to create multiple NICs. This is a wrapper for the '--nic port-id=<port>' parameter that provides simple syntax for the standard use case of connecting a new server to a given port. For more advanced use cases, refer to the '--nic' parameter.
    #[arg(long, value_name = "<port>", value_parser = plain_nic_value, verbatim_doc_comment)]
    port: Vec<String>,
    /// Do not attach a network to the server. This is a wrapper for the '--nic none' option that provides a simple syntax for disabling network connectivity for a new server. For more advanced use cases, refer to the '--nic' parameter. (supported by --os-compute-api-version 2.37 or above)
    #[arg(long, action = clap::ArgAction::Count, verbatim_doc_comment)]
    no_network: u8,
    /// Automatically allocate a network to the server. This is the default network allocation policy. This is a wrapper for the '--nic auto' option that provides a simple syntax for enabling automatic configuration of network connectivity for a new server. For more advanced use cases, refer to the '--nic' parameter. (supported by --os-compute-api-version 2.37 or above)
    #[arg(long, action = clap::ArgAction::Count, verbatim_doc_comment)]
    auto_network: u8,
    #[arg(
        long,
        value_name = "<net-id=net-uuid,port-id=port-uuid,v4-fixed-ip=ip-addr,v6-fixed-ip=ip-addr,tag=tag,auto,none>",
        value_parser = parse_nic,
        help = "Create a NIC on the server.\nNIC in the format:\nnet-id=<net-uuid>: attach NIC to network with this UUID,\nport-id=<port-uuid>: attach NIC to port with this UUID,\nv4-fixed-ip=<ip-addr>: IPv4 fixed address for NIC (optional),\nv6-fixed-ip=<ip-addr>: IPv6 fixed address for NIC (optional),\ntag: interface metadata tag (optional) (supported by --os-compute-api-version 2.43 or above),\nnone: (v2.37+) no network is attached,\nauto: (v2.37+) the compute service will automatically allocate a network.\n\nSpecify option multiple times to create multiple NICs.\nSpecifying a --nic of auto or none cannot be used with any other --nic value.\nEither net-id or port-id must be provided, but not both."
    )]
    nic: Vec<Nic>,
    /// Set the password to this server. This option requires cloud support.
    #[arg(long, value_name = "<password>", verbatim_doc_comment)]
    password: Option<String>,
    /// Do not associate a security group with ports attached to this server. This does not affect the security groups associated with pre-existing ports.
    #[arg(long, group = "secgroups", verbatim_doc_comment)]
    no_security_group: bool,
    /// Security group to associate with ports attached to this server (name or ID) (repeat option to set multiple groups)
    #[arg(long, value_name = "<security-group>", group = "secgroups")]
    security_group: Vec<String>,
    /// Keypair to inject into this server
    #[arg(long, value_name = "<key-name>")]
    key_name: Option<String>,
    /// Set a property on this server (repeat option to set multiple values)
    #[arg(long, value_name = "<key=value>", value_parser = parse_key_value)]
    property: Vec<(String, String)>,
    /// File(s) to inject into image before boot (repeat option to set multiple files) (supported by --os-compute-api-version 2.57 or below)
    #[arg(long, value_name = "<dest-filename=source-filename>")]
    file: Vec<String>,
    /// User data file to serve from the metadata server
    #[arg(long, value_name = "<user-data>")]
    user_data: Option<String>,
    /// Set description for the server (supported by --os-compute-api-version 2.19 or above)
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    /// Select an availability zone for the server. Host and node are optional parameters. Availability zone in the format <zone-name>:<host-name>:<node-name>, <zone-name>::<node-name>, <zone-name>:<host-name> or <zone-name>
    #[arg(long, value_name = "<zone-name>")]
    availability_zone: Option<String>,
    /// Requested host to create servers. (admin only) (supported by --os-compute-api-version 2.74 or above)
    #[arg(long, value_name = "<host>")]
    host: Option<String>,
    /// Requested hypervisor hostname to create servers. (admin only) (supported by --os-compute-api-version 2.74 or above)
    #[arg(long, value_name = "<hypervisor-hostname>")]
    hypervisor_hostname: Option<String>,
    /// Server group to create the server within (this is an alias for '--hint group=<server-group-id>')
    #[arg(long, value_name = "<server-group>")]
    server_group: Option<String>,
    /// Hints for the scheduler
    #[arg(long, value_name = "<key=value>", value_parser = parse_key_value)]
    hint: Vec<(String, String)>,
    /// Enable config drive.
    #[arg(long, group = "config_drive_group", verbatim_doc_comment)]
    use_config_drive: bool,
    /// Disable config drive.
    #[arg(long, group = "config_drive_group", verbatim_doc_comment)]
    no_config_drive: bool,
    /// **Deprecated** Use specified volume as the config drive, or 'True' to use an ephemeral drive. Replaced by '--use-config-drive'.
    #[arg(
        long,
        value_name = "<config-drive-volume>|True",
        group = "config_drive_group",
        verbatim_doc_comment
    )]
    config_drive: Option<String>,
    /// Minimum number of servers to launch (default=1)
    #[arg(
        long,
        value_name = "<count>",
        default_value_t = 1,
        hide_default_value = true
    )]
    min: i64,
    /// Maximum number of servers to launch (default=1)
    #[arg(
        long,
        value_name = "<count>",
        default_value_t = 1,
        hide_default_value = true
    )]
    max: i64,
    /// Tags for the server. Specify multiple times to add multiple tags. (supported by --os-compute-api-version 2.52 or above)
    #[arg(long, value_name = "<tag>", verbatim_doc_comment)]
    tag: Vec<String>,
    /// Hostname configured for the server in the metadata service. If unset, a hostname will be automatically generated from the server name. A utility such as cloud-init is required to propagate the hostname in the metadata service to the guest OS itself (hostnames supported by --os-compute-api-version 2.90 or above, FQDNs supported by --os-compute-api-version 2.94 or above)
    #[arg(long, value_name = "<hostname>")]
    hostname: Option<String>,
    /// Wait for build to complete
    #[arg(long)]
    wait: bool,
    /// Trusted image certificate IDs used to validate certificates during the image signature verification process. May be specified multiple times to pass multiple trusted image certificate IDs. (supported by --os-compute-api-version 2.63 or above)
    #[arg(long, value_name = "<trusted-cert-id>")]
    trusted_image_cert: Vec<String>,
}

/// One `--nic` (or `--network`/`--port`) value.
#[derive(Clone, Debug, PartialEq)]
pub enum Nic {
    /// `auto`
    Auto,
    /// `none`
    None,
    /// A NIC on a network or port.
    Spec {
        /// `net-id`
        net: String,
        /// `port-id`
        port: String,
        /// `v4-fixed-ip`
        v4: String,
        /// `v6-fixed-ip`
        v6: String,
        /// `tag`
        tag: Option<String>,
    },
}

const NIC_FORM: &str = "argument must be of form 'net-id=net-uuid,port-id=port-uuid,v4-fixed-ip=ip-addr,v6-fixed-ip=ip-addr,tag=tag'";

/// osc's NICAction for `--nic`.
fn parse_nic(s: &str) -> Result<Nic, String> {
    match s {
        "auto" => return Ok(Nic::Auto),
        "none" => return Ok(Nic::None),
        _ => {}
    }
    let (mut net, mut port, mut v4, mut v6, mut tag) = (
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        None,
    );
    for kv in s.split(',') {
        let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
        if v.is_empty() {
            return Err(format!("Invalid argument {s}; {NIC_FORM}"));
        }
        match k {
            "net-id" => net = v.to_string(),
            "port-id" => port = v.to_string(),
            "v4-fixed-ip" => v4 = v.to_string(),
            "v6-fixed-ip" => v6 = v.to_string(),
            "tag" => tag = Some(v.to_string()),
            _ => return Err(format!("Invalid argument {s}; {NIC_FORM}")),
        }
    }
    if !net.is_empty() && !port.is_empty() {
        return Err(format!(
            "Invalid argument {s}; either 'network' or 'port' should be specified but not both"
        ));
    }
    if !v4.is_empty() && !v6.is_empty() {
        return Err(format!(
            "Invalid argument {s}; either 'v4-fixed-ip' or 'v6-fixed-ip' should be specified but not both"
        ));
    }
    Ok(Nic::Spec {
        net,
        port,
        v4,
        v6,
        tag,
    })
}

/// `--network x` / `--port x` values: no ',' or '=' (they would smuggle other NIC keys).
fn plain_nic_value(s: &str) -> Result<String, String> {
    if s.contains(',') || s.contains('=') {
        return Err(format!(
            "Invalid argument {s}; characters ',' and '=' are not allowed"
        ));
    }
    Ok(s.to_string())
}

/// A NIC keyed by one field (`--network x` is `--nic net-id=x`).
fn keyed_nic(value: &str, key: &str) -> Result<Nic, CliError> {
    parse_nic(&format!("{key}={value}")).map_err(CliError::Message)
}

/// osc's BDMLegacyAction: `dev-name=id[:type[:size[:delete-on-terminate]]]`.
fn parse_legacy_bdm(s: &str) -> Result<Map<String, Value>, String> {
    let (dev, map) = s.split_once('=').unwrap_or((s, ""));
    let parts: Vec<&str> = if map.is_empty() {
        Vec::new()
    } else {
        map.split(':').collect()
    };
    if dev.is_empty() || parts.is_empty() || parts.len() > 4 {
        return Err(format!(
            "Invalid argument {s}; argument must be of form 'dev-name=id[:type[:size[:delete-on-terminate]]]'"
        ));
    }
    let mut m = Map::new();
    m.insert("device_name".into(), dev.into());
    m.insert("uuid".into(), parts[0].into());
    m.insert("source_type".into(), "volume".into());
    m.insert("destination_type".into(), "volume".into());
    if let Some(t) = parts.get(1).filter(|t| !t.is_empty()) {
        if !["volume", "snapshot", "image"].contains(t) {
            return Err(format!(
                "Invalid argument {s}; 'type' must be one of: volume, snapshot, image"
            ));
        }
        m.insert("source_type".into(), (*t).into());
    }
    if let Some(size) = parts.get(2).filter(|t| !t.is_empty()) {
        m.insert("volume_size".into(), (*size).into());
    }
    if let Some(d) = parts.get(3).filter(|t| !t.is_empty()) {
        m.insert("delete_on_termination".into(), (*d).into());
    }
    Ok(m)
}

const BDM_KEYS: [&str; 12] = [
    "uuid",
    "source_type",
    "destination_type",
    "disk_bus",
    "device_type",
    "device_name",
    "volume_size",
    "guest_format",
    "boot_index",
    "delete_on_termination",
    "tag",
    "volume_type",
];

/// osc's BDMAction: a JSON file path, or `key=value,key=value` with known keys.
fn parse_bdm(s: &str) -> Result<Map<String, Value>, String> {
    let m: Map<String, Value> = if std::path::Path::new(s).exists() {
        let text = std::fs::read_to_string(s).map_err(|e| format!("{s}: {e}"))?;
        serde_json::from_str(&text).map_err(|e| format!("{s}: {e}"))?
    } else {
        multi_key_value(s)?
            .into_iter()
            .map(|(k, v)| (k, Value::String(v)))
            .collect()
    };
    let invalid: Vec<&str> = m
        .keys()
        .map(String::as_str)
        .filter(|k| !BDM_KEYS.contains(k))
        .collect();
    if !invalid.is_empty() {
        return Err(format!(
            "Invalid keys {} specified.\nValid keys are: {}",
            invalid.join(", "),
            BDM_KEYS.join(", ")
        ));
    }
    Ok(m)
}

/// osc-lib's MultiKeyValueAction syntax: `k=v,k2=v2`.
fn multi_key_value(s: &str) -> Result<Vec<(String, String)>, String> {
    s.split(',')
        .map(|kv| match kv.split_once('=') {
            Some((k, v)) if !k.is_empty() => Ok((k.to_string(), v.to_string())),
            _ => Err(format!(
                "Expected key=value pairs separated by comma, but got: {s}"
            )),
        })
        .collect()
}

/// `--ephemeral size=N[,format=F]`.
fn parse_ephemeral(s: &str) -> Result<Map<String, Value>, String> {
    let kvs = multi_key_value(s)?;
    let mut m = Map::new();
    for (k, v) in kvs {
        if k != "size" && k != "format" {
            return Err(format!(
                "Invalid keys {k} specified.\nValid keys are: size, format"
            ));
        }
        m.insert(k, Value::String(v));
    }
    if !m.contains_key("size") {
        return Err("Missing required keys size.\nRequired keys are: size".into());
    }
    Ok(m)
}

pub(super) fn base64(data: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(T[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn find_id(
    ctx: &mut Context,
    coll: &Collection,
    class: &str,
    name: &str,
) -> Result<String, CliError> {
    let v = find_sdk(ctx, coll, class, name, &[])?;
    Ok(super::id_of(&v))
}

/// Python's `str()` of a value for a BDM string field.
fn int_like(v: &Value) -> Option<i64> {
    match v {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

impl CreateServer {
    /// The NICs in the order the options were given.
    fn nics(&self, ctx: &Context) -> Result<Vec<Nic>, CliError> {
        let m = ctx.matches.as_ref();
        let idx = |id: &str| -> Vec<usize> {
            m.filter(|m| m.value_source(id) == Some(clap::parser::ValueSource::CommandLine))
                .and_then(|m| m.indices_of(id))
                .map(|i| i.collect())
                .unwrap_or_default()
        };
        let mut ordered: Vec<(usize, Nic)> = Vec::new();
        for (i, v) in idx("network").into_iter().zip(&self.network) {
            ordered.push((i, keyed_nic(v, "net-id")?));
        }
        for (i, v) in idx("port").into_iter().zip(&self.port) {
            ordered.push((i, keyed_nic(v, "port-id")?));
        }
        for (i, n) in idx("nic").into_iter().zip(&self.nic) {
            ordered.push((i, n.clone()));
        }
        for i in idx("no_network") {
            ordered.push((i, Nic::None));
        }
        for i in idx("auto_network") {
            ordered.push((i, Nic::Auto));
        }
        ordered.sort_by_key(|(i, _)| *i);
        Ok(ordered.into_iter().map(|(_, n)| n).collect())
    }

    fn image_by_properties(&self, ctx: &mut Context) -> Result<Option<String>, CliError> {
        if self.image_property.is_empty() {
            return Ok(None);
        }
        let session = ctx.session()?;
        let images = ctx
            .block_on(ImageService::new(&session).list(&[]))?
            .map_err(|e| sdk_error(e, None))?;
        let matched: Vec<String> = images
            .iter()
            .filter(|img| {
                let m = img.to_map();
                self.image_property.iter().all(|(k, v)| {
                    let got = m
                        .get(k)
                        .or_else(|| m.get("properties").and_then(|p| p.get(k)));
                    match got {
                        Some(Value::String(s)) => s == v,
                        _ => false,
                    }
                })
            })
            .map(|i| i.id.clone())
            .collect();
        if matched.len() > 1 {
            tracing::warn!(
                "Multiple matching images: {:?}\nUsing image: {}",
                matched,
                matched[0]
            );
        }
        match matched.into_iter().next() {
            Some(id) => Ok(Some(id)),
            None => Err(CliError::Message(
                "No images match the property expected by --image-property".into(),
            )),
        }
    }
}

impl Command for CreateServer {
    const WORDS: &'static str = "server create";
    const ABOUT: &'static str = "Create a new server";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        use ostk_sdk::network::{NETWORKS, PORTS, SECURITY_GROUPS};
        use ostk_sdk::volume::{SNAPSHOTS, VOLUMES};
        let nics = self.nics(ctx)?;
        let mv = microversion(ctx)?;
        let mv = mv.as_deref();

        let mut image = match &self.image {
            Some(i) => Some(find_image(ctx, i)?.id),
            None => None,
        };
        if image.is_none() {
            image = self.image_by_properties(ctx)?;
        }
        let volume = match &self.volume {
            Some(_) if self.boot_from_volume.is_some() => {
                return Err(CliError::Message(
                    "--volume is not allowed with --boot-from-volume".into(),
                ));
            }
            Some(v) => Some(find_id(ctx, &VOLUMES, "Volume", v)?),
            None => None,
        };
        if self.delete_on_termination && self.boot_from_volume.is_none() {
            return Err(CliError::Message(
                "--delete-on-termination can only be used with --boot-from-volume".into(),
            ));
        }
        let snapshot = match &self.snapshot {
            Some(_) if self.boot_from_volume.is_some() => {
                return Err(CliError::Message(
                    "--snapshot is not allowed with --boot-from-volume".into(),
                ));
            }
            Some(s) => Some(find_id(ctx, &SNAPSHOTS, "Snapshot", s)?),
            None => None,
        };
        let flavor = super::list::find_flavor(ctx, &self.flavor)?;
        if !self.file.is_empty() && supports(mv, "2.57") {
            return Err(CliError::Message(
                "Personality files are deprecated and are not supported for --os-compute-api-version greater than 2.56; use user data instead".into(),
            ));
        }
        let mut personality = Vec::new();
        for f in &self.file {
            let (dst, src) = f.split_once('=').unwrap_or((f, ""));
            let data = std::fs::read(src).map_err(|e| {
                CliError::Message(format!("Can't open '{src}': {}", py_os_error(&e, src)))
            })?;
            personality.push(json!({"path": dst, "contents": base64(&data)}));
        }
        if self.min > self.max {
            return Err(CliError::Message(
                "min instances should be <= max instances".into(),
            ));
        }
        if self.min < 1 {
            return Err(CliError::Message("min instances should be > 0".into()));
        }
        if self.max < 1 {
            return Err(CliError::Message("max instances should be > 0".into()));
        }
        let user_data = match &self.user_data {
            Some(p) => Some(base64(&std::fs::read(p).map_err(|e| {
                CliError::Message(format!("Can't open '{p}': {}", py_os_error(&e, p)))
            })?)),
            None => None,
        };
        if self.description.is_some() && !supports(mv, "2.19") {
            return Err(CliError::Message(
                "--os-compute-api-version 2.19 or greater is required to support the --description option".into(),
            ));
        }

        let mut bdms: Vec<Value> = Vec::new();
        if let Some(size) = self.boot_from_volume {
            let Some(img) = image.take() else {
                return Err(CliError::Message(
                    "An image (--image or --image-property) is required to support --boot-from-volume option".into(),
                ));
            };
            bdms.push(json!({"uuid": img, "boot_index": 0, "source_type": "image",
                "destination_type": "volume", "volume_size": size,
                "delete_on_termination": self.delete_on_termination}));
        } else if let Some(img) = &image {
            bdms.push(json!({"uuid": img, "boot_index": 0, "source_type": "image",
                "destination_type": "local", "delete_on_termination": true}));
        } else if let Some(v) = &volume {
            bdms.push(json!({"uuid": v, "boot_index": 0, "source_type": "volume",
                "destination_type": "volume"}));
        } else if let Some(s) = &snapshot {
            bdms.push(
                json!({"uuid": s, "boot_index": 0, "source_type": "snapshot",
                "destination_type": "volume", "delete_on_termination": false}),
            );
        }
        if let Some(swap) = self.swap.filter(|s| *s != 0) {
            bdms.push(
                json!({"boot_index": -1, "source_type": "blank", "destination_type": "local",
                "guest_format": "swap", "volume_size": swap, "delete_on_termination": true}),
            );
        }
        for e in &self.ephemeral {
            let mut m = Map::new();
            m.insert("boot_index".into(), json!(-1));
            m.insert("source_type".into(), json!("blank"));
            m.insert("destination_type".into(), json!("local"));
            m.insert("delete_on_termination".into(), json!(true));
            m.insert("volume_size".into(), e["size"].clone());
            if let Some(f) = e.get("format") {
                m.insert("guest_format".into(), f.clone());
            }
            bdms.push(Value::Object(m));
        }
        for legacy in &self.block_device_mapping {
            let mut m = legacy.clone();
            let uuid = m["uuid"].as_str().unwrap_or_default().to_string();
            let id = match m["source_type"].as_str() {
                Some("volume") => find_id(ctx, &VOLUMES, "Volume", &uuid)?,
                Some("snapshot") => find_id(ctx, &SNAPSHOTS, "Snapshot", &uuid)?,
                _ => find_image(ctx, &uuid)?.id,
            };
            m.insert("uuid".into(), id.into());
            bdms.push(Value::Object(m));
        }
        for bd in &self.block_device {
            let mut m = bd.clone();
            if let Some(b) = m.get("boot_index") {
                let Some(n) = int_like(b) else {
                    return Err(CliError::Message(
                        "The boot_index key of --block-device should be an integer".into(),
                    ));
                };
                m.insert("boot_index".into(), n.into());
            }
            if m.contains_key("tag") && !supports(mv, "2.42") {
                return Err(CliError::Message(
                    "--os-compute-api-version 2.42 or greater is required to support the tag key of --block-device".into(),
                ));
            }
            if m.contains_key("volume_type") && !supports(mv, "2.67") {
                return Err(CliError::Message(
                    "--os-compute-api-version 2.67 or greater is required to support the volume_type key of --block-device".into(),
                ));
            }
            let source = match m.get("source_type").and_then(Value::as_str) {
                Some(s) if ["volume", "image", "snapshot", "blank"].contains(&s) => s.to_string(),
                Some(_) => {
                    return Err(CliError::Message(
                        "The source_type key of --block-device should be one of: volume, image, snapshot, blank".into(),
                    ));
                }
                None => "blank".to_string(),
            };
            m.insert("source_type".into(), source.clone().into());
            let dest = match m.get("destination_type").and_then(Value::as_str) {
                Some(d) if d == "local" || d == "volume" => d.to_string(),
                Some(_) => {
                    return Err(CliError::Message(
                        "The destination_type key of --block-device should be one of: local, volume".into(),
                    ));
                }
                None if source == "blank" => "local".into(),
                None => "volume".into(),
            };
            m.insert("destination_type".into(), dest.clone().into());
            match m.get("delete_on_termination") {
                Some(v) => {
                    let b = match v {
                        Value::Bool(b) => *b,
                        other => {
                            let s = other
                                .as_str()
                                .map(str::to_string)
                                .unwrap_or_else(|| other.to_string());
                            match s.trim().to_lowercase().as_str() {
                                "1" | "t" | "true" | "on" | "y" | "yes" => true,
                                "0" | "f" | "false" | "off" | "n" | "no" => false,
                                _ => {
                                    return Err(CliError::Message(
                                        "The delete_on_termination key of --block-device should be a boolean-like value".into(),
                                    ));
                                }
                            }
                        }
                    };
                    m.insert("delete_on_termination".into(), b.into());
                }
                None if dest == "local" => {
                    m.insert("delete_on_termination".into(), true.into());
                }
                None => {}
            }
            bdms.push(Value::Object(m));
        }
        if !bdms
            .iter()
            .any(|b| b.get("boot_index").and_then(int_like) == Some(0))
        {
            return Err(CliError::Message(
                "An image (--image, --image-property) or bootable volume (--volume, --snapshot, --block-device) is required".into(),
            ));
        }

        let networks: Option<Value> = if nics.iter().any(|n| matches!(n, Nic::Auto | Nic::None)) {
            if nics.len() > 1 {
                return Err(CliError::Message(
                    "Specifying a --nic of auto or none cannot be used with any other --nic, --network or --port value.".into(),
                ));
            }
            if !supports(mv, "2.37") {
                return Err(CliError::Message(
                    "--os-compute-api-version 2.37 or greater is required to support explicit auto-allocation of a network or to disable network allocation".into(),
                ));
            }
            Some(if nics[0] == Nic::Auto { "auto" } else { "none" }.into())
        } else if nics.is_empty() {
            supports(mv, "2.37").then(|| "auto".into())
        } else {
            let mut list = Vec::new();
            for n in &nics {
                let Nic::Spec {
                    net,
                    port,
                    v4,
                    v6,
                    tag,
                } = n
                else {
                    continue;
                };
                if tag.is_some() && !supports(mv, "2.43") {
                    return Err(CliError::Message(
                        "--os-compute-api-version 2.43 or greater is required to support the --nic tag field".into(),
                    ));
                }
                let mut m = Map::new();
                if !net.is_empty() {
                    m.insert(
                        "uuid".into(),
                        find_id(ctx, &NETWORKS, "Network", net)?.into(),
                    );
                }
                if !port.is_empty() {
                    m.insert("port".into(), find_id(ctx, &PORTS, "Port", port)?.into());
                }
                if !v4.is_empty() {
                    m.insert("fixed_ip".into(), v4.clone().into());
                } else if !v6.is_empty() {
                    m.insert("fixed_ip".into(), v6.clone().into());
                }
                if let Some(t) = tag.as_ref().filter(|t| !t.is_empty()) {
                    m.insert("tag".into(), t.clone().into());
                }
                list.push(Value::Object(m));
            }
            Some(Value::Array(list))
        };

        let security_groups: Option<Vec<Value>> = if self.no_security_group {
            Some(Vec::new())
        } else if self.security_group.is_empty() {
            None
        } else {
            let mut v = Vec::new();
            for sg in &self.security_group {
                v.push(json!({"name": find_id(ctx, &SECURITY_GROUPS, "SecurityGroup", sg)?}));
            }
            Some(v)
        };

        // repeated keys become lists (osc's KeyValueAppendAction)
        let mut hints: Map<String, Value> = Map::new();
        let mut hint_lists: Vec<(String, Vec<String>)> = Vec::new();
        for (k, v) in &self.hint {
            match hint_lists.iter_mut().find(|(key, _)| key == k) {
                Some((_, vals)) => vals.push(v.clone()),
                None => hint_lists.push((k.clone(), vec![v.clone()])),
            }
        }
        for (k, mut vals) in hint_lists {
            let v = if vals.len() == 1 {
                Value::String(vals.remove(0))
            } else {
                Value::from(vals)
            };
            hints.insert(k, v);
        }
        if let Some(g) = &self.server_group {
            hints.insert(
                "group".into(),
                find_id(ctx, &SERVER_GROUPS, "ServerGroup", g)?.into(),
            );
        }

        let config_drive: Option<Value> = if self.use_config_drive {
            Some(true.into())
        } else if let Some(c) = &self.config_drive {
            match c.to_lowercase().as_str() {
                "true" | "1" => Some(true.into()),
                "false" | "0" | "" | "none" => None,
                _ => Some(c.clone().into()),
            }
        } else {
            None
        };

        let mut server = Map::new();
        server.insert("name".into(), self.server_name.clone().into());
        server.insert("imageRef".into(), image.clone().unwrap_or_default().into());
        server.insert("flavorRef".into(), super::id_of(&flavor).into());
        server.insert("min_count".into(), self.min.into());
        server.insert("max_count".into(), self.max.into());
        if let Some(d) = &self.description {
            server.insert("description".into(), d.clone().into());
        }
        if let Some(az) = &self.availability_zone {
            server.insert("availability_zone".into(), az.clone().into());
        }
        if let Some(p) = &self.password {
            server.insert("adminPass".into(), p.clone().into());
        }
        if !self.property.is_empty() {
            let md: Map<String, Value> = self
                .property
                .iter()
                .map(|(k, v)| (k.clone(), Value::String(v.clone())))
                .collect();
            server.insert("metadata".into(), md.into());
        }
        if let Some(k) = &self.key_name {
            server.insert("key_name".into(), k.clone().into());
        }
        if let Some(u) = user_data {
            server.insert("user_data".into(), u.into());
        }
        if !personality.is_empty() {
            server.insert("personality".into(), personality.into());
        }
        if let Some(sg) = security_groups {
            server.insert("security_groups".into(), sg.into());
        }
        if !bdms.is_empty() {
            server.insert("block_device_mapping_v2".into(), bdms.into());
        }
        if let Some(n) = networks {
            server.insert("networks".into(), n);
        }
        if let Some(c) = config_drive {
            server.insert("config_drive".into(), c);
        }
        if !self.tag.is_empty() {
            require(mv, "2.52", "--tag option")?;
            server.insert("tags".into(), self.tag.clone().into());
        }
        if let Some(h) = &self.host {
            require(mv, "2.74", "--host option")?;
            server.insert("host".into(), h.clone().into());
        }
        if let Some(h) = &self.hypervisor_hostname {
            require(mv, "2.74", "--hypervisor-hostname option")?;
            server.insert("hypervisor_hostname".into(), h.clone().into());
        }
        if let Some(h) = &self.hostname {
            require(mv, "2.90", "--hostname option")?;
            server.insert("hostname".into(), h.clone().into());
        }
        if !self.trusted_image_cert.is_empty() {
            if image.is_none() || self.boot_from_volume.is_some() {
                return Err(CliError::Message(
                    "--trusted-image-cert option is only supported for servers booted directly from images".into(),
                ));
            }
            require(mv, "2.63", "--trusted-image-cert option")?;
            server.insert(
                "trusted_image_certificates".into(),
                self.trusted_image_cert.clone().into(),
            );
        }

        let session = ctx.session()?;
        let hints = (!hints.is_empty()).then_some(hints);
        let created = ctx
            .block_on(Compute::new(&session).create_server(server, hints))?
            .map_err(|e| sdk_error(e, None))?;
        if self.wait && !wait_for(ctx, &super::id_of(&created), &["active"])? {
            return Err(CliError::Message(format!(
                "Error creating server: {}",
                self.server_name
            )));
        }
        Ok(Output::One(show_server(ctx, &created, true)?))
    }
}

/// Python's `OSError` text: `[Errno 2] No such file or directory: 'x'`.
pub(super) fn py_os_error(e: &std::io::Error, path: &str) -> String {
    match e.raw_os_error() {
        Some(code) => {
            let msg = e.to_string();
            let text = msg.split(" (os error").next().unwrap_or(&msg);
            format!("[Errno {code}] {text}: '{path}'")
        }
        None => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nics_parse_as_osc() {
        assert_eq!(parse_nic("auto"), Ok(Nic::Auto));
        assert!(matches!(
            parse_nic("net-id=a,v4-fixed-ip=10.0.0.5"),
            Ok(Nic::Spec { .. })
        ));
        assert!(
            parse_nic("net-id=a,port-id=b")
                .unwrap_err()
                .contains("not both")
        );
        assert!(
            parse_nic("bogus=1")
                .unwrap_err()
                .contains("argument must be of form")
        );
        assert!(parse_nic("net-id=").is_err());
    }

    #[test]
    fn block_devices_parse_as_osc() {
        let m = parse_legacy_bdm("vdb=vol1:volume:10:true").unwrap();
        assert_eq!(m["uuid"], "vol1");
        assert_eq!(m["volume_size"], "10");
        assert!(parse_legacy_bdm("vdb").is_err());
        assert!(
            parse_legacy_bdm("vdb=x:disk")
                .unwrap_err()
                .contains("'type' must be")
        );
        let b = parse_bdm("uuid=x,source_type=image,boot_index=0").unwrap();
        assert_eq!(b["boot_index"], "0");
        assert!(
            parse_bdm("nope=1")
                .unwrap_err()
                .starts_with("Invalid keys nope")
        );
        assert!(parse_ephemeral("format=ext4").is_err());
    }

    #[test]
    fn base64_matches_python() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"#cloud-config\n"), "I2Nsb3VkLWNvbmZpZwo=");
    }
}
