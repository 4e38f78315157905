//! The networking handle: networks, subnets, ports, floating IPs, security groups.

use super::{Query, decode, found};
use crate::client::Session;
use crate::error::Result;
use crate::models::{FloatingIp, Network, Port, SecurityGroup, Subnet};
use crate::network::{FLOATING_IPS, NETWORKS, PORTS, SECURITY_GROUPS, SUBNETS};
use crate::rest::Collection;
use crate::stream::{ListStream, Source, link_pages};
use serde::de::DeserializeOwned;
use std::sync::Arc;

/// Networking (neutron) calls. Get one with [`crate::Cloud::network`].
#[derive(Clone, Debug)]
pub struct NetworkHandle {
    session: Arc<Session>,
}

impl NetworkHandle {
    pub(crate) fn new(session: Arc<Session>) -> Self {
        NetworkHandle { session }
    }

    fn list<T: DeserializeOwned + Send + 'static>(
        &self,
        c: &Collection,
        query: &Query,
    ) -> ListStream<T> {
        link_pages(self.session.clone(), Source::of(c), query.path(c.path))
    }

    async fn find<T: DeserializeOwned>(
        &self,
        c: &Collection,
        resource: &str,
        name_or_id: &str,
    ) -> Result<T> {
        found(
            c.find(&self.session, name_or_id, &[]).await?,
            resource,
            name_or_id,
        )
    }

    /// Networks (filters: `name`, `status`, `shared`, `router:external`, `project_id`…).
    pub fn networks(&self, query: &Query) -> ListStream<Network> {
        self.list(&NETWORKS, query)
    }

    /// One network by ID.
    pub async fn get_network(&self, id: &str) -> Result<Network> {
        decode(NETWORKS.get(&self.session, id).await?)
    }

    /// The network with this ID, else the one network with this name.
    pub async fn find_network(&self, name_or_id: &str) -> Result<Network> {
        self.find(&NETWORKS, "Network", name_or_id).await
    }

    /// Subnets (filters: `network_id`, `name`, `ip_version`, `cidr`…).
    pub fn subnets(&self, query: &Query) -> ListStream<Subnet> {
        self.list(&SUBNETS, query)
    }

    /// The subnet with this ID, else the one subnet with this name.
    pub async fn find_subnet(&self, name_or_id: &str) -> Result<Subnet> {
        self.find(&SUBNETS, "Subnet", name_or_id).await
    }

    /// Ports (filters: `network_id`, `device_id`, `device_owner`, `fixed_ips`…).
    pub fn ports(&self, query: &Query) -> ListStream<Port> {
        self.list(&PORTS, query)
    }

    /// The port with this ID, else the one port with this name.
    pub async fn find_port(&self, name_or_id: &str) -> Result<Port> {
        self.find(&PORTS, "Port", name_or_id).await
    }

    /// Floating IPs (filters: `floating_ip_address`, `port_id`, `floating_network_id`…).
    pub fn floating_ips(&self, query: &Query) -> ListStream<FloatingIp> {
        self.list(&FLOATING_IPS, query)
    }

    /// Security groups (filters: `name`, `project_id`…), with their rules.
    pub fn security_groups(&self, query: &Query) -> ListStream<SecurityGroup> {
        self.list(&SECURITY_GROUPS, query)
    }

    /// The security group with this ID, else the one group with this name.
    pub async fn find_security_group(&self, name_or_id: &str) -> Result<SecurityGroup> {
        self.find(&SECURITY_GROUPS, "SecurityGroup", name_or_id)
            .await
    }
}
