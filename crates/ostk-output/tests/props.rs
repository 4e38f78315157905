//! Property tests: structural invariants of the formatters.

use ostk_output::width::display_width;
use ostk_output::{
    Cell, ListFormat, ListOptions, ListStream, Listing, ShowOptions, write_list, write_one,
};
use proptest::prelude::*;

fn text() -> impl Strategy<Value = String> {
    prop::string::string_regex("[a-zA-Z0-9 ,.:'\"é日本語😀\n-]{0,40}").unwrap()
}

fn cell() -> impl Strategy<Value = Cell> {
    prop_oneof![
        Just(Cell::None),
        any::<bool>().prop_map(Cell::Bool),
        any::<i64>().prop_map(Cell::Int),
        (-1e20f64..1e20).prop_map(Cell::Float),
        text().prop_map(Cell::Str),
    ]
}

fn listing() -> impl Strategy<Value = Listing> {
    (1usize..5).prop_flat_map(|n| {
        (
            prop::collection::vec("[A-Za-z ]{1,12}", n),
            prop::collection::vec(prop::collection::vec(cell(), n), 0..6),
        )
            .prop_map(|(columns, rows)| Listing {
                // unique names: Python dicts (json/yaml rows) collapse duplicates
                columns: columns
                    .into_iter()
                    .enumerate()
                    .map(|(i, c)| format!("{c}{i}"))
                    .collect(),
                rows,
            })
    })
}

// 100 000 cases per target: 5 to 10 s each in a debug build.
proptest! {
    #![proptest_config(ProptestConfig::with_cases(100_000))]

    #[test]
    fn table_lines_have_equal_width(l in listing(), mw in prop::option::of(20usize..120)) {
        let o = ListOptions { max_width: mw, print_empty: true, ..Default::default() };
        let mut out = Vec::new();
        write_list(&l, &o, &mut out).unwrap();
        let s = String::from_utf8(out).unwrap();
        let widths: Vec<usize> = s.trim_end_matches('\n').split('\n').map(display_width).collect();
        prop_assert!(widths.windows(2).all(|w| w[0] == w[1]), "{}", s);
    }

    #[test]
    fn json_parses_back(l in listing()) {
        let o = ListOptions { format: ListFormat::Json, ..Default::default() };
        let mut out = Vec::new();
        write_list(&l, &o, &mut out).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        let arr = v.as_array().unwrap();
        prop_assert_eq!(arr.len(), l.rows.len());
        for (obj, row) in arr.iter().zip(&l.rows) {
            for (c, cell) in l.columns.iter().zip(row) {
                let got = &obj[c.as_str()];
                match cell {
                    Cell::None => prop_assert!(got.is_null()),
                    Cell::Bool(b) => prop_assert_eq!(got.as_bool(), Some(*b)),
                    Cell::Int(i) => prop_assert_eq!(got.as_i64(), Some(*i)),
                    // serde_json's default float parser is not always correctly rounded
                    Cell::Float(f) => {
                        let g = got.as_f64().unwrap();
                        prop_assert!((g - f).abs() <= f.abs() * 1e-15, "{} vs {}", g, f);
                    }
                    Cell::Str(s) => prop_assert_eq!(got.as_str(), Some(s.as_str())),
                    _ => {}
                }
            }
        }
    }

    #[test]
    fn show_json_parses_back(fields in prop::collection::vec(("[a-z_]{1,10}", text()), 0..6)) {
        let r = ostk_output::Record {
            fields: fields.iter().map(|(k, v)| (k.clone(), Cell::Str(v.clone()))).collect(),
        };
        let o = ShowOptions { format: ostk_output::ShowFormat::Json, noindent: true, ..Default::default() };
        let mut out = Vec::new();
        write_one(&r, &o, &mut out).unwrap();
        prop_assert!(out.ends_with(b"\n"));
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        prop_assert!(v.is_object());
    }
}

/// Text with the characters a hostile resource name would carry: ESC sequences, C1 controls,
/// bidi overrides, BEL, backspace, carriage returns.
fn hostile_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            text(),
            Just("\x1b[2J\x1b[H".to_string()),
            Just("\x1b]0;pwned\x07".to_string()),
            Just("\u{9b}31m".to_string()),
            Just("\u{202e}gpj.exe".to_string()),
            Just("\x08\x08\r\x7f\x00".to_string()),
            any::<char>().prop_map(String::from),
        ],
        0..6,
    )
    .prop_map(|v| v.concat())
}

