//! `--clouds a,b,c` and `--all-clouds` (ostk only): one command run against several clouds at
//! once, each on its own thread with its own configuration, session and token; results merged
//! into one listing with a leading `Cloud` column, failures reported per cloud.

use crate::{
    Terminal,
    context::Context,
    error::CliError,
    globals::{GlobalValue, Split},
    registry::{Entry, Kind, Output},
    render,
};
use ostk_output::{Cell, Listing, Record};
use std::io::Write;

/// The clouds `--clouds`/`--all-clouds` name, in order, without repeats.
fn cloud_names(split: &Split, env: &ostk_sdk::config::Env) -> Result<Vec<String>, CliError> {
    let mut names: Vec<String> = Vec::new();
    if let Some(list) = split.value("clouds") {
        for n in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            if !names.iter().any(|m| m == n) {
                names.push(n.to_string());
            }
        }
        if names.is_empty() {
            return Err(CliError::Message(
                "--clouds needs at least one cloud name (--clouds a,b,c)".into(),
            ));
        }
    }
    if split.flag("all-clouds") {
        let cwd = std::env::current_dir()
            .map_err(|e| CliError::Message(format!("cannot read the current directory: {e}")))?;
        let fs = ostk_sdk::config::Fs::from_env(env, cwd);
        let loaded = ostk_sdk::config::loader::load(env, &fs, "password")?;
        for n in loaded.cloud_names() {
            // `envvars` is the OS_* environment, not a cloud of clouds.yaml
            if n != "envvars" && !names.contains(&n) {
                names.push(n);
            }
        }
        if names.is_empty() {
            return Err(CliError::Message(
                "--all-clouds: no clouds.yaml defines any cloud".into(),
            ));
        }
    }
    Ok(names)
}

/// Runs `entry` once per cloud and renders the merged result; returns the exit code (the first
/// failing cloud's, 0 when all succeeded).
#[allow(clippy::too_many_arguments)]
pub fn run(
    prog: &str,
    entry: &Entry,
    matches: &clap::ArgMatches,
    split: Split,
    env: ostk_sdk::config::Env,
    width: usize,
    term: &Terminal,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let clouds = match cloud_names(&split, &env) {
        Ok(c) => c,
        Err(e) => {
            let _ = writeln!(err, "{}", render::error_line(&e));
            return e.exit_code();
        }
    };
    let results: Vec<(String, Result<Output, CliError>)> = std::thread::scope(|s| {
        let handles: Vec<_> = clouds
            .iter()
            .map(|cloud| {
                let mut globals = split.clone();
                globals
                    .globals
                    .retain(|(k, _)| !matches!(*k, "clouds" | "all-clouds" | "os-cloud"));
                globals
                    .globals
                    .push(("os-cloud", GlobalValue::Value(cloud.clone())));
                let env = env.clone();
                s.spawn(move || {
                    let mut ctx = Context::new(prog.to_string(), globals, env, width);
                    // rows of every cloud are merged: fetch them all
                    (entry.run)(matches, &mut ctx).and_then(|o| o.fetched(&mut ctx))
                })
            })
            .collect();
        clouds
            .iter()
            .cloned()
            .zip(handles)
            .map(|(cloud, h)| {
                let r = h.join().unwrap_or_else(|_| {
                    Err(CliError::Message(
                        "internal error: the command panicked".into(),
                    ))
                });
                (cloud, r)
            })
            .collect()
    });
    let mut ctx = Context::new(prog.to_string(), split, env, width);
    let mut merged = Merged::default();
    let mut failures = Vec::new();
    for (cloud, r) in results {
        match r {
            Ok(o) => merged.add(&cloud, o, &mut failures),
            Err(e) => failures.push((cloud, e)),
        }
    }
    let rendered = merged.render(entry, matches, &mut ctx, term, out, err);
    let _ = out.flush();
    let mut code = 0;
    for (cloud, e) in &failures {
        let line = render::error_line(e);
        let line = if term.stderr_tty {
            ostk_output::table::escape_controls(&line)
        } else {
            line.as_str().into()
        };
        let _ = writeln!(err, "{cloud}: {line}");
        if code == 0 {
            code = e.exit_code();
        }
    }
    if let Err(e) = rendered {
        let _ = writeln!(err, "{}", render::error_line(&e));
        if code == 0 {
            code = e.exit_code();
        }
    }
    code
}

/// What the clouds answered, gathered for one rendering.
#[derive(Default)]
struct Merged {
    /// Rows of listers (or records of ShowOne commands), each with its cloud, in cloud order.
    rows: Vec<(String, Vec<(String, Cell)>)>,
    /// Column order: the first answer's, then columns only later answers had.
    columns: Vec<String>,
    /// Text results (`api`, completion scripts…), written as they are, one after the other.
    text: Vec<String>,
    /// Text for stderr.
    stderr: Vec<String>,
    /// Whether a lister answered (a lister with no rows still prints its header).
    listed: bool,
}

