#!/usr/bin/env python3
"""(Re)record expected*.json for the ostk-config scenarios from the REAL CLI.

Usage: tests/record.py [SCENARIO...]   (default: every folder in tests/scenarios)
Env:   OPENSTACK=/path/to/openstack    (default: /tmp/ostk-devcloud/venv-osc/bin/openstack)

Each scenario folder holds env.json, args.json and fs/{cwd,home,other}/...
The CLI runs with only PATH, HOME=<tmp>/home and env.json (XDG_CONFIG_HOME
unset), cwd=<tmp>/cwd, argv = args (+ `configuration show -f json --unmask`).
The tmp root is written as "{root}" in env values and in recorded output.
fs/etc/... cannot be given to the real CLI (it reads the real /etc), so
scenarios with fs/etc keep their hand-checked expectations and are skipped.
Outputs: expected.json (+ expected-mask.json when --mask differs), or on a
non-zero exit expected-error.txt (last stderr line) and expected-exit.txt.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SCEN = os.path.join(HERE, "scenarios")
OSC = os.environ.get("OPENSTACK", "/tmp/ostk-devcloud/venv-osc/bin/openstack")


def argv_of(args):
    out = []
    for k, v in args.items():
        if v is True:
            out.append("--" + k)
        elif v is False:
            continue
        else:
            out += ["--" + k, str(v)]
    return out


def run(case, root, mask):
    with open(os.path.join(case, "env.json")) as f:
        env = {k: v.replace("{root}", root) for k, v in json.load(f).items()}
    with open(os.path.join(case, "args.json")) as f:
        args = json.load(f)
    full_env = {"PATH": "/usr/bin:/bin", "HOME": os.path.join(root, "home")}
    full_env.update(env)
    cmd = [OSC] + argv_of(args) + ["configuration", "show", "-f", "json",
                                   "--mask" if mask else "--unmask"]
    return subprocess.run(cmd, env=full_env, cwd=os.path.join(root, "cwd"),
                          capture_output=True, text=True)


def record(name):
    case = os.path.join(SCEN, name)
    if os.path.isdir(os.path.join(case, "fs", "etc")):
        print(f"skip {name} (uses fs/etc)")
        return
    root = tempfile.mkdtemp(prefix="ostkcfg")
    try:
        for sub in ("cwd", "home", "other"):
            src = os.path.join(case, "fs", sub)
            dst = os.path.join(root, sub)
            if os.path.isdir(src):
                shutil.copytree(src, dst)
            else:
                os.makedirs(dst)
        for f in ("expected.json", "expected-mask.json", "expected-error.txt",
                  "expected-exit.txt"):
            p = os.path.join(case, f)
            if os.path.exists(p):
                os.remove(p)
        unmask = run(case, root, False)
        if unmask.returncode != 0:
            lines = [l for l in unmask.stderr.splitlines() if l.strip()]
            last = lines[-1] if lines else ""
            with open(os.path.join(case, "expected-error.txt"), "w") as f:
                f.write(last.replace(root, "{root}") + "\n")
            with open(os.path.join(case, "expected-exit.txt"), "w") as f:
                f.write(f"{unmask.returncode}\n")
            print(f"{name}: exit {unmask.returncode}: {last}")
            return
        with open(os.path.join(case, "expected.json"), "w") as f:
            f.write(unmask.stdout.replace(root, "{root}"))
        masked = run(case, root, True)
        if masked.stdout != unmask.stdout:
            with open(os.path.join(case, "expected-mask.json"), "w") as f:
                f.write(masked.stdout.replace(root, "{root}"))
        print(f"{name}: ok")
    finally:
        shutil.rmtree(root, ignore_errors=True)


def main():
    names = sys.argv[1:] or sorted(os.listdir(SCEN))
    for n in names:
        record(n)


if __name__ == "__main__":
    main()
