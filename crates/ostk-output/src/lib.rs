//! Output layer: renders listings and records exactly as python-openstackclient
//! (cliff 4.x, PrettyTable, PyYAML, Python `json`/`csv`) does. It knows nothing
//! of OpenStack.
//!
//! This crate owns:
//! * the value model of a cell ([`Cell`]), including osc_lib's formattable
//!   columns (`DictColumn`, `ListColumn`, …) with their human/machine forms;
//! * cliff's Lister/ShowOne post-processing: `-c/--column` selection and
//!   `--sort-column` sorting;
//! * the formatters: table, csv, json, value, yaml (lists) and table, json,
//!   shell, value, yaml (single records), byte-identical to cliff's output.
//!
//! The library reads no environment and never queries the terminal: the CLI
//! fills [`ListOptions`]/[`ShowOptions`] (including `CLIFF_MAX_TERM_WIDTH`,
//! `CLIFF_FIT_WIDTH` and the terminal width when stdout is a tty).
#![warn(missing_docs)]

mod csv;
mod json;
mod pyrepr;
pub mod table;
pub mod width;
mod yaml;

use std::cmp::Ordering;
use std::io::Write;

use serde_json::{Map, Value};

pub use json::dumps as json_dumps;
use pyrepr::{PyVal, py_str};
pub use pyrepr::{float_repr, json_str as py_str_of_json, str_repr as py_repr_str};

/// One value in a listing or record. Keeps its Python type because the table
/// alignment, CSV quoting and JSON/YAML typing depend on it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Python `None`.
    None,
    /// Python `bool`.
    Bool(bool),
    /// Python `int`.
    Int(i64),
    /// Python `float`.
    Float(f64),
    /// Python `str`.
    Str(String),
    /// A plain Python dict/list (or scalar): `str()`/`repr()` for text
    /// formats, native for json/yaml.
    Raw(Value),
    /// An osc_lib `FormattableColumn`: `human` is `human_readable()` (table),
    /// `machine` is `machine_readable()` (json/yaml; `str()` of it for
    /// csv/value/shell).
    Formatted {
        /// `human_readable()`.
        human: String,
        /// `machine_readable()`.
        machine: Value,
    },
    /// A Python object that is not JSON-shaped (e.g. a list of tuples): `text` is its `str()`
    /// for table/value/csv/shell, `value` what json/yaml emit for it.
    Repr {
        /// Python `str()` of the object.
        text: String,
        /// Its JSON/YAML form.
        value: Value,
    },
}

impl From<&str> for Cell {
    fn from(s: &str) -> Self {
        Cell::Str(s.to_string())
    }
}
impl From<String> for Cell {
    fn from(s: String) -> Self {
        Cell::Str(s)
    }
}
impl From<i64> for Cell {
    fn from(i: i64) -> Self {
        Cell::Int(i)
    }
}
impl From<bool> for Cell {
    fn from(b: bool) -> Self {
        Cell::Bool(b)
    }
}
impl From<f64> for Cell {
    fn from(f: f64) -> Self {
        Cell::Float(f)
    }
}
impl<T: Into<Cell>> From<Option<T>> for Cell {
    fn from(o: Option<T>) -> Self {
        o.map_or(Cell::None, Into::into)
    }
}

/// osc_lib `utils.format_dict`: sorted `key='value'` pairs joined by `", "`,
/// nested dicts flattened as `outer.inner='v'`, `None` as `key=`.
pub fn format_dict(m: &Map<String, Value>) -> String {
    fn rec(m: &Map<String, Value>, prefix: Option<&str>) -> String {
        let mut keys: Vec<&String> = m.keys().collect();
        keys.sort();
        let mut out = String::new();
        for k in keys {
            let key = match prefix {
                Some(p) if !p.is_empty() => format!("{p}.{k}"),
                _ => k.clone(),
            };
            match &m[k] {
                Value::Object(inner) => {
                    out.push_str(&rec(inner, Some(&key)));
                    out.push_str(", ");
                }
                Value::Null => {
                    out.push_str(&key);
                    out.push_str("=, ");
                }
                v => {
                    out.push_str(&key);
                    out.push_str("='");
                    out.push_str(&pyrepr::json_str(v));
                    out.push_str("', ");
                }
            }
        }
        let n = out.chars().count();
        out.chars().take(n.saturating_sub(2)).collect()
    }
    rec(m, None)
}

