#!/usr/bin/env python3
"""Writes osc-commands.tsv: every python-openstackclient command and its option strings.

Run with the reference CLI on PATH or as argv[1]:
  python3 crates/ostk-cli/tests/data/gen-osc-commands.py /tmp/ostk-devcloud/venv-osc/bin/openstack
With --plugins and the reference that has the service plugins (devcloud's venv-osc-plugins), writes
osc-plugin-commands.tsv instead: the commands the plugins add (heat, barbican, octavia, designate, manila).
  python3 crates/ostk-cli/tests/data/gen-osc-commands.py --plugins /tmp/ostk-devcloud/venv-osc-plugins/bin/openstack
"""
import json
import os
import subprocess
import sys

args = sys.argv[1:]
plugins = "--plugins" in args
args = [a for a in args if a != "--plugins"]
osc = args[0] if args else "openstack"
env = {k: v for k, v in os.environ.items() if not k.startswith("OS_")}
groups = json.loads(subprocess.check_output([osc, "command", "list", "-f", "json"], env=env))
complete = subprocess.check_output([osc, "complete", "--shell", "none"], env=env, text=True)
opts = {}
for line in complete.splitlines():
    line = line.strip()
    if line.startswith("cmds_"):
        key, _, value = line[len("cmds_"):].partition("=")
        opts[key] = value.strip("'")
here = os.path.dirname(os.path.abspath(__file__))
# cliff's own commands are not in `command list`.
commands = {c for g in groups for c in g["Commands"]} | {"complete", "help"}
if plugins:
    with open(os.path.join(here, "osc-commands.tsv")) as f:
        core = {line.split("\t")[0] for line in f}
    commands -= core
out = os.path.join(here, "osc-plugin-commands.tsv" if plugins else "osc-commands.tsv")
with open(out, "w") as f:
    for words in sorted(commands):
        key = words.replace(" ", "_").replace("-", "_")
        f.write(f"{words}\t{opts.get(key, '')}\n")
