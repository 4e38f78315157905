//! Key manager (barbican) commands: python-barbicanclient's OSC plugin
//! (barbicanclient/barbican_cli/v1: `secret …`, `secret container …`).

pub mod container;
pub mod secret;

use crate::error::CliError;
use crate::registry::{Entry, entry};
use ostk_output::Cell;
use ostk_sdk::client::ClientError;
use serde_json::Value;

/// The epilog cliff adds to every plugin command's help.
pub const EPILOG: Option<&str> =
    Some("This command is provided by the python-barbicanclient plugin.");

/// This area's commands (registered through `commands::all`).
pub static COMMANDS: &[Entry] = &[
    entry::<secret::store::StoreSecret>(),
    entry::<secret::list::ListSecret>(),
    entry::<secret::get::GetSecret>(),
    entry::<secret::delete::DeleteSecret>(),
    entry::<secret::update::UpdateSecret>(),
    entry::<container::create::CreateContainer>(),
    entry::<container::list::ListContainer>(),
    entry::<container::get::GetContainer>(),
    entry::<container::delete::DeleteContainer>(),
];

/// An error as python-barbicanclient reports it: `{title}: {description}` of barbican's
/// answer, after logging `4xx Client error: …` (`5xx Server error: …`, `Auth error: …`).
pub fn barbican_error(e: ClientError) -> CliError {
    let ClientError::Api(api) = &e else {
        return e.into();
    };
    let msg = match (&api.message, &api.details) {
        (Some(t), Some(d)) => format!("{t}: {d}"),
        (Some(t), None) => t.clone(),
        (None, Some(d)) => d.clone(),
        (None, None) => String::new(),
    };
    let class = match api.status {
        401 => "Auth error",
        s if s >= 500 => "5xx Server error",
        _ => "4xx Client error",
    };
    tracing::error!("{class}: {msg}");
    CliError::Message(msg)
}

/// python-barbicanclient's `calculate_uuid_ref`: the UUID at the end of a reference, else
/// `{Entity} incorrectly specified.`.
pub fn uuid_of(reference: &str, entity: &str) -> Result<String, CliError> {
    ostk_sdk::key_manager::uuid_of_ref(reference)
        .ok_or_else(|| CliError::Message(format!("{entity} incorrectly specified.")))
}

/// oslo's `parse_isotime(t).isoformat()`: barbican's naive UTC times gain `+00:00`, `Z`
/// becomes `+00:00`, and zero microseconds disappear (Python's `isoformat`).
pub fn isotime(t: &str) -> String {
    let (mut base, tz) = if let Some(b) = t.strip_suffix('Z') {
        (b.to_string(), "+00:00".to_string())
    } else if let Some(i) = t
        .rfind(['+', '-'])
        .filter(|i| t[..*i].contains('T') && t.len() - i == 6)
    {
        (t[..i].to_string(), t[i..].to_string())
    } else {
        (t.to_string(), "+00:00".to_string())
    };
    if let Some(i) = base.find('.')
        && base[i + 1..].chars().all(|c| c == '0')
    {
        base.truncate(i);
    }
    // a date alone is midnight; a time without seconds has zero seconds
    match base.split_once('T') {
        None => base.push_str("T00:00:00"),
        Some((_, time)) if time.len() == 5 => base.push_str(":00"),
        _ => {}
    }
    format!("{base}{tz}")
}

/// `--limit`/`--offset`: the one page barbican's list commands ask for.
#[derive(clap::Args, Debug)]
pub struct Page {
    /// specify the limit to the number of items to list per page (default: 10; maximum: 100)
    #[arg(
        long,
        visible_short_alias = 'l',
        value_name = "LIMIT",
        default_value_t = 10
    )]
    limit: i64,
    /// specify the page offset (default: 0)
    #[arg(
        long,
        visible_short_alias = 'o',
        value_name = "OFFSET",
        default_value_t = 0
    )]
    offset: i64,
}

impl Page {
    /// The query: `limit`, `offset`, then the filters that are set (non-empty).
    pub fn query<'a>(
        &self,
        filters: impl IntoIterator<Item = (&'a str, Option<String>)>,
    ) -> Vec<(&'a str, String)> {
        let mut q = vec![
            ("limit", self.limit.to_string()),
            ("offset", self.offset.to_string()),
        ];
        q.extend(
            filters
                .into_iter()
                .filter_map(|(k, v)| Some((k, v.filter(|v| !v.is_empty())?))),
        );
        q
    }
}

/// A time field as the plugin shows it (`None` when absent).
pub fn time_cell(v: &Value) -> Cell {
    match v.as_str() {
        Some(t) => Cell::Str(isotime(t)),
        None => Cell::None,
    }
}

/// A JSON field as a cell (`None` when absent).
pub fn cell(v: &Value, k: &str) -> Cell {
    Cell::from_json(v.get(k).cloned().unwrap_or(Value::Null))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_as_python_isoformat() {
        assert_eq!(
            isotime("2026-11-23T22:59:51.959239"),
            "2026-11-23T22:59:51.959239+00:00"
        );
        assert_eq!(isotime("2030-01-01T00:00:00Z"), "2030-01-01T00:00:00+00:00");
        assert_eq!(
            isotime("2030-01-01T00:00:00.000000+02:00"),
            "2030-01-01T00:00:00+02:00"
        );
        assert_eq!(isotime("2030-01-01T10:00:00"), "2030-01-01T10:00:00+00:00");
        assert_eq!(isotime("2030-01-01"), "2030-01-01T00:00:00+00:00");
        assert_eq!(isotime("2030-01-01T10:30"), "2030-01-01T10:30:00+00:00");
        assert_eq!(isotime(&isotime("2030-01-01")), "2030-01-01T00:00:00+00:00");
    }

    #[test]
    fn refs_must_end_in_a_uuid() {
        assert!(uuid_of("nope", "Secret").is_err());
        assert_eq!(
            uuid_of("http://x/v1/secrets/nope", "Secret")
                .unwrap_err()
                .to_string(),
            "Secret incorrectly specified."
        );
        assert_eq!(
            uuid_of("11111111-2222-3333-4444-555555555555", "Secret").unwrap(),
            "11111111-2222-3333-4444-555555555555"
        );
    }
}
