//! `cached image list|queue|delete|clear` (openstackclient/image/v2/cache.py, with
//! openstacksdk's image Cache resource): glance's cache API (`/v2/cache`), which answers 404
//! where the cache middleware is not deployed.

use super::json_cell;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Listing};
use ostk_sdk::image::ImageService;
use serde_json::Value;

/// `datetime.fromtimestamp(ts, tz=UTC).replace(tzinfo=None).isoformat()`.
fn utc_isoformat(ts: f64) -> String {
    let mut secs = ts.floor() as i64;
    // Python rounds the fraction to microseconds, half to even.
    let mut micros = ((ts - ts.floor()) * 1e6).round_ties_even() as i64;
    if micros >= 1_000_000 {
        secs += 1;
        micros -= 1_000_000;
    }
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (h, m, s) = (rem / 3600, rem % 3600 / 60, rem % 60);
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let mo = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(mo <= 2);
    let mut out = format!("{y:04}-{mo:02}-{d:02}T{h:02}:{m:02}:{s:02}");
    if micros != 0 {
        out.push_str(&format!(".{micros:06}"));
    }
    out
}

fn timestamp(v: Option<&Value>) -> Cell {
    match v.and_then(Value::as_f64) {
        Some(ts) => Cell::Str(utc_isoformat(ts)),
        None => json_cell(v),
    }
}

/// cache.py `_format_image_cache`: cached images, then queued ones, in glance's key order.
fn cache_rows(cache: &Value) -> Vec<Vec<Cell>> {
    let na = || Cell::Str("N/A".into());
    let mut rows = Vec::new();
    let Some(m) = cache.as_object() else {
        return rows;
    };
    for (key, items) in m {
        let items = items.as_array().cloned().unwrap_or_default();
        match key.as_str() {
            "cached_images" => rows.extend(items.iter().map(|i| {
                vec![
                    json_cell(i.get("image_id")),
                    Cell::Str("cached".into()),
                    timestamp(i.get("last_accessed")),
                    timestamp(i.get("last_modified")),
                    json_cell(i.get("size")),
                    json_cell(i.get("hits")),
                ]
            })),
            "queued_images" => rows.extend(items.iter().map(|id| {
                vec![
                    json_cell(Some(id)),
                    Cell::Str("queued".into()),
                    na(),
                    na(),
                    na(),
                    na(),
                ]
            })),
            _ => {}
        }
    }
    rows
}

/// Get Cache State
#[derive(clap::Args, Debug)]
pub struct ListCachedImage {}

impl Command for ListCachedImage {
    const WORDS: &'static str = "cached image list";
    const ABOUT: &'static str = "Get Cache State";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        let cache = ctx
            .block_on(ImageService::new(&session).cache())?
            .map_err(|e| super::sdk_error(e, Some("No Cache found for None")))?;
        Ok(Output::List(Listing {
            columns: [
                "ID",
                "State",
                "Last Accessed (UTC)",
                "Last Modified (UTC)",
                "Size",
                "Hits",
            ]
            .iter()
            .map(|c| c.to_string())
            .collect(),
            rows: cache_rows(&cache),
        }))
    }
}

/// Queue image(s) for caching.
#[derive(clap::Args, Debug)]
pub struct QueueCachedImage {
    /// Image to display (name or ID)
    #[arg(value_name = "<image>", required = true, num_args = 1..)]
    images: Vec<String>,
}

impl Command for QueueCachedImage {
    const WORDS: &'static str = "cached image queue";
    const ABOUT: &'static str = "Queue image(s) for caching.";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut failures = 0;
        for image in &self.images {
            let queued = super::find_image(ctx, image).and_then(|img| {
                let session = ctx.session()?;
                ctx.block_on(ImageService::new(&session).cache_queue(&img.id))?
                    .map_err(|e| super::sdk_error(e, None))
            });
            if let Err(e) = queued {
                failures += 1;
                tracing::error!("Failed to queue image with name or ID '{image}': {e}");
            }
        }
        if failures > 0 {
            return Err(CliError::Message(format!(
                "Failed to queue {failures} of {} images",
                self.images.len()
            )));
        }
        Ok(Output::None)
    }
}

/// Delete image(s) from cache
#[derive(clap::Args, Debug)]
pub struct DeleteCachedImage {
    /// Image(s) to delete (name or ID)
    #[arg(value_name = "<image>", required = true, num_args = 1..)]
    images: Vec<String>,
}

impl Command for DeleteCachedImage {
    const WORDS: &'static str = "cached image delete";
    const ABOUT: &'static str = "Delete image(s) from cache";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut failures = 0;
        for image in &self.images {
            let deleted = super::find_image(ctx, image).and_then(|img| {
                let session = ctx.session()?;
                match ctx.block_on(ImageService::new(&session).cache_delete(&img.id))? {
                    // openstacksdk `cache_delete_image(…, ignore_missing=True)`: a 404 (image not
                    // cached, or no cache API at all) is not an error.
                    Err(e) if e.status() == Some(404) => {
                        tracing::debug!("cache delete of {}: {e}", img.id);
                        Ok(())
                    }
                    other => other.map_err(|e| super::sdk_error(e, None)),
                }
            });
            if let Err(e) = deleted {
                failures += 1;
                tracing::error!("Failed to delete image with name or ID '{image}': {e}");
            }
        }
        if failures > 0 {
            return Err(CliError::Message(format!(
                "Failed to delete {failures} of {} images.",
                self.images.len()
            )));
        }
        Ok(Output::None)
    }
}

/// Clear all images from cache, queue or both
#[derive(clap::Args, Debug)]
pub struct ClearCachedImage {
    /// Clears all the cached images
    #[arg(long, overrides_with = "queue")]
    cache: bool,
    /// Clears all the queued images
    #[arg(long, overrides_with = "cache")]
    queue: bool,
}

impl Command for ClearCachedImage {
    const WORDS: &'static str = "cached image clear";
    const ABOUT: &'static str = "Clear all images from cache, queue or both";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        // argparse store_const into one dest: the later of --cache/--queue wins.
        let target = if self.cache {
            Some("cache")
        } else if self.queue {
            Some("queue")
        } else {
            None
        };
        let session = ctx.session()?;
        if let Err(e) = ctx.block_on(ImageService::new(&session).cache_clear(target))? {
            tracing::debug!("cache clear: {e}");
            let msg = "Failed to clear image cache";
            tracing::error!("{msg}");
            return Err(CliError::Message(msg.into()));
        }
        Ok(Output::None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn timestamps_read_as_python_isoformat() {
        assert_eq!(utc_isoformat(0.0), "1970-01-01T00:00:00");
        assert_eq!(utc_isoformat(1_700_000_000.0), "2023-11-14T22:13:20");
        assert_eq!(
            utc_isoformat(1_700_000_000.25),
            "2023-11-14T22:13:20.250000"
        );
        assert_eq!(utc_isoformat(951_782_400.0), "2000-02-29T00:00:00");
    }

    #[test]
    fn cached_then_queued_rows() {
        let rows = cache_rows(&json!({
            "cached_images": [{"image_id": "a", "hits": 2, "last_accessed": 0.0,
                               "last_modified": 1.5, "size": 10}],
            "queued_images": ["b"]
        }));
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0][1], Cell::Str("cached".into()));
        assert_eq!(rows[0][3], Cell::Str("1970-01-01T00:00:01.500000".into()));
        assert_eq!(rows[0][4], Cell::Int(10));
        assert_eq!(rows[1][0], Cell::Str("b".into()));
        assert_eq!(rows[1][5], Cell::Str("N/A".into()));
    }
}
