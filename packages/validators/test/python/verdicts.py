"""Verdicts of Python's jsonschema on the package's .json schemas, for test/python-jsonschema.test.ts.

Reads one JSON request from stdin and writes one JSON answer to stdout:
  {"mode": "requests", "dir": <json dir>, "items": [{"action": ..., "request": ...}, ...]}
    -> [true | false, ...]: Draft202012Validator(<action>.request.json).is_valid(request)
  {"mode": "codepoints", "patterns": {name: {"pattern": ..., "template": "a{}b.com"}}}
    -> {name: "0110…"}: for every code point c, whether re.search(pattern, the template with c
       for {}) matches (what jsonschema does for "pattern"), one digit per code point
"""
import json
import os
import re
import sys

from jsonschema import Draft202012Validator


def requests(job):
    validators = {}
    out = []
    for item in job["items"]:
        action = item["action"]
        if action not in validators:
            with open(os.path.join(job["dir"], action + ".request.json"), encoding="utf-8") as f:
                schema = json.load(f)
            Draft202012Validator.check_schema(schema)
            validators[action] = Draft202012Validator(schema)
        out.append(validators[action].is_valid(item["request"]))
    return out


def codepoints(job):
    out = {}
    for name, spec in job["patterns"].items():
        before, after = spec["template"].split("{}")
        search = re.compile(spec["pattern"]).search
        out[name] = "".join("1" if search(before + chr(cp) + after) else "0" for cp in range(0x110000))
    return out


job = json.load(sys.stdin)
answer = requests(job) if job["mode"] == "requests" else codepoints(job)
json.dump(answer, sys.stdout)
