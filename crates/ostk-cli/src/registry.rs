//! The command table: every command's words, description, kind and entry points, and cliff's
//! command lookup (longest prefix of words, per-word abbreviations, fuzzy suggestions).

use crate::{context::Context, error::CliError};
use clap::{ArgMatches, FromArgMatches};
use ostk_output::{Listing, Record};

/// What a command returns; the binary renders it. Commands never print.
#[derive(Debug)]
pub enum Output {
    /// Nothing to print (cliff `Command`).
    None,
    /// Rows (cliff `Lister`).
    List(Listing),
    /// Rows of a long listing, produced page by page while they are written (cliff `Lister`):
    /// with the formats that allow it, memory does not grow with the number of rows.
    Stream(RowStream),
    /// One record (cliff `ShowOne`).
    One(Record),
    /// Literal text (help, completion scripts).
    Text(String),
    /// Literal text for stderr, with success (a few OSC commands report this way).
    Stderr(String),
    /// Literal text written to stdout before the result (OSC commands that write to
    /// `self.app.stdout` and then return an empty record, like `keypair create`).
    TextThen(String, Box<Output>),
    /// A result preceded by `note` on stdout when the formatter is `table` (OSC commands that
    /// check `parsed_args.formatter == 'table'`, like `usage show`); `table_error` ends the
    /// command after the note instead (a table formatter that fails on the data).
    ForTable {
        /// Written first, table format only.
        note: String,
        /// The failure of the table formatter, if it fails.
        table_error: Option<String>,
        /// The result.
        rest: Box<Output>,
    },
    /// A result printed in full, after which the command fails with the error (a diagnosis
    /// that shows the steps that passed before the one that failed).
    ThenFail(Box<Output>, Box<CliError>),
}

impl Output {
    /// The same result with the rows of a [`Output::Stream`] fetched (wherever it is nested).
    pub fn fetched(self, ctx: &mut Context) -> Result<Output, CliError> {
        Ok(match self {
            Output::Stream(s) => Output::List(s.collect(ctx)?),
            Output::TextThen(t, rest) => Output::TextThen(t, Box::new(rest.fetched(ctx)?)),
            Output::ForTable {
                note,
                table_error,
                rest,
            } => Output::ForTable {
                note,
                table_error,
                rest: Box::new(rest.fetched(ctx)?),
            },
            Output::ThenFail(rest, e) => Output::ThenFail(Box::new(rest.fetched(ctx)?), e),
            other => other,
        })
    }
}

/// Hands each page of rows to the sink it is given; stops at the sink's first error.
pub type Produce = Box<
    dyn FnOnce(
            &mut Context,
            &mut dyn FnMut(Vec<Vec<ostk_output::Cell>>) -> Result<(), CliError>,
        ) -> Result<(), CliError>
        + Send,
>;

/// A listing whose rows are fetched while the renderer writes them: the command returns it
/// before the first request for rows, the renderer runs `produce` with a sink that writes each
/// page (the command itself still prints nothing).
pub struct RowStream {
    /// Column headers.
    pub columns: Vec<String>,
    /// Fetches the rows, page by page.
    pub produce: Produce,
}

impl RowStream {
    /// A stream of rows under `columns`, fetched by `produce`.
    pub fn new(
        columns: Vec<String>,
        produce: impl FnOnce(
            &mut Context,
            &mut dyn FnMut(Vec<Vec<ostk_output::Cell>>) -> Result<(), CliError>,
        ) -> Result<(), CliError>
        + Send
        + 'static,
    ) -> Self {
        RowStream {
            columns,
            produce: Box::new(produce),
        }
    }

    /// Fetches every row (for callers that need them all, such as `--clouds`).
    pub fn collect(self, ctx: &mut Context) -> Result<Listing, CliError> {
        let mut rows = Vec::new();
        (self.produce)(ctx, &mut |page| {
            rows.extend(page);
            Ok(())
        })?;
        Ok(Listing {
            columns: self.columns,
            rows,
        })
    }
}

impl std::fmt::Debug for RowStream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RowStream")
            .field("columns", &self.columns)
            .finish_non_exhaustive()
    }
}

/// Which cliff base class a command follows; decides the formatter options it gets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// No formatter options.
    Plain,
    /// Lister options (`-f table|csv|json|value|yaml`, sorting, …).
    List,
    /// ShowOne options (`-f table|json|shell|value|yaml`, `--prefix`, …).
    Show,
}

/// A command implementation: clap args plus a run function returning data.
pub trait Command: clap::Args + FromArgMatches {
    /// The command words, e.g. `"configuration show"`.
    const WORDS: &'static str;
    /// Description; its first line is the one-liner of `help`.
    const ABOUT: &'static str;
    /// cliff base class.
    const KIND: Kind;
    /// Text printed after the options in help (argparse epilog).
    const EPILOG: Option<&'static str> = None;
    /// Runs the command.
    fn run(self, ctx: &mut Context) -> Result<Output, CliError>;
}