/// Control characters a terminal acts on (newline excepted: it separates table lines).
fn acts_on_terminal(c: char) -> bool {
    (c.is_control() && c != '\n') || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100_000))]

    #[test]
    fn table_to_a_terminal_carries_no_control_characters(
        names in prop::collection::vec(hostile_text(), 0..5),
        key in hostile_text(),
    ) {
        let l = Listing {
            columns: vec!["ID".into(), "Name".into()],
            rows: names.iter().map(|n| vec![Cell::Str("id".into()), Cell::Str(n.clone())]).collect(),
        };
        let o = ListOptions { escape_controls: true, print_empty: true, ..Default::default() };
        let mut out = Vec::new();
        write_list(&l, &o, &mut out).unwrap();
        let s = String::from_utf8(out).unwrap();
        prop_assert!(!s.chars().any(acts_on_terminal), "{:?}", s);
        let widths: Vec<usize> = s.trim_end_matches('\n').split('\n').map(display_width).collect();
        prop_assert!(widths.windows(2).all(|w| w[0] == w[1]), "{}", s);

        let r = ostk_output::Record { fields: vec![(key.clone(), Cell::Str(names.concat()))] };
        let o = ShowOptions { escape_controls: true, ..Default::default() };
        let mut out = Vec::new();
        write_one(&r, &o, &mut out).unwrap();
        let s = String::from_utf8(out).unwrap();
        prop_assert!(!s.chars().any(acts_on_terminal), "{:?}", s);
    }
}

#[test]
fn escapes_only_for_a_terminal() {
    let l = Listing {
        columns: vec!["Name".into()],
        rows: vec![vec![Cell::Str("evil\x1b[31mred\u{9b}0m\u{202e}x".into())]],
    };
    let mut raw = Vec::new();
    write_list(&l, &ListOptions::default(), &mut raw).unwrap();
    // Through a pipe: the bytes as cliff writes them.
    assert!(
        String::from_utf8(raw)
            .unwrap()
            .contains("evil\x1b[31mred\u{9b}0m\u{202e}x")
    );
    let mut tty = Vec::new();
    let o = ListOptions {
        escape_controls: true,
        ..Default::default()
    };
    write_list(&l, &o, &mut tty).unwrap();
    assert_eq!(
        String::from_utf8(tty).unwrap(),
        "+------------------------------+\n\
         | Name                         |\n\
         +------------------------------+\n\
         | evil\\x1b[31mred\\x9b0m\\u202ex |\n\
         +------------------------------+\n"
    );
}

fn rich_cell() -> impl Strategy<Value = Cell> {
    prop_oneof![
        cell(),
        prop::collection::vec(text(), 0..3).prop_map(|v| Cell::Raw(serde_json::json!(v))),
        (text(), text(), any::<i64>())
            .prop_map(|(k, v, n)| Cell::Raw(serde_json::json!({k: v, "n": n, "l": [n]}))),
    ]
}

fn rich_listing() -> impl Strategy<Value = Listing> {
    (1usize..4).prop_flat_map(|n| {
        prop::collection::vec(prop::collection::vec(rich_cell(), n), 0..7).prop_map(move |rows| {
            Listing {
                columns: (0..n).map(|i| format!("Col {i}")).collect(),
                rows,
            }
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20_000))]

    /// Rows written page by page as they arrive give the text of the whole listing, whatever
    /// the pages and the format.
    #[test]
    fn streamed_pages_match_the_whole_listing(
        l in rich_listing(),
        cuts in prop::collection::vec(0usize..7, 0..4),
        f in prop::sample::select(vec!["table", "csv", "json", "value", "yaml"]),
        noindent in any::<bool>(),
        sort in any::<bool>(),
        col in any::<bool>(),
    ) {
        let o = ListOptions {
            format: ListFormat::from_name(f).unwrap(),
            noindent,
            sort_columns: if sort { vec!["Col 0".into()] } else { Vec::new() },
            columns: if col { vec![l.columns[l.columns.len() - 1].clone()] } else { Vec::new() },
            ..Default::default()
        };
        let mut whole = Vec::new();
        write_list(&l, &o, &mut whole).unwrap();
        let mut streamed = Vec::new();
        let mut s = ListStream::start(l.columns.clone(), &o, &mut streamed).unwrap();
        let mut cuts: Vec<usize> = cuts.into_iter().map(|c| c.min(l.rows.len())).collect();
        cuts.sort();
        let mut prev = 0;
        for c in cuts.into_iter().chain([l.rows.len()]) {
            s.push(l.rows[prev..c].to_vec(), &mut streamed).unwrap();
            prev = c;
        }
        s.finish(&mut streamed).unwrap();
        prop_assert_eq!(String::from_utf8(streamed).unwrap(), String::from_utf8(whole).unwrap());
    }
}
