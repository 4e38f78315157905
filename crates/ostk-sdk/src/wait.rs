//! Polling a resource until its `status` settles, as osc-lib's `wait_for_status` does for
//! `--wait` (servers, volumes, images): one loop for every service.

use crate::client::ClientError;
use serde_json::Value;
use std::future::Future;
use std::time::Duration;

/// How a wait ended.
#[derive(Debug)]
pub enum Outcome {
    /// The status became one of the success statuses (the resource as last seen).
    Reached(Value),
    /// The status became one of the error statuses.
    Failed(Value),
    /// The resource answered 404 (deleted, or never there); the error is kept.
    Gone(ClientError),
    /// `max_polls` ran out first.
    GaveUp,
}

/// What to wait for, and how often to look.
pub struct Poll<'a> {
    /// Statuses that end the wait well (compared case-insensitively).
    pub success: &'a [&'a str],
    /// Statuses that end it badly.
    pub error: &'a [&'a str],
    /// The pause after the n-th look.
    pub interval: &'a (dyn Fn(u32) -> Duration + Sync),
    /// Give up after this many looks (`None`: never, as osc-lib).
    pub max_polls: Option<u32>,
    /// Transient failures (connection errors, 429, 502–504) ridden out in a row; beyond, or
    /// for other errors, the error ends the wait.
    pub transient_retries: u32,
}

impl Poll<'_> {
    /// Looks with `fetch` until the wait ends, calling `progress` with every answer.
    pub async fn run<F, Fut>(
        &self,
        mut fetch: F,
        mut progress: impl FnMut(&Value),
    ) -> Result<Outcome, ClientError>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<Value, ClientError>>,
    {
        let is = |list: &[&str], status: &str| list.iter().any(|w| w.eq_ignore_ascii_case(status));
        let (mut polls, mut failures) = (0u32, 0u32);
        loop {
            if self.max_polls.is_some_and(|m| polls >= m) {
                return Ok(Outcome::GaveUp);
            }
            match fetch().await {
                Ok(v) => {
                    failures = 0;
                    progress(&v);
                    let status = v.get("status").and_then(Value::as_str).unwrap_or("");
                    if is(self.success, status) {
                        return Ok(Outcome::Reached(v));
                    }
                    if is(self.error, status) {
                        return Ok(Outcome::Failed(v));
                    }
                }
                Err(e) if e.status() == Some(404) => return Ok(Outcome::Gone(e)),
                Err(e) if e.is_transient() && failures < self.transient_retries => failures += 1,
                Err(e) => return Err(e),
            }
            tokio::time::sleep((self.interval)(polls)).await;
            polls += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn poll(max: Option<u32>) -> Poll<'static> {
        Poll {
            success: &["active"],
            error: &["error"],
            interval: &|_| Duration::ZERO,
            max_polls: max,
            transient_retries: 2,
        }
    }

    #[tokio::test]
    async fn ends_on_success_error_gone_and_bound() {
        let mut answers = vec![json!({"status": "BUILD"}), json!({"status": "ACTIVE"})].into_iter();
        let r = poll(None)
            .run(
                || {
                    let a = answers.next();
                    async move { Ok(a.unwrap()) }
                },
                |_| {},
            )
            .await;
        assert!(matches!(r, Ok(Outcome::Reached(_))));
        let r = poll(None)
            .run(|| async { Ok(json!({"status": "ERROR"})) }, |_| {})
            .await;
        assert!(matches!(r, Ok(Outcome::Failed(_))));
        let r = poll(Some(3))
            .run(|| async { Ok(json!({"status": "BUILD"})) }, |_| {})
            .await;
        assert!(matches!(r, Ok(Outcome::GaveUp)));
        let gone = || async {
            Err(ClientError::from(crate::client::ApiError::from_parts(
                404, "GET", "http://x", None, None, b"", None,
            )))
        };
        assert!(matches!(
            poll(None).run(gone, |_| {}).await,
            Ok(Outcome::Gone(_))
        ));
    }

    #[tokio::test]
    async fn rides_out_transient_failures_up_to_the_limit() {
        let timeout = || ClientError::Timeout {
            url: "http://x".into(),
        };
        let mut calls = 0;
        let r = poll(None)
            .run(
                || {
                    calls += 1;
                    let c = calls;
                    async move {
                        if c <= 2 {
                            Err(timeout())
                        } else {
                            Ok(json!({"status": "active"}))
                        }
                    }
                },
                |_| {},
            )
            .await;
        assert!(matches!(r, Ok(Outcome::Reached(_))));
        let r = poll(None).run(|| async { Err(timeout()) }, |_| {}).await;
        assert!(matches!(r, Err(ClientError::Timeout { .. })));
    }
}
