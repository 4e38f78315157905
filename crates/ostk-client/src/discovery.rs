//! Version discovery: the versions document a service root serves (`GET /`), in its three
//! shapes — keystone's `{"versions": {"values": […]}}`, nova/glance/cinder's `{"versions": […]}`
//! and a single `{"version": {…}}` — and the choice of a major version and its microversion
//! range. The session caches the answers for the life of the process.

use crate::{Result, http::Http};
use serde_json::Value;

/// One API version a service offers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionInfo {
    /// `v3.14`, `v2.1`, `v2.0`…
    pub id: String,
    /// `CURRENT`, `stable`, `SUPPORTED`, `DEPRECATED`…
    pub status: String,
    /// The `self` link.
    pub href: Option<String>,
    /// Lowest microversion (`min_version`), when the API has microversions.
    pub min_version: Option<String>,
    /// Highest microversion (`version`/`max_version`), when the API has microversions.
    pub max_version: Option<String>,
}

/// Parses a versions document.
pub fn parse_versions(body: &Value) -> Vec<VersionInfo> {
    let list: Vec<&Value> = match (body.get("versions"), body.get("version")) {
        (Some(Value::Object(o)), _) => o
            .get("values")
            .and_then(Value::as_array)
            .map(|a| a.iter().collect())
            .unwrap_or_default(),
        (Some(Value::Array(a)), _) => a.iter().collect(),
        (_, Some(v @ Value::Object(_))) => vec![v],
        _ => Vec::new(),
    };
    let s = |v: &Value, k: &str| {
        v.get(k)
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    list.into_iter()
        .map(|v| VersionInfo {
            id: s(v, "id").unwrap_or_default(),
            status: s(v, "status").unwrap_or_default(),
            href: v.get("links").and_then(Value::as_array).and_then(|links| {
                links
                    .iter()
                    .find(|l| l.get("rel").and_then(Value::as_str) == Some("self"))
                    .and_then(|l| s(l, "href"))
            }),
            min_version: s(v, "min_version"),
            max_version: s(v, "max_version").or_else(|| s(v, "version")),
        })
        .collect()
}

/// `(major, minor)` of `v3.14`, `2.1`, `v2`.
pub fn parse_version(v: &str) -> Option<(u64, u64)> {
    let v = v.trim().trim_start_matches(['v', 'V']);
    let mut it = v.split('.');
    let major = it.next()?.parse().ok()?;
    let minor = match it.next() {
        Some(m) => m.parse().ok()?,
        None => 0,
    };
    Some((major, minor))
}

/// The best version of a major (`"3"`, `"2.0"`, `"2"`): matching major (and minor when
/// asked), preferring current/stable over supported over deprecated, then the highest.
pub fn pick<'a>(versions: &'a [VersionInfo], wanted: &str) -> Option<&'a VersionInfo> {
    let want = parse_version(wanted)?;
    let exact_minor = wanted.contains('.');
    let rank = |s: &str| match s.to_ascii_lowercase().as_str() {
        "current" | "stable" => 0,
        "supported" => 1,
        _ => 2,
    };
    versions
        .iter()
        .filter(|v| match parse_version(&v.id) {
            Some((maj, min)) => maj == want.0 && (!exact_minor || min == want.1),
            None => false,
        })
        .min_by(|a, b| {
            rank(&a.status)
                .cmp(&rank(&b.status))
                .then(parse_version(&b.id).cmp(&parse_version(&a.id)))
        })
}

/// `GET root` and parse its versions document (300 Multiple Choices is the usual answer).
pub async fn discover(http: &Http, root: &str) -> Result<Vec<VersionInfo>> {
    let req = crate::http::HttpRequest::new(reqwest::Method::GET, root)
        .header("Accept", "application/json");
    let resp = http.send(&req).await?;
    if resp.status >= 400 {
        return Err(crate::ClientError::from(resp.to_api_error()));
    }
    Ok(parse_versions(&resp.json()?))
}

/// Negotiates a microversion: `latest` becomes the server's maximum; an explicit version is
/// kept (the server will refuse it if unsupported). `None` when the server has no microversions
/// and `latest` was asked.
pub fn negotiate_microversion(requested: &str, server: Option<&VersionInfo>) -> Option<String> {
    if requested.eq_ignore_ascii_case("latest") {
        return server.and_then(|v| v.max_version.clone());
    }
    Some(requested.to_string())
}

/// Whether microversion `have` (e.g. the one in use) is at least `wanted`; `false` when there
/// is none or either does not parse.
pub fn at_least(have: Option<&str>, wanted: &str) -> bool {
    match (have.and_then(parse_version), parse_version(wanted)) {
        (Some(h), Some(w)) => h >= w,
        _ => false,
    }
}

/// openstacksdk's default negotiation: the highest microversion both sides support — the
/// server's maximum capped at what the client knows (`cap`). `None` when the server has no
/// microversions (then no header is sent) or its minimum is above the cap.
pub fn negotiate_up_to(cap: &str, server: Option<&VersionInfo>) -> Option<String> {
    let server = server?;
    let max = server.max_version.as_deref().filter(|m| !m.is_empty())?;
    let (cap_v, max_v) = (parse_version(cap)?, parse_version(max)?);
    if let Some(min) = server.min_version.as_deref().and_then(parse_version)
        && min > cap_v
    {
        return None;
    }
    Some(if max_v < cap_v { max } else { cap }.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn version_order() {
        assert!(at_least(Some("2.100"), "2.47"));
        assert!(!at_least(Some("2.9"), "2.47"));
        assert!(!at_least(None, "2.1"));
    }

    #[test]
    fn capped_negotiation() {
        let n = parse_versions(&json!({"versions": [
            {"id": "v2.1", "status": "CURRENT", "version": "2.96", "min_version": "2.1"}]}));
        let v = pick(&n, "2");
        assert_eq!(negotiate_up_to("2.100", v).as_deref(), Some("2.96"));
        assert_eq!(negotiate_up_to("2.53", v).as_deref(), Some("2.53"));
        let old = parse_versions(&json!({"versions": [
            {"id": "v2.0", "status": "CURRENT", "version": "", "min_version": ""}]}));
        assert_eq!(negotiate_up_to("2.53", pick(&old, "2")), None);
    }

    #[test]
    fn keystone_and_nova_shapes() {
        let k = parse_versions(
            &json!({"versions": {"values": [{"id": "v3.14", "status": "stable",
            "links": [{"rel": "self", "href": "http://k/v3/"}]}]}}),
        );
        assert_eq!(pick(&k, "3").unwrap().href.as_deref(), Some("http://k/v3/"));
        assert!(pick(&k, "2.0").is_none());
        let n = parse_versions(&json!({"versions": [
            {"id": "v2.0", "status": "SUPPORTED", "version": "", "min_version": ""},
            {"id": "v2.1", "status": "CURRENT", "version": "2.96", "min_version": "2.1"}]}));
        let v = pick(&n, "2").unwrap();
        assert_eq!(v.id, "v2.1");
        assert_eq!(
            negotiate_microversion("latest", Some(v)).as_deref(),
            Some("2.96")
        );
        assert_eq!(
            negotiate_microversion("2.5", Some(v)).as_deref(),
            Some("2.5")
        );
        assert_eq!(pick(&n, "2.0").unwrap().id, "v2.0");
    }
}
