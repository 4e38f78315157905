//! Typed models of the common resources, with openstacksdk's field names (`project_id` for
//! nova's `tenant_id`, `is_public` for `os-flavor-access:is_public`…). Every model keeps the
//! fields it does not name in `extra` (flattened), so nothing a service sends is lost and
//! serializing a model gives back the service's JSON.

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};

pub use crate::object_store::{ContainerEntry as Container, ObjectEntry as Object};

/// A number that some API versions send as a string (nova's flavor `swap` is `""` for none
/// before 2.75; cinder sends `"true"`/`"false"` for booleans).
fn lenient_u64<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::Number(n) => n.as_u64().unwrap_or_default(),
        Value::String(s) => s.parse().unwrap_or_default(),
        _ => 0,
    })
}

fn lenient_bool<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::Bool(b) => b,
        Value::String(s) => s.eq_ignore_ascii_case("true"),
        _ => false,
    })
}

/// The status of a server, for waits ([`crate::cloud::ComputeHandle::wait_for_server`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ServerStatus {
    /// `ACTIVE`: running.
    Active,
    /// `SHUTOFF`: stopped.
    Shutoff,
    /// `PAUSED`.
    Paused,
    /// `SUSPENDED`.
    Suspended,
    /// `SHELVED_OFFLOADED`.
    ShelvedOffloaded,
    /// `VERIFY_RESIZE`: a resize waits for confirmation.
    VerifyResize,
    /// Deleted: the server is gone (answers 404).
    Deleted,
    /// Another status, as nova spells it.
    Other(String),
}

impl ServerStatus {
    /// Nova's spelling (`ACTIVE`).
    pub fn as_str(&self) -> &str {
        match self {
            ServerStatus::Active => "ACTIVE",
            ServerStatus::Shutoff => "SHUTOFF",
            ServerStatus::Paused => "PAUSED",
            ServerStatus::Suspended => "SUSPENDED",
            ServerStatus::ShelvedOffloaded => "SHELVED_OFFLOADED",
            ServerStatus::VerifyResize => "VERIFY_RESIZE",
            ServerStatus::Deleted => "DELETED",
            ServerStatus::Other(s) => s,
        }
    }
}

/// A compute server (openstacksdk `compute.v2.server.Server`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Server {
    /// ID.
    #[serde(default)]
    pub id: String,
    /// Name.
    #[serde(default)]
    pub name: String,
    /// `ACTIVE`, `BUILD`, `SHUTOFF`, `ERROR`… (empty in a create answer).
    #[serde(default)]
    pub status: String,
    /// The flavor: `{"id": …}` before microversion 2.47, the flavor's description
    /// (`original_name`, `vcpus`, `ram`…) since.
    #[serde(default)]
    pub flavor: Value,
    /// The image (`{"id": …}`), or `""` for a server booted from a volume.
    #[serde(default)]
    pub image: Value,
    /// Addresses per network name: `[{"addr", "version", "OS-EXT-IPS:type"…}]`.
    #[serde(default)]
    pub addresses: Map<String, Value>,
    /// Key pair name.
    #[serde(default)]
    pub key_name: Option<String>,
    /// Owning project (nova's `tenant_id`).
    #[serde(default, rename = "tenant_id")]
    pub project_id: Option<String>,
    /// Owning user.
    #[serde(default)]
    pub user_id: Option<String>,
    /// Creation time (nova's `created`).
    #[serde(default, rename = "created")]
    pub created_at: Option<String>,
    /// Last update (nova's `updated`).
    #[serde(default, rename = "updated")]
    pub updated_at: Option<String>,
    /// Metadata (key-value pairs).
    #[serde(default)]
    pub metadata: Map<String, Value>,
    /// Security groups (`[{"name": …}]`).
    #[serde(default)]
    pub security_groups: Vec<Value>,
    /// Availability zone (`OS-EXT-AZ:availability_zone`).
    #[serde(default, rename = "OS-EXT-AZ:availability_zone")]
    pub availability_zone: Option<String>,
    /// Power state (`OS-EXT-STS:power_state`: 1 running, 4 shutdown…).
    #[serde(default, rename = "OS-EXT-STS:power_state")]
    pub power_state: Option<i64>,
    /// VM state (`OS-EXT-STS:vm_state`).
    #[serde(default, rename = "OS-EXT-STS:vm_state")]
    pub vm_state: Option<String>,
    /// Task in progress (`OS-EXT-STS:task_state`).
    #[serde(default, rename = "OS-EXT-STS:task_state")]
    pub task_state: Option<String>,
    /// IPv4 access address (`accessIPv4`).
    #[serde(default, rename = "accessIPv4")]
    pub access_ipv4: Option<String>,
    /// IPv6 access address (`accessIPv6`).
    #[serde(default, rename = "accessIPv6")]
    pub access_ipv6: Option<String>,
    /// Host ID (`hostId`: a hash of the host and project).
    #[serde(default, rename = "hostId")]
    pub host_id: Option<String>,
    /// Description (2.19+).
    #[serde(default)]
    pub description: Option<String>,
    /// Tags (2.26+).
    #[serde(default)]
    pub tags: Option<Vec<String>>,
    /// The fault of a server in `ERROR` (`message`, `code`, `details`).
    #[serde(default)]
    pub fault: Option<Value>,
    /// The administrator password (`adminPass`), only in a create answer.
    #[serde(default, rename = "adminPass", skip_serializing_if = "Option::is_none")]
    pub admin_password: Option<String>,
    /// Fields this model does not name.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Server {
    /// The image ID, `None` for a server booted from a volume.
    pub fn image_id(&self) -> Option<&str> {
        self.image.get("id").and_then(Value::as_str)
    }

    /// Whether the server has this status (nova's spelling, case-insensitive).
    pub fn has_status(&self, status: &ServerStatus) -> bool {
        self.status.eq_ignore_ascii_case(status.as_str())
    }

    /// Every address of the server (`addr` of each network's entries), in nova's order.
    pub fn ip_addresses(&self) -> Vec<&str> {
        self.addresses
            .values()
            .filter_map(Value::as_array)
            .flatten()
            .filter_map(|a| a.get("addr").and_then(Value::as_str))
            .collect()
    }
}