/// osc_lib `utils.format_list`: `str()` of the items, sorted, joined by `sep`.
pub fn format_list(items: &[Value], sep: &str) -> String {
    let mut v: Vec<String> = items.iter().map(pyrepr::json_str).collect();
    v.sort();
    v.join(sep)
}

/// osc_lib `utils.format_size`: bytes in human form (`1.2K`, `5.4G`, …).
pub fn format_size(size: f64) -> String {
    const SUFFIX: [&str; 8] = ["", "K", "M", "G", "T", "P", "E", "Z"];
    let mut s = size;
    let mut i = 0;
    while s >= 1000.0 && i < SUFFIX.len() - 1 {
        i += 1;
        s /= 1000.0;
    }
    let padded = format!("{s:.1}");
    let stripped = padded.trim_end_matches('0').trim_end_matches('.');
    format!("{stripped}{}", SUFFIX[i])
}

impl Cell {
    /// A cell from a JSON value: scalars become typed cells, dicts and lists
    /// become [`Cell::Raw`].
    pub fn from_json(v: Value) -> Cell {
        match v {
            Value::Null => Cell::None,
            Value::Bool(b) => Cell::Bool(b),
            Value::Number(n) => match n.as_i64() {
                Some(i) => Cell::Int(i),
                None if n.is_u64() => Cell::Raw(Value::Number(n)),
                None => Cell::Float(n.as_f64().unwrap_or(f64::NAN)),
            },
            Value::String(s) => Cell::Str(s),
            other => Cell::Raw(other),
        }
    }

    /// A formattable column with explicit human and machine forms.
    pub fn formatted(human: impl Into<String>, machine: Value) -> Cell {
        Cell::Formatted {
            human: human.into(),
            machine,
        }
    }

    /// osc_lib `DictColumn` (`None` → human `None`, machine `{}`).
    pub fn dict(m: Option<Map<String, Value>>) -> Cell {
        match m {
            Some(m) => Cell::formatted(format_dict(&m), Value::Object(m)),
            None => Cell::formatted("None", Value::Object(Map::new())),
        }
    }

    /// osc_lib `ListColumn` (`None` → human `''`, machine `[]`).
    pub fn list(items: Option<Vec<Value>>) -> Cell {
        let items = items.unwrap_or_default();
        Cell::formatted(format_list(&items, ", "), Value::Array(items))
    }

    /// osc_lib `ListDictColumn`: one `format_dict` line per dict.
    pub fn list_of_dicts(items: Option<Vec<Map<String, Value>>>) -> Cell {
        let items = items.unwrap_or_default();
        let human = items.iter().map(format_dict).collect::<Vec<_>>().join("\n");
        Cell::formatted(
            human,
            Value::Array(items.into_iter().map(Value::Object).collect()),
        )
    }

    /// osc_lib `DictListColumn`: `key=a, b; key2=c` (sorted; `None` lists skipped).
    pub fn dict_of_lists(m: Option<Map<String, Value>>) -> Cell {
        let m = m.unwrap_or_default();
        let mut keys: Vec<&String> = m.keys().collect();
        keys.sort();
        let parts: Vec<String> = keys
            .into_iter()
            .filter_map(|k| match &m[k] {
                Value::Null => None,
                Value::Array(a) => Some(format!("{k}={}", format_list(a, ", "))),
                other => Some(format!("{k}={}", pyrepr::json_str(other))),
            })
            .collect();
        Cell::formatted(parts.join("; "), Value::Object(m))
    }

    /// osc_lib `SizeColumn`: human `format_size`, machine the number itself.
    pub fn size(v: Value) -> Cell {
        let f = v.as_f64().unwrap_or(0.0);
        Cell::formatted(format_size(f), v)
    }

