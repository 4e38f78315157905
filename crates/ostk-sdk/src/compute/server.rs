//! Servers (`/servers`), as openstacksdk's `compute.v2.server.Server`: list, get, find, create,
//! update, delete, actions (`POST /servers/{id}/action`), metadata, tags, waiting for a status.
//!
//! Servers travel as the JSON nova sends (`serde_json::Value`): the CLI shows every field
//! nova returns, under nova's names.

use super::api::seg;
use super::{Compute, MICROVERSION, SERVERS};
use crate::client::{ClientError, Method, pager};
use crate::rest::{Lookup, is_uuid_like, query_string};
use crate::wait::{Outcome, Poll};
use serde_json::{Map, Value, json};
use std::time::Duration;

/// How a wait for a server ended badly.
#[derive(Debug, Clone, PartialEq)]
pub enum WaitError {
    /// The server reached an error status (`ERROR`), with the server as last seen.
    Failed(Value),
    /// The server disappeared (404) while a status was awaited.
    Gone,
}

impl Compute<'_> {
    fn req(&self, method: Method, path: &str) -> crate::client::session::ServiceRequest<'_> {
        self.session
            .request("compute", method, path)
            .default_microversion(MICROVERSION)
    }

    /// The microversion compute requests use (the user's, else the highest both sides support
    /// up to [`MICROVERSION`]); `None` for a compute API without microversions.
    pub async fn microversion(&self) -> Result<Option<String>, ClientError> {
        self.session.microversion("compute", MICROVERSION).await
    }

    /// Servers with details (`GET /servers/detail`), following pagination, with nova's
    /// query filters (`name`, `status`, `all_tenants`, `limit`, `marker`…).
    ///
    /// ```no_run
    /// # async fn demo(s: &ostk_sdk::client::Session) -> Result<(), ostk_sdk::client::ClientError> {
    /// let compute = ostk_sdk::compute::Compute::new(s);
    /// for server in compute.servers(&[("status", "ACTIVE".into())]).await? {
    ///     println!("{} {}", server["id"], server["name"]);
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn servers(&self, query: &[(&str, String)]) -> Result<Vec<Value>, ClientError> {
        let mut all = Vec::new();
        self.servers_pages(query, |page| {
            all.extend(page);
            true
        })
        .await?;
        Ok(all)
    }

    /// [`Compute::servers`] a page at a time, as nova sends them (a caller keeps only what it
    /// needs of thousands of servers).
    pub async fn servers_pages(
        &self,
        query: &[(&str, String)],
        f: impl FnMut(Vec<Value>) -> bool,
    ) -> Result<(), ClientError> {
        let path = format!("servers/detail{}", query_string(query));
        pager::for_each_page(
            self.session,
            "compute",
            None,
            Some(MICROVERSION),
            &path,
            "servers",
            f,
        )
        .await
    }

    /// [`Compute::servers`] as a cursor: each page is fetched when asked for, so that a caller
    /// can make other requests (name lookups) or write the page before fetching the next.
    pub fn servers_cursor(&self, query: &[(&str, String)]) -> pager::PageCursor {
        let path = format!("servers/detail{}", query_string(query));
        pager::PageCursor::new("compute", None, Some(MICROVERSION), &path, "servers")
    }

    /// One page of servers with details (`limit` given: no further pages are fetched,
    /// as openstacksdk's `paginated=False`).
    pub async fn servers_page(&self, query: &[(&str, String)]) -> Result<Vec<Value>, ClientError> {
        let path = format!("servers/detail{}", query_string(query));
        let resp = self.req(Method::GET, &path).send().await?;
        let url = resp.url.clone();
        match resp.json()?.get_mut("servers").map(Value::take) {
            Some(Value::Array(items)) => Ok(items),
            _ => Err(ClientError::InvalidResponse {
                url,
                reason: "no 'servers' list in the answer".into(),
            }),
        }
    }

    /// One server by ID.
    pub async fn get_server(&self, id: &str) -> Result<Value, ClientError> {
        SERVERS.get(self.session, id).await
    }

    /// openstacksdk `find_server`: by ID, else the one server with exactly this name
    /// (nova's `name` filter is a regular expression; exact matches are kept).
    /// `all_projects` searches every project (admin).
    pub async fn find_server(
        &self,
        name_or_id: &str,
        all_projects: bool,
    ) -> Result<Lookup, ClientError> {
        self.find_server_with(name_or_id, all_projects, true).await
    }

    /// [`Compute::find_server`]; `details: false` looks names up in the light `/servers`
    /// listing (ID, name and links only — openstacksdk's `details=False`), enough to act on
    /// a server by ID and much cheaper for nova.
    pub async fn find_server_with(
        &self,
        name_or_id: &str,
        all_projects: bool,
        details: bool,
    ) -> Result<Lookup, ClientError> {
        // nova answers 404 to `GET /servers/<anything not UUID-like>` without looking: only a
        // UUID-like argument is worth trying as an ID (openstacksdk always tries)
        if is_uuid_like(name_or_id) {
            match self.get_server(name_or_id).await {
                Ok(v) => return Ok(Lookup::Found(v)),
                Err(e) if matches!(e.status(), Some(404 | 400)) => {}
                Err(e) => return Err(e),
            }
        }
        let mut query = vec![("name", name_or_id.to_string())];
        if all_projects {
            query.push(("all_tenants", "True".into()));
        }
        let listed = if details {
            self.servers(&query).await?
        } else {
            let path = format!("servers{}", query_string(&query));
            pager::list_all_capped(
                self.session,
                "compute",
                None,
                Some(MICROVERSION),
                &path,
                "servers",
            )
            .await?
        };
        Ok(Lookup::by_name(listed, name_or_id))
    }

    /// Creates a server: `server` is the `server` object of `POST /servers`, `hints` the
    /// optional `os:scheduler_hints`. Returns nova's answer (`id`, `adminPass`, links…).
    pub async fn create_server(
        &self,
        server: Map<String, Value>,
        hints: Option<Map<String, Value>>,
    ) -> Result<Value, ClientError> {
        let mut body = Map::new();
        body.insert("server".into(), Value::Object(server));
        if let Some(h) = hints {
            body.insert("os:scheduler_hints".into(), Value::Object(h));
        }
        let resp = self
            .req(Method::POST, "servers")
            .json(Value::Object(body))
            .send()
            .await?;
        let url = resp.url.clone();
        match resp.json()?.get_mut("server").map(Value::take) {
            Some(v @ Value::Object(_)) => Ok(v),
            _ => Err(ClientError::InvalidResponse {
                url,
                reason: "no 'server' object in the answer".into(),
            }),
        }
    }

    /// Updates a server's name, description, access addresses… (`PUT /servers/{id}`).
    pub async fn update_server(
        &self,
        id: &str,
        attrs: Map<String, Value>,
    ) -> Result<Value, ClientError> {
        SERVERS
            .update_with(self.session, Method::PUT, id, attrs)
            .await
    }

    /// Deletes a server (`force`: the `forceDelete` action, for soft-deleted servers).
    pub async fn delete_server(&self, id: &str, force: bool) -> Result<(), ClientError> {
        if force {
            self.act(id, json!({"forceDelete": null}), None).await?;
            return Ok(());
        }
        SERVERS.delete(self.session, id).await
    }

    /// Sets (merges) metadata items (`POST /servers/{id}/metadata`).
    pub async fn set_server_metadata(
        &self,
        id: &str,
        metadata: Map<String, Value>,
    ) -> Result<(), ClientError> {
        self.req(Method::POST, &format!("servers/{}/metadata", seg(id)))
            .json(json!({ "metadata": metadata }))
            .send()
            .await
            .map(|_| ())
    }

    /// Replaces all metadata (`PUT /servers/{id}/metadata`; an empty map removes every item).
    pub async fn replace_server_metadata(
        &self,
        id: &str,
        metadata: Map<String, Value>,
    ) -> Result<(), ClientError> {
        self.req(Method::PUT, &format!("servers/{}/metadata", seg(id)))
            .json(json!({ "metadata": metadata }))
            .send()
            .await
            .map(|_| ())
    }

    /// Deletes one metadata item.
    pub async fn delete_server_metadata(&self, id: &str, key: &str) -> Result<(), ClientError> {
        self.send_empty(
            Method::DELETE,
            &format!("servers/{}/metadata/{}", seg(id), seg(key)),
        )
        .await
    }

    /// Adds a tag (`PUT /servers/{id}/tags/{tag}`, microversion 2.26+).
    pub async fn add_server_tag(&self, id: &str, tag: &str) -> Result<(), ClientError> {
        self.send_empty(
            Method::PUT,
            &format!("servers/{}/tags/{}", seg(id), seg(tag)),
        )
        .await
    }

    /// Removes a tag.
    pub async fn remove_server_tag(&self, id: &str, tag: &str) -> Result<(), ClientError> {
        self.send_empty(
            Method::DELETE,
            &format!("servers/{}/tags/{}", seg(id), seg(tag)),
        )
        .await
    }

    /// Removes every tag (`DELETE /servers/{id}/tags`).
    pub async fn remove_server_tags(&self, id: &str) -> Result<(), ClientError> {
        self.send_empty(Method::DELETE, &format!("servers/{}/tags", seg(id)))
            .await
    }

    /// Clears the admin password kept by the metadata service
    /// (`DELETE /servers/{id}/os-server-password`).
    pub async fn clear_server_password(&self, id: &str) -> Result<(), ClientError> {
        self.send_empty(
            Method::DELETE,
            &format!("servers/{}/os-server-password", seg(id)),
        )
        .await
    }

    async fn send_empty(&self, method: Method, path: &str) -> Result<(), ClientError> {
        self.req(method, path).send().await.map(|_| ())
    }

    /// Polls a server until its status is one of `wanted` (case-insensitive), sleeping
    /// `interval(n)` after the n-th poll and calling `progress` with each answer (for a
    /// progress line). `ERROR` ends the wait with [`WaitError::Failed`]; a 404 with
    /// [`WaitError::Gone`] unless `wanted` contains `DELETED`, which only a 404 satisfies.
    /// Transient failures (connection errors, 429, 502–504) are ridden out, up to 30 in a row.
    pub async fn wait_for_server(
        &self,
        id: &str,
        wanted: &[&str],
        interval: impl Fn(u32) -> Duration + Sync,
        progress: impl FnMut(&Value),
    ) -> Result<Result<Value, WaitError>, ClientError> {
        let gone_ok = wanted.iter().any(|w| w.eq_ignore_ascii_case("DELETED"));
        let poll = Poll {
            // a deleted server lingers with status DELETED for a moment: only the 404 counts
            success: if gone_ok { &[] } else { wanted },
            error: &["ERROR"],
            interval: &interval,
            max_polls: None,
            transient_retries: 30,
        };
        Ok(match poll.run(|| self.get_server(id), progress).await? {
            Outcome::Reached(v) => Ok(v),
            Outcome::Failed(v) => Err(WaitError::Failed(v)),
            Outcome::Gone(_) if gone_ok => Ok(Value::Null),
            Outcome::Gone(_) | Outcome::GaveUp => Err(WaitError::Gone),
        })
    }
}