/// A compute flavor (openstacksdk `compute.v2.flavor.Flavor`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Flavor {
    /// ID.
    pub id: String,
    /// Name.
    #[serde(default)]
    pub name: String,
    /// Virtual CPUs.
    #[serde(default)]
    pub vcpus: u64,
    /// Memory in MiB.
    #[serde(default)]
    pub ram: u64,
    /// Root disk in GiB.
    #[serde(default)]
    pub disk: u64,
    /// Ephemeral disk in GiB (`OS-FLV-EXT-DATA:ephemeral`).
    #[serde(default, rename = "OS-FLV-EXT-DATA:ephemeral")]
    pub ephemeral: u64,
    /// Swap in MiB (nova sends `""` for none before 2.75).
    #[serde(default, deserialize_with = "lenient_u64")]
    pub swap: u64,
    /// Whether every project may use it (`os-flavor-access:is_public`).
    #[serde(default = "yes", rename = "os-flavor-access:is_public")]
    pub is_public: bool,
    /// Whether it is disabled (`OS-FLV-DISABLED:disabled`).
    #[serde(default, rename = "OS-FLV-DISABLED:disabled")]
    pub is_disabled: bool,
    /// RX/TX factor.
    #[serde(default)]
    pub rxtx_factor: Option<f64>,
    /// Description (2.55+).
    #[serde(default)]
    pub description: Option<String>,
    /// Extra specs (2.61+).
    #[serde(default)]
    pub extra_specs: Option<Map<String, Value>>,
    /// Fields this model does not name.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

fn yes() -> bool {
    true
}

/// A compute key pair (openstacksdk `compute.v2.keypair.Keypair`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Keypair {
    /// Name (also its ID).
    pub name: String,
    /// Fingerprint of the public key.
    #[serde(default)]
    pub fingerprint: Option<String>,
    /// The public key (OpenSSH format).
    #[serde(default)]
    pub public_key: Option<String>,
    /// The private key, only in the answer to a create that generated the key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub private_key: Option<String>,
    /// `ssh` or `x509` (2.2+).
    #[serde(default, rename = "type")]
    pub key_type: Option<String>,
    /// Owning user.
    #[serde(default)]
    pub user_id: Option<String>,
    /// Creation time.
    #[serde(default)]
    pub created_at: Option<String>,
    /// Fields this model does not name.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// An image (openstacksdk `image.v2.image.Image`). Custom image properties (`os_distro`,