/// Type-erased registration of one command.
#[derive(Clone, Copy)]
pub struct Entry {
    /// Command words.
    pub words: &'static str,
    /// Description.
    pub about: &'static str,
    /// cliff base class.
    pub kind: Kind,
    /// Help epilog.
    pub epilog: Option<&'static str>,
    /// Adds the command's own arguments to a clap command.
    pub augment: fn(clap::Command) -> clap::Command,
    /// Parses the matches and runs the command.
    pub run: fn(&ArgMatches, &mut Context) -> Result<Output, CliError>,
}

fn run_erased<C: Command>(m: &ArgMatches, ctx: &mut Context) -> Result<Output, CliError> {
    let c = C::from_arg_matches(m).map_err(|e| CliError::Message(e.to_string()))?;
    if C::KIND == Kind::List
        && let Ok(Some(cols)) = m.try_get_many::<String>("columns")
    {
        ctx.requested_columns = cols.cloned().collect();
    }
    ctx.matches = Some(m.clone());
    c.run(ctx)
}

/// The registration of command `C`.
pub const fn entry<C: Command>() -> Entry {
    Entry {
        words: C::WORDS,
        about: C::ABOUT,
        kind: C::KIND,
        epilog: C::EPILOG,
        augment: C::augment_args,
        run: run_erased::<C>,
    }
}

/// Result of looking a command up in argv.
pub struct Found {
    /// The entry.
    pub entry: &'static Entry,
    /// How many argv words named it.
    pub consumed: usize,
}

/// cliff's `CommandManager.find_command`: the longest run of leading words (up to the first
/// option) that names a command exactly, or abbreviates exactly one command word by word.
pub fn find(commands: &'static [Entry], argv: &[String]) -> Option<Found> {
    let last = argv
        .iter()
        .position(|a| a.starts_with('-'))
        .unwrap_or(argv.len());
    for i in (1..=last).rev() {
        let words = &argv[..i];
        let name = words.join(" ");
        if let Some(entry) = commands.iter().find(|e| e.words == name) {
            return Some(Found { entry, consumed: i });
        }
        let mut candidates = commands.iter().filter(|e| {
            let parts: Vec<&str> = e.words.split(' ').collect();
            parts.len() == i
                && parts
                    .iter()
                    .zip(words)
                    .all(|(p, w)| p.starts_with(w.as_str()))
        });
        if let (Some(entry), None) = (candidates.next(), candidates.next()) {
            return Some(Found { entry, consumed: i });
        }
    }
    None
}

/// cliff's `App.get_fuzzy_matches` for an unknown first word.
pub fn fuzzy_matches(commands: &[Entry], cmd: &str) -> Vec<String> {
    let mut dist: Vec<(usize, &str)> = commands
        .iter()
        .map(|e| {
            let prefix = e.words.split(' ').next().unwrap_or("");
            if e.words.starts_with(cmd) {
                (0, e.words)
            } else {
                (damerau_levenshtein(cmd, prefix) + 1, e.words)
            }
        })
        .collect();
    dist.sort();
    let mut out = Vec::new();
    let mut best = 0;
    for (d, c) in dist {
        if d > best {
            if best != 0 {
                break;
            }
            best = d;
        }
        out.push(c.to_string());
    }
    out
}

/// cliff's weighted Damerau-Levenshtein (costs: swap 0, substitution 2, insertion 1, deletion 3),
/// the same as git's "did you mean".
fn damerau_levenshtein(s1: &str, s2: &str) -> usize {
    const W: usize = 0;
    const S: usize = 2;
    const A: usize = 1;
    const D: usize = 3;
    if s1 == s2 {
        return 0;
    }
    let a: Vec<char> = s1.chars().collect();
    let b: Vec<char> = s2.chars().collect();
    if a.is_empty() {
        return b.len() * A;
    }
    if b.is_empty() {
        return a.len() * D;
    }
    let mut row1: Vec<usize> = (0..=b.len()).map(|i| i * A).collect();
    let mut row2 = row1.clone();
    let mut row0 = row1.clone();
    for i in 0..a.len() {
        row2[0] = (i + 1) * D;
        for j in 0..b.len() {
            let sub = row1[j] + usize::from(a[i] != b[j]) * S;
            let ins = row2[j] + A;
            let del = row1[j + 1] + D;
            let mut best = sub.min(ins).min(del);
            if i > 0 && j > 0 && a[i - 1] == b[j] && a[i] == b[j - 1] {
                best = best.min(row0[j - 1] + W);
            }
            row2[j + 1] = best;
        }
        std::mem::swap(&mut row0, &mut row1);
        std::mem::swap(&mut row1, &mut row2);
    }
    row1[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_matches_cliff() {
        assert_eq!(damerau_levenshtein("abc", "abc"), 0);
        assert_eq!(damerau_levenshtein("", "ab"), 2);
        assert_eq!(damerau_levenshtein("ab", ""), 6);
        // Values from cliff.utils.damerau_levenshtein with cliff's COST.
        assert_eq!(damerau_levenshtein("sever", "server"), 1);
        assert_eq!(damerau_levenshtein("sevrer", "server"), 0);
        assert_eq!(damerau_levenshtein("confgiuration", "configuration"), 0);
        assert_eq!(damerau_levenshtein("nosuch", "network"), 11);
    }
}