    /// The value as Python sees it for machine formats (json/yaml).
    fn machine(&self) -> PyVal<'_> {
        match self {
            Cell::None => PyVal::None,
            Cell::Bool(b) => PyVal::Bool(*b),
            Cell::Int(i) => PyVal::Int(*i),
            Cell::Float(f) => PyVal::Float(*f),
            Cell::Str(s) => PyVal::Str(s),
            Cell::Raw(v) | Cell::Formatted { machine: v, .. } | Cell::Repr { value: v, .. } => {
                PyVal::from_json(v)
            }
        }
    }

    /// The plain value (not machine-readable form) for sorting/alignment.
    fn plain(&self) -> Option<PyVal<'_>> {
        match self {
            Cell::Formatted { .. } | Cell::Repr { .. } => None,
            other => Some(other.machine()),
        }
    }

    /// Text shown by the table formatter (`human_readable()` or `str()`).
    pub fn table_text(&self) -> String {
        match self {
            Cell::Formatted { human, .. } => human.clone(),
            Cell::Repr { text, .. } => text.clone(),
            other => py_str(other.machine()),
        }
    }

    /// Text used by the value/csv/shell formatters (`str(machine_readable())`
    /// or `str()`).
    pub fn value_text(&self) -> String {
        match self {
            Cell::Repr { text, .. } => text.clone(),
            other => py_str(other.machine()),
        }
    }
}

/// A cliff Lister result: column names and rows of cells in column order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Listing {
    /// Column headers.
    pub columns: Vec<String>,
    /// Rows; each row has one cell per column.
    pub rows: Vec<Vec<Cell>>,
}

/// A cliff ShowOne result: (field name, value) pairs in display order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Record {
    /// The fields.
    pub fields: Vec<(String, Cell)>,
}

/// Lister output formats (`-f`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ListFormat {
    /// `table` (default).
    #[default]
    Table,
    /// `csv`.
    Csv,
    /// `json`.
    Json,
    /// `value`.
    Value,
    /// `yaml`.
    Yaml,
}

/// ShowOne output formats (`-f`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ShowFormat {
    /// `table` (default).
    #[default]
    Table,
    /// `json`.
    Json,
    /// `shell`.
    Shell,
    /// `value`.
    Value,
    /// `yaml`.
    Yaml,
}