/// `hw_disk_bus`…) are top-level in glance's JSON and land in `extra`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Image {
    /// ID.
    pub id: String,
    /// Name.
    #[serde(default)]
    pub name: Option<String>,
    /// `queued`, `saving`, `active`, `killed`, `deleted`, `deactivated`…
    #[serde(default)]
    pub status: String,
    /// `public`, `private`, `shared` or `community`.
    #[serde(default)]
    pub visibility: Option<String>,
    /// Data size in bytes (none before data is uploaded).
    #[serde(default)]
    pub size: Option<u64>,
    /// Disk format (`qcow2`, `raw`…).
    #[serde(default)]
    pub disk_format: Option<String>,
    /// Container format (`bare`…).
    #[serde(default)]
    pub container_format: Option<String>,
    /// Minimum disk in GiB to boot it.
    #[serde(default)]
    pub min_disk: u64,
    /// Minimum memory in MiB to boot it.
    #[serde(default)]
    pub min_ram: u64,
    /// MD5 of the data.
    #[serde(default)]
    pub checksum: Option<String>,
    /// Algorithm of `hash_value` (`sha512`).
    #[serde(default, rename = "os_hash_algo")]
    pub hash_algo: Option<String>,
    /// Digest of the data by `hash_algo`.
    #[serde(default, rename = "os_hash_value")]
    pub hash_value: Option<String>,
    /// Owning project (glance's `owner`).
    #[serde(default, rename = "owner")]
    pub owner_id: Option<String>,
    /// Whether it may not be deleted (glance's `protected`).
    #[serde(default, rename = "protected")]
    pub is_protected: bool,
    /// Tags.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Creation time.
    #[serde(default)]
    pub created_at: Option<String>,
    /// Last update.
    #[serde(default)]
    pub updated_at: Option<String>,
    /// Fields this model does not name (custom properties included).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A network (openstacksdk `network.v2.network.Network`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Network {
    /// ID.
    pub id: String,
    /// Name.
    #[serde(default)]
    pub name: String,
    /// `ACTIVE`, `DOWN`, `BUILD`, `ERROR`.
    #[serde(default)]
    pub status: Option<String>,
    /// Owning project.
    #[serde(default)]
    pub project_id: Option<String>,
    /// Administrative state (`admin_state_up`).
    #[serde(default, rename = "admin_state_up")]
    pub is_admin_state_up: bool,
    /// Shared with every project (`shared`).
    #[serde(default, rename = "shared")]
    pub is_shared: bool,
    /// An external network, for floating IPs and router gateways (`router:external`).
    #[serde(default, rename = "router:external")]
    pub is_router_external: bool,
    /// Port security by default (`port_security_enabled`).
    #[serde(default, rename = "port_security_enabled")]
    pub is_port_security_enabled: Option<bool>,
    /// IDs of its subnets (`subnets`).
    #[serde(default, rename = "subnets")]
    pub subnet_ids: Vec<String>,
    /// MTU.
    #[serde(default)]
    pub mtu: Option<u64>,
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// Availability zones.
    #[serde(default)]
    pub availability_zones: Vec<String>,
    /// Provider network type (`provider:network_type`, admin only).
    #[serde(default, rename = "provider:network_type")]
    pub provider_network_type: Option<String>,
    /// Tags.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Creation time.
    #[serde(default)]
    pub created_at: Option<String>,
    /// Last update.
    #[serde(default)]
    pub updated_at: Option<String>,
    /// Fields this model does not name.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A subnet (openstacksdk `network.v2.subnet.Subnet`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Subnet {
    /// ID.
    pub id: String,
    /// Name.
    #[serde(default)]
    pub name: String,
    /// Network it belongs to.
    #[serde(default)]
    pub network_id: String,
    /// CIDR (`10.0.0.0/24`).
    #[serde(default)]
    pub cidr: Option<String>,
    /// 4 or 6.
    #[serde(default)]
    pub ip_version: u8,
    /// Gateway address.
    #[serde(default)]
    pub gateway_ip: Option<String>,
    /// DHCP on (`enable_dhcp`).
    #[serde(default, rename = "enable_dhcp")]
    pub is_dhcp_enabled: bool,
    /// Allocation pools (`[{"start", "end"}]`).
    #[serde(default)]
    pub allocation_pools: Vec<Value>,
    /// DNS servers.
    #[serde(default)]
    pub dns_nameservers: Vec<String>,
    /// Host routes (`[{"destination", "nexthop"}]`).
    #[serde(default)]
    pub host_routes: Vec<Value>,
    /// Subnet pool (`subnetpool_id`).
    #[serde(default, rename = "subnetpool_id")]
    pub subnet_pool_id: Option<String>,
    /// Owning project.
    #[serde(default)]
    pub project_id: Option<String>,
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// Tags.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Fields this model does not name.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A fixed IP of a port.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FixedIp {
    /// Subnet of the address.
    #[serde(default)]
    pub subnet_id: String,
    /// The address.
    #[serde(default)]
    pub ip_address: String,
}

