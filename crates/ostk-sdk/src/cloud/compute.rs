//! The compute handle: servers (list, get, find, create, delete, wait), flavors, key pairs.

use super::{Query, decode, found};
use crate::client::Session;
use crate::compute::keypair::KEYPAIRS;
use crate::compute::server::WaitError;
use crate::compute::{Compute, SERVERS, flavor};
use crate::error::{Error, ErrorKind, Result};
use crate::models::{Flavor, Keypair, Server, ServerStatus};
use crate::stream::{ListStream, Source, link_pages};
use base64::Engine;
use serde_json::{Map, Value, json};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Compute (nova) calls. Get one with [`crate::Cloud::compute`].
#[derive(Clone, Debug)]
pub struct ComputeHandle {
    session: Arc<Session>,
}

impl ComputeHandle {
    pub(crate) fn new(session: Arc<Session>) -> Self {
        ComputeHandle { session }
    }

    fn compute(&self) -> Compute<'_> {
        Compute::new(&self.session)
    }

    /// Servers with details (`GET /servers/detail`) as a lazy stream, following pagination.
    /// Filters: `name`, `status`, `flavor`, `image`, `all_tenants`…
    ///
    /// ```no_run
    /// use ostk_sdk::prelude::*;
    /// # async fn demo(cloud: Cloud) -> ostk_sdk::Result<()> {
    /// let active: Vec<Server> = cloud
    ///     .compute()
    ///     .servers(&Query::new().status("ACTIVE"))
    ///     .try_collect()
    ///     .await?;
    /// # Ok(()) }
    /// ```
    pub fn servers(&self, query: &Query) -> ListStream<Server> {
        link_pages(
            self.session.clone(),
            Source::of(&SERVERS),
            query.path("servers/detail"),
        )
    }

    /// One server by ID.
    pub async fn get_server(&self, id: &str) -> Result<Server> {
        decode(self.compute().get_server(id).await?)
    }

    /// The server with this ID, else the one server with exactly this name.
    pub async fn find_server(&self, name_or_id: &str) -> Result<Server> {
        let lookup = self.compute().find_server(name_or_id, false).await?;
        found(lookup, "Server", name_or_id)
    }

    /// Creates a server; the answer holds its `id` (and `admin_password`), its status comes
    /// with [`ComputeHandle::wait_for_server`].
    ///
    /// ```no_run
    /// use ostk_sdk::prelude::*;
    /// # async fn demo(cloud: Cloud) -> ostk_sdk::Result<()> {
    /// let compute = cloud.compute();
    /// let image = cloud.image().find_image("cirros").await?;
    /// let flavor = compute.find_flavor("m1.tiny").await?;
    /// let network = cloud.network().find_network("private").await?;
    /// let req = ServerCreate::new("vm1")
    ///     .image(&image.id)
    ///     .flavor(&flavor.id)
    ///     .network(&network.id)
    ///     .key_name("mykey");
    /// let created = compute.create_server(req).await?;
    /// let server = compute
    ///     .wait_for_server(&created.id, ServerStatus::Active, std::time::Duration::from_secs(300))
    ///     .await?;
    /// println!("{} is {}", server.name, server.status);
    /// # Ok(()) }
    /// ```
    pub async fn create_server(&self, request: ServerCreate) -> Result<Server> {
        let (server, hints) = request.into_body();
        decode(self.compute().create_server(server, hints).await?)
    }

    /// Deletes a server (it lingers while nova tears it down: wait for
    /// [`ServerStatus::Deleted`] to see it gone).
    pub async fn delete_server(&self, id: &str) -> Result<()> {
        Ok(self.compute().delete_server(id, false).await?)
    }

    /// Polls a server until it has `status` and returns it as last seen. Ends with
    /// [`ErrorKind::ResourceFailed`] when the server goes to `ERROR` (the message carries
    /// nova's fault), [`ErrorKind::NotFound`] when it disappears (unless waiting for
    /// [`ServerStatus::Deleted`], where that is success and a server with only its `id` is
    /// returned), [`ErrorKind::Timeout`] after `timeout`. Transient failures are ridden out.
    pub async fn wait_for_server(
        &self,
        id: &str,
        status: ServerStatus,
        timeout: Duration,
    ) -> Result<Server> {
        let last = Mutex::new(String::new());
        let wanted = [status.as_str()];
        let compute = self.compute();
        let wait = compute.wait_for_server(id, &wanted, interval, |v| {
            if let Some(s) = v.get("status").and_then(Value::as_str) {
                *last.lock().expect("status") = s.to_string();
            }
        });
        let outcome = match tokio::time::timeout(timeout, wait).await {
            Ok(r) => r?,
            Err(_) => {
                let seen = last.lock().expect("status").clone();
                return Err(Error::new(
                    ErrorKind::Timeout,
                    format!(
                        "Timeout waiting for the server {id} to reach {} (last status {})",
                        status.as_str(),
                        if seen.is_empty() { "unknown" } else { &seen }
                    ),
                ));
            }
        };
        match outcome {
            Ok(Value::Null) => Ok(Server {
                id: id.to_string(),
                status: status.as_str().to_string(),
                ..Server::default()
            }),
            Ok(v) => decode(v),
            Err(WaitError::Failed(v)) => {
                let fault = v
                    .pointer("/fault/message")
                    .and_then(Value::as_str)
                    .unwrap_or("no fault given");
                Err(Error::new(
                    ErrorKind::ResourceFailed,
                    format!("Server {id} went to status ERROR: {fault}"),
                ))
            }
            Err(WaitError::Gone) => Err(Error::new(
                ErrorKind::NotFound,
                format!(
                    "Server {id} disappeared while waiting for {}",
                    status.as_str()
                ),
            )),
        }
    }

    /// Flavors with details (`GET /flavors/detail`), public and private alike unless the
    /// query has `is_public`.
    pub fn flavors(&self, query: &Query) -> ListStream<Flavor> {
        let query = if query.has("is_public") {
            query.clone()
        } else {
            query.clone().filter("is_public", "None")
        };
        link_pages(
            self.session.clone(),
            Source::of(&flavor::FLAVORS),
            query.path("flavors/detail"),
        )
    }

    /// The flavor with this ID, else the one flavor with this name.
    pub async fn find_flavor(&self, name_or_id: &str) -> Result<Flavor> {
        found(
            flavor::find(&self.session, name_or_id).await?,
            "Flavor",
            name_or_id,
        )
    }

    /// The user's key pairs.
    pub fn keypairs(&self, query: &Query) -> ListStream<Keypair> {
        let src = Source {
            item_wrapper: Some("keypair"),
            ..Source::of(&KEYPAIRS)
        };
        link_pages(self.session.clone(), src, query.path(KEYPAIRS.path))
    }

    /// Creates (imports, or lets nova generate) a key pair. A generated key's private half is
    /// in the answer's `private_key`, and nowhere else afterwards.
    pub async fn create_keypair(&self, request: KeypairCreate) -> Result<Keypair> {
        decode(KEYPAIRS.create(&self.session, request.attrs).await?)
    }

    /// Deletes a key pair.
    pub async fn delete_keypair(&self, name: &str) -> Result<()> {
        Ok(crate::compute::keypair::delete(&self.session, name, None).await?)
    }
}