impl ListFormat {
    /// Names as cliff lists them in `--format` choices (sorted).
    pub const NAMES: [&'static str; 5] = ["csv", "json", "table", "value", "yaml"];

    /// Parse a `-f` argument.
    pub fn from_name(s: &str) -> Option<Self> {
        Some(match s {
            "table" => Self::Table,
            "csv" => Self::Csv,
            "json" => Self::Json,
            "value" => Self::Value,
            "yaml" => Self::Yaml,
            _ => return None,
        })
    }
}

impl ShowFormat {
    /// Names as cliff lists them in `--format` choices (sorted).
    pub const NAMES: [&'static str; 5] = ["json", "shell", "table", "value", "yaml"];

    /// Parse a `-f` argument.
    pub fn from_name(s: &str) -> Option<Self> {
        Some(match s {
            "table" => Self::Table,
            "json" => Self::Json,
            "shell" => Self::Shell,
            "value" => Self::Value,
            "yaml" => Self::Yaml,
            _ => return None,
        })
    }
}

/// CSV `--quote` modes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Quote {
    /// `all`: quote every field.
    All,
    /// `minimal`: quote only fields with `,`, `"` or newline.
    Minimal,
    /// `none`: never quote; escape with `\`.
    None,
    /// `nonnumeric` (default): quote everything except numbers.
    #[default]
    NonNumeric,
}

impl Quote {
    /// Parse a `--quote` argument.
    pub fn from_name(s: &str) -> Option<Self> {
        Some(match s {
            "all" => Self::All,
            "minimal" => Self::Minimal,
            "none" => Self::None,
            "nonnumeric" => Self::NonNumeric,
            _ => return None,
        })
    }
}

/// Options of a Lister command (cliff's formatter arguments).
#[derive(Debug, Clone, Default)]
pub struct ListOptions {
    /// `-f/--format`.
    pub format: ListFormat,
    /// `-c/--column` (repeatable). Selects columns; the output keeps the
    /// listing's own column order.
    pub columns: Vec<String>,
    /// `--sort-column` (repeatable); unknown names are ignored.
    pub sort_columns: Vec<String>,
    /// `--sort-descending`.
    pub sort_descending: bool,
    /// `--noindent` (json).
    pub noindent: bool,
    /// `--quote` (csv).
    pub quote: Quote,
    /// `--max-width` / `CLIFF_MAX_TERM_WIDTH` (table); `None` or `Some(0)` disables.
    pub max_width: Option<usize>,
    /// `--fit-width` / `CLIFF_FIT_WIDTH` (table). Fitting needs a terminal
    /// width, so without `terminal_width` this has no effect (as in cliff).
    pub fit_width: bool,
    /// `--print-empty` (table).
    pub print_empty: bool,
    /// Terminal width; `Some` only when stdout is a tty.
    pub terminal_width: Option<usize>,
    /// Table format: show control characters as escapes (see [`table::escape_controls`]);
    /// set when stdout is a terminal.
    pub escape_controls: bool,
}

/// Options of a ShowOne command.
#[derive(Debug, Clone, Default)]
pub struct ShowOptions {
    /// `-f/--format`.
    pub format: ShowFormat,
    /// `-c/--column` (repeatable).
    pub columns: Vec<String>,
    /// `--noindent` (json).
    pub noindent: bool,
    /// `--prefix` (shell).
    pub prefix: String,
    /// `--max-width` (table); `None` or `Some(0)` disables.
    pub max_width: Option<usize>,
    /// `--fit-width` (table).
    pub fit_width: bool,
    /// `--print-empty`: accepted but ignored by cliff's ShowOne table.
    pub print_empty: bool,
    /// Terminal width; `Some` only when stdout is a tty.
    pub terminal_width: Option<usize>,
    /// Table format: show control characters as escapes (see [`table::escape_controls`]);
    /// set when stdout is a terminal.
    pub escape_controls: bool,
}

/// Errors the formatters raise.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// Writing to the output failed.
    #[error(transparent)]
    Io(#[from] std::io::Error),
    /// `-c` named no known column (cliff raises `ValueError`; the CLI prints
    /// this message to stderr and exits 1). `Display` renders the available
    /// columns as a Python tuple, as most OSC commands return tuples; see
    /// [`OutputError::message_with_list`].
    #[error("No recognized column names in {}. Recognized columns are {}.", py_list(.requested), py_tuple(.available))]
    NoRecognizedColumns {
        /// The `-c` arguments as given.
        requested: Vec<String>,
        /// The command's columns.
        available: Vec<String>,
    },
    /// Python's csv writer refuses a row made of one empty field with
    /// `--quote none` (`_csv.Error`).
    #[error("single empty field record must be quoted")]
    CsvSingleEmptyField,
}

impl OutputError {
    /// The message with the available columns rendered as a Python list
    /// (for commands whose column names are a list, not a tuple).
    pub fn message_with_list(&self) -> String {
        match self {
            OutputError::NoRecognizedColumns {
                requested,
                available,
            } => format!(
                "No recognized column names in {}. Recognized columns are {}.",
                py_list(requested),
                py_list(available)
            ),
            other => other.to_string(),
        }
    }
}

fn py_list(v: &[String]) -> String {
    let items: Vec<String> = v.iter().map(|s| pyrepr::str_repr(s)).collect();
    format!("[{}]", items.join(", "))
}

fn py_tuple(v: &[String]) -> String {
    let items: Vec<String> = v.iter().map(|s| pyrepr::str_repr(s)).collect();
    if items.len() == 1 {
        format!("({},)", items[0])
    } else {
        format!("({})", items.join(", "))
    }
}

/// What happened while writing a listing besides the output itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListReport {
    /// Warnings cliff logs (e.g. `Could not sort on field 'X'; unsortable
    /// types`); the CLI should print each on stderr.
    pub warnings: Vec<String>,
}

/// cliff `_normalize_column_name`.
pub fn normalize_column_name(s: &str) -> String {
    s.to_lowercase().trim().replace(' ', "_")
}

/// cliff `_generate_columns_and_selector`: indexes of the columns to show.
pub fn select_columns(columns: &[String], requested: &[String]) -> Result<Vec<usize>, OutputError> {
    if requested.is_empty() {
        return Ok((0..columns.len()).collect());
    }
    let req: Vec<String> = requested.iter().map(|c| normalize_column_name(c)).collect();
    let idx: Vec<usize> = columns
        .iter()
        .enumerate()
        .filter(|(_, c)| req.contains(&normalize_column_name(c)))
        .map(|(i, _)| i)
        .collect();
    if idx.is_empty() {
        return Err(OutputError::NoRecognizedColumns {
            requested: requested.to_vec(),
            available: columns.to_vec(),
        });
    }
    Ok(idx)
}

struct TypeError;

