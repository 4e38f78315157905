//! Built-in vendor profiles (`profile: <name>` in clouds.yaml).
//!
//! This module owns openstacksdk 4.22.0's `openstack/config/vendors/*`
//! files, shipped verbatim as data, and the lookup `vendors.get_profile`
//! performs (minus the network fetch of URL profiles, which is refused).

use serde_json::{Map, Value};
use std::sync::OnceLock;

static FILES: &[(&str, &str)] = &[
    ("auro.json", include_str!("vendors/auro.json")),
    ("betacloud.json", include_str!("vendors/betacloud.json")),
    ("binero.json", include_str!("vendors/binero.json")),
    ("bluebox.json", include_str!("vendors/bluebox.json")),
    ("catalyst.json", include_str!("vendors/catalyst.json")),
    ("citycloud.json", include_str!("vendors/citycloud.json")),
    ("conoha.json", include_str!("vendors/conoha.json")),
    (
        "dreamcompute.json",
        include_str!("vendors/dreamcompute.json"),
    ),
    ("elastx.json", include_str!("vendors/elastx.json")),
    (
        "entercloudsuite.json",
        include_str!("vendors/entercloudsuite.json"),
    ),
    ("fuga.json", include_str!("vendors/fuga.json")),
    ("ibmcloud.json", include_str!("vendors/ibmcloud.json")),
    ("internap.json", include_str!("vendors/internap.json")),
    (
        "limestonenetworks.yaml",
        include_str!("vendors/limestonenetworks.yaml"),
    ),
    ("otc-swiss.json", include_str!("vendors/otc-swiss.json")),
    ("otc.json", include_str!("vendors/otc.json")),
    ("ovh-us.json", include_str!("vendors/ovh-us.json")),
    ("ovh.json", include_str!("vendors/ovh.json")),
    ("rackspace.json", include_str!("vendors/rackspace.json")),
    ("switchcloud.json", include_str!("vendors/switchcloud.json")),
    (
        "switchengines.json",
        include_str!("vendors/switchengines.json"),
    ),
    ("ultimum.json", include_str!("vendors/ultimum.json")),
    ("unitedstack.json", include_str!("vendors/unitedstack.json")),
    ("vexxhost.json", include_str!("vendors/vexxhost.json")),
    ("zetta.json", include_str!("vendors/zetta.json")),
];

fn table() -> &'static Vec<(String, Map<String, Value>)> {
    static T: OnceLock<Vec<(String, Map<String, Value>)>> = OnceLock::new();
    T.get_or_init(|| {
        let mut out: Vec<(String, Map<String, Value>)> = Vec::new();
        // openstacksdk globs *.yaml first, then *.json; later names win.
        let yaml = FILES.iter().filter(|(n, _)| n.ends_with(".yaml"));
        let json = FILES.iter().filter(|(n, _)| n.ends_with(".json"));
        for (name, text) in yaml.chain(json) {
            let Ok(doc) = crate::yaml::parse_document(name, text) else {
                continue;
            };
            let (Some(Value::String(vname)), Some(Value::Object(profile))) =
                (doc.get("name"), doc.get("profile"))
            else {
                continue;
            };
            out.retain(|(n, _)| n != vname);
            out.push((vname.clone(), profile.clone()));
        }
        out
    })
}

/// Names of every built-in vendor profile.
pub fn profiles() -> Vec<&'static str> {
    table().iter().map(|(n, _)| n.as_str()).collect()
}

/// Result of looking a profile up.
#[derive(Debug, Clone, PartialEq)]
pub enum Profile {
    /// A built-in profile (a copy).
    Found(Map<String, Value>),
    /// The name is a URL: openstacksdk would fetch
    /// `{scheme}://{netloc}/.well-known/openstack/api`; we never do.
    Remote(String),
    /// Unknown name.
    NotFound,
}

/// `openstack.config.vendors.get_profile` without network access.
pub fn get_profile(name: &str) -> Profile {
    if let Some((_, p)) = table().iter().find(|(n, _)| n == name) {
        return Profile::Found(p.clone());
    }
    // urllib.parse.urlparse(name).netloc: needs "//" after an optional scheme.
    let rest = match name.split_once(':') {
        Some((scheme, rest))
            if !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)) =>
        {
            rest
        }
        _ => name,
    };
    if let Some(after) = rest.strip_prefix("//") {
        let netloc = after.split(['/', '?', '#']).next().unwrap_or("");
        if !netloc.is_empty() {
            let scheme = name.split_once(':').map(|(s, _)| s).unwrap_or("");
            return Profile::Remote(format!("{scheme}://{netloc}/.well-known/openstack/api"));
        }
    }
    Profile::NotFound
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_vendor_files_load() {
        assert_eq!(profiles().len(), FILES.len());
        match get_profile("limestonenetworks") {
            Profile::Found(p) => assert!(p.contains_key("regions")),
            other => panic!("{other:?}"),
        }
        match get_profile("ovh") {
            Profile::Found(p) => assert_eq!(p["profile"], "https://ovhcloud.com"),
            other => panic!("{other:?}"),
        }
        assert_eq!(
            get_profile("https://ovhcloud.com"),
            Profile::Remote("https://ovhcloud.com/.well-known/openstack/api".into())
        );
        assert_eq!(get_profile("nope"), Profile::NotFound);
    }
}
