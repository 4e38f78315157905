//! Usage commands: openstackclient/compute/v2/usage.py.

pub mod list;
pub mod show;

use crate::error::CliError;
use ostk_output::Cell;
use ostk_sdk::client::time::{civil_from_days, days_from_civil};
use serde_json::Value;

/// `Usage from … to …` dates and the ISO timestamps sent to nova: `--start`/`--end`
/// (`%Y-%m-%d`), else four weeks ago and tomorrow (UTC, with microseconds as Python's
/// `isoformat` prints them).
pub struct Range {
    /// `%Y-%m-%d` of the start.
    pub start_day: String,
    /// `%Y-%m-%d` of the end.
    pub end_day: String,
    /// ISO start.
    pub start: String,
    /// ISO end.
    pub end: String,
}

/// (`%Y-%m-%d`, isoformat) of a time in microseconds since the epoch.
fn format(micros: i64) -> (String, String) {
    let secs = micros.div_euclid(1_000_000);
    let us = micros.rem_euclid(1_000_000);
    let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
    let s = secs.rem_euclid(86_400);
    let day = format!("{y:04}-{m:02}-{d:02}");
    let mut iso = format!("{day}T{:02}:{:02}:{:02}", s / 3600, s % 3600 / 60, s % 60);
    if us != 0 {
        iso.push_str(&format!(".{us:06}"));
    }
    (day, iso)
}

/// Python's `datetime.strptime(s, '%Y-%m-%d')`, in microseconds since the epoch.
fn parse_day(s: &str) -> Result<i64, CliError> {
    let bad = || {
        CliError::Message(format!(
            "time data {} does not match format '%Y-%m-%d'",
            ostk_output::py_repr_str(s)
        ))
    };
    let parts: Vec<&str> = s.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return Err(bad());
    };
    let num = |p: &str, max: usize| {
        if p.is_empty() || p.len() > max || !p.bytes().all(|b| b.is_ascii_digit()) {
            None
        } else {
            p.parse::<i64>().ok()
        }
    };
    let (Some(y), Some(m), Some(d)) = (num(y, 4), num(m, 2), num(d, 2)) else {
        return Err(bad());
    };
    if y.to_string().len() != 4 && parts[0].len() != 4 || !(1..=12).contains(&m) || d < 1 {
        return Err(bad());
    }
    let next_month = if m == 12 {
        days_from_civil(y + 1, 1, 1)
    } else {
        days_from_civil(y, m + 1, 1)
    };
    if days_from_civil(y, m, d) >= next_month {
        return Err(CliError::Message("day is out of range for month".into()));
    }
    Ok(days_from_civil(y, m, d) * 86_400 * 1_000_000)
}

impl Range {
    /// The range OSC computes from `--start` and `--end`.
    pub fn new(start: Option<&str>, end: Option<&str>) -> Result<Range, CliError> {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| i64::try_from(d.as_micros()).unwrap_or(0))
            .unwrap_or(0);
        let day = 86_400 * 1_000_000;
        let s = match start {
            Some(s) => parse_day(s)?,
            None => now - 28 * day,
        };
        let e = match end {
            Some(e) => parse_day(e)?,
            None => now + day,
        };
        let ((start_day, start), (end_day, end)) = (format(s), format(e));
        Ok(Range {
            start_day,
            end_day,
            start,
            end,
        })
    }
}

/// `FloatColumn`: two decimals for the table, the number for machines. `None` has no
/// table form (Python fails to format it).
pub fn float(v: &Value) -> Cell {
    match v.as_f64() {
        Some(f) => Cell::formatted(format!("{f:.2}"), v.clone()),
        None => Cell::formatted("", v.clone()),
    }
}

/// `CountColumn`: the number of server usages for the table.
pub fn count(v: &Value) -> Cell {
    match v {
        Value::Array(a) => Cell::formatted(a.len().to_string(), v.clone()),
        Value::Null => Cell::formatted("", Value::Null),
        other => Cell::formatted("", other.clone()),
    }
}

/// The usage row: project, servers, RAM, CPU and disk hours (`project` is the table form
/// of the project ID).
pub fn cells(u: &Value, project: impl Fn(&str) -> String) -> (Vec<Cell>, bool) {
    let g = |k: &str| u.get(k).cloned().unwrap_or(Value::Null);
    let pid = g("tenant_id");
    let human = pid.as_str().map(&project).unwrap_or_default();
    let floats = [
        "total_memory_mb_usage",
        "total_vcpus_usage",
        "total_local_gb_usage",
    ];
    let missing = floats.iter().any(|k| g(k).as_f64().is_none());
    let mut row = vec![Cell::formatted(human, pid), count(&g("server_usages"))];
    row.extend(floats.iter().map(|k| float(&g(k))));
    (row, missing)
}

/// The five column headers.
pub const COLUMNS: [&str; 5] = [
    "Project",
    "Servers",
    "RAM MB-Hours",
    "CPU Hours",
    "Disk GB-Hours",
];

/// Python's error formatting `None` with `.2f`.
pub const NONE_FORMAT: &str = "unsupported format string passed to NoneType.__format__";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_print_as_python() {
        assert_eq!(
            format(0),
            ("1970-01-01".into(), "1970-01-01T00:00:00".into())
        );
        let t = parse_day("2012-01-20").unwrap() + 1_500;
        assert_eq!(format(t).1, "2012-01-20T00:00:00.001500");
        assert!(parse_day("2012-02-30").is_err());
        assert_eq!(
            parse_day("x").unwrap_err().to_string(),
            "time data 'x' does not match format '%Y-%m-%d'"
        );
    }
}
