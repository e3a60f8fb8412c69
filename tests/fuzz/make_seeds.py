#!/usr/bin/env python3
"""Regenerate the fuzz targets' seed corpora in tests/fuzz/corpus/ (committed; rerun when the data changes).

    python3 tests/fuzz/make_seeds.py

- corpus/load:      small valid policy files (a trimmed copy of assets/policies/shangyu.json, the test fixtures)
                    and hand-made hostile ones (BOM, duplicate keys, bad links, bidi controls, deep rules, ...);
- corpus/rule:      "rule\\ndata[\\ndate]" lines from tests/data/jsonlogic-tests.json plus the extension operators;
- corpus/fragment:  share links, well-formed and hostile.
Seeds are named by content, so rerunning does not duplicate them.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
CORPUS = HERE / "corpus"
POLICIES = REPO / "assets" / "policies" / "shangyu.json"
CONFORMANCE = REPO / "tests" / "data" / "jsonlogic-tests.json"

# Policies of the bundled file that between them use every kind of rule it has (rank, years_since, days_since,
# in, or/and, excludes), kept small.
TRIMMED_POLICIES = ["sy-lingchuangwan", "sy-2018-living-allowance", "zj-guaranteed-loan", "zj-skill-cert-subsidy-2024",
                    "sy-lcw-zero-rent"]
LONG_TEXTS = ("details", "terms", "help", "hint")  # dropped from the trimmed copy: the fuzzer learns nothing from prose


def write_seed(kind: str, content: str | bytes) -> None:
    data = content.encode("utf-8") if isinstance(content, str) else content
    folder = CORPUS / kind
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()[:16]).write_bytes(data)


def compact(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


# ---- policy files -----------------------------------------------------------------------------------------

def vars_in(rule, found: set[str]) -> None:
    if isinstance(rule, dict):
        for op, args in rule.items():
            if op == "var":
                name = args[0] if isinstance(args, list) and args else args
                if isinstance(name, str):
                    found.add(name.split(".")[0])
            vars_in(args, found)
    elif isinstance(rule, list):
        for item in rule:
            vars_in(item, found)


def trimmed_shangyu() -> dict:
    data = json.loads(POLICIES.read_text(encoding="utf-8"))
    policies = [p for p in data["policies"] if p["id"] in TRIMMED_POLICIES]
    kept_ids = {p["id"] for p in policies}
    for policy in policies:
        policy["excludes"] = [e for e in policy.get("excludes", []) if e in kept_ids]
        policy.pop("examples", None)
    wanted: set[str] = set()
    for policy in policies:
        for criterion in policy.get("criteria", []):
            vars_in(criterion["rule"], wanted)
        for benefit in policy.get("benefits", []):
            vars_in(benefit.get("amount"), wanted)
    questions = {q["id"]: q for q in data["questions"]}
    while True:  # ask_if may read other questions
        more = set()
        for name in wanted:
            vars_in(questions[name].get("ask_if"), more)
        if more <= wanted:
            break
        wanted |= more
    data["questions"] = [q for q in data["questions"] if q["id"] in wanted]
    data["sources"] = [s for s in data["sources"] if s["id"] in {p["source"] for p in policies}]
    data["categories"] = [c for c in data["categories"] if c["id"] in {p["category"] for p in policies}]
    audiences = {a for p in policies for a in p.get("audiences", [])}
    data["audiences"] = [a for a in data.get("audiences", []) if a["id"] in audiences]
    data["policies"] = policies
    return drop_long_texts(data)


def drop_long_texts(value):
    if isinstance(value, dict):
        return {k: drop_long_texts(v) for k, v in value.items() if k not in LONG_TEXTS}
    if isinstance(value, list):
        return [drop_long_texts(v) for v in value]
    return value


def minimal_document(policies: list, questions: list | None = None) -> dict:
    return {
        "format": "policy-portal/1", "id": "seed", "title": {"zh": "种子", "en": "Seed"}, "version": "1",
        "sources": [{"id": "src", "title": {"zh": "来源"}, "reliability": "confirmed", "url": "https://example.org/a"}],
        "categories": [{"id": "cat", "name": {"zh": "类别"}}],
        "questions": questions if questions is not None else [
            {"id": "education", "type": "choice", "ordered": True, "label": {"zh": "学历"},
             "options": [{"value": "bachelor", "label": {"zh": "本科"}}, {"value": "master", "label": {"zh": "硕士"}}]},
            {"id": "age", "type": "number", "min": 16, "max": 100, "label": {"zh": "年龄"}},
            {"id": "graduated", "type": "date", "label": {"zh": "毕业"}, "ask_if": {"var": "age"}}],
        "policies": policies,
    }


def policy(pid: str, **extra) -> dict:
    return {"id": pid, "title": {"zh": "政策" + pid, "en": "Policy " + pid}, "category": "cat", "source": "src", **extra}


def load_seeds() -> None:
    write_seed("load", json.dumps(trimmed_shangyu(), ensure_ascii=False, separators=(",", ":")))
    for fixture in ("fixture-policies.json", "ui-fixture.json"):
        write_seed("load", (REPO / "tests" / "data" / fixture).read_bytes())
    rich = policy("rich", criteria=[
        {"id": "degree", "label": {"zh": "学历"}, "rule": {">=": [{"rank": [{"var": "education"}]}, 1]}},
        {"id": "young", "label": {"zh": "年龄"}, "rule": {"<=": [{"var": "age"}, 35]}},
        {"id": "recent", "label": {"zh": "毕业"}, "rule": {"<=": [{"years_since": [{"var": "graduated"}]}, 5]}}],
        eligible_when={"or": [{"var": "criteria.degree"}, {"var": "criteria.young"}]},
        valid={"from": "2020-01-01", "until": None},
        benefits=[{"id": "cash", "label": {"zh": "补贴"}, "kind": "cash", "per": "year", "periods": 3,
                   "amount": {"if": [{">=": [{"rank": [{"var": "education"}]}, 1]}, 30000, 10000]}}],
        apply={"how": {"zh": "申请"}, "links": [{"label": {"zh": "网站"}, "url": "https://example.org/apply"}]},
        excludes=["other"], examples=[{"name": "m", "as_of": "2024-06-01", "profile": {"education": "master"},
                                        "expect": "eligible", "benefit_total": 90000}])
    other = policy("other", criteria=[{"id": "t", "label": {"zh": "t"}, "rule": True}],
                   benefits=[{"id": "b", "label": {"zh": "b"}, "kind": "loan", "amount": 1e6}])
    write_seed("load", json.dumps(minimal_document([rich, other]), ensure_ascii=False))
    hostile = [
        "\ufeff" + json.dumps(minimal_document([policy("bom")])),
        json.dumps(minimal_document([policy("dup")])).replace('"version": "1"', '"version": "1", "version": "2"'),
        json.dumps(minimal_document([policy("js", apply={"links": [
            {"label": {"zh": "x"}, "url": "javascript:alert(1)"},
            {"label": {"zh": "y"}, "url": "data:text/html,<script>alert(1)</script>"}]})])),
        json.dumps(minimal_document([policy("bidi", summary={"zh": "\u202eabc\u202c", "en": "x\u2066y\u2069"})]),
                   ensure_ascii=False),
        json.dumps(minimal_document([policy("deep", criteria=[{"id": "d", "label": {"zh": "d"},
                                                               "rule": json.loads('{"!":' * 70 + "true" + "}" * 70)}])])),
        json.dumps(minimal_document([policy("big", benefits=[{"id": "b", "label": {"zh": "b"}, "kind": "cash",
                                                              "amount": 1e308, "periods": 10}])])),
        '{"format": "policy-portal/1", "policies": [NaN, Infinity]}',
    ]
    for text in hostile:
        write_seed("load", text)
    write_seed("load", b'{"format": "policy-portal/1", "id": "x\xff\xfe"}')


# ---- rules ------------------------------------------------------------------------------------------------

def rule_seeds() -> None:
    cases = [c for c in json.loads(CONFORMANCE.read_text(encoding="utf-8")) if isinstance(c, list)]
    seen_ops: dict[str, int] = {}
    for rule, data, _expected in cases:
        op = next(iter(rule)) if isinstance(rule, dict) and rule else type(rule).__name__
        if seen_ops.get(op, 0) >= 3:  # a few per operator keeps the corpus small and varied
            continue
        seen_ops[op] = seen_ops.get(op, 0) + 1
        write_seed("rule", compact(rule) + "\n" + compact(data))
    extension = [
        ({">=": [{"rank": [{"var": "education"}]}, 2]}, {"education": "master"}, None),
        ({"<=": [{"years_since": [{"var": "graduated"}]}, 5]}, {"graduated": "2019-06-30"}, "2024-06-01"),
        ({"months_since": ["2024-02-29"]}, {}, "2025-02-28"),
        ({"days_since": [{"var": "d"}]}, {"d": "1970-01-01"}, "9999-12-31"),
        ({"==": [{"today": []}, "2024-06-01"]}, {}, "2024-06-01"),
        ({"and": [{"var": "a"}, {"or": [{"var": "b"}, {"!": {"var": "c"}}]}]}, {"a": True}, None),
        ({"if": [{"var": "x"}, 1, {"var": "y"}, 2, 3]}, {}, None),
        ({"missing_some": [1, ["a", "b", "c"]]}, {"a": 1}, None),
        ({"*": [1e308, 10]}, {}, None),
        ({"-": [-1e308, 1e308]}, {}, None),
        ({"/": [1, 0]}, {}, None),
        ({"%": [{"var": "n"}, 0]}, {"n": 7}, None),
        ({"substr": ["青春之城", 1, 2]}, {}, None),
        ({"cat": ["\u202e", {"var": "s"}]}, {"s": "txt.exe"}, None),
        ({"reduce": [{"var": "xs"}, {"+": [{"var": "current"}, {"var": "accumulator"}]}, 0]}, {"xs": [1, 2, 3]}, None),
        ({"map": [{"var": "xs"}, {"*": [{"var": ""}, 2]}]}, {"xs": [1, 2.5, "3"]}, None),
        ({"filter": [{"var": "xs"}, {">": [{"var": ""}, 1]}]}, {"xs": [0, 1, 2]}, None),
        ({"all": [{"var": "xs"}, {"in": [{"var": ""}, ["a", "b"]]}]}, {"xs": ["a"]}, None),
        ({"merge": [[1], [[2]], {"var": "m"}]}, {"m": [3]}, None),
        ({"var": ["a.b.0", "dflt"]}, {"a": {"b": ["v"]}}, None),
        ({"<": [1, {"var": "x"}, 3]}, {"x": 2}, None),
        ({"max": [1, "2", None, True]}, {}, None),
        ({"log": ["hi"]}, {}, None),
    ]
    for rule, data, date in extension:
        write_seed("rule", compact(rule) + "\n" + compact(data) + ("\n" + date if date else ""))


# ---- fragments --------------------------------------------------------------------------------------------

def fragment_seeds() -> None:
    answers = "%7B%22education%22%3A%22master%22%2C%22age%22%3A27%2C%22maker_types%22%3A%5B%22tech%22%5D%7D"
    for text in [
        "",
        "#v=detail&p=sy-living-allowance",
        "v=check&lang=en&a=" + answers,
        "v=compare&cmp=sy-rent-subsidy,sy-housing-voucher&sort=value",
        "q=%E9%9D%92%E6%98%A5+%E5%85%AC%E5%AF%93&cat=housing,living&aud=graduate",
        "v=explore&sort=relevance&lang=zh",
        "a={}",
        "a=%7B%22x%22%3A1e400%7D",
        "a=[[[[1]]]]&p=../../etc&cmp=A,B,,c",
        "q=%ZZ&v=%E2%80%AEkcehc&lang=%00",
        "p=javascript:alert(1)&q=%3Cscript%3E",
        "a=" + "%7B%22x%22%3A%22" + "!" * 3000 + "%22%7D",
        "x" * 8193,
    ]:
        write_seed("fragment", text)


def main() -> int:
    load_seeds()
    rule_seeds()
    fragment_seeds()
    for kind in ("load", "rule", "fragment"):
        files = list((CORPUS / kind).iterdir())
        print(f"{kind}: {len(files)} seeds, {sum(f.stat().st_size for f in files)} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