/// A port (openstacksdk `network.v2.port.Port`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Port {
    /// ID.
    pub id: String,
    /// Name.
    #[serde(default)]
    pub name: String,
    /// Network it belongs to.
    #[serde(default)]
    pub network_id: String,
    /// What uses it (a server ID, a router ID…).
    #[serde(default)]
    pub device_id: String,
    /// The kind of user (`compute:nova`, `network:router_interface`…).
    #[serde(default)]
    pub device_owner: String,
    /// MAC address.
    #[serde(default)]
    pub mac_address: Option<String>,
    /// Fixed IPs.
    #[serde(default)]
    pub fixed_ips: Vec<FixedIp>,
    /// `ACTIVE`, `DOWN`, `BUILD`.
    #[serde(default)]
    pub status: Option<String>,
    /// Security groups (`security_groups`: IDs).
    #[serde(default, rename = "security_groups")]
    pub security_group_ids: Vec<String>,
    /// Administrative state (`admin_state_up`).
    #[serde(default, rename = "admin_state_up")]
    pub is_admin_state_up: bool,
    /// Host bound to (`binding:host_id`, admin only).
    #[serde(default, rename = "binding:host_id")]
    pub binding_host_id: Option<String>,
    /// VNIC type (`binding:vnic_type`).
    #[serde(default, rename = "binding:vnic_type")]
    pub binding_vnic_type: Option<String>,
    /// Owning project.
    #[serde(default)]
    pub project_id: Option<String>,
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// Tags.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Fields this model does not name.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A floating IP (openstacksdk `network.v2.floating_ip.FloatingIP`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FloatingIp {
    /// ID.
    pub id: String,
    /// The public address.
    #[serde(default)]
    pub floating_ip_address: String,
    /// The fixed address it maps to, when associated.
    #[serde(default)]
    pub fixed_ip_address: Option<String>,
    /// The external network it comes from.
    #[serde(default)]
    pub floating_network_id: String,
    /// The port it is associated with.
    #[serde(default)]
    pub port_id: Option<String>,
    /// The router that routes it.
    #[serde(default)]
    pub router_id: Option<String>,
    /// `ACTIVE`, `DOWN`, `ERROR`.
    #[serde(default)]
    pub status: Option<String>,
    /// Owning project.
    #[serde(default)]
    pub project_id: Option<String>,
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// Tags.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Fields this model does not name.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A security group rule (openstacksdk `network.v2.security_group_rule.SecurityGroupRule`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SecurityGroupRule {
    /// ID.
    pub id: String,
    /// `ingress` or `egress`.
    #[serde(default)]
    pub direction: String,
    /// `IPv4` or `IPv6` (`ethertype`).
    #[serde(default, rename = "ethertype")]
    pub ether_type: Option<String>,
    /// Protocol (`tcp`, `icmp`…; none: any).
    #[serde(default)]
    pub protocol: Option<String>,
    /// Lowest port (or ICMP type).
    #[serde(default)]
    pub port_range_min: Option<u32>,
    /// Highest port (or ICMP code).
    #[serde(default)]
    pub port_range_max: Option<u32>,
    /// Remote CIDR.
    #[serde(default)]
    pub remote_ip_prefix: Option<String>,
    /// Remote security group.
    #[serde(default)]
    pub remote_group_id: Option<String>,
    /// The group it belongs to.
    #[serde(default)]
    pub security_group_id: String,
    /// Fields this model does not name.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A security group (openstacksdk `network.v2.security_group.SecurityGroup`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SecurityGroup {
    /// ID.
    pub id: String,
    /// Name.
    #[serde(default)]
    pub name: String,
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// Owning project.
    #[serde(default)]
    pub project_id: Option<String>,
    /// Its rules (`security_group_rules`).
    #[serde(default)]
    pub security_group_rules: Vec<SecurityGroupRule>,
    /// Stateful (connection tracking).
    #[serde(default)]
    pub stateful: Option<bool>,
    /// Tags.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Fields this model does not name.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A block-storage volume (openstacksdk `block_storage.v3.volume.Volume`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Volume {
    /// ID.
    pub id: String,
    /// Name.
    #[serde(default)]
    pub name: Option<String>,
    /// `creating`, `available`, `in-use`, `error`…
    #[serde(default)]
    pub status: String,
    /// Size in GiB.
    #[serde(default)]
    pub size: u64,
    /// Volume type name.
    #[serde(default)]
    pub volume_type: Option<String>,
    /// Availability zone.
    #[serde(default)]
    pub availability_zone: Option<String>,
    /// Bootable (cinder sends `"true"`/`"false"`).
    #[serde(default, rename = "bootable", deserialize_with = "lenient_bool")]
    pub is_bootable: bool,
    /// Encrypted (`encrypted`).
    #[serde(default, rename = "encrypted")]
    pub is_encrypted: bool,
    /// Attachable to several servers (`multiattach`).
    #[serde(default, rename = "multiattach")]
    pub is_multiattach: bool,
    /// Attachments (`server_id`, `device`, `attachment_id`…).
    #[serde(default)]
    pub attachments: Vec<Value>,
    /// Metadata.
    #[serde(default)]
    pub metadata: Map<String, Value>,
    /// Snapshot it was created from.
    #[serde(default)]
    pub snapshot_id: Option<String>,
    /// Volume it was cloned from (`source_volid`).
    #[serde(default, rename = "source_volid")]
    pub source_volume_id: Option<String>,
    /// Owning project (`os-vol-tenant-attr:tenant_id`, admin only).
    #[serde(default, rename = "os-vol-tenant-attr:tenant_id")]
    pub project_id: Option<String>,
    /// Owning user.
    #[serde(default)]
    pub user_id: Option<String>,
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// Creation time.
    #[serde(default)]
    pub created_at: Option<String>,
    /// Last update.
    #[serde(default)]
    pub updated_at: Option<String>,
    /// Fields this model does not name.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A keystone project (openstacksdk `identity.v3.project.Project`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Project {
    /// ID.
    pub id: String,
    /// Name.
    #[serde(default)]
    pub name: String,
    /// Owning domain.
    #[serde(default)]
    pub domain_id: Option<String>,
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// Enabled (`enabled`).
    #[serde(default = "yes", rename = "enabled")]
    pub is_enabled: bool,
    /// Acts as a domain.
    #[serde(default)]
    pub is_domain: bool,
    /// Parent project (or domain).
    #[serde(default)]
    pub parent_id: Option<String>,
    /// Tags.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Fields this model does not name.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A token and its scope, as [`crate::cloud::IdentityHandle::issue_token`] gives it (what
