//! Deleting many objects: swift's bulk delete when the cluster offers it, else bounded
//! parallel DELETEs; static large objects go with their segments.

use super::{Capabilities, ListQuery, ObjectStore, is_slo, object_path, quote};
use crate::client::{ApiError, ClientError, Method};
use futures_util::{StreamExt, stream};
use serde_json::Value;

/// What one bulk-delete request did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BulkDeleteReport {
    /// Paths deleted.
    pub deleted: u64,
    /// Paths that did not exist.
    pub not_found: u64,
    /// `(path, status)` of the paths that failed.
    pub errors: Vec<(String, String)>,
}

/// An object that could not be deleted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeleteFailure {
    /// The object name.
    pub name: String,
    /// Why, in one line.
    pub error: String,
}

impl ObjectStore<'_> {
    /// One bulk-delete request for `paths` (`/container/object`, not encoded).
    pub async fn bulk_delete(&self, paths: &[String]) -> Result<BulkDeleteReport, ClientError> {
        let mut body = String::new();
        for p in paths {
            body.push_str(&quote(p));
            body.push('\n');
        }
        let resp = self
            .session
            .request(super::SERVICE_TYPE, Method::POST, "")
            .query("bulk-delete", "true")
            .body(body.into_bytes(), "text/plain")
            .send()
            .await?;
        let v: Value = resp.json()?;
        let num = |k: &str| v.get(k).and_then(Value::as_u64).unwrap_or(0);
        let errors = v
            .get("Errors")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|e| {
                        let e = e.as_array()?;
                        Some((
                            e.first()?.as_str()?.to_string(),
                            e.get(1)?.as_str()?.to_string(),
                        ))
                    })
                    .collect()
            })
            .unwrap_or_default();
        let report = BulkDeleteReport {
            deleted: num("Number Deleted"),
            not_found: num("Number Not Found"),
            errors,
        };
        let status = v
            .get("Response Status")
            .and_then(Value::as_str)
            .unwrap_or("200 OK");
        if report.errors.is_empty() && !status.starts_with('2') {
            return Err(ClientError::InvalidResponse {
                url: resp.url.clone(),
                reason: format!("bulk delete answered {status}"),
            });
        }
        Ok(report)
    }

    /// Bulk-deletes `paths` in requests of at most `max`; the `(path, status)` failures.
    async fn bulk_delete_chunked(
        &self,
        paths: &[String],
        max: usize,
    ) -> Result<Vec<(String, String)>, ClientError> {
        let mut errors = Vec::new();
        for chunk in paths.chunks(max.max(1)) {
            errors.extend(self.bulk_delete(chunk).await?.errors);
        }
        Ok(errors)
    }

    /// Deletes `paths` (`/container/object`): in bulk-delete requests when `caps` offers it,
    /// else with parallel DELETEs. Missing objects are no error.
    pub async fn delete_paths(
        &self,
        paths: &[String],
        caps: &Capabilities,
    ) -> Result<(), ClientError> {
        if paths.is_empty() {
            return Ok(());
        }
        if let Some(max) = caps.bulk_delete_max.filter(|_| paths.len() > 1) {
            let errors = self.bulk_delete_chunked(paths, max).await?;
            return match errors.first() {
                Some((p, status)) => Err(ClientError::Config(format!(
                    "could not delete {} objects, {p} first: {status}",
                    errors.len()
                ))),
                None => Ok(()),
            };
        }
        let endpoint = self.endpoint().await?;
        let endpoint = &endpoint;
        let results: Vec<Result<(), ClientError>> = stream::iter(paths.iter().cloned())
            .map(move |p| async move {
                let url = format!("{endpoint}{}", quote(&p));
                match self
                    .session
                    .request(super::SERVICE_TYPE, Method::DELETE, &url)
                    .send()
                    .await
                {
                    Ok(_) => Ok(()),
                    Err(e) if e.status() == Some(404) => Ok(()),
                    Err(e) => Err(e),
                }
            })
            .buffer_unordered(super::transfer_ops::DEFAULT_CONCURRENCY)
            .collect()
            .await;
        results.into_iter().collect()
    }

    /// Deletes a static large object and its segments.
    pub async fn delete_large_object(
        &self,
        container: &str,
        name: &str,
    ) -> Result<(), ClientError> {
        let resp = self
            .session
            .request(
                super::SERVICE_TYPE,
                Method::DELETE,
                &object_path(container, name),
            )
            .query("multipart-manifest", "delete")
            .send()
            .await?;
        let v: Value = resp.json().unwrap_or(Value::Null);
        let status = v
            .get("Response Status")
            .and_then(Value::as_str)
            .unwrap_or("200 OK");
        if status.starts_with('2') {
            return Ok(());
        }
        let code: u16 = status
            .split_whitespace()
            .next()
            .and_then(|c| c.parse().ok())
            .unwrap_or(500);
        let detail = v
            .get("Errors")
            .and_then(Value::as_array)
            .and_then(|a| a.first())
            .map(|e| e.to_string())
            .unwrap_or_default();
        Err(ApiError::from_parts(
            code,
            "DELETE",
            &resp.url,
            resp.request_id().map(str::to_string),
            Some("text/plain"),
            detail.as_bytes(),
            None,
        )
        .into())
    }

    /// Deletes objects of one container, results in the order given (python-openstackclient
    /// semantics per object: a missing one is a 404). Each is looked at first so that a
    /// static large object goes with its segments; the plain ones go in bulk when the cluster
    /// offers it and there are several.
    pub async fn delete_objects(
        &self,
        container: &str,
        names: &[String],
        concurrency: usize,
    ) -> Result<Vec<Result<(), ClientError>>, ClientError> {
        let concurrency = concurrency.max(1);
        #[derive(Clone, Copy, PartialEq)]
        enum Kind {
            Plain,
            Large,
        }
        // Owned items: a closure over borrowed ones makes the future not provably `Send`
        // (rustc's higher-ranked lifetime limitation), which SDK users spawning it need.
        let looked: Vec<Result<Kind, ClientError>> = stream::iter(names.iter().cloned())
            .map(|n| async move {
                let h = self.head_object(container, &n).await?;
                Ok(if is_slo(h.header("x-static-large-object")) {
                    Kind::Large
                } else {
                    Kind::Plain
                })
            })
            .buffered(concurrency)
            .collect()
            .await;
        let plain: Vec<&String> = names
            .iter()
            .zip(&looked)
            .filter(|(_, k)| matches!(k, Ok(Kind::Plain)))
            .map(|(n, _)| n)
            .collect();
        let caps = if plain.len() > 1 {
            self.capabilities().await?
        } else {
            Capabilities::default()
        };
        let bulk = caps.bulk_delete_max.filter(|_| plain.len() > 1);
        let bulk_errors = match bulk {
            Some(max) => {
                let paths: Vec<String> =
                    plain.iter().map(|n| format!("/{container}/{n}")).collect();
                self.bulk_delete_chunked(&paths, max).await?
            }
            None => Vec::new(),
        };
        let out: Vec<Result<(), ClientError>> = stream::iter(names.iter().cloned().zip(looked))
            .map(|(n, k)| {
                let bulk_errors = &bulk_errors;
                async move {
                    match k? {
                        Kind::Large => self.delete_large_object(container, &n).await,
                        Kind::Plain if bulk.is_some() => {
                            let raw = format!("/{container}/{n}");
                            let quoted = quote(&raw);
                            match bulk_errors.iter().find(|(p, _)| *p == raw || *p == quoted) {
                                Some((_, status)) => Err(ClientError::Config(format!(
                                    "could not delete {container}/{n}: {status}"
                                ))),
                                None => Ok(()),
                            }
                        }
                        Kind::Plain => self.delete_object(container, &n).await.map(|_| ()),
                    }
                }
            })
            .buffered(concurrency)
            .collect()
            .await;
        Ok(out)
    }

    /// Deletes every object of a container (large objects with their segments), then the
    /// container.
    pub async fn delete_container_recursive(
        &self,
        container: &str,
        concurrency: usize,
    ) -> Result<(), ClientError> {
        let all = ListQuery {
            all: true,
            ..ListQuery::default()
        };
        let objects = self.list_objects(container, &all).await?;
        let (large, plain): (Vec<_>, Vec<_>) =
            objects.into_iter().partition(|o| o.slo_etag.is_some());
        let large_results: Vec<Result<(), ClientError>> = stream::iter(&large)
            .map(|o| async move {
                match self
                    .delete_large_object(container, o.name.as_deref().unwrap_or_default())
                    .await
                {
                    Err(e) if e.status() == Some(404) => Ok(()),
                    other => other,
                }
            })
            .buffer_unordered(concurrency.max(1))
            .collect()
            .await;
        for r in large_results {
            r?;
        }
        let paths: Vec<String> = plain
            .iter()
            .filter_map(|o| o.name.as_deref())
            .map(|n| format!("/{container}/{n}"))
            .collect();
        let caps = if paths.len() > 1 {
            self.capabilities().await?
        } else {
            Capabilities::default()
        };
        self.delete_paths(&paths, &caps).await?;
        // Listings may lag behind deletes on a busy cluster: a 409 right after emptying the
        // container is worth a few more tries.
        let mut tries = 0;
        loop {
            match self.delete_container(container).await {
                Err(e) if e.status() == Some(409) && tries < 3 && !paths.is_empty() => {
                    tries += 1;
                    tokio::time::sleep(std::time::Duration::from_millis(500 * tries)).await;
                }
                other => return other.map(|_| ()),
            }
        }
    }
}
