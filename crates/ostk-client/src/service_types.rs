//! Official service types and their aliases, from the OpenStack service-types-authority data
//! that os-service-types ships (version 2024-05-08T19:22:13.804707). keystoneauth matches a catalog entry
//! when its type is the requested type or any alias of the same official type.

/// Official type → aliases, in the authority's preference order.
pub static ALIASES: &[(&str, &[&str])] = &[
    ("admin-logic", &["registration"]),
    ("alarm", &["alarming"]),
    ("application-container", &["container"]),
    ("application-deployment", &["application_deployment"]),
    ("baremetal", &["bare-metal"]),
    (
        "block-storage",
        &["volumev3", "volumev2", "volume", "block-store"],
    ),
    ("clustering", &["resource-cluster", "cluster"]),
    (
        "container-infrastructure-management",
        &["container-infrastructure", "container-infra"],
    ),
    ("event", &["events"]),
    ("instance-ha", &["ha"]),
    ("message", &["messaging"]),
    ("meter", &["metering", "telemetry"]),
    ("monitoring-logging", &["monitoring-log-api"]),
    ("multi-region-network-automation", &["tricircle"]),
    ("operator-policy", &["policy"]),
    ("resource-optimization", &["infra-optim"]),
    ("root-cause-analysis", &["rca"]),
    ("shared-file-system", &["sharev2", "share"]),
    ("workflow", &["workflowv2"]),
];

/// The official type for a type or alias (`volumev3` → `block-storage`); unknown types are
/// returned unchanged.
pub fn official(service_type: &str) -> &str {
    for (official, aliases) in ALIASES {
        if *official == service_type {
            return official;
        }
        if aliases.contains(&service_type) {
            return official;
        }
    }
    service_type
}

/// Every name a catalog may use for this service type: the official type first, then its
/// aliases.
pub fn all_names(service_type: &str) -> Vec<&str> {
    let off = official(service_type);
    let mut v = vec![off];
    if let Some((_, aliases)) = ALIASES.iter().find(|(o, _)| *o == off) {
        v.extend(aliases.iter().copied());
    }
    if !v.contains(&service_type) {
        v.push(service_type);
    }
    v
}

/// Whether a catalog type serves a requested type (equal, or aliases of one official type).
pub fn matches(catalog_type: &str, wanted: &str) -> bool {
    catalog_type == wanted || official(catalog_type) == official(wanted)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases() {
        assert_eq!(official("volumev3"), "block-storage");
        assert!(matches("volumev3", "block-storage"));
        assert!(matches("block-storage", "volume"));
        assert!(!matches("compute", "identity"));
        assert_eq!(official("object-store"), "object-store");
        assert_eq!(all_names("sharev2")[0], "shared-file-system");
    }
}