/// `openstack token issue` shows). `Debug` does not show the token itself.
#[derive(Clone, Default, PartialEq, Eq, Serialize)]
pub struct Token {
    /// The token, for `X-Auth-Token`.
    pub id: String,
    /// Expiry (`2026-11-23T13:07:08+0000`).
    pub expires_at: Option<String>,
    /// Project, when project-scoped.
    pub project_id: Option<String>,
    /// User.
    pub user_id: Option<String>,
    /// Domain, when domain-scoped.
    pub domain_id: Option<String>,
    /// `all`, when system-scoped.
    pub system: Option<String>,
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Token")
            .field("id", &"<redacted>")
            .field("expires_at", &self.expires_at)
            .field("project_id", &self.project_id)
            .field("user_id", &self.user_id)
            .field("domain_id", &self.domain_id)
            .field("system", &self.system)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn nova_names_map_to_openstacksdk_names_and_unknown_fields_survive() {
        let v = json!({
            "id": "s1", "name": "vm", "status": "ACTIVE", "tenant_id": "p",
            "OS-EXT-STS:power_state": 1, "image": "", "flavor": {"original_name": "m1.tiny"},
            "addresses": {"private": [{"addr": "10.0.0.5", "version": 4}]},
            "created": "2026-01-01T00:00:00Z", "OS-SRV-USG:launched_at": "x"
        });
        let s: Server = serde_json::from_value(v.clone()).unwrap();
        assert_eq!(s.project_id.as_deref(), Some("p"));
        assert_eq!(s.power_state, Some(1));
        assert_eq!(s.image_id(), None);
        assert!(s.has_status(&ServerStatus::Active));
        assert_eq!(s.ip_addresses(), ["10.0.0.5"]);
        assert_eq!(s.extra["OS-SRV-USG:launched_at"], "x");
        let back = serde_json::to_value(&s).unwrap();
        assert_eq!(back["tenant_id"], "p");
        assert_eq!(back["OS-SRV-USG:launched_at"], "x");
    }

    #[test]
    fn lenient_fields() {
        let f: Flavor = serde_json::from_value(
            json!({"id": "1", "name": "m1.tiny", "swap": "", "vcpus": 1, "ram": 512, "disk": 1}),
        )
        .unwrap();
        assert_eq!((f.swap, f.is_public), (0, true));
        let v: Volume = serde_json::from_value(
            json!({"id": "v", "status": "available", "size": 1, "bootable": "true"}),
        )
        .unwrap();
        assert!(v.is_bootable);
        let t = Token {
            id: "secret-token".into(),
            ..Token::default()
        };
        assert!(!format!("{t:?}").contains("secret-token"));
    }
}
