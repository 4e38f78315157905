//! Hostile answers: every decoder of what a server sends (token bodies, catalogs, version
//! documents, error bodies, pagination links, dates, `Retry-After`, logged bodies) takes
//! arbitrary input without panicking. Inputs are arbitrary JSON and valid documents with one
//! part replaced by anything, so the decoders get past their first checks.
//!
//! 100 000 cases per target: about 5 s each in a debug build.

mod support;

use ostk_client::access::AccessInfo;
use ostk_client::http::HttpResponse;
use ostk_client::{ApiError, discovery, pager, redact, time};
use proptest::prelude::*;
use serde_json::{Value, json};

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "token",
            "catalog",
            "endpoints",
            "url",
            "region",
            "region_id",
            "interface",
            "type",
            "expires_at",
            "expires",
            "id",
            "name",
            "project",
            "user",
            "domain",
            "access",
            "serviceCatalog",
            "publicURL",
            "versions",
            "values",
            "links",
            "href",
            "rel",
            "version",
            "min_version",
            "status",
            "error",
            "errors",
            "message",
            "title",
            "detail",
            "next",
            "images_links",
            "system",
            "roles",
            "methods",
        ])
        .prop_map(str::to_string),
        ".{0,12}",
    ]
}

fn scalar() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<u64>().prop_map(|n| json!(n)),
        any::<f64>().prop_map(|f| json!(f)),
        ".{0,24}".prop_map(Value::String),
        prop::sample::select(vec![
            "public",
            "internal",
            "admin",
            "publicURL",
            "RegionOne",
            "identity",
            "image",
            "compute",
            "volumev3",
            "block-storage",
            "v2.1",
            "2.90",
            "CURRENT",
            "latest",
            "2026-13-01T00:00:00Z",
            "2026-01-01T00:00:00+1é1",
            "9999-12-31T23:59:60.9-23:59",
            "http://",
            "http://x/v2/images?marker=1",
            "/v2/images?limit=1",
            "ftp://%zz",
        ])
        .prop_map(|s| Value::String(s.into())),
    ]
}

fn any_json() -> impl Strategy<Value = Value> {
    scalar().prop_recursive(5, 96, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..8)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

/// Every JSON pointer of a document.
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    out.push(at.clone());
    match v {
        Value::Object(m) => m
            .iter()
            .for_each(|(k, c)| pointers(c, format!("{at}/{k}"), out)),
        Value::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, c)| pointers(c, format!("{at}/{i}"), out)),
        _ => {}
    }
}

/// `doc` with one part (chosen by `pick`) replaced by `with`.
fn mutate(mut doc: Value, pick: prop::sample::Index, with: Value) -> Value {
    let mut all = Vec::new();
    pointers(&doc, String::new(), &mut all);
    let at = &all[pick.index(all.len())];
    match doc.pointer_mut(at) {
        Some(slot) => *slot = with,
        None => doc = with,
    }
    doc
}

/// Valid documents of every kind the client decodes.
fn valid_docs() -> Vec<Value> {
    let server = "http://127.0.0.1:5000";
    vec![
        support::v3_body(server, &support::future(3600)),
        support::v2_body(server, support::TOKEN),
        json!({"versions": {"values": [{"id": "v3.14", "status": "stable", "links": [{"rel": "self", "href": "http://k/v3/"}]}]}}),
        json!({"versions": [{"id": "v2.1", "status": "CURRENT", "version": "2.90", "min_version": "2.1", "links": [{"rel": "self", "href": "http://n/v2.1/"}]}]}),
        json!({"version": {"id": "v3.0", "status": "CURRENT", "max_version": "3.70", "min_version": "3.0"}}),
        json!({"error": {"code": 404, "message": "m", "details": "d"}}),
        json!({"errors": [{"title": "t", "detail": "d"}, {"title": "u"}]}),
        json!({"itemNotFound": {"message": "m", "code": 404}}),
        json!({"images": [], "next": "/v2/images?marker=x", "links": {"next": "http://x/next"}, "images_links": [{"rel": "next", "href": "?marker=y"}]}),
    ]
}

fn doc() -> impl Strategy<Value = Value> {
    prop_oneof![
        any_json(),
        (
            prop::sample::select(valid_docs()),
            any::<prop::sample::Index>(),
            any_json()
        )
            .prop_map(|(d, i, w)| mutate(d, i, w)),
    ]
}

