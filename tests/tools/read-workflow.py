"""Read a GitHub Actions workflow with PyYAML, independently of cairn, and
print what it says as JSON for tests/testsuite/init.rs: its triggers
("on"), its permissions, each job's condition, permissions and steps (each
step's name, id, uses, with, if and run, null when absent), and
"cairn_commands": every line of every `run:` that starts with `cairn `,
stripped, in order, with its job and step. A file PyYAML cannot parse
makes this script fail.

PyYAML reads YAML 1.1, where the key `on` is the boolean true; it is put
back under "on", as GitHub reads it."""

import json
import sys

import yaml

STEP_KEYS = ("name", "id", "uses", "with", "if", "run")
JOB_KEYS = ("if", "needs", "permissions", "environment", "concurrency")


def main():
    (path,) = sys.argv[1:]
    with open(path, encoding="utf-8") as f:
        workflow = yaml.safe_load(f)
    if True in workflow:
        workflow["on"] = workflow.pop(True)
    jobs, commands = {}, []
    for job_name, job in workflow["jobs"].items():
        steps = [{key: step.get(key) for key in STEP_KEYS} for step in job.get("steps", [])]
        for step in steps:
            for line in (step["run"] or "").splitlines():
                if line.strip().startswith("cairn "):
                    commands.append({"job": job_name, "step": step["name"], "command": line.strip()})
        jobs[job_name] = {key: job.get(key) for key in JOB_KEYS} | {"steps": steps}
    out = {
        "on": workflow.get("on"),
        "env": workflow.get("env"),
        "permissions": workflow.get("permissions"),
        "jobs": jobs,
        "cairn_commands": commands,
    }
    json.dump(out, sys.stdout, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