/// Pause between polls: quick at first (fake and fast clouds), then every 2 s.
fn interval(n: u32) -> Duration {
    Duration::from_millis(if n < 10 { 500 } else { 2000 })
}

/// A server to create (`POST /servers`), builder style. IDs are expected: resolve names with
/// [`crate::cloud::ImageHandle::find_image`], [`ComputeHandle::find_flavor`],
/// [`crate::cloud::NetworkHandle::find_network`].
#[derive(Debug, Clone)]
pub struct ServerCreate {
    server: Map<String, Value>,
    networks: Vec<Value>,
    hints: Option<Map<String, Value>>,
}

impl ServerCreate {
    /// A server named `name`.
    pub fn new(name: impl Into<String>) -> ServerCreate {
        let mut server = Map::new();
        server.insert("name".into(), Value::String(name.into()));
        ServerCreate {
            server,
            networks: Vec::new(),
            hints: None,
        }
    }

    fn set(mut self, key: &str, v: Value) -> Self {
        self.server.insert(key.into(), v);
        self
    }

    /// The image to boot (`imageRef`).
    pub fn image(self, image_id: &str) -> Self {
        self.set("imageRef", json!(image_id))
    }

    /// The flavor (`flavorRef`).
    pub fn flavor(self, flavor_id: &str) -> Self {
        self.set("flavorRef", json!(flavor_id))
    }

