//! Help and usage text laid out as Python's argparse `HelpFormatter` does (python-openstackclient
//! prints argparse help), from a neutral list of actions built from a clap command or from the
//! global option table.

/// How many values a positional takes (argparse `nargs`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Nargs {
    /// Exactly one.
    One,
    /// `?`
    Optional,
    /// `*`
    Star,
    /// `+`
    Plus,
}

/// One argparse action.
#[derive(Clone, Debug)]
pub struct Action {
    /// Option strings (`-f`, `--format`); empty for a positional.
    pub options: Vec<String>,
    /// Value name; `None` for flags.
    pub metavar: Option<String>,
    /// Positional arity.
    pub nargs: Nargs,
    /// Help text; `None` = hidden (argparse.SUPPRESS).
    pub help: Option<String>,
    /// Required option (no brackets in usage).
    pub required: bool,
    /// Mutually exclusive group id, if any.
    pub mutex: Option<usize>,
    /// Section title (`options`, `positional arguments`, a group title).
    pub section: String,
}

impl Action {
    fn is_positional(&self) -> bool {
        self.options.is_empty()
    }

    fn usage_part(&self) -> String {
        let m = self.metavar.clone().unwrap_or_default();
        if self.is_positional() {
            return match self.nargs {
                Nargs::One => m,
                Nargs::Optional => format!("[{m}]"),
                Nargs::Star => format!("[{m} ...]"),
                Nargs::Plus => format!("{m} [{m} ...]"),
            };
        }
        match &self.metavar {
            // argparse nargs='*' on an option.
            Some(m) if self.nargs == Nargs::Star => format!("{} [{m} ...]", self.options[0]),
            Some(m) => format!("{} {m}", self.options[0]),
            None => self.options[0].clone(),
        }
    }

    fn invocation(&self) -> String {
        if self.is_positional() {
            return self.metavar.clone().unwrap_or_default();
        }
        match &self.metavar {
            Some(m) if self.nargs == Nargs::Star => self
                .options
                .iter()
                .map(|o| format!("{o} [{m} ...]"))
                .collect::<Vec<_>>()
                .join(", "),
            Some(m) => self
                .options
                .iter()
                .map(|o| format!("{o} {m}"))
                .collect::<Vec<_>>()
                .join(", "),
            None => self.options.join(", "),
        }
    }
}

/// The help layout width: argparse uses the terminal's columns (`COLUMNS` first) minus 2.
pub fn width_from(columns: Option<usize>) -> usize {
    columns.unwrap_or(80).saturating_sub(2).max(11)
}

fn usage_parts(actions: &[Action], positional: bool) -> Vec<String> {
    let mut parts = Vec::new();
    let visible: Vec<&Action> = actions
        .iter()
        .filter(|a| a.help.is_some() && a.is_positional() == positional)
        .collect();
    let mut i = 0;
    while i < visible.len() {
        let a = visible[i];
        if let Some(g) = a.mutex {
            let mut group = vec![a.usage_part()];
            while i + 1 < visible.len() && visible[i + 1].mutex == Some(g) {
                i += 1;
                group.push(visible[i].usage_part());
            }
            if group.len() > 1 {
                // A required mutually exclusive group: `(--a | --b)`.
                let required = visible[i].required;
                parts.push(if required {
                    format!("({})", group.join(" | "))
                } else {
                    format!("[{}]", group.join(" | "))
                });
                i += 1;
                continue;
            }
        }
        let p = a.usage_part();
        parts.push(if a.required || a.is_positional() {
            p
        } else {
            format!("[{p}]")
        });
        i += 1;
    }
    parts
}

/// argparse re-splits the usage text with `\(.*?\)+(?=\s|$)|\[.*?\]+(?=\s|$)|\S+` before
/// wrapping, so a required `--role <role>` or `<x> [<x> ...]` may break between its words.
fn usage_tokens(parts: &[String]) -> Vec<String> {
    let text: Vec<char> = parts.join(" ").chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        if text[i].is_whitespace() {
            i += 1;
            continue;
        }
        let close = match text[i] {
            '(' => Some(')'),
            '[' => Some(']'),
            _ => None,
        };
        let bracketed = close.and_then(|c| {
            (i + 1..text.len())
                .find(|&j| text[j] == c && text.get(j + 1).is_none_or(|n| n.is_whitespace()))
        });
        let end = match bracketed {
            Some(j) => j + 1,
            None => (i..text.len())
                .find(|&j| text[j].is_whitespace())
                .unwrap_or(text.len()),
        };
        out.push(text[i..end].iter().collect());
        i = end;
    }
    out
}

