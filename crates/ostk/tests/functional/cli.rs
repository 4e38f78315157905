//! The CLI shell around commands: help, usage errors, completion, program name — compared with
//! the reference where python-openstackclient's output is deterministic.

use crate::support::{Scratch, both, ostk, run};
use std::collections::BTreeMap;

fn last_line(s: &str) -> &str {
    s.trim_end().lines().last().unwrap_or("")
}

#[test]
fn command_help_is_identical() {
    let s = Scratch::new();
    for args in [
        &["help", "configuration", "show"][..],
        &["configuration", "show", "-h"],
        &["help", "complete"],
        &["help", "help"],
    ] {
        let (o, r) = both(args, &BTreeMap::new(), &s.cwd(), &s.home());
        assert_eq!(o, r, "ostk {args:?} differs from openstack");
    }
}

#[test]
fn usage_errors_are_identical() {
    let s = Scratch::new();
    for args in [
        &["configuration", "show", "--bogus"][..],
        &["configuration", "show", "-f", "xml"],
        &["configuration", "show", "--mask", "--unmask"],
        &["configuration", "show", "--max-width", "x"],
    ] {
        let (o, r) = both(args, &BTreeMap::new(), &s.cwd(), &s.home());
        assert_eq!(
            (o.code, &o.stdout, &o.stderr),
            (r.code, &r.stdout, &r.stderr),
            "ostk {args:?} differs"
        );
    }
    // `complete --shell` takes more shells than cliff's bash/none (on purpose): same usage and
    // exit code for an unknown one, the choices listed are ostk's.
    let (o, r) = both(
        &["complete", "--shell", "tcsh"],
        &BTreeMap::new(),
        &s.cwd(),
        &s.home(),
    );
    assert_eq!(
        (o.code, o.stderr.lines().next()),
        (r.code, r.stderr.lines().next())
    );
    assert_eq!(
        last_line(&o.stderr),
        "openstack complete: error: argument --shell: invalid choice: 'tcsh' (choose from 'bash', 'none', 'zsh', 'fish', 'powershell', 'elvish')"
    );
}

#[test]
fn global_option_errors_match() {
    let s = Scratch::new();
    // The reference's global usage lists auth options in a random order, so compare the error line.
    for args in [
        &["--os-cloud"][..],
        &["--os-interface", "bogus", "configuration", "show"],
        &["--os-auth-type", "nope", "configuration", "show"],
    ] {
        let (o, r) = both(args, &BTreeMap::new(), &s.cwd(), &s.home());
        assert_eq!(o.code, r.code, "{args:?}");
        // argparse lists auth-type choices in set order, which changes from run to run.
        let norm = |l: &str| match l.split_once("(choose from ") {
            Some((head, list)) => {
                let mut items: Vec<&str> = list.trim_end_matches(')').split(", ").collect();
                items.sort_unstable();
                format!("{head}{items:?}")
            }
            None => l.to_string(),
        };
        assert_eq!(
            norm(last_line(&o.stderr)),
            norm(last_line(&r.stderr)),
            "{args:?}"
        );
        assert!(
            o.stderr
                .starts_with("usage: openstack [--version] [-v | -q]")
                || o.stderr.starts_with("usage: ostk [--version] [-v | -q]")
        );
    }
}

#[test]
fn unknown_command_matches_first_line_and_exit_code() {
    let s = Scratch::new();
    let (o, r) = both(&["nosuch", "thing"], &BTreeMap::new(), &s.cwd(), &s.home());
    assert_eq!(o.code, 2);
    assert_eq!(o.code, r.code);
    let first = |x: &str| x.lines().next().unwrap_or("").to_string();
    assert_eq!(first(&o.stdout), first(&r.stdout));
    assert_eq!(o.stdout.lines().nth(1), Some("Did you mean one of these?"));
}

#[test]
fn completion_data_matches_for_shared_commands() {
    let s = Scratch::new();
    let (o, r) = both(
        &["complete", "--shell", "none"],
        &BTreeMap::new(),
        &s.cwd(),
        &s.home(),
    );
    assert_eq!(o.code, 0);
    for key in ["cmds_configuration_show=", "cmds_complete=", "cmds_help="] {
        let line = |t: &str| {
            t.lines()
                .find(|l| l.trim_start().starts_with(key))
                .map(str::to_string)
        };
        assert_eq!(line(&o.stdout), line(&r.stdout), "{key}");
    }
    let (o, r) = both(&["complete"], &BTreeMap::new(), &s.cwd(), &s.home());
    assert!(o.stdout.starts_with("_openstack()\n{\n"));
    assert_eq!(
        o.stdout.lines().last(),
        Some("complete -F _openstack openstack")
    );
    // The trailer (the completion function's logic) is cliff's, byte for byte.
    let trailer =
        |t: &str| t[t.find("\n  dash=-").unwrap()..t.rfind("complete -F").unwrap()].to_string();
    assert_eq!(trailer(&o.stdout), trailer(&r.stdout));
}

#[test]
fn invoked_as_openstack_behaves_the_same() {
    let s = Scratch::new();
    let link = s.dir.path().join("openstack");
    std::os::unix::fs::symlink(ostk(), &link).unwrap();
    let v = run(
        &link,
        &["--version".to_string()],
        &BTreeMap::new(),
        &s.cwd(),
        &s.home(),
    );
    assert_eq!(v.code, 0);
    assert_eq!(
        v.stdout,
        format!("openstack {}\n", env!("CARGO_PKG_VERSION"))
    );
    let h = run(
        &link,
        &["help".into(), "configuration".into(), "show".into()],
        &BTreeMap::new(),
        &s.cwd(),
        &s.home(),
    );
    assert!(
        h.stdout
            .starts_with("usage: openstack configuration show [-h]"),
        "{}",
        h.stdout
    );
}

/// Beyond cliff's bash script: zsh, fish and PowerShell completion scripts from the same
/// command tree, loaded into the real shells (devcloud installs zsh and fish).
#[test]
fn completion_scripts_for_other_shells_work_in_those_shells() {
    let s = Scratch::new();
    let script = |shell: &str| {
        let r = run(
            &crate::support::ostk_as_openstack(),
            &crate::support::args(&["complete", "--shell", shell]),
            &BTreeMap::new(),
            &s.cwd(),
            &s.home(),
        );
        assert_eq!(r.code, 0, "{}", r.stderr);
        let path = s.cwd().join(format!("openstack.{shell}"));
        std::fs::write(&path, &r.stdout).unwrap();
        path
    };
    let fish = script("fish");
    let complete = |line: &str| {
        let out = std::process::Command::new("fish")
            .arg("-c")
            .arg(format!("source {}; complete -C '{line}'", fish.display()))
            .output()
            .expect("fish (devcloud installs it)");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert!(complete("openstack server li").starts_with("list\t"));
    assert!(complete("openstack server list --fl").starts_with("--flavor\t"));
    let zsh = script("zsh");
    let check = std::process::Command::new("zsh")
        .arg("-n")
        .arg(&zsh)
        .output()
        .expect("zsh (devcloud installs it)");
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let ps = std::fs::read_to_string(script("powershell")).unwrap();
    assert!(ps.contains("Register-ArgumentCompleter") && ps.contains("'server'"));
}