fn num(v: PyVal<'_>) -> Option<f64> {
    match v {
        PyVal::Bool(b) => Some(if b { 1.0 } else { 0.0 }),
        PyVal::Int(i) => Some(i as f64),
        PyVal::UInt(u) => Some(u as f64),
        PyVal::Float(f) => Some(f),
        _ => None,
    }
}

fn py_eq(a: PyVal<'_>, b: PyVal<'_>) -> bool {
    match (a, b) {
        (PyVal::None, PyVal::None) => true,
        (PyVal::Str(x), PyVal::Str(y)) => x == y,
        (PyVal::Int(x), PyVal::Int(y)) => x == y,
        (PyVal::List(x), PyVal::List(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y)
                    .all(|(p, q)| py_eq(PyVal::from_json(p), PyVal::from_json(q)))
        }
        (PyVal::Dict(x), PyVal::Dict(y)) => {
            x.len() == y.len()
                && x.iter().all(|(k, v)| {
                    y.get(k)
                        .is_some_and(|w| py_eq(PyVal::from_json(v), PyVal::from_json(w)))
                })
        }
        (x, y) => matches!((num(x), num(y)), (Some(p), Some(q)) if p == q),
    }
}

/// Python ordering of two values (`<` semantics), `Err` on TypeError.
fn py_cmp(a: PyVal<'_>, b: PyVal<'_>) -> Result<Ordering, TypeError> {
    match (a, b) {
        (PyVal::Int(x), PyVal::Int(y)) => Ok(x.cmp(&y)),
        (PyVal::Str(x), PyVal::Str(y)) => Ok(x.cmp(y)),
        (PyVal::List(x), PyVal::List(y)) => {
            for (p, q) in x.iter().zip(y) {
                let (p, q) = (PyVal::from_json(p), PyVal::from_json(q));
                if !py_eq(p, q) {
                    return py_cmp(p, q);
                }
            }
            Ok(x.len().cmp(&y.len()))
        }
        (PyVal::Dict(_), PyVal::Dict(_)) if py_eq(a, b) => Ok(Ordering::Equal),
        (x, y) => match (num(x), num(y)) {
            (Some(p), Some(q)) => Ok(p.partial_cmp(&q).unwrap_or(Ordering::Equal)),
            _ => Err(TypeError),
        },
    }
}

fn cell_cmp(a: &Cell, b: &Cell) -> Result<Ordering, TypeError> {
    let an = matches!(a, Cell::None);
    let bn = matches!(b, Cell::None);
    if an != bn {
        return Ok(an.cmp(&bn));
    }
    if an {
        return Ok(Ordering::Equal);
    }
    match (a.plain(), b.plain()) {
        (Some(x), Some(y)) => py_cmp(x, y),
        // FormattableColumn.__lt__ compares the wrapped values.
        (None, None) => py_cmp(a.machine(), b.machine()),
        _ => Err(TypeError),
    }
}

/// cliff Lister sorting (`--sort-column`, best effort). Returns warnings.
pub fn sort_rows(
    columns: &[String],
    rows: &mut [Vec<Cell>],
    sort_columns: &[String],
    descending: bool,
) -> Vec<String> {
    let mut warnings = Vec::new();
    let normalized: Vec<String> = columns.iter().map(|c| normalize_column_name(c)).collect();
    let mut indexes = Vec::new();
    for c in sort_columns {
        if let Some(i) = columns.iter().position(|x| x == c) {
            indexes.push(i);
        } else if let Some(i) = normalized
            .iter()
            .position(|x| *x == normalize_column_name(c))
        {
            indexes.push(i);
        }
    }
    for &index in indexes.iter().rev() {
        let mut failed = false;
        let mut sorted: Vec<Vec<Cell>> = rows.to_vec();
        sorted.sort_by(|a, b| {
            let (x, y) = if descending { (b, a) } else { (a, b) };
            match (x.get(index), y.get(index)) {
                (Some(p), Some(q)) => cell_cmp(p, q).unwrap_or_else(|_| {
                    failed = true;
                    Ordering::Equal
                }),
                _ => Ordering::Equal,
            }
        });
        if failed {
            warnings.push(format!(
                "Could not sort on field '{}'; unsortable types",
                columns[index]
            ));
        } else {
            rows.clone_from_slice(&sorted);
        }
    }
    warnings
}