    /// Attaches a port on this network (call again for more). Without any, nova picks
    /// (`"networks": "auto"`).
    pub fn network(mut self, network_id: &str) -> Self {
        self.networks.push(json!({ "uuid": network_id }));
        self
    }

    /// Attaches this existing port.
    pub fn port(mut self, port_id: &str) -> Self {
        self.networks.push(json!({ "port": port_id }));
        self
    }

    /// The key pair whose public key is injected.
    pub fn key_name(self, key_name: &str) -> Self {
        self.set("key_name", json!(key_name))
    }

    /// Adds a security group (by name or ID; call again for more).
    pub fn security_group(mut self, group: &str) -> Self {
        let list = self
            .server
            .entry("security_groups")
            .or_insert_with(|| json!([]));
        if let Some(a) = list.as_array_mut() {
            a.push(json!({ "name": group }));
        }
        self
    }

    /// User data (a cloud-init script…), base64-encoded here as nova wants it.
    pub fn user_data(self, data: impl AsRef<[u8]>) -> Self {
        let enc = base64::engine::general_purpose::STANDARD.encode(data);
        self.set("user_data", json!(enc))
    }

    /// Sets a metadata item.
    pub fn metadata(mut self, key: &str, value: &str) -> Self {
        super::put_metadata(&mut self.server, key, value);
        self
    }

    /// The availability zone.
    pub fn availability_zone(self, zone: &str) -> Self {
        self.set("availability_zone", json!(zone))
    }

    /// Any other attribute of nova's `server` object (`block_device_mapping_v2`,
    /// `config_drive`, `description`…).
    pub fn attr(self, key: &str, value: Value) -> Self {
        self.set(key, value)
    }

    /// A scheduler hint (`os:scheduler_hints`: `group`, `same_host`…).
    pub fn scheduler_hint(mut self, key: &str, value: Value) -> Self {
        self.hints
            .get_or_insert_with(Map::new)
            .insert(key.into(), value);
        self
    }

    fn into_body(mut self) -> (Map<String, Value>, Option<Map<String, Value>>) {
        let networks = if self.networks.is_empty() {
            json!("auto")
        } else {
            Value::Array(self.networks)
        };
        self.server.entry("networks").or_insert(networks);
        (self.server, self.hints)
    }
}

/// A key pair to create, builder style: with [`KeypairCreate::public_key`] an import,
/// without one nova generates the key and answers with its private half.
#[derive(Debug, Clone)]
pub struct KeypairCreate {
    attrs: Map<String, Value>,
}

impl KeypairCreate {
    /// A key pair named `name`.
    pub fn new(name: impl Into<String>) -> KeypairCreate {
        let mut attrs = Map::new();
        attrs.insert("name".into(), Value::String(name.into()));
        KeypairCreate { attrs }
    }

    /// Imports this public key (`ssh-ed25519 AAAA…`) instead of generating one.
    pub fn public_key(mut self, key: impl Into<String>) -> Self {
        self.attrs
            .insert("public_key".into(), Value::String(key.into()));
        self
    }

    /// `ssh` (default) or `x509`.
    pub fn key_type(mut self, kind: &str) -> Self {
        self.attrs.insert("type".into(), json!(kind));
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_create_body() {
        let (s, hints) = ServerCreate::new("vm")
            .image("img")
            .flavor("fl")
            .network("net")
            .key_name("k")
            .security_group("default")
            .security_group("web")
            .user_data("#!/bin/sh\n")
            .metadata("a", "b")
            .into_body();
        assert_eq!(
            Value::Object(s),
            json!({
                "name": "vm", "imageRef": "img", "flavorRef": "fl", "key_name": "k",
                "security_groups": [{"name": "default"}, {"name": "web"}],
                "user_data": "IyEvYmluL3NoCg==", "metadata": {"a": "b"},
                "networks": [{"uuid": "net"}]
            })
        );
        assert!(hints.is_none());
        let (s, _) = ServerCreate::new("vm").into_body();
        assert_eq!(s["networks"], "auto");
    }
}