impl Merged {
    fn add(&mut self, cloud: &str, o: Output, failures: &mut Vec<(String, CliError)>) {
        match o {
            Output::None => {}
            Output::Stream(_) => failures.push((
                cloud.to_string(),
                CliError::Message("internal error: rows not fetched".into()),
            )),
            Output::List(Listing { columns, rows }) => {
                self.listed = true;
                self.add_columns(&columns);
                for row in rows {
                    let fields = columns.iter().cloned().zip(row).collect();
                    self.rows.push((cloud.to_string(), fields));
                }
            }
            Output::One(Record { fields }) => {
                let names: Vec<String> = fields.iter().map(|(n, _)| n.clone()).collect();
                self.add_columns(&names);
                self.rows.push((cloud.to_string(), fields));
            }
            Output::Text(t) => self.text.push(t),
            Output::Stderr(t) => self.stderr.push(t),
            Output::TextThen(t, rest) => {
                self.text.push(t);
                self.add(cloud, *rest, failures);
            }
            Output::ForTable { rest, .. } => self.add(cloud, *rest, failures),
            Output::ThenFail(rest, e) => {
                self.add(cloud, *rest, failures);
                failures.push((cloud.to_string(), *e));
            }
        }
    }

    fn add_columns(&mut self, names: &[String]) {
        for n in names {
            if !self.columns.contains(n) {
                self.columns.push(n.clone());
            }
        }
    }

    fn listing(&mut self) -> Listing {
        let mut columns = vec!["Cloud".to_string()];
        columns.extend(self.columns.iter().cloned());
        let rows = std::mem::take(&mut self.rows)
            .into_iter()
            .map(|(cloud, mut fields)| {
                let mut row = vec![Cell::Str(cloud)];
                for c in &self.columns {
                    let cell = fields
                        .iter()
                        .position(|(n, _)| n == c)
                        .map(|i| fields.swap_remove(i).1)
                        .unwrap_or(Cell::None);
                    row.push(cell);
                }
                row
            })
            .collect();
        Listing { columns, rows }
    }

    fn render(
        mut self,
        entry: &Entry,
        matches: &clap::ArgMatches,
        ctx: &mut Context,
        term: &Terminal,
        out: &mut dyn Write,
        err: &mut dyn Write,
    ) -> Result<(), CliError> {
        for t in &self.text {
            out.write_all(t.as_bytes())
                .map_err(ostk_output::OutputError::from)?;
        }
        for t in &self.stderr {
            err.write_all(t.as_bytes())
                .map_err(ostk_output::OutputError::from)?;
        }
        if self.rows.is_empty() && !self.listed {
            return Ok(());
        }
        let listing = self.listing();
        match entry.kind {
            Kind::Show => render::merged_show(matches, &listing, ctx, term, out),
            _ => render::output(entry, matches, Output::List(listing), ctx, term, out, err),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listing(cols: &[&str], rows: &[&[&str]]) -> Output {
        Output::List(Listing {
            columns: cols.iter().map(|c| c.to_string()).collect(),
            rows: rows
                .iter()
                .map(|r| r.iter().map(|c| Cell::Str(c.to_string())).collect())
                .collect(),
        })
    }

    #[test]
    fn rows_of_every_cloud_get_a_cloud_column_and_the_union_of_columns() {
        let mut m = Merged::default();
        let mut failures = Vec::new();
        m.add(
            "a",
            listing(&["ID", "Name"], &[&["1", "x"], &["2", "y"]]),
            &mut failures,
        );
        m.add(
            "b",
            listing(&["ID", "Extra"], &[&["3", "e"]]),
            &mut failures,
        );
        let l = m.listing();
        assert_eq!(l.columns, ["Cloud", "ID", "Name", "Extra"]);
        assert_eq!(l.rows.len(), 3);
        assert_eq!(l.rows[2][0], Cell::Str("b".into()));
        assert_eq!(l.rows[2][2], Cell::None);
        assert_eq!(l.rows[2][3], Cell::Str("e".into()));
        assert!(failures.is_empty());
    }

    #[test]
    fn records_become_one_row_per_cloud() {
        let mut m = Merged::default();
        let mut failures = Vec::new();
        for c in ["a", "b"] {
            let r = Record {
                fields: vec![("id".into(), Cell::Str(format!("t-{c}")))],
            };
            m.add(c, Output::One(r), &mut failures);
        }
        let l = m.listing();
        assert_eq!(l.columns, ["Cloud", "id"]);
        assert_eq!(
            l.rows[1],
            vec![Cell::Str("b".into()), Cell::Str("t-b".into())]
        );
    }

    #[test]
    fn a_partial_result_counts_and_its_failure_is_kept() {
        let mut m = Merged::default();
        let mut failures = Vec::new();
        m.add(
            "a",
            Output::ThenFail(
                Box::new(listing(&["Step"], &[&["x"]])),
                Box::new(CliError::Message("broken".into())),
            ),
            &mut failures,
        );
        assert_eq!(m.rows.len(), 1);
        assert_eq!(failures.len(), 1);
    }
}
