#!/usr/bin/env python3
"""Writes osc-commands.tsv: every python-openstackclient command and its option strings.

Run with the reference CLI on PATH or as argv[1]:
  python3 crates/ostk-cli/tests/data/gen-osc-commands.py /tmp/ostk-devcloud/venv-osc/bin/openstack
"""
import json
import os
import subprocess
import sys

osc = sys.argv[1] if len(sys.argv) > 1 else "openstack"
env = {k: v for k, v in os.environ.items() if not k.startswith("OS_")}
groups = json.loads(subprocess.check_output([osc, "command", "list", "-f", "json"], env=env))
complete = subprocess.check_output([osc, "complete", "--shell", "none"], env=env, text=True)
opts = {}
for line in complete.splitlines():
    line = line.strip()
    if line.startswith("cmds_"):
        key, _, value = line[len("cmds_"):].partition("=")
        opts[key] = value.strip("'")
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "osc-commands.tsv")
with open(out, "w") as f:
    # cliff's own commands are not in `command list`.
    for words in sorted({c for g in groups for c in g["Commands"]} | {"complete", "help"}):
        key = words.replace(" ", "_").replace("-", "_")
        f.write(f"{words}\t{opts.get(key, '')}\n")