/// Runs every JSON decoder on `v`.
fn decode_all(v: &Value) {
    for a in [
        AccessInfo::from_v3("tok", v, "http://k/v3"),
        AccessInfo::from_v2(v, "http://k/v2.0"),
    ]
    .into_iter()
    .flatten()
    {
        let _ = (
            a.expires(),
            a.expires_within(300),
            a.token(),
            format!("{a:?}"),
        );
        if let Some(c) = &a.catalog {
            let _ = c.service_list();
            for st in [
                "identity",
                "image",
                "volume",
                "block-storage",
                "compute",
                "",
            ] {
                for (iface, region) in [("public", "RegionOne"), ("publicURL", ""), ("", "x")] {
                    let _ = c.endpoint_url(st, iface, region);
                }
            }
        }
    }
    let versions = discovery::parse_versions(v);
    for wanted in ["3", "2.0", "2", "v2.1", "", "x.y"] {
        let _ = discovery::pick(&versions, wanted);
    }
    for vi in &versions {
        let _ = discovery::negotiate_up_to("2.90", Some(vi));
        let _ = discovery::negotiate_microversion("latest", Some(vi));
    }
    for endpoint in ["http://x/image", "", "not a url"] {
        let _ = pager::next_link(v, "images", endpoint);
    }
    if let Some(items) = v.as_array() {
        let _ = pager::marker_of(items, "name");
    }
    let mut r = v.clone();
    redact::redact_json(&mut r);
    let _ = redact::python_json(&r);
}

fn response(body: Vec<u8>, headers: Vec<(String, String)>) -> HttpResponse {
    HttpResponse {
        status: 200,
        headers,
        body,
        url: "http://x/".into(),
        method: "GET".into(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100_000))]

    #[test]
    fn json_decoders_never_panic(v in doc()) {
        decode_all(&v);
    }

    #[test]
    fn body_decoders_never_panic(
        body in prop_oneof![
            prop::collection::vec(any::<u8>(), 0..256),
            doc().prop_map(|v| v.to_string().into_bytes()),
            ".{0,64}".prop_map(String::into_bytes),
        ],
        status in 0u16..1000,
        content_type in prop_oneof![
            Just(None),
            prop::sample::select(vec!["application/json", "text/html", "text/plain; charset=utf-8", "application/octet-stream", ""]).prop_map(Some),
        ],
    ) {
        let e = ApiError::from_parts(status, "GET", "http://x/", Some("req-1".into()), content_type, &body, None);
        let _ = (e.to_string(), e.reason());
        let r = response(body.clone(), vec![("content-type".into(), content_type.unwrap_or("").into())]);
        let _ = r.json();
        let _ = r.to_api_error().to_string();
        let _ = redact::body_text(&body);
    }

    #[test]
    fn dates_and_retry_after_never_panic(
        s in prop_oneof![
            ".{0,40}",
            "[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{0,9})?(Z|[+-].{0,6})?",
            "(Mon|Sun), [0-9]{1,20} (Jan|Feb|Dec|Foo) -?[0-9]{1,20} [0-9]{1,3}:[0-9]{1,3}:[0-9]{1,3} GMT",
            any::<u64>().prop_map(|n| n.to_string()),
        ],
    ) {
        if let Some(t) = time::Timestamp::parse(&s) {
            let _ = t.osc_format();
        }
        let _ = time::parse_http_date(&s);
        let r = response(Vec::new(), vec![("retry-after".into(), s.clone())]);
        let _ = r.retry_after();
    }
}

#[test]
fn deeply_nested_and_oversized_documents_are_refused_cleanly() {
    // serde_json's recursion limit turns a 100 000-deep document into an error, not a stack
    // overflow; what the decoders then see is bounded.
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let r = response(deep.clone().into_bytes(), vec![]);
    let e = r.json().unwrap_err().to_string();
    assert!(
        e.starts_with("Invalid response from http://x/: recursion limit exceeded"),
        "{e}"
    );
    let e = ApiError::from_parts(
        500,
        "GET",
        "u",
        None,
        Some("application/json"),
        deep.as_bytes(),
        None,
    );
    assert_eq!(e.to_string(), "Internal Server Error (HTTP 500)");
    assert_eq!(redact::body_text(deep.as_bytes()), deep);
    let obj = format!("{}{}", "{\"a\":".repeat(100_000), "}".repeat(100_000));
    assert!(response(obj.into_bytes(), vec![]).json().is_err());
}
