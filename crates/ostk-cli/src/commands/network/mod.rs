//! `openstack` network commands (neutron): one file per resource, helpers in [`common`].

pub mod address_group;
pub mod address_scope;
pub mod agent;
pub mod auto_allocated_topology;
pub mod common;
pub mod conntrack_helper;
pub mod default_security_group_rule;
pub mod extension;
pub mod flavor;
pub mod floating_ip;
pub mod ip_availability;
pub mod local_ip;
pub mod meter;
pub mod ndp_proxy;
pub mod net;
pub mod port;
pub mod port_forwarding;
pub mod qos;
pub mod rbac;
pub mod router;
pub mod security_group;
pub mod segment;
pub mod segment_range;
pub mod service_provider;
pub mod subnet;
pub mod subnet_pool;
pub mod trunk;

use crate::registry::{Entry, entry};

/// osc `pagination.add_marker_pagination_option_to_parser`.
#[derive(clap::Args, Debug, Default)]
pub struct MarkerPage {
    /// The maximum number of entries to return per page. If the value exceeds the server-defined maximum, then the server-defined value will be used. Note that this controls the page size, not the total number of entries returned. Use --max-items to limit the total number of entries returned.
    #[arg(long, value_name = "<limit>", verbatim_doc_comment)]
    pub limit: Option<u64>,
    /// The first position in the collection to return results from. This should be a value that was returned in a previous request.
    #[arg(long, value_name = "<marker>", verbatim_doc_comment)]
    pub marker: Option<String>,
    /// The maximum number of entries to return in total, paging through multiple requests if needed. Use --limit to control the page size.
    #[arg(long, value_name = "<max-items>", verbatim_doc_comment)]
    pub max_items: Option<usize>,
}