/// `usage: prog [opts] positionals`, wrapped as argparse wraps it.
pub fn format_usage(prog: &str, actions: &[Action], width: usize) -> String {
    let prefix = "usage: ";
    let opt_parts = usage_tokens(&usage_parts(actions, false));
    let pos_parts = usage_tokens(&usage_parts(actions, true));
    let all: Vec<String> = opt_parts.iter().chain(&pos_parts).cloned().collect();
    let one_line = if all.is_empty() {
        prog.to_string()
    } else {
        format!("{prog} {}", all.join(" "))
    };
    if prefix.len() + one_line.len() <= width {
        return format!("{prefix}{one_line}");
    }
    let get_lines = |parts: &[String], indent: &str, prefix: Option<&str>| -> Vec<String> {
        let mut lines = Vec::new();
        let mut line: Vec<&str> = Vec::new();
        let mut line_len = prefix.map_or(indent.len(), str::len) as isize - 1;
        for part in parts {
            if line_len + 1 + part.len() as isize > width as isize && !line.is_empty() {
                lines.push(format!("{indent}{}", line.join(" ")));
                line.clear();
                line_len = indent.len() as isize - 1;
            }
            line.push(part);
            line_len += part.len() as isize + 1;
        }
        if !line.is_empty() {
            lines.push(format!("{indent}{}", line.join(" ")));
        }
        if let (Some(_), Some(first)) = (prefix, lines.first_mut()) {
            *first = first[indent.len()..].to_string();
        }
        lines
    };
    let lines: Vec<String> = if (prefix.len() + prog.len()) as f64 <= 0.75 * width as f64 {
        let indent = " ".repeat(prefix.len() + prog.len() + 1);
        let mut head = vec![prog.to_string()];
        if !opt_parts.is_empty() {
            head.extend(opt_parts.iter().cloned());
            let mut l = get_lines(&head, &indent, Some(prefix));
            l.extend(get_lines(&pos_parts, &indent, None));
            l
        } else {
            head.extend(pos_parts.iter().cloned());
            get_lines(&head, &indent, Some(prefix))
        }
    } else {
        let indent = " ".repeat(prefix.len());
        let mut l = get_lines(&all, &indent, None);
        if l.len() > 1 {
            l = get_lines(&opt_parts, &indent, None);
            l.extend(get_lines(&pos_parts, &indent, None));
        }
        let mut v = vec![prog.to_string()];
        v.extend(l);
        v
    };
    format!("{prefix}{}", lines.join("\n"))
}

/// Splits text into textwrap chunks: words, with breaks allowed after hyphens inside words
/// the way Python's `textwrap` (break_on_hyphens) allows them.
fn chunks(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for word in text.split_whitespace() {
        let cs: Vec<char> = word.chars().collect();
        let letter = |c: char| c.is_alphabetic();
        let word_char = |c: char| c.is_alphanumeric() || c == '_';
        let word_punct = |c: char| word_char(c) || "!\"'&.,?".contains(c);
        let mut start = 0;
        let mut i = 0;
        while i < cs.len() {
            if cs[i] != '-' {
                i += 1;
                continue;
            }
            // em-dash: a run of 2+ hyphens between a word(-ish) character and a word character
            // stands alone (`'--nic'` → `'`, `--`, `nic'`)
            let run = cs[i..].iter().take_while(|c| **c == '-').count();
            if run >= 2
                && i > start
                && word_punct(cs[i - 1])
                && cs.get(i + run).is_some_and(|c| word_char(*c))
            {
                out.push(cs[start..i].iter().collect());
                out.push(cs[i..i + run].iter().collect());
                start = i + run;
                i += run;
                continue;
            }
            let before2 = i >= 2 && letter(cs[i - 1]) && letter(cs[i - 2]);
            let before_lhl = i >= 3 && letter(cs[i - 1]) && cs[i - 2] == '-' && letter(cs[i - 3]);
            let next = cs.get(i + 1).copied();
            let next2 = cs.get(i + 2).copied();
            let next3 = cs.get(i + 3).copied();
            let after = matches!(next, Some(c) if letter(c))
                && (matches!(next2, Some(c) if letter(c))
                    || (next2 == Some('-') && matches!(next3, Some(c) if letter(c))));
            if (before2 || before_lhl) && after {
                out.push(cs[start..=i].iter().collect());
                start = i + 1;
            }
            i += 1;
        }
        out.push(cs[start..].iter().collect());
        out.push(" ".to_string());
    }
    out.pop();
    out
}