fn list_alignments(first: Option<&Vec<Cell>>, idx: &[usize]) -> Vec<table::Align> {
    idx.iter()
        .map(
            |&i| match first.and_then(|r| r.get(i)).and_then(Cell::plain) {
                None if first.is_none() => table::Align::Center,
                Some(PyVal::Int(_) | PyVal::UInt(_) | PyVal::Float(_)) => table::Align::Right,
                _ => table::Align::Left,
            },
        )
        .collect()
}

fn term_width(max_width: Option<usize>, fit_width: bool, terminal: Option<usize>) -> Option<usize> {
    match max_width {
        Some(w) if w > 0 => Some(w),
        _ if fit_width || terminal.is_some() => terminal,
        _ => None,
    }
}

/// A cell's text as the table shows it.
fn table_cell(text: &str, escape: bool) -> String {
    let clean = table::clean_cell(text);
    if escape {
        table::escape_controls(&clean).into_owned()
    } else {
        clean
    }
}

/// Render a listing as cliff's Lister does (sorting, column selection,
/// formatting) and write it to `out`.
pub fn write_list(
    l: &Listing,
    o: &ListOptions,
    out: &mut dyn Write,
) -> Result<ListReport, OutputError> {
    let mut report = ListReport::default();
    // a copy only to sort: listings can hold 100,000 rows
    let sorted;
    let rows: &[Vec<Cell>] = if o.sort_columns.is_empty() {
        &l.rows
    } else {
        let mut copy = l.rows.clone();
        report.warnings = sort_rows(&l.columns, &mut copy, &o.sort_columns, o.sort_descending);
        sorted = copy;
        &sorted
    };
    let idx = select_columns(&l.columns, &o.columns)?;
    if o.format == ListFormat::Table {
        write_table(&l.columns, &idx, rows, o, out)?;
        return Ok(report);
    }
    let mut w = RowWriter::start(&l.columns, idx, o, out)?;
    w.rows(rows, out)?;
    w.finish(out)?;
    Ok(report)
}

fn write_table(
    columns: &[String],
    idx: &[usize],
    rows: &[Vec<Cell>],
    o: &ListOptions,
    out: &mut dyn Write,
) -> Result<(), OutputError> {
    let cell = |r: &Vec<Cell>, i: usize| -> Cell { r.get(i).cloned().unwrap_or(Cell::None) };
    let mut t = table::Table {
        headers: idx.iter().map(|&i| columns[i].clone()).collect(),
        aligns: list_alignments(rows.first(), idx),
        rows: rows
            .iter()
            .map(|r| {
                idx.iter()
                    .map(|&i| table_cell(&cell(r, i).table_text(), o.escape_controls))
                    .collect()
            })
            .collect(),
        max_widths: vec![None; idx.len()],
        print_empty: o.print_empty,
    };
    if let Some(w) = term_width(o.max_width, o.fit_width, o.terminal_width) {
        t.fit(w, 8);
    }
    let mut s = t.render();
    s.push('\n');
    out.write_all(s.as_bytes())?;
    Ok(())
}

/// The formats that write each row on its own (all but the table): what was written so far.
struct RowWriter {
    format: ListFormat,
    cols: Vec<String>,
    idx: Vec<usize>,
    quote: Quote,
    indent: Option<usize>,
    written: usize,
}

impl RowWriter {
    /// Writes what comes before the first row (csv's header, json's bracket).
    fn start(
        columns: &[String],
        idx: Vec<usize>,
        o: &ListOptions,
        out: &mut dyn Write,
    ) -> Result<Self, OutputError> {
        let w = RowWriter {
            format: o.format,
            cols: idx.iter().map(|&i| columns[i].clone()).collect(),
            idx,
            quote: o.quote,
            indent: if o.noindent { None } else { Some(2) },
            written: 0,
        };
        match w.format {
            ListFormat::Csv => {
                let header: Vec<csv::Field> =
                    w.cols.iter().map(|c| csv::Field::Str(c.clone())).collect();
                out.write_all(csv::CsvWriter { quote: w.quote }.row(&header)?.as_bytes())?;
            }
            ListFormat::Json => out.write_all(b"[")?,
            _ => {}
        }
        Ok(w)
    }

