//! The few ISO 8601 timestamps keystone sends (`2026-11-23T13:07:08.000000Z`,
//! `2015-08-27T10:49:53Z`, `…+02:00`): parsed to Unix seconds and re-printed the way
//! python-openstackclient prints `expires` (`strftime('%Y-%m-%dT%H:%M:%S%z')`). No calendar crate
//! needed for that.

/// A parsed timestamp: local fields plus the UTC offset they were given in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timestamp {
    /// Seconds since the Unix epoch (UTC).
    pub unix: i64,
    /// The offset of the original text, in seconds east of UTC.
    pub offset: i32,
    fields: [i64; 6],
}

impl Timestamp {
    /// Parses `YYYY-MM-DDTHH:MM:SS[.frac][Z|±HH:MM|±HHMM]` (no offset means UTC, as
    /// keystoneauth's `parse_isotime` assumes).
    pub fn parse(s: &str) -> Option<Timestamp> {
        let s = s.trim();
        let b = s.as_bytes();
        if b.len() < 19 || b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't' | b' ') {
            return None;
        }
        let num = |r: std::ops::Range<usize>| s.get(r)?.parse::<i64>().ok();
        let fields = [
            num(0..4)?,
            num(5..7)?,
            num(8..10)?,
            num(11..13)?,
            num(14..16)?,
            num(17..19)?,
        ];
        let mut rest = &s[19..];
        if let Some(frac) = rest.strip_prefix('.') {
            let n = frac.bytes().take_while(u8::is_ascii_digit).count();
            rest = &frac[n..];
        }
        let offset = match rest {
            "" | "Z" | "z" => 0,
            _ => {
                let sign = match rest.as_bytes()[0] {
                    b'+' => 1,
                    b'-' => -1,
                    _ => return None,
                };
                let digits: String = rest[1..].chars().filter(|c| *c != ':').collect();
                if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                let h: i32 = digits[..2].parse().ok()?;
                let m: i32 = digits[2..].parse().ok()?;
                sign * (h * 3600 + m * 60)
            }
        };
        let [y, mo, d, h, mi, se] = fields;
        if !(1..=12).contains(&mo) || !(1..=31).contains(&d) || h > 23 || mi > 59 || se > 60 {
            return None;
        }
        let unix = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + se - offset as i64;
        Some(Timestamp {
            unix,
            offset,
            fields,
        })
    }

    /// `strftime('%Y-%m-%dT%H:%M:%S%z')` of the original fields: `2026-11-23T13:07:08+0000`.
    pub fn osc_format(&self) -> String {
        let [y, mo, d, h, mi, se] = self.fields;
        let sign = if self.offset < 0 { '-' } else { '+' };
        let off = self.offset.abs();
        format!(
            "{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{se:02}{sign}{:02}{:02}",
            off / 3600,
            off % 3600 / 60
        )
    }
}

/// Howard Hinnant's days-from-civil.
/// An HTTP-date (RFC 9110 IMF-fixdate, `Sun, 06 Nov 1994 08:49:37 GMT`) as unix seconds, as
/// `Retry-After` may carry it.
pub fn parse_http_date(s: &str) -> Option<i64> {
    let rest = s.trim().split_once(", ")?.1;
    let mut it = rest.split_whitespace();
    let day: i64 = it.next()?.parse().ok()?;
    let mon = match it.next()? {
        "Jan" => 1,
        "Feb" => 2,
        "Mar" => 3,
        "Apr" => 4,
        "May" => 5,
        "Jun" => 6,
        "Jul" => 7,
        "Aug" => 8,
        "Sep" => 9,
        "Oct" => 10,
        "Nov" => 11,
        "Dec" => 12,
        _ => return None,
    };
    let year: i64 = it.next()?.parse().ok()?;
    let mut hms = it.next()?.split(':').map(|p| p.parse::<i64>().ok());
    let (h, mi, se) = (hms.next()??, hms.next()??, hms.next()??);
    // A year beyond four digits is no date a server means (and would overflow the arithmetic).
    if it.next()? != "GMT"
        || !(1..=31).contains(&day)
        || !(0..=9999).contains(&year)
        || !(0..=23).contains(&h)
        || !(0..=59).contains(&mi)
        || !(0..=60).contains(&se)
    {
        return None;
    }
    Some(days_from_civil(year, mon, day) * 86400 + h * 3600 + mi * 60 + se)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days-from-civil).
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// The date (year, month, day) of a day count since 1970-01-01 (Hinnant's civil-from-days).
pub fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// Seconds since the Unix epoch now.
pub fn now_unix() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_dates() {
        assert_eq!(
            parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"),
            Some(784111777)
        );
        assert_eq!(parse_http_date("06 Nov 1994"), None);
        assert_eq!(parse_http_date("Sun, 06 Foo 1994 08:49:37 GMT"), None);
    }

    #[test]
    fn keystone_formats() {
        let t = Timestamp::parse("2026-11-23T13:07:08.000000Z").unwrap();
        assert_eq!(t.osc_format(), "2026-11-23T13:07:08+0000");
        assert_eq!(t.unix, 1795439228);
        let t = Timestamp::parse("1970-01-01T01:00:00+01:00").unwrap();
        assert_eq!(t.unix, 0);
        assert_eq!(t.osc_format(), "1970-01-01T01:00:00+0100");
        assert_eq!(
            Timestamp::parse("2015-08-27T10:49:53Z").unwrap().unix,
            1440672593
        );
        assert!(Timestamp::parse("nope").is_none());
    }
}