/// Python `textwrap.wrap(text, width)` after argparse's whitespace collapsing.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut chunks: Vec<String> = chunks(text);
    chunks.reverse();
    let mut lines: Vec<String> = Vec::new();
    while !chunks.is_empty() {
        let mut line: Vec<String> = Vec::new();
        let mut len = 0usize;
        if !lines.is_empty() && chunks.last().is_some_and(|c| c.trim().is_empty()) {
            chunks.pop();
        }
        while let Some(c) = chunks.last() {
            let l = c.chars().count();
            if len + l > width {
                break;
            }
            len += l;
            line.push(chunks.pop().unwrap_or_default());
        }
        // break_long_words: a chunk wider than the whole line fills what is left of this one
        if let Some(c) = chunks.last_mut().filter(|c| c.chars().count() > width) {
            let space_left = width.saturating_sub(len).max(1);
            let head: String = c.chars().take(space_left).collect();
            *c = c.chars().skip(space_left).collect();
            line.push(head);
        }
        if line.last().is_some_and(|c| c.trim().is_empty()) {
            line.pop();
        }
        if !line.is_empty() {
            lines.push(line.concat());
        }
    }
    lines
}

/// A full argparse help page.
pub fn format_help(
    prog: &str,
    description: Option<&str>,
    actions: &[Action],
    group_description: &dyn Fn(&str) -> Option<&'static str>,
    epilog: Option<&str>,
    width: usize,
) -> String {
    let mut out = format_usage(prog, actions, width);
    out.push_str("\n\n");
    if let Some(d) = description {
        for l in wrap(d, width) {
            out.push_str(&l);
            out.push('\n');
        }
        out.push('\n');
    }
    let max_help_position = 24usize.min(width.saturating_sub(20).max(4));
    let max_len = actions
        .iter()
        .filter(|a| a.help.is_some())
        .map(|a| a.invocation().len() + 2)
        .max()
        .unwrap_or(0);
    let help_position = (max_len + 2).min(max_help_position);
    let help_width = width.saturating_sub(help_position).max(11);
    let action_width = help_position.saturating_sub(4);

    let mut sections: Vec<&str> = Vec::new();
    for a in actions {
        if !sections.contains(&a.section.as_str()) {
            sections.push(&a.section);
        }
    }
    // argparse's fixed order: positionals, then options, then groups as created.
    sections.sort_by_key(|s| match *s {
        "positional arguments" => 0,
        "options" => 1,
        _ => 2,
    });
    for section in sections {
        let mut body = String::new();
        if let Some(d) = group_description(section) {
            for l in wrap(d, width - 2) {
                body.push_str(&format!("  {l}\n"));
            }
            body.push('\n');
        }
        for a in actions.iter().filter(|a| a.section == section) {
            let Some(help) = &a.help else { continue };
            let header = a.invocation();
            // cliff's SmartHelpFormatter keeps the help's own line breaks, wrapping each line.
            let lines: Vec<String> = help.lines().flat_map(|l| wrap(l, help_width)).collect();
            if help.is_empty() {
                body.push_str(&format!("  {header}\n"));
                continue;
            }
            if header.len() <= action_width {
                body.push_str(&format!("  {header:<action_width$}  "));
                body.push_str(lines.first().map_or("", String::as_str));
                body.push('\n');
            } else {
                body.push_str(&format!("  {header}\n"));
                if let Some(first) = lines.first() {
                    body.push_str(&format!("{:help_position$}{first}\n", ""));
                }
            }
            for l in lines.iter().skip(1) {
                body.push_str(&format!("{:help_position$}{l}\n", ""));
            }
        }
        if body.is_empty() {
            continue;
        }
        out.push_str(&format!("{section}:\n{body}\n"));
    }
    if let Some(e) = epilog {
        for l in wrap(e, width) {
            out.push_str(&l);
            out.push('\n');
        }
    }
    let trimmed = out.trim_end_matches('\n');
    format!("{trimmed}\n")
}