    fn rows(&mut self, rows: &[Vec<Cell>], out: &mut dyn Write) -> Result<(), OutputError> {
        let cell = |r: &Vec<Cell>, i: usize| -> Cell { r.get(i).cloned().unwrap_or(Cell::None) };
        let mut s = String::new();
        for r in rows {
            s.clear();
            match self.format {
                ListFormat::Csv => {
                    let fields: Vec<csv::Field> = self
                        .idx
                        .iter()
                        .map(|&i| csv::Field::of(&cell(r, i)))
                        .collect();
                    s.push_str(&csv::CsvWriter { quote: self.quote }.row(&fields)?);
                }
                ListFormat::Json => {
                    let w = json::JsonWriter {
                        indent: self.indent,
                    };
                    if self.written > 0 {
                        s.push_str(w.item_sep());
                    }
                    w.newline(&mut s, 1);
                    let cells: Vec<Cell> = self.idx.iter().map(|&i| cell(r, i)).collect();
                    w.seq(
                        self.cols
                            .iter()
                            .zip(&cells)
                            .map(|(k, c)| (Some(k.as_str()), c.machine())),
                        '{',
                        '}',
                        1,
                        &mut s,
                    );
                }
                ListFormat::Value => {
                    s = self
                        .idx
                        .iter()
                        .map(|&i| cell(r, i).value_text())
                        .collect::<Vec<_>>()
                        .join(" ");
                    s.push('\n');
                }
                ListFormat::Yaml => {
                    // a block sequence is its items one after the other: each row is emitted as
                    // a one-item sequence, which is the text the whole list would have
                    let cells: Vec<Cell> = self.idx.iter().map(|&i| cell(r, i)).collect();
                    let item = yaml::Node::map(
                        self.cols
                            .iter()
                            .zip(&cells)
                            .map(|(k, c)| (k.clone(), yaml::Node::represent(c.machine())))
                            .collect(),
                    );
                    let mut e = yaml::Emitter::new();
                    e.document(&yaml::Node::Seq(vec![item]));
                    s = e.out;
                }
                ListFormat::Table => unreachable!("tables are written whole"),
            }
            out.write_all(s.as_bytes())?;
            self.written += 1;
        }
        Ok(())
    }

    /// Writes what comes after the last row.
    fn finish(self, out: &mut dyn Write) -> Result<(), OutputError> {
        match self.format {
            ListFormat::Json => {
                let mut s = String::new();
                if self.written > 0 {
                    json::JsonWriter {
                        indent: self.indent,
                    }
                    .newline(&mut s, 0);
                }
                s.push_str("]\n");
                out.write_all(s.as_bytes())?;
            }
            ListFormat::Yaml if self.written == 0 => {
                let mut e = yaml::Emitter::new();
                e.document(&yaml::Node::Seq(Vec::new()));
                out.write_all(e.out.as_bytes())?;
            }
            _ => {}
        }
        Ok(())
    }
}

/// Writes a listing as its pages arrive, with exactly the text [`write_list`] gives for the
/// whole listing. Rows are written as they are pushed and not kept, except for the table
/// format and `--sort-column`, which need every row first: those are collected and written
/// by [`ListStream::finish`].
pub struct ListStream {
    columns: Vec<String>,
    opts: ListOptions,
    state: StreamState,
}

enum StreamState {
    Collect(Vec<Vec<Cell>>),
    Rows(RowWriter),
}

impl ListStream {
    /// Checks the column selection and writes what precedes the rows (nothing is written
    /// when `-c` names no column of the listing: the error comes first).
    pub fn start(
        columns: Vec<String>,
        opts: &ListOptions,
        out: &mut dyn Write,
    ) -> Result<Self, OutputError> {
        let idx = select_columns(&columns, &opts.columns)?;
        let state = if opts.format == ListFormat::Table || !opts.sort_columns.is_empty() {
            StreamState::Collect(Vec::new())
        } else {
            StreamState::Rows(RowWriter::start(&columns, idx, opts, out)?)
        };
        Ok(ListStream {
            columns,
            opts: opts.clone(),
            state,
        })
    }

    /// Writes (or, for a table, keeps) a page of rows.
    pub fn push(&mut self, rows: Vec<Vec<Cell>>, out: &mut dyn Write) -> Result<(), OutputError> {
        match &mut self.state {
            StreamState::Collect(all) => {
                all.extend(rows);
                Ok(())
            }
            StreamState::Rows(w) => w.rows(&rows, out),
        }
    }

