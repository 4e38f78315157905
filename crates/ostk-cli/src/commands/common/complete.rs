//! `complete`: cliff's bash completion script (or its data only with `--shell none`).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use std::collections::BTreeMap;

/// print bash completion command
#[derive(clap::Args, Debug)]
pub struct Complete {
    /// Command name to support with command completion
    #[arg(long, value_name = "<command_name>")]
    name: Option<String>,
    /// Shell being used. Use none for data only (default: bash)
    #[arg(long, value_name = "<shell>", default_value = "bash", hide_default_value = true, hide_possible_values = true,
          value_parser = ["bash", "none"])]
    shell: String,
}

/// cliff's CompleteDictionary: nested command words; leaves hold the option strings.
#[derive(Default)]
struct Dict(BTreeMap<String, Node>);
enum Node {
    Leaf(String),
    Branch(Dict),
}

impl Dict {
    fn add(&mut self, words: &[&str], opts: String) {
        let mut dict = self;
        let mut last = words[words.len() - 1].to_string();
        for w in &words[..words.len() - 1] {
            // A word that is both a command and a prefix of others becomes `word_next` (as cliff).
            if let Some(Node::Leaf(s)) = dict.0.get_mut(*w) {
                s.push(' ');
                s.push_str(&last);
                last = format!("{w}_{last}");
            } else {
                let node = dict
                    .0
                    .entry(w.to_string())
                    .or_insert_with(|| Node::Branch(Dict::default()));
                match node {
                    Node::Branch(d) => dict = d,
                    Node::Leaf(_) => unreachable!("leaf handled above"),
                }
            }
        }
        dict.0.insert(last, Node::Leaf(opts));
    }

    fn data(&self, path: &str, out: &mut Vec<(String, String)>) {
        for (cmd, node) in &self.0 {
            let name = if path.is_empty() {
                cmd.clone()
            } else {
                format!("{path}_{cmd}")
            };
            match node {
                Node::Leaf(s) => out.push((name, s.clone())),
                Node::Branch(d) => {
                    out.push((
                        name.clone(),
                        d.0.keys().cloned().collect::<Vec<_>>().join(" "),
                    ));
                    d.data(&name, out);
                }
            }
        }
    }
}

impl Command for Complete {
    const WORDS: &'static str = "complete";
    const ABOUT: &'static str = "print bash completion command";
    const KIND: Kind = Kind::Plain;
    const EPILOG: Option<&'static str> = Some("This command is provided by the cliff plugin.");

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let name = self.name.unwrap_or_else(|| ctx.prog.clone());
        let mut dict = Dict::default();
        for e in crate::commands::all() {
            let cmd = crate::clap_command(e, e.words);
            let opts: Vec<String> = cmd
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
                    v
                })
                .collect();
            let words: Vec<&str> = e.words.split(' ').collect();
            dict.add(&words, opts.join(" "));
        }
        let cmds = dict.0.keys().cloned().collect::<Vec<_>>().join(" ");
        let mut data = Vec::new();
        dict.data("", &mut data);
        data.sort();
        let escaped = name.replace('-', "_");
        let mut text = String::new();
        if self.shell == "bash" {
            text.push_str(&format!(
                "_{escaped}()\n{{\n  local cur prev words\n  COMPREPLY=()\n  _get_comp_words_by_ref -n : cur prev words\n\n  # Command data:\n"
            ));
        }
        text.push_str(&format!("  cmds='{cmds}'\n"));
        for (k, v) in data {
            text.push_str(&format!("  cmds_{}='{v}'\n", k.replace('-', "_")));
        }
        if self.shell == "bash" {
            text.push_str(BASH_TRAILER);
            text.push_str(&format!("complete -F _{escaped} {name}\n"));
        }
        Ok(Output::Text(text))
    }
}

const BASH_TRAILER: &str = r#"
  dash=-
  underscore=_
  cmd=""
  words[0]=""
  completed="${cmds}"
  for var in "${words[@]:1}"
  do
    if [[ ${var} == -* ]] ; then
      break
    fi
    if [ -z "${cmd}" ] ; then
      proposed="${var}"
    else
      proposed="${cmd}_${var}"
    fi
    local i="cmds_${proposed}"
    i=${i//$dash/$underscore}
    local comp="${!i}"
    if [ -z "${comp}" ] ; then
      break
    fi
    if [[ ${comp} == -* ]] ; then
      if [[ ${cur} != -* ]] ; then
        completed=""
        break
      fi
    fi
    cmd="${proposed}"
    completed="${comp}"
  done

  if [ -z "${completed}" ] ; then
    COMPREPLY=( $( compgen -f -- "$cur" ) $( compgen -d -- "$cur" ) )
  else
    COMPREPLY=( $(compgen -W "${completed}" -- ${cur}) )
  fi
  return 0
}
"#;
