//! PrettyTable rendering (default style, padding 1) and cliff's
//! `_assign_max_widths` width fitting.

use crate::width::{display_width, expand_tabs, wrap};

/// Horizontal alignment of a table column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Left (`'l'`).
    Left,
    /// Right (`'r'`).
    Right,
    /// Centre (`'c'`, PrettyTable's default when no row set an alignment).
    Center,
}

/// A table ready to be rendered.
#[derive(Debug, Clone)]
pub struct Table {
    /// Header cells.
    pub headers: Vec<String>,
    /// Per-column alignment (applies to the header too).
    pub aligns: Vec<Align>,
    /// Row cells, already converted to text by cliff's `_format_row`.
    pub rows: Vec<Vec<String>>,
    /// Per-column maximum width (PrettyTable `max_width`).
    pub max_widths: Vec<Option<usize>>,
    /// Render the header and borders even without rows.
    pub print_empty: bool,
}

/// cliff `_format_row` + PrettyTable `_format_value` for a text cell:
/// `\r\n` becomes `\n`, a lone `\r` a space, tabs are expanded.
pub fn clean_cell(s: &str) -> String {
    let s = s.replace("\r\n", "\n").replace('\r', " ");
    expand_tabs(&s, 8)
}

/// Makes terminal control characters visible: C0 controls other than newline and tab, DEL,
/// C1 controls (U+0080–U+009F, e.g. the one-byte CSI) and the bidirectional overrides and
/// isolates become `\x1b`/`\u202e` escapes, so a resource name cannot move the cursor, change
/// colours, set the window title or reorder what the user reads. Used only for table output
/// to a terminal: cliff writes cells raw, and scripts reading a pipe get the bytes as they are.
pub fn escape_controls(s: &str) -> std::borrow::Cow<'_, str> {
    fn hostile(c: char) -> bool {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    }
    if !s.chars().any(hostile) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            c if !hostile(c) => out.push(c),
            c if (c as u32) < 0x100 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push_str(&format!("\\u{:04x}", c as u32)),
        }
    }
    std::borrow::Cow::Owned(out)
}

fn block_width(s: &str) -> usize {
    s.split('\n').map(display_width).max().unwrap_or(0)
}

fn justify(out: &mut String, text: &str, width: usize, align: Align) {
    let tw = display_width(text);
    let pad = width.saturating_sub(tw);
    let (l, r) = match align {
        Align::Left => (0, pad),
        Align::Right => (pad, 0),
        Align::Center => {
            let l = pad / 2 + (pad & width & 1);
            (l, pad - l)
        }
    };
    out.extend(std::iter::repeat_n(' ', l));
    out.push_str(text);
    out.extend(std::iter::repeat_n(' ', r));
}

impl Table {
    /// Column widths as PrettyTable `_compute_widths` computes them.
    pub fn widths(&self) -> Vec<usize> {
        let mut widths: Vec<usize> = self.headers.iter().map(|h| block_width(h)).collect();
        for row in &self.rows {
            for (i, v) in row.iter().enumerate().take(widths.len()) {
                let mut w = block_width(v);
                if let Some(Some(m)) = self.max_widths.get(i) {
                    w = w.min(*m);
                }
                widths[i] = widths[i].max(w);
            }
        }
        widths
    }

    /// PrettyTable `get_string()` (without cliff's trailing newline).
    pub fn render(&self) -> String {
        if self.rows.is_empty() && !self.print_empty {
            return String::new();
        }
        let widths = self.widths();
        let mut hrule = String::from("+");
        for w in &widths {
            hrule.extend(std::iter::repeat_n('-', w + 2));
            hrule.push('+');
        }
        let mut out = String::new();
        out.push_str(&hrule);
        out.push('\n');
        out.push('|');
        for ((h, w), a) in self.headers.iter().zip(&widths).zip(&self.aligns) {
            out.push(' ');
            justify(&mut out, h, *w, *a);
            out.push_str(" |");
        }
        out.push('\n');
        out.push_str(&hrule);
        for row in &self.rows {
            let cells: Vec<Vec<String>> = row
                .iter()
                .zip(&widths)
                .map(|(v, w)| {
                    let mut lines = Vec::new();
                    for line in v.split('\n') {
                        if display_width(line) > *w {
                            let wrapped = wrap(line, *w);
                            if wrapped.is_empty() {
                                lines.push(String::new());
                            } else {
                                lines.extend(wrapped);
                            }
                        } else {
                            lines.push(line.to_string());
                        }
                    }
                    lines
                })
                .collect();
            let height = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
            for y in 0..height {
                out.push('\n');
                out.push('|');
                for ((c, w), a) in cells.iter().zip(&widths).zip(&self.aligns) {
                    out.push(' ');
                    justify(&mut out, c.get(y).map(String::as_str).unwrap_or(""), *w, *a);
                    out.push_str(" |");
                }
            }
        }
        out.push('\n');
        out.push_str(&hrule);
        out
    }

    /// cliff `TableFormatter._assign_max_widths` for a known terminal width.
    pub fn fit(&mut self, term_width: usize, min_width: usize) {
        if self.rows.is_empty() && !self.print_empty {
            return;
        }
        let widths = self.widths();
        let n = widths.len();
        let first_line_len = 1 + widths.iter().map(|w| w + 3).sum::<usize>();
        if first_line_len <= term_width || n == 0 {
            return;
        }
        let usable = (term_width as i64 - 1 - 3 * n as i64).max(0);
        let optimal = usable / n as i64;
        let mut shrink = Vec::new();
        let mut remaining = usable;
        for (i, w) in widths.iter().enumerate() {
            if *w as i64 <= optimal {
                remaining -= *w as i64;
            } else {
                shrink.push(i);
            }
        }
        if shrink.is_empty() {
            return;
        }
        let shrink_to = remaining.div_euclid(shrink.len() as i64);
        self.max_widths.resize(n, None);
        let (last, init) = shrink.split_last().expect("non-empty");
        for i in init {
            self.max_widths[*i] = Some(shrink_to.max(min_width as i64) as usize);
            remaining -= shrink_to;
        }
        self.max_widths[*last] = Some(remaining.max(min_width as i64) as usize);
    }
}
