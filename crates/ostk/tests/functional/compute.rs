//! compute commands against the devcloud's real service, side by side with the reference where it matters.

/// Compute commands other than `server …` (flavors, key pairs, quotas, aggregates…).
mod misc {
    pub use crate::support::json_of as json;
    use crate::support::{
        Run, Scratch, args, both, cloud_env, ostk_as_openstack, reference, run, run_in, unique,
    };
    use std::collections::BTreeMap;

    pub fn env(cloud: &str) -> BTreeMap<String, String> {
        cloud_env(cloud)
    }

    /// ostk as `openstack` on `cloud`.
    pub fn ostk(s: &Scratch, cloud: &str, a: &[&str]) -> Run {
        run_in(&ostk_as_openstack(), s, &env(cloud), a)
    }

    /// Both CLIs; their outputs and exit codes must be equal.
    pub fn same(s: &Scratch, cloud: &str, a: &[&str]) -> Run {
        let (o, r) = both(a, &env(cloud), &s.cwd(), &s.home());
        assert_eq!(o, r, "ostk vs reference for {a:?}");
        o
    }

    /// Runs `undo` (an ostk command) on drop, so a failing test leaves nothing behind.
    pub struct Undo<'a> {
        pub s: &'a Scratch,
        pub cloud: &'static str,
        pub args: Vec<String>,
    }

    impl Drop for Undo<'_> {
        fn drop(&mut self) {
            let a: Vec<&str> = self.args.iter().map(String::as_str).collect();
            let _ = ostk(self.s, self.cloud, &a);
        }
    }

    fn undo<'a>(s: &'a Scratch, cloud: &'static str, a: &[&str]) -> Undo<'a> {
        Undo {
            s,
            cloud,
            args: args(a),
        }
    }

    #[test]
    fn flavor_create_show_set_unset_list_delete() {
        let s = Scratch::new();
        let name = unique("flv");
        let _u = undo(&s, "devstack-admin", &["flavor", "delete", &name]);
        let created = json(&ostk(
            &s,
            "devstack-admin",
            &[
                "flavor",
                "create",
                &name,
                "--private",
                "--project",
                "demo",
                "--property",
                "a=b",
                "--description",
                "d1",
                "--ram",
                "64",
                "--vcpus",
                "2",
                "-f",
                "json",
            ],
        ));
        assert_eq!(created["properties"], serde_json::json!({"a": "b"}));
        assert_eq!(created["os-flavor-access:is_public"], false);
        assert!(created.get("access_project_ids").is_none());
        for f in ["json", "table", "shell"] {
            same(&s, "devstack-admin", &["flavor", "show", &name, "-f", f]);
        }
        let r = ostk(
            &s,
            "devstack-admin",
            &[
                "flavor",
                "set",
                &name,
                "--no-property",
                "--property",
                "x=y",
                "--description",
                "d2",
            ],
        );
        assert_eq!((r.code, r.stderr.as_str()), (0, ""));
        let r = ostk(
            &s,
            "devstack-admin",
            &[
                "flavor",
                "unset",
                &name,
                "--property",
                "nope",
                "--project",
                "demo",
            ],
        );
        assert_eq!((r.code, r.stderr.as_str()), (0, ""));
        let shown = json(&same(
            &s,
            "devstack-admin",
            &["flavor", "show", &name, "-f", "json"],
        ));
        assert_eq!(shown["properties"], serde_json::json!({"x": "y"}));
        assert_eq!(shown["description"], "d2");
        assert_eq!(shown["access_project_ids"], serde_json::json!([]));
        // A public flavor takes no project access: both print the same failure.
        same(
            &s,
            "devstack-admin",
            &["flavor", "set", "m1.tiny", "--project", "demo"],
        );
        same(
            &s,
            "devstack-admin",
            &["flavor", "create", "x", "--project", "demo"],
        );
        same(
            &s,
            "devstack-admin",
            &["flavor", "list", "--min-ram", "1000", "--long"],
        );
        same(
            &s,
            "devstack-admin",
            &[
                "flavor", "list", "--limit", "2", "--marker", "1", "-f", "json",
            ],
        );
        let listed = json(&ostk(
            &s,
            "devstack-admin",
            &["flavor", "list", "--private", "--long", "-f", "json"],
        ));
        let row = listed
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["Name"] == name.as_str())
            .expect("listed");
        assert_eq!(row["Properties"], serde_json::json!({"x": "y"}));
        assert_eq!(row["VCPUs"], 2);
        let r = ostk(
            &s,
            "devstack-admin",
            &["flavor", "delete", &name, "ostk-no-such-flavor"],
        );
        assert_eq!(r.code, 1);
        assert_eq!(
            r.stderr,
            "Failed to delete flavor with name or ID 'ostk-no-such-flavor': No Flavor found for ostk-no-such-flavor\n1 of 2 flavors failed to delete.\n"
        );
        same(&s, "devstack-admin", &["flavor", "show", &name]);
    }

    #[test]
    fn keypair_create_show_list_delete() {
        let s = Scratch::new();
        let (a, b) = (unique("kpa"), unique("kpb"));
        let _ua = undo(&s, "devstack", &["keypair", "delete", &a]);
        let _ub = undo(&s, "devstack", &["keypair", "delete", &b]);
        // A generated key: the private key is printed, then an empty table line.
        let r = ostk(&s, "devstack", &["keypair", "create", &a]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert!(
            r.stdout
                .starts_with("-----BEGIN OPENSSH PRIVATE KEY-----\n")
        );
        assert!(r.stdout.ends_with("-----END OPENSSH PRIVATE KEY-----\n\n"));
        let key = s.cwd().join("a.key");
        std::fs::write(&key, r.stdout.trim_end().to_string() + "\n").unwrap();
        let public = same(&s, "devstack", &["keypair", "show", &a, "--public-key"]);
        assert!(
            public.stdout.starts_with("ssh-ed25519 "),
            "{}",
            public.stdout
        );
        // --private-key writes the key (mode 0600) and shows the new key pair.
        let priv_file = s.cwd().join("b.key");
        let created = json(&ostk(
            &s,
            "devstack",
            &[
                "keypair",
                "create",
                &b,
                "--private-key",
                priv_file.to_str().unwrap(),
                "-f",
                "json",
            ],
        ));
        assert_eq!(created["name"], b.as_str());
        assert_eq!(created["type"], "ssh");
        assert!(created.get("private_key").is_none() && created.get("public_key").is_none());
        use std::os::unix::fs::PermissionsExt;
        let meta = std::fs::metadata(&priv_file).unwrap();
        assert_eq!(meta.permissions().mode() & 0o777, 0o600);
        let text = std::fs::read_to_string(&priv_file).unwrap();
        assert!(text.starts_with("-----BEGIN OPENSSH PRIVATE KEY-----\n"));
        for f in ["json", "table", "value"] {
            same(&s, "devstack", &["keypair", "show", &b, "-f", f]);
        }
        // A public key from a file.
        let pubf = s.cwd().join("k.pub");
        std::fs::write(&pubf, public.stdout.clone() + " comment\n").unwrap();
        let c = unique("kpc");
        let _uc = undo(&s, "devstack", &["keypair", "delete", &c]);
        let r = ostk(
            &s,
            "devstack",
            &[
                "keypair",
                "create",
                &c,
                "--public-key",
                pubf.to_str().unwrap(),
            ],
        );
        assert_eq!(r.code, 0, "{}", r.stderr);
        same(&s, "devstack", &["keypair", "list", "-f", "json"]);
        same(
            &s,
            "devstack",
            &[
                "keypair",
                "create",
                "x",
                "--public-key",
                "/nonexistent/k.pub",
            ],
        );
        same(&s, "devstack", &["keypair", "show", "ostk-no-such-key"]);
        same(
            &s,
            "devstack",
            &["keypair", "delete", "ostk-no-such-key", "ostk-no-such-key2"],
        );
        same(&s, "devstack-admin", &["keypair", "list", "--user", "demo"]);
        let r = ostk(&s, "devstack", &["keypair", "delete", &a, &b, &c]);
        assert_eq!((r.code, r.stderr.as_str()), (0, ""));
    }

    #[test]
    fn quota_set_show_list_delete() {
        let s = Scratch::new();
        let project = unique("quota");
        let r = ostk(&s, "devstack-admin", &["project", "create", &project]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        let _u = undo(&s, "devstack-admin", &["project", "delete", &project]);
        let r = ostk(
            &s,
            "devstack-admin",
            &[
                "quota",
                "set",
                &project,
                "--cores",
                "7",
                "--key-pairs",
                "3",
                "--volumes",
                "9",
                "--networks",
                "11",
                "--ports",
                "12",
            ],
        );
        assert_eq!((r.code, r.stderr.as_str()), (0, ""));
        for a in [
            vec!["quota", "show", &project],
            vec!["quota", "show", &project, "--usage", "-f", "json"],
            vec!["quota", "show", &project, "--default", "--compute"],
            vec!["quota", "show", &project, "--network", "-f", "value"],
            vec!["quota", "show", "--volume"],
            vec!["quota", "show", "ostk-no-such-project"],
        ] {
            same(&s, "devstack-admin", &a);
        }
        let listed = json(&ostk(
            &s,
            "devstack-admin",
            &["quota", "list", "--compute", "-f", "json"],
        ));
        assert!(
            listed
                .as_array()
                .unwrap()
                .iter()
                .any(|r| r["Cores"] == 7 && r["Key Pairs"] == 3),
            "{listed}"
        );
        same(&s, "devstack-admin", &["quota", "list"]);
        same(
            &s,
            "devstack-admin",
            &[
                "quota",
                "set",
                &project,
                "--default",
                "--force",
                "--cores",
                "1",
            ],
        );
        let r = ostk(
            &s,
            "devstack-admin",
            &["quota", "delete", &project, "--network"],
        );
        assert_eq!((r.code, r.stderr.as_str()), (0, ""));
        // neutron's quota is gone already: no error the second time, as in OSC.
        let r = ostk(&s, "devstack-admin", &["quota", "delete", &project]);
        assert_eq!((r.code, r.stderr.as_str()), (0, ""));
        let shown = json(&same(
            &s,
            "devstack-admin",
            &["quota", "show", &project, "-f", "json"],
        ));
        let cores = shown
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["Resource"] == "cores")
            .unwrap();
        assert_ne!(cores["Limit"], 7);
    }

    #[test]
    fn limits_show() {
        let s = Scratch::new();
        // An explicit volume microversion: the same requests from both, whatever discovery does.
        for (cloud, a) in [
            (
                "devstack",
                vec![
                    "--os-volume-api-version",
                    "3.39",
                    "limits",
                    "show",
                    "--absolute",
                ],
            ),
            (
                "devstack-admin",
                vec![
                    "--os-volume-api-version",
                    "3.39",
                    "limits",
                    "show",
                    "--absolute",
                    "--reserved",
                    "--project",
                    "demo",
                    "-f",
                    "json",
                ],
            ),
            (
                "devstack",
                vec![
                    "--os-volume-api-version",
                    "3.39",
                    "limits",
                    "show",
                    "--rate",
                ],
            ),
            ("devstack", vec!["limits", "show"]),
            (
                "devstack",
                vec![
                    "limits",
                    "show",
                    "--absolute",
                    "--project",
                    "ostk-no-such-project",
                ],
            ),
        ] {
            same(&s, cloud, &a);
        }
    }

    #[test]
    fn availability_zones_services_hypervisors_hosts() {
        let s = Scratch::new();
        for (cloud, a) in [
            ("devstack-admin", vec!["availability", "zone", "list"]),
            ("devstack", vec!["availability", "zone", "list", "--long"]),
            (
                "devstack-admin",
                vec![
                    "availability",
                    "zone",
                    "list",
                    "--network",
                    "--volume",
                    "--long",
                ],
            ),
            (
                "devstack-admin",
                vec!["availability", "zone", "list", "--share"],
            ),
            (
                "devstack-admin",
                vec![
                    "compute",
                    "service",
                    "list",
                    "-c",
                    "Binary",
                    "-c",
                    "Host",
                    "-c",
                    "Status",
                    "--sort-column",
                    "Binary",
                ],
            ),
            (
                "devstack",
                vec!["compute", "service", "list", "--sort-column", "Binary"],
            ),
            (
                "devstack-admin",
                vec![
                    "compute",
                    "service",
                    "set",
                    "devcloud",
                    "nova-compute",
                    "--enable",
                    "--up",
                ],
            ),
            (
                "devstack-admin",
                vec![
                    "compute",
                    "service",
                    "set",
                    "devcloud",
                    "nova-compute",
                    "--disable-reason",
                    "x",
                ],
            ),
            (
                "devstack-admin",
                vec![
                    "compute",
                    "service",
                    "set",
                    "devcloud",
                    "ostk-nope",
                    "--enable",
                ],
            ),
            (
                "devstack-admin",
                vec!["compute", "service", "delete", "ostk-nope"],
            ),
            ("devstack-admin", vec!["hypervisor", "list", "--long"]),
            (
                "devstack-admin",
                vec!["hypervisor", "list", "--matching", "dev", "--limit", "1"],
            ),
            (
                "devstack-admin",
                vec![
                    "hypervisor",
                    "show",
                    "devcloud",
                    "-f",
                    "json",
                    "-c",
                    "hypervisor_type",
                    "-c",
                    "service_host",
                    "-c",
                    "cpu_info",
                ],
            ),
            (
                "devstack-admin",
                vec![
                    "--os-compute-api-version",
                    "2.27",
                    "hypervisor",
                    "show",
                    "devcloud",
                    "-c",
                    "id",
                    "-c",
                    "cpu_info",
                ],
            ),
            ("devstack-admin", vec!["hypervisor", "show", "ostk-nope"]),
            (
                "devstack-admin",
                vec!["hypervisor", "stats", "show", "-c", "count"],
            ),
            ("devstack-admin", vec!["host", "list", "--zone", "nova"]),
            (
                "devstack-admin",
                vec![
                    "host", "show", "devcloud", "-c", "Host", "-c", "Project", "-c", "CPU",
                ],
            ),
            (
                "devstack-admin",
                vec!["host", "set", "devcloud", "--enable"],
            ),
            (
                "devstack-admin",
                vec!["host", "set", "ostk-nope", "--disable-maintenance"],
            ),
        ] {
            same(&s, cloud, &a);
        }
    }

    #[test]
    fn aggregate_lifecycle() {
        let s = Scratch::new();
        let (name, renamed) = (unique("agg"), unique("agg2"));
        let _u = undo(&s, "devstack-admin", &["aggregate", "delete", &name]);
        let _u2 = undo(&s, "devstack-admin", &["aggregate", "delete", &renamed]);
        // nova keeps an aggregate that still has hosts: take the host out first (drops first).
        let _h = undo(
            &s,
            "devstack-admin",
            &["aggregate", "remove", "host", &name, "devcloud"],
        );
        let created = json(&ostk(
            &s,
            "devstack-admin",
            &[
                "aggregate",
                "create",
                &name,
                "--property",
                "a=b",
                "-f",
                "json",
            ],
        ));
        assert_eq!(created["properties"], serde_json::json!({"a": "b"}));
        assert_eq!(created["hosts"], serde_json::json!([]));
        same(&s, "devstack-admin", &["aggregate", "show", &name]);
        // No zone yet: the host can join and leave although servers run on it.
        let added = json(&ostk(
            &s,
            "devstack-admin",
            &["aggregate", "add", "host", &name, "devcloud", "-f", "json"],
        ));
        assert_eq!(added["hosts"], serde_json::json!(["devcloud"]));
        same(
            &s,
            "devstack-admin",
            &["aggregate", "list", "--long", "--host", "devcloud"],
        );
        same(
            &s,
            "devstack-admin",
            &["hypervisor", "show", "devcloud", "-c", "aggregates"],
        );
        let removed = json(&ostk(
            &s,
            "devstack-admin",
            &[
                "aggregate",
                "remove",
                "host",
                &name,
                "devcloud",
                "-f",
                "json",
            ],
        ));
        assert_eq!(removed["hosts"], serde_json::json!([]));
        let r = ostk(
            &s,
            "devstack-admin",
            &[
                "aggregate",
                "set",
                &name,
                "--name",
                &renamed,
                "--zone",
                "ostkz",
                "--no-property",
                "--property",
                "x=y",
            ],
        );
        assert_eq!((r.code, r.stderr.as_str()), (0, ""));
        let r = ostk(
            &s,
            "devstack-admin",
            &["aggregate", "unset", &renamed, "--property", "nope"],
        );
        assert_eq!((r.code, r.stderr.as_str()), (0, ""));
        let shown = json(&same(
            &s,
            "devstack-admin",
            &["aggregate", "show", &renamed, "-f", "json"],
        ));
        assert_eq!(shown["properties"], serde_json::json!({"x": "y"}));
        assert_eq!(shown["availability_zone"], "ostkz");
        same(
            &s,
            "devstack-admin",
            &[
                "aggregate",
                "cache",
                "image",
                &renamed,
                "ostk-no-such-image",
            ],
        );
        let r = ostk(
            &s,
            "devstack-admin",
            &["aggregate", "delete", &renamed, "ostk-no-such-agg"],
        );
        assert_eq!(r.code, 1);
        assert!(
            r.stderr.ends_with("1 of 2 aggregates failed to delete.\n"),
            "{}",
            r.stderr
        );
        same(
            &s,
            "devstack-admin",
            &["aggregate", "show", "ostk-no-such-agg"],
        );
    }

    #[test]
    fn usage_list_show() {
        let s = Scratch::new();
        // Columns that do not move while servers run.
        same(&s, "devstack-admin", &["usage", "list", "-c", "Project"]);
        same(
            &s,
            "devstack-admin",
            &[
                "usage",
                "list",
                "--start",
                "2020-01-01",
                "--end",
                "2020-02-01",
            ],
        );
        same(&s, "devstack-admin", &["usage", "list", "--start", "nope"]);
        same(
            &s,
            "devstack-admin",
            &[
                "usage",
                "show",
                "--project",
                "admin",
                "--start",
                "2020-01-01",
                "--end",
                "2020-02-01",
            ],
        );
        same(
            &s,
            "devstack-admin",
            &[
                "usage",
                "show",
                "--project",
                "admin",
                "-f",
                "json",
                "--start",
                "2020-01-01",
                "--end",
                "2020-02-01",
            ],
        );
        same(
            &s,
            "devstack",
            &["usage", "show", "-c", "Project", "--start", "2020-01-01"],
        );
    }

    #[test]
    fn server_group_lifecycle() {
        let s = Scratch::new();
        let (a, b) = (unique("sga"), unique("sgb"));
        let _ua = undo(&s, "devstack", &["server", "group", "delete", &a]);
        let _ub = undo(&s, "devstack", &["server", "group", "delete", &b]);
        let created = json(&ostk(
            &s,
            "devstack",
            &[
                "server",
                "group",
                "create",
                &a,
                "--policy",
                "anti-affinity",
                "--rule",
                "max_server_per_host=2",
                "-f",
                "json",
            ],
        ));
        assert_eq!(created["policy"], "anti-affinity");
        assert_eq!(
            created["rules"],
            serde_json::json!({"max_server_per_host": 2})
        );
        let r = ostk(
            &s,
            "devstack",
            &["server", "group", "create", &b, "--policy", "soft-affinity"],
        );
        assert_eq!(r.code, 0, "{}", r.stderr);
        for a in [
            vec!["server", "group", "show", &a],
            vec!["server", "group", "show", &b, "-f", "json"],
            vec![
                "--os-compute-api-version",
                "2.63",
                "server",
                "group",
                "show",
                &a,
            ],
            vec!["server", "group", "list", "--long"],
            vec![
                "--os-compute-api-version",
                "2.63",
                "server",
                "group",
                "list",
            ],
            vec!["server", "group", "list", "--limit", "1"],
            vec!["server", "group", "show", "ostk-no-such-group"],
            vec![
                "--os-compute-api-version",
                "2.14",
                "server",
                "group",
                "create",
                "x",
                "--policy",
                "soft-affinity",
            ],
        ] {
            same(&s, "devstack", &a);
        }
        let r = ostk(
            &s,
            "devstack",
            &["server", "group", "delete", &a, "ostk-no-such-group", &b],
        );
        assert_eq!(
            (r.code, r.stderr.as_str()),
            (
                1,
                "No ServerGroup found for ostk-no-such-group\n1 of 3 server groups failed to delete.\n"
            )
        );
    }

    /// A server made with the reference CLI, deleted on drop.
    struct Server<'a> {
        s: &'a Scratch,
        name: String,
    }

    impl Drop for Server<'_> {
        fn drop(&mut self) {
            let a: Vec<String> = ["server", "delete", "--wait", &self.name]
                .iter()
                .map(|x| x.to_string())
                .collect();
            let _ = run(
                &reference(),
                &a,
                &env("devstack"),
                &self.s.cwd(),
                &self.s.home(),
            );
        }
    }

    #[test]
    fn console_and_server_events() {
        let s = Scratch::new();
        let name = unique("srv");
        let srv = Server {
            s: &s,
            name: name.clone(),
        };
        let image = json(&ostk(&s, "devstack", &["image", "list", "-f", "json"]));
        let image = image
            .as_array()
            .unwrap()
            .iter()
            .find(|i| {
                i["Name"].as_str().is_some_and(|n| n.starts_with("cirros"))
                    && i["Status"] == "active"
            })
            .expect("a cirros image")["ID"]
            .as_str()
            .unwrap()
            .to_string();
        let a: Vec<String> = [
            "server",
            "create",
            "--image",
            &image,
            "--flavor",
            "m1.tiny",
            "--network",
            "private",
            "--wait",
            &name,
        ]
        .iter()
        .map(|x| x.to_string())
        .collect();
        let r = run(&reference(), &a, &env("devstack"), &s.cwd(), &s.home());
        assert_eq!(r.code, 0, "{}", r.stderr);
        for a in [
            vec!["console", "log", "show", &srv.name],
            vec!["console", "log", "show", &srv.name, "--lines", "1"],
            vec!["console", "log", "show", "ostk-no-such-server"],
            vec!["console", "url", "show", &srv.name],
            vec!["console", "url", "show", &srv.name, "--serial"],
            vec!["server", "event", "list", &srv.name, "--long"],
            vec![
                "server",
                "event",
                "list",
                &srv.name,
                "--changes-since",
                "2020-01-01",
                "-f",
                "value",
                "-c",
                "Action",
            ],
            vec!["server", "event", "list", "ostk-no-such-server"],
            vec![
                "server",
                "event",
                "list",
                "2f8b3c1c-7d7c-4b7e-9a65-6f0f2b4d7e11",
            ],
            vec!["server", "event", "show", &srv.name, "req-nope"],
        ] {
            same(&s, "devstack", &a);
        }
        let events = json(&ostk(
            &s,
            "devstack",
            &["server", "event", "list", &srv.name, "-f", "json"],
        ));
        let req = events[0]["Request ID"].as_str().unwrap().to_string();
        same(
            &s,
            "devstack",
            &["server", "event", "show", &srv.name, &req, "-f", "json"],
        );
        same(
            &s,
            "devstack",
            &[
                "--os-compute-api-version",
                "2.50",
                "server",
                "event",
                "show",
                &srv.name,
                &req,
            ],
        );
        same(
            &s,
            "devstack-admin",
            &["console", "connection", "show", "ostk-nope"],
        );
    }

    #[test]
    fn compute_agent_reports_the_removed_api() {
        let s = Scratch::new();
        for a in [
            vec!["compute", "agent", "list"],
            vec![
                "compute", "agent", "create", "linux", "x86", "1", "http://x", "0123", "xen",
            ],
            vec!["compute", "agent", "delete", "1", "2"],
            vec!["compute", "agent", "set", "1", "--url", "http://y"],
        ] {
            same(&s, "devstack-admin", &a);
        }
    }
}
