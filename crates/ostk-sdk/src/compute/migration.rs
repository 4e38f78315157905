//! Migrations: every server's (`/os-migrations`, openstacksdk's `compute.v2.migration.Migration`)
//! and one server's in-progress ones (`/servers/{id}/migrations`, `ServerMigration`); both
//! capped at microversion 2.80.

use super::Compute;
use super::api::{call, call_json, capped, seg};
use super::interface::server_path;
use crate::client::{ClientError, Method};
use crate::rest::{Collection, query_string};
use serde_json::{Value, json};

/// `/os-migrations`.
pub const MIGRATIONS: Collection = capped("os-migrations", "migration", "migrations", Some("2.80"));
/// `/servers/{id}/migrations`.
pub const SERVER_MIGRATIONS: Collection =
    capped("migrations", "migration", "migrations", Some("2.80"));

impl Compute<'_> {
    /// Migrations of all servers, with nova's filters (`instance_uuid`, `migration_type`,
    /// `changes-since`, `limit`, `marker`…), following pagination.
    pub async fn migrations(&self, query: &[(&str, String)]) -> Result<Vec<Value>, ClientError> {
        MIGRATIONS.list(self.session, query).await
    }

    /// One page of migrations (`--limit` given: no further pages).
    pub async fn migrations_page(
        &self,
        query: &[(&str, String)],
    ) -> Result<Vec<Value>, ClientError> {
        let path = format!("{}{}", MIGRATIONS.path, query_string(query));
        let v = call_json(
            self.session,
            Method::GET,
            &path,
            None,
            MIGRATIONS.microversion,
        )
        .await?;
        Ok(match v.get("migrations") {
            Some(Value::Array(a)) => a.clone(),
            _ => Vec::new(),
        })
    }

    /// The in-progress migrations of a server.
    pub async fn server_migrations(&self, server_id: &str) -> Result<Vec<Value>, ClientError> {
        SERVER_MIGRATIONS
            .list_in(self.session, &server_path(server_id), &[])
            .await
    }

    /// One in-progress migration of a server.
    pub async fn get_server_migration(
        &self,
        server_id: &str,
        migration_id: &str,
    ) -> Result<Value, ClientError> {
        SERVER_MIGRATIONS
            .get_in(self.session, &server_path(server_id), migration_id)
            .await
    }

    /// Aborts an in-progress live migration (`DELETE`).
    pub async fn abort_server_migration(
        &self,
        server_id: &str,
        migration_id: &str,
    ) -> Result<(), ClientError> {
        SERVER_MIGRATIONS
            .delete_in(self.session, &server_path(server_id), migration_id)
            .await
    }

    /// Forces an in-progress live migration to complete (`force_complete` action).
    pub async fn force_complete_server_migration(
        &self,
        server_id: &str,
        migration_id: &str,
    ) -> Result<(), ClientError> {
        let path = format!(
            "{}/migrations/{}/action",
            server_path(server_id),
            seg(migration_id)
        );
        call(
            self.session,
            Method::POST,
            &path,
            Some(json!({"force_complete": null})),
            SERVER_MIGRATIONS.microversion,
        )
        .await?;
        Ok(())
    }
}