/// Builds argparse actions from a clap command (arguments in declaration order).
pub fn actions_from_clap(cmd: &clap::Command) -> Vec<Action> {
    // Groups named in `#[arg(group = …)]` only exist once the command is built.
    let mut cmd = cmd.clone();
    cmd.build();
    let cmd = &cmd;
    let mut mutex_groups: Vec<Vec<String>> = Vec::new();
    // Members of a required group are required in argparse's usage.
    let required_in_group: Vec<String> = cmd
        .get_groups()
        .filter(|g| g.is_required_set())
        .flat_map(|g| g.get_args().map(|id| id.as_str().to_string()))
        .collect();
    for g in cmd.get_groups() {
        let mut g = g.clone();
        if !g.is_multiple() {
            mutex_groups.push(g.get_args().map(|id| id.as_str().to_string()).collect());
        }
    }
    cmd.get_arguments()
        .map(|arg| {
            let id = arg.get_id().as_str().to_string();
            let mut options = Vec::new();
            if let Some(s) = arg.get_short() {
                options.push(format!("-{s}"));
            }
            if let Some(l) = arg.get_long() {
                options.push(format!("--{l}"));
            }
            // `visible_short_alias`: a short option argparse lists after the long one
            // (python-barbicanclient declares `'--name', '-n'`)
            for s in arg.get_visible_short_aliases().unwrap_or_default() {
                options.push(format!("-{s}"));
            }
            let takes = arg.get_action().takes_values();
            let metavar = if takes || arg.is_positional() {
                Some(
                    arg.get_value_names()
                        .and_then(|v| v.first())
                        .map(|s| s.to_string())
                        .unwrap_or_else(|| id.clone()),
                )
            } else {
                None
            };
            let nargs = match arg.get_num_args() {
                Some(r) if r.min_values() == 0 && r.max_values() > 1 => Nargs::Star,
                Some(r) if r.min_values() >= 1 && r.max_values() > 1 => Nargs::Plus,
                Some(r) if r.min_values() == 0 => Nargs::Optional,
                _ if arg.is_positional() && !arg.is_required_set() => {
                    if matches!(arg.get_action(), clap::ArgAction::Append) {
                        Nargs::Star
                    } else {
                        Nargs::Optional
                    }
                }
                _ => Nargs::One,
            };
            let help = if arg.is_hide_set() {
                None
            } else {
                Some(arg.get_help().map(|h| h.to_string()).unwrap_or_default())
            };
            let section = if arg.is_positional() {
                "positional arguments".to_string()
            } else {
                arg.get_help_heading().unwrap_or("options").to_string()
            };
            Action {
                options,
                metavar,
                nargs,
                help,
                required: (arg.is_required_set() || required_in_group.contains(&id))
                    && !arg.is_positional(),
                mutex: mutex_groups.iter().position(|g| g.contains(&id)),
                section,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn textwrap_breaks_on_hyphens_like_python() {
        // From `openstack help catalog list` (argparse, width 78, help at 24).
        let t = "Fit the table to the display width. Implied if --max-width greater than 0. Set the environment variable CLIFF_FIT_WIDTH=1 to always enable";
        assert_eq!(
            wrap(t, 54),
            vec![
                "Fit the table to the display width. Implied if --max-",
                "width greater than 0. Set the environment variable",
                "CLIFF_FIT_WIDTH=1 to always enable"
            ]
        );
    }

    #[test]
    fn textwrap_splits_em_dashes_like_python() {
        // Python: textwrap.wrap("refer to the '--nic' parameter.", 15)
        assert_eq!(
            wrap("refer to the '--nic' parameter.", 15),
            vec!["refer to the '", "--nic'", "parameter."]
        );
        assert_eq!(chunks("a--b"), vec!["a", "--", "b"]);
        assert_eq!(chunks("--max-width"), vec!["--max-", "width"]);
    }

    #[test]
    fn usage_wraps_like_argparse() {
        let a = |o: &str, m: Option<&str>| Action {
            options: vec![o.to_string()],
            metavar: m.map(str::to_string),
            nargs: Nargs::One,
            help: Some("x".into()),
            required: false,
            mutex: None,
            section: "options".into(),
        };
        let mut acts = vec![
            a("-h", None),
            a("-f", Some("{csv,json,table,value,yaml}")),
            a("-c", Some("COLUMN")),
            a("--quote", Some("{all,minimal,none,nonnumeric}")),
            a("--noindent", None),
            a("--max-width", Some("<integer>")),
            a("--fit-width", None),
            a("--print-empty", None),
            a("--sort-column", Some("SORT_COLUMN")),
            a("--sort-ascending", None),
            a("--sort-descending", None),
        ];
        acts[9].mutex = Some(0);
        acts[10].mutex = Some(0);
        let u = format_usage("openstack catalog list", &acts, 78);
        assert_eq!(
            u,
            "usage: openstack catalog list [-h] [-f {csv,json,table,value,yaml}]
                              [-c COLUMN]
                              [--quote {all,minimal,none,nonnumeric}]
                              [--noindent] [--max-width <integer>]
                              [--fit-width] [--print-empty]
                              [--sort-column SORT_COLUMN]
                              [--sort-ascending | --sort-descending]"
        );
    }
}
