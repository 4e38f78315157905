//! Command parity with python-openstackclient: every ostk command exists in `openstack` under
//! the same words and takes the same options (data: tests/data/osc-commands.tsv, regenerated
//! by tests/data/gen-osc-commands.py from the reference CLI; tests/data/osc-plugin-commands.tsv holds
//! the commands of the service plugins ostk builds in — heat, barbican, octavia, designate —
//! generated from the reference with those plugins installed).

use std::collections::{BTreeMap, BTreeSet};

/// ostk-only commands (beyond python-openstackclient).
const OSTK_ONLY_COMMANDS: &[&str] = &["api", "auth check", "manpage"];
/// ostk-only options, allowed on any command.
const OSTK_ONLY_OPTIONS: &[&str] = &[];
/// ostk-only options of one command.
const OSTK_ONLY_COMMAND_OPTIONS: &[(&str, &str)] = &[("object create", "--segment-size")];

fn reference() -> BTreeMap<String, BTreeSet<String>> {
    include_str!("data/osc-commands.tsv")
        .lines()
        .chain(include_str!("data/osc-plugin-commands.tsv").lines())
        .map(|l| {
            let (words, opts) = l.split_once('\t').unwrap_or((l, ""));
            (
                words.to_string(),
                opts.split_whitespace()
                    // cliff's completion data lists the sub-words of a command that is also a
                    // prefix (`image import` → `info`): those are no options.
                    .filter(|o| o.starts_with('-'))
                    .map(str::to_string)
                    .collect(),
            )
        })
        .collect()
}

#[test]
fn every_command_and_option_matches_the_reference() {
    let reference = reference();
    let mut problems = Vec::new();
    for e in ostk_cli::commands::all() {
        if OSTK_ONLY_COMMANDS.contains(&e.words) {
            continue;
        }
        let Some(expected) = reference.get(e.words) else {
            problems.push(format!(
                "`{}` is not a python-openstackclient command",
                e.words
            ));
            continue;
        };
        let cmd = ostk_cli::clap_command(e, e.words);
        let ours: BTreeSet<String> = cmd
            .get_arguments()
            .filter(|a| !a.is_positional())
            .flat_map(|a| {
                let mut v = Vec::new();
                if let Some(s) = a.get_short() {
                    v.push(format!("-{s}"));
                }
                if let Some(l) = a.get_long() {
                    v.push(format!("--{l}"));
                }
                for s in a.get_visible_short_aliases().unwrap_or_default() {
                    v.push(format!("-{s}"));
                }
                v
            })
            .filter(|o| !OSTK_ONLY_OPTIONS.contains(&o.as_str()))
            .filter(|o| !OSTK_ONLY_COMMAND_OPTIONS.contains(&(e.words, o.as_str())))
            .collect();
        let missing: Vec<_> = expected.difference(&ours).collect();
        let extra: Vec<_> = ours.difference(expected).collect();
        if !missing.is_empty() || !extra.is_empty() {
            problems.push(format!(
                "`{}`: missing {missing:?}, not in openstack {extra:?}",
                e.words
            ));
        }
    }
    let implemented = ostk_cli::commands::all()
        .iter()
        .filter(|e| reference.contains_key(e.words))
        .count();
    eprintln!(
        "parity: {implemented} of {} python-openstackclient commands implemented",
        reference.len()
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
