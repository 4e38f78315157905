//! heatclient's `-f dot` formatter of `stack resource list` (common/resource_formatter.py):
//! a Graphviz digraph of the resources, nested stacks as clusters, `required_by` as edges.

use ostk_sdk::orchestration::dot_id;
use serde_json::Value;
use std::fmt::Write;

struct Info<'a> {
    r: &'a Value,
    nested: Option<String>,
    stack: Option<String>,
    id: Option<String>,
}

fn s<'a>(v: &'a Value, k: &str) -> &'a str {
    v.get(k).and_then(Value::as_str).unwrap_or("")
}

fn info(r: &Value) -> Info<'_> {
    let link = |rel: &str| {
        r.get("links")
            .and_then(Value::as_array)
            .and_then(|ls| ls.iter().rev().find(|l| s(l, "rel") == rel))
            .map(|l| s(l, "href").to_string())
            .filter(|h| !h.is_empty())
    };
    Info {
        r,
        nested: link("nested").map(|u| dot_id(&u, "stack")),
        stack: link("stack").map(|u| dot_id(&u, "stack")),
        id: link("self").map(|u| dot_id(&u, "r")),
    }
}

/// The digraph of the listed resources.
pub fn resources_dot(resources: &[Value]) -> String {
    let infos: Vec<Info> = resources.iter().map(info).collect();
    // resources by stack, by name (the last of a name wins, in first-seen order)
    let mut by_stack: Vec<(String, Vec<(String, usize)>)> = Vec::new();
    let mut by_id: Vec<(String, usize)> = Vec::new();
    let mut nested_ids: Vec<String> = Vec::new();
    for (i, inf) in infos.iter().enumerate() {
        if let Some(st) = &inf.stack {
            let name = s(inf.r, "resource_name").to_string();
            let pos = match by_stack.iter().position(|(k, _)| k == st) {
                Some(p) => p,
                None => {
                    by_stack.push((st.clone(), Vec::new()));
                    by_stack.len() - 1
                }
            };
            let rs = &mut by_stack[pos].1;
            match rs.iter_mut().find(|(n, _)| *n == name) {
                Some(slot) => slot.1 = i,
                None => rs.push((name, i)),
            }
        }
        if let Some(id) = &inf.id {
            match by_id.iter_mut().find(|(k, _)| k == id) {
                Some(slot) => slot.1 = i,
                None => by_id.push((id.clone(), i)),
            }
        }
        if let Some(n) = &inf.nested {
            nested_ids.push(n.clone());
        }
    }
    let stack_resources = |id: &str| -> Vec<usize> {
        by_stack
            .iter()
            .find(|(k, _)| k == id)
            .map(|(_, v)| v.iter().map(|(_, i)| *i).collect())
            .unwrap_or_default()
    };
    let mut out = String::new();
    let nodes = |out: &mut String, idx: &[usize], indent: usize| {
        for &i in idx {
            let r = infos[i].r;
            let style = if s(r, "resource_status").ends_with("FAILED") {
                "style=filled color=red"
            } else {
                ""
            };
            let _ = writeln!(
                out,
                "{}{} [label=\"{}\n{}\" {}];",
                " ".repeat(indent),
                infos[i].id.as_deref().unwrap_or("None"),
                s(r, "resource_name"),
                s(r, "resource_type"),
                style
            );
        }
        out.push('\n');
    };
    out.push_str("digraph G {\n");
    out.push_str("  graph [\n    fontsize=10 fontname=\"Verdana\" compound=true rankdir=LR\n  ]\n");
    // root stacks (heatclient iterates a set here; a listing has one root)
    for (st, _) in &by_stack {
        if !nested_ids.contains(st) {
            nodes(&mut out, &stack_resources(st), 2);
        }
    }
    for (_, i) in &by_id {
        if let Some(n) = &infos[*i].nested {
            let rs = stack_resources(n);
            if !rs.is_empty() {
                let _ = writeln!(out, "  subgraph cluster_{n} {{");
                let _ = writeln!(out, "    label=\"{}\";", s(infos[*i].r, "resource_name"));
                nodes(&mut out, &rs, 4);
                out.push_str("  }\n\n");
            }
        }
    }
    for (id, i) in &by_id {
        if let Some(n) = &infos[*i].nested
            && let Some(first) = stack_resources(n).first()
        {
            let _ = writeln!(
                out,
                "  {id} -> {} [\n    color=dimgray lhead=cluster_{n} arrowhead=none\n  ];",
                infos[*first].id.as_deref().unwrap_or("None")
            );
        }
    }
    out.push('\n');
    for (id, i) in &by_id {
        let inf = &infos[*i];
        let (Some(req), Some(st)) = (
            inf.r.get("required_by").and_then(Value::as_array),
            &inf.stack,
        ) else {
            continue;
        };
        let names: Vec<(String, usize)> = by_stack
            .iter()
            .find(|(k, _)| k == st)
            .map(|(_, v)| v.clone())
            .unwrap_or_default();
        for rq in req {
            let rq = rq.as_str().unwrap_or("");
            if let Some((_, o)) = names.iter().find(|(n, _)| n == rq) {
                let _ = writeln!(
                    out,
                    "  {id} -> {};",
                    infos[*o].id.as_deref().unwrap_or("None")
                );
            }
        }
    }
    out.push('\n');
    out.push_str("}\n");
    out
}