impl MarkerPage {
    /// Lists a resource with these paging options after the filters in `q`.
    pub fn list(
        &self,
        ctx: &mut crate::context::Context,
        res: &ostk_sdk::network::Resource,
        mut q: Vec<(&'static str, String)>,
    ) -> Result<Vec<serde_json::Value>, crate::error::CliError> {
        self.apply(&mut q);
        common::list(ctx, res, &q, self.max_items)
    }

    /// Adds `limit`/`marker` to a neutron query.
    pub fn apply(&self, q: &mut Vec<(&'static str, String)>) {
        if let Some(l) = self.limit {
            q.push(("limit", l.to_string()));
        }
        if let Some(m) = &self.marker {
            q.push(("marker", m.clone()));
        }
    }
}

/// This area's commands (registered through `commands::all`).
pub static COMMANDS: &[Entry] = &[
    entry::<agent::AddNetworkToAgent>(),
    entry::<agent::AddRouterToAgent>(),
    entry::<agent::DeleteNetworkAgent>(),
    entry::<agent::ListNetworkAgent>(),
    entry::<agent::RemoveNetworkFromAgent>(),
    entry::<agent::RemoveRouterFromAgent>(),
    entry::<agent::SetNetworkAgentRouter>(),
    entry::<agent::SetNetworkAgent>(),
    entry::<agent::ShowNetworkAgent>(),
    entry::<address_group::CreateAddressGroup>(),
    entry::<address_group::DeleteAddressGroup>(),
    entry::<address_group::ListAddressGroup>(),
    entry::<address_group::SetAddressGroup>(),
    entry::<address_group::ShowAddressGroup>(),
    entry::<address_group::UnsetAddressGroup>(),
    entry::<address_scope::CreateAddressScope>(),
    entry::<address_scope::DeleteAddressScope>(),
    entry::<address_scope::ListAddressScope>(),
    entry::<address_scope::SetAddressScope>(),
    entry::<address_scope::ShowAddressScope>(),
    entry::<default_security_group_rule::CreateDefaultSecurityGroupRule>(),
    entry::<default_security_group_rule::DeleteDefaultSecurityGroupRule>(),
    entry::<default_security_group_rule::ListDefaultSecurityGroupRule>(),
    entry::<default_security_group_rule::ShowDefaultSecurityGroupRule>(),
    entry::<extension::ListExtension>(),
    entry::<extension::ShowExtension>(),
    entry::<auto_allocated_topology::CreateAutoAllocatedTopology>(),
    entry::<auto_allocated_topology::DeleteAutoAllocatedTopology>(),
    entry::<conntrack_helper::CreateConntrackHelper>(),
    entry::<conntrack_helper::DeleteConntrackHelper>(),
    entry::<conntrack_helper::ListConntrackHelper>(),
    entry::<conntrack_helper::SetConntrackHelper>(),
    entry::<conntrack_helper::ShowConntrackHelper>(),
    entry::<local_ip::CreateLocalIP>(),
    entry::<local_ip::CreateLocalIPAssociation>(),
    entry::<local_ip::DeleteLocalIP>(),
    entry::<local_ip::DeleteLocalIPAssociation>(),
    entry::<local_ip::ListLocalIP>(),
    entry::<local_ip::ListLocalIPAssociation>(),
    entry::<local_ip::SetLocalIP>(),
    entry::<local_ip::ShowLocalIP>(),
    entry::<ndp_proxy::CreateNDPProxy>(),
    entry::<ndp_proxy::DeleteNDPProxy>(),
    entry::<ndp_proxy::ListNDPProxy>(),
    entry::<ndp_proxy::SetNDPProxy>(),
    entry::<ndp_proxy::ShowNDPProxy>(),
    entry::<port_forwarding::CreateFloatingIPPortForwarding>(),
    entry::<port_forwarding::DeleteFloatingIPPortForwarding>(),
    entry::<port_forwarding::ListFloatingIPPortForwarding>(),
    entry::<port_forwarding::SetFloatingIPPortForwarding>(),
    entry::<port_forwarding::ShowFloatingIPPortForwarding>(),
    entry::<ip_availability::ListIpAvailability>(),
    entry::<ip_availability::ShowIpAvailability>(),
    entry::<qos::CreateNetworkQosPolicy>(),
    entry::<qos::DeleteNetworkQosPolicy>(),
    entry::<qos::ListNetworkQosPolicy>(),
    entry::<qos::SetNetworkQosPolicy>(),
    entry::<qos::ShowNetworkQosPolicy>(),
    entry::<qos::CreateNetworkQosRule>(),
    entry::<qos::DeleteNetworkQosRule>(),
    entry::<qos::ListNetworkQosRule>(),
    entry::<qos::SetNetworkQosRule>(),
    entry::<qos::ShowNetworkQosRule>(),
    entry::<qos::ListNetworkQosRuleType>(),
    entry::<qos::ShowNetworkQosRuleType>(),
    entry::<rbac::CreateNetworkRbac>(),
    entry::<rbac::DeleteNetworkRbac>(),
    entry::<rbac::ListNetworkRbac>(),
    entry::<rbac::SetNetworkRbac>(),
    entry::<rbac::ShowNetworkRbac>(),
    entry::<flavor::AddNetworkFlavorToProfile>(),
    entry::<flavor::CreateNetworkFlavor>(),
    entry::<flavor::CreateNetworkFlavorProfile>(),
    entry::<flavor::DeleteNetworkFlavor>(),
    entry::<flavor::DeleteNetworkFlavorProfile>(),
    entry::<flavor::ListNetworkFlavor>(),
    entry::<flavor::ListNetworkFlavorProfile>(),
    entry::<flavor::RemoveNetworkFlavorFromProfile>(),
    entry::<flavor::SetNetworkFlavor>(),
    entry::<flavor::SetNetworkFlavorProfile>(),
    entry::<flavor::ShowNetworkFlavor>(),
    entry::<flavor::ShowNetworkFlavorProfile>(),
    entry::<floating_ip::CreateFloatingIp>(),
    entry::<floating_ip::DeleteFloatingIp>(),
    entry::<floating_ip::ListFloatingIp>(),
    entry::<floating_ip::SetFloatingIp>(),
    entry::<floating_ip::ShowFloatingIp>(),
    entry::<floating_ip::UnsetFloatingIp>(),
    entry::<meter::CreateMeter>(),
    entry::<meter::CreateMeterRule>(),
    entry::<meter::DeleteMeter>(),
    entry::<meter::DeleteMeterRule>(),
    entry::<meter::ListMeter>(),
    entry::<meter::ListMeterRule>(),
    entry::<meter::ShowMeter>(),
    entry::<meter::ShowMeterRule>(),
    entry::<net::CreateNetwork>(),
    entry::<net::DeleteNetwork>(),
    entry::<net::ListNetwork>(),
    entry::<net::SetNetwork>(),
    entry::<net::ShowNetwork>(),
    entry::<net::UnsetNetwork>(),
    entry::<port::CreatePort>(),
    entry::<port::DeletePort>(),
    entry::<port::ListPort>(),
    entry::<port::SetPort>(),
    entry::<port::ShowPort>(),
    entry::<port::UnsetPort>(),
    entry::<router::AddExtraRoutesToRouter>(),
    entry::<router::AddGatewayToRouter>(),
    entry::<router::AddPortToRouter>(),
    entry::<router::AddSubnetToRouter>(),
    entry::<router::CreateRouter>(),
    entry::<router::DeleteRouter>(),
    entry::<router::ListRouter>(),
    entry::<router::RemoveExtraRoutesFromRouter>(),
    entry::<router::RemoveGatewayFromRouter>(),
    entry::<router::RemovePortFromRouter>(),
    entry::<router::RemoveSubnetFromRouter>(),
    entry::<router::SetRouter>(),
    entry::<router::ShowRouter>(),
    entry::<router::UnsetRouter>(),
    entry::<security_group::CreateSecurityGroup>(),
    entry::<security_group::CreateSecurityGroupRule>(),
    entry::<security_group::DeleteSecurityGroup>(),
    entry::<security_group::DeleteSecurityGroupRule>(),
    entry::<security_group::ListSecurityGroup>(),
    entry::<security_group::ListSecurityGroupRule>(),
    entry::<security_group::SetSecurityGroup>(),
    entry::<security_group::ShowSecurityGroup>(),
    entry::<security_group::ShowSecurityGroupRule>(),
    entry::<security_group::UnsetSecurityGroup>(),
    entry::<segment::CreateNetworkSegment>(),
    entry::<segment::DeleteNetworkSegment>(),
    entry::<segment::ListNetworkSegment>(),
    entry::<segment::SetNetworkSegment>(),
    entry::<segment::ShowNetworkSegment>(),
    entry::<segment_range::CreateNetworkSegmentRange>(),
    entry::<segment_range::DeleteNetworkSegmentRange>(),
    entry::<segment_range::ListNetworkSegmentRange>(),
    entry::<segment_range::SetNetworkSegmentRange>(),
    entry::<segment_range::ShowNetworkSegmentRange>(),
    entry::<service_provider::ListNetworkServiceProvider>(),
    entry::<subnet::CreateSubnet>(),
    entry::<subnet::DeleteSubnet>(),
    entry::<subnet::ListSubnet>(),
    entry::<subnet::SetSubnet>(),
    entry::<subnet::ShowSubnet>(),
    entry::<subnet::UnsetSubnet>(),
    entry::<trunk::AddNetworkTrunkSubport>(),
    entry::<trunk::CreateNetworkTrunk>(),
    entry::<trunk::DeleteNetworkTrunk>(),
    entry::<trunk::ListNetworkSubport>(),
    entry::<trunk::ListNetworkTrunk>(),
    entry::<trunk::ListNetworkTrunkSubport>(),
    entry::<trunk::RemoveNetworkTrunkSubport>(),
    entry::<trunk::SetNetworkTrunk>(),
    entry::<trunk::ShowNetworkTrunk>(),
    entry::<trunk::UnsetNetworkTrunk>(),
    entry::<subnet_pool::AddNetworkSubnetPool>(),
    entry::<subnet_pool::CreateSubnetPool>(),
    entry::<subnet_pool::DeleteSubnetPool>(),
    entry::<subnet_pool::ListSubnetPool>(),
    entry::<subnet_pool::NetworkOnboardSubnets>(),
    entry::<subnet_pool::SetSubnetPool>(),
    entry::<subnet_pool::ShowSubnetPool>(),
    entry::<subnet_pool::UnsetSubnetPool>(),
];
