//! Golden tests: every case in tests/golden/cases.json rendered by this crate
//! must match, byte for byte, what cliff produced (see golden-gen/gen.py).

use std::path::PathBuf;

use ostk_output::{
    Cell, ListFormat, ListOptions, Listing, Quote, Record, ShowFormat, ShowOptions, write_list,
    write_one,
};
use serde_json::Value;

fn decode(v: &Value) -> Cell {
    if let Value::Object(m) = v
        && m.len() == 1
    {
        let (k, inner) = m.iter().next().unwrap();
        let obj = || inner.as_object().cloned();
        let arr = || inner.as_array().cloned();
        match k.as_str() {
            "$raw" => return Cell::Raw(inner.clone()),
            "$dict" => return Cell::dict(obj()),
            "$list" => return Cell::list(arr()),
            "$listdict" => {
                return Cell::list_of_dicts(arr().map(|a| {
                    a.into_iter()
                        .map(|d| d.as_object().cloned().unwrap())
                        .collect()
                }));
            }
            "$dictlist" => return Cell::dict_of_lists(obj()),
            "$size" => return Cell::size(inner.clone()),
            "$float" => return Cell::Float(inner.as_str().unwrap().parse().unwrap()),
            _ => {}
        }
    }
    Cell::from_json(v.clone())
}

struct Args {
    columns: Vec<String>,
    sort_columns: Vec<String>,
    descending: bool,
    noindent: bool,
    quote: Quote,
    prefix: String,
    max_width: Option<usize>,
    fit_width: bool,
    print_empty: bool,
}

fn parse_args(argv: &[String]) -> Args {
    let mut a = Args {
        columns: vec![],
        sort_columns: vec![],
        descending: false,
        noindent: false,
        quote: Quote::NonNumeric,
        prefix: String::new(),
        max_width: None,
        fit_width: false,
        print_empty: false,
    };
    let mut it = argv.iter();
    while let Some(x) = it.next() {
        match x.as_str() {
            "-c" => a.columns.push(it.next().unwrap().clone()),
            "--sort-column" => a.sort_columns.push(it.next().unwrap().clone()),
            "--sort-descending" => a.descending = true,
            "--sort-ascending" => a.descending = false,
            "--noindent" => a.noindent = true,
            "--quote" => a.quote = Quote::from_name(it.next().unwrap()).unwrap(),
            "--prefix" => a.prefix = it.next().unwrap().clone(),
            "--max-width" => a.max_width = Some(it.next().unwrap().parse().unwrap()),
            "--fit-width" => a.fit_width = true,
            "--print-empty" => a.print_empty = true,
            other => panic!("unknown arg {other}"),
        }
    }
    a
}

fn render(case: &Value, fmt: &str) -> Result<String, String> {
    let kind = case["kind"].as_str().unwrap();
    let columns: Vec<String> = case["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap().to_string())
        .collect();
    let argv: Vec<String> = case["argv"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap().to_string())
        .collect();
    let a = parse_args(&argv);
    let tty = case["tty_width"].as_u64().map(|w| w as usize);
    let mut out = Vec::new();
    let res = if kind == "list" {
        let rows = case["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r.as_array().unwrap().iter().map(decode).collect())
            .collect();
        let o = ListOptions {
            format: ListFormat::from_name(fmt).unwrap(),
            columns: a.columns,
            sort_columns: a.sort_columns,
            sort_descending: a.descending,
            noindent: a.noindent,
            quote: a.quote,
            max_width: a.max_width,
            fit_width: a.fit_width,
            print_empty: a.print_empty,
            terminal_width: tty,
            // cliff's own bytes (recorded through a pipe-like capture): no escaping.
            escape_controls: false,
        };
        write_list(&Listing { columns, rows }, &o, &mut out).map(|_| ())
    } else {
        let vals: Vec<Cell> = case["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(decode)
            .collect();
        let o = ShowOptions {
            format: ShowFormat::from_name(fmt).unwrap(),
            columns: a.columns,
            noindent: a.noindent,
            prefix: a.prefix,
            max_width: a.max_width,
            fit_width: a.fit_width,
            print_empty: a.print_empty,
            terminal_width: tty,
            // cliff's own bytes (recorded through a pipe-like capture): no escaping.
            escape_controls: false,
        };
        let r = Record {
            fields: columns.into_iter().zip(vals).collect(),
        };
        write_one(&r, &o, &mut out)
    };
    match res {
        Ok(()) => Ok(String::from_utf8(out).unwrap()),
        Err(e) => Err(e.to_string()),
    }
}

#[test]
fn golden() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let cases: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("cases.json")).unwrap()).unwrap();
    let mut failures = Vec::new();
    let mut n = 0;
    for case in cases.as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        for fmt in case["formats"].as_array().unwrap() {
            let fmt = fmt.as_str().unwrap();
            n += 1;
            let base = dir.join(format!("{name}.{fmt}"));
            let err_path = dir.join(format!("{name}.{fmt}.err"));
            let expected = if err_path.exists() {
                Err(std::fs::read_to_string(&err_path).unwrap())
            } else {
                Ok(std::fs::read_to_string(&base).unwrap())
            };
            let got = render(case, fmt);
            if got != expected {
                failures.push(format!(
                    "=== {name}.{fmt}\n--- expected\n{}\n--- got\n{}",
                    match &expected {
                        Ok(s) | Err(s) => s,
                    },
                    match &got {
                        Ok(s) | Err(s) => s,
                    }
                ));
            }
        }
    }
    assert!(n >= 60, "too few golden cases: {n}");
    if !failures.is_empty() {
        let names: Vec<&str> = failures.iter().map(|f| f.lines().next().unwrap()).collect();
        panic!(
            "{} of {n} golden outputs differ:\n{}\n\n{}",
            failures.len(),
            names.join("\n"),
            failures.join("\n")
        );
    }
}