    /// Writes what follows the rows (or the whole collected listing).
    pub fn finish(self, out: &mut dyn Write) -> Result<ListReport, OutputError> {
        match self.state {
            StreamState::Collect(rows) => write_list(
                &Listing {
                    columns: self.columns,
                    rows,
                },
                &self.opts,
                out,
            ),
            StreamState::Rows(w) => {
                w.finish(out)?;
                Ok(ListReport::default())
            }
        }
    }
}

/// Render a record as cliff's ShowOne does and write it to `out`.
pub fn write_one(r: &Record, o: &ShowOptions, out: &mut dyn Write) -> Result<(), OutputError> {
    let names: Vec<String> = r.fields.iter().map(|(n, _)| n.clone()).collect();
    let idx = select_columns(&names, &o.columns)?;
    let fields: Vec<&(String, Cell)> = idx.iter().map(|&i| &r.fields[i]).collect();
    match o.format {
        ShowFormat::Table => {
            let mut t = table::Table {
                headers: vec!["Field".into(), "Value".into()],
                aligns: vec![table::Align::Left, table::Align::Left],
                rows: fields
                    .iter()
                    .map(|(n, c)| {
                        vec![
                            table_cell(n, o.escape_controls),
                            table_cell(&c.table_text(), o.escape_controls),
                        ]
                    })
                    .collect(),
                max_widths: vec![None, None],
                print_empty: false,
            };
            if let Some(w) = term_width(o.max_width, o.fit_width, o.terminal_width) {
                t.fit(w, 16);
            }
            let mut s = t.render();
            s.push('\n');
            out.write_all(s.as_bytes())?;
        }
        ShowFormat::Json => {
            let w = json::JsonWriter {
                indent: if o.noindent { None } else { Some(2) },
            };
            let mut s = String::new();
            w.seq(
                fields.iter().map(|(k, c)| (Some(k.as_str()), c.machine())),
                '{',
                '}',
                0,
                &mut s,
            );
            s.push('\n');
            out.write_all(s.as_bytes())?;
        }
        ShowFormat::Shell => {
            let mut s = String::new();
            for (name, c) in &fields {
                let name = name
                    .to_lowercase()
                    .replace(' ', "_")
                    .replace([':', '-'], "_");
                let mut v = c.value_text();
                if matches!(c.machine(), PyVal::Str(_)) || matches!(c, Cell::Formatted { .. }) {
                    v = v.replace('"', "\\\"");
                }
                s.push_str(&format!("{}{}=\"{}\"\n", o.prefix, name, v));
            }
            out.write_all(s.as_bytes())?;
        }
        ShowFormat::Value => {
            let mut s = String::new();
            for (_, c) in &fields {
                s.push_str(&c.value_text());
                s.push('\n');
            }
            out.write_all(s.as_bytes())?;
        }
        ShowFormat::Yaml => {
            let mut s = String::new();
            for (k, c) in &fields {
                let root = yaml::Node::Map(vec![(k.clone(), yaml::Node::represent(c.machine()))]);
                let mut e = yaml::Emitter::new();
                e.document(&root);
                s.push_str(&e.out);
            }
            out.write_all(s.as_bytes())?;
        }
    }
    Ok(())
}

/// PyYAML `yaml.safe_dump(v, default_flow_style=False)` of a JSON value (keys sorted), as
/// plugins print YAML-formatted fields (heatclient's `YamlColumn`).
pub fn yaml_dump(v: &Value) -> String {
    let mut e = yaml::Emitter::new();
    e.document(&yaml::Node::represent(PyVal::from_json(v)));
    e.out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dict_format() {
        let m: Map<String, Value> =
            serde_json::from_str(r#"{"b": 2, "a": "x", "c": null, "n": {"x": 1}}"#).unwrap();
        assert_eq!(format_dict(&m), "a='x', b='2', c=, n.x='1'");
    }

    #[test]
    fn sizes() {
        assert_eq!(format_size(0.0), "0");
        assert_eq!(format_size(1234.0), "1.2K");
        assert_eq!(format_size(1_000_000.0), "1M");
    }

    #[test]
    fn unknown_column() {
        let e = select_columns(&["A".into(), "B".into()], &["x".into()]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "No recognized column names in ['x']. Recognized columns are ('A', 'B')."
        );
    }
}
