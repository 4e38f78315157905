//! Bounded-parallel work on several resources (`server delete a b c`, `volume delete …`):
//! python-openstackclient works through them one by one; ostk runs up to
//! [`concurrency`] at a time on the single-threaded runtime, and reports per item in the
//! order given, so output and error summaries read as OSC's do.

use crate::{context::Context, error::CliError};
use futures_util::stream::{self, StreamExt};
use ostk_sdk::client::Session;
use std::future::Future;
use std::sync::Arc;

/// Requests in flight at once: `OSTK_CONCURRENCY` (1–64), default 8.
pub fn concurrency(ctx: &Context) -> usize {
    ctx.env
        .get("OSTK_CONCURRENCY")
        .and_then(|v| v.parse::<usize>().ok())
        .map_or(8, |n| n.clamp(1, 64))
}

/// Runs `op` on every item, at most [`concurrency`] at a time; results in input order.
/// An item named twice makes the run sequential, so the second try sees what the first did
/// (`delete a a`: OSC's second delete fails to find it).
pub fn each<T, F, Fut>(
    ctx: &mut Context,
    items: &[String],
    op: F,
) -> Result<Vec<Result<T, CliError>>, CliError>
where
    F: Fn(Arc<Session>, String) -> Fut,
    Fut: Future<Output = Result<T, CliError>>,
{
    let session = ctx.session()?;
    let dup = items
        .iter()
        .enumerate()
        .any(|(i, x)| items[..i].contains(x));
    let n = if dup { 1 } else { concurrency(ctx) };
    let futs = items.iter().cloned().enumerate().map(|(i, item)| {
        let f = op(session.clone(), item);
        async move { (i, f.await) }
    });
    let mut done: Vec<(usize, Result<T, CliError>)> =
        ctx.block_on(stream::iter(futs).buffer_unordered(n).collect())?;
    done.sort_by_key(|(i, _)| *i);
    Ok(done.into_iter().map(|(_, r)| r).collect())
}

/// OSC's multiple-delete ending: each failure logged with `failure(item, error)`, then
/// `{n} of {total} {plural} failed to delete.` if any failed.
pub fn summarize(
    items: &[String],
    results: Vec<Result<(), CliError>>,
    plural: &str,
    failure: impl Fn(&str, &str) -> String,
) -> Result<(), CliError> {
    let mut failed = 0;
    for (item, r) in items.iter().zip(results) {
        if let Err(e) = r {
            failed += 1;
            tracing::error!("{}", failure(item, &e.to_string()));
        }
    }
    if failed > 0 {
        return Err(CliError::Message(format!(
            "{failed} of {} {plural} failed to delete.",
            items.len()
        )));
    }
    Ok(())
}
