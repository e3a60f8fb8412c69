#!/usr/bin/env python3
"""policyctl's command-line contract: exit codes (0 ok, 1 data/test failure, 2 bad usage or unreadable input),
stable stdout, and errors on stderr naming the file and a JSON pointer or line:column.

Run by ctest with POLICYCTL and PORTAL_TEST_DATA_DIR in the environment."""

import datetime
import json
import os
import subprocess
import tempfile
import unittest

POLICYCTL = os.environ["POLICYCTL"]
DATA = os.environ["PORTAL_TEST_DATA_DIR"]
FIXTURE = os.path.join(DATA, "fixture-policies.json")
PROFILE = os.path.join(DATA, "fixture-profile.json")
EXPECTED_CHECK = os.path.join(DATA, "fixture-check-expected.json")
CERTAINTY = os.path.join(DATA, "fixture-certainty.json")
CERTAINTY_PROFILE = os.path.join(DATA, "fixture-certainty-profile.json")
CERTAINTY_EXPECTED = os.path.join(DATA, "fixture-certainty-expected.json")
LINT = os.path.join(DATA, "fixture-lint.json")


def run(*args):
    result = subprocess.run([POLICYCTL, *args], capture_output=True, text=True, timeout=60)
    return result.returncode, result.stdout, result.stderr


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def fixture_document():
    with open(FIXTURE, encoding="utf-8") as f:
        return json.load(f)


class TempFiles(unittest.TestCase):
    def setUp(self):
        self._dir = tempfile.TemporaryDirectory()

    def tearDown(self):
        self._dir.cleanup()

    def write(self, name, content):
        path = os.path.join(self._dir.name, name)
        mode = "wb" if isinstance(content, bytes) else "w"
        with open(path, mode, **({} if mode == "wb" else {"encoding": "utf-8"})) as f:
            f.write(content if isinstance(content, (str, bytes)) else json.dumps(content, ensure_ascii=False, indent=1))
        return path


class Usage(TempFiles):
    def test_help_explains_every_command(self):
        code, out, _ = run("--help")
        self.assertEqual(code, 0)
        for command in ("validate", "test", "lint", "check", "jsonlogic", "export-html", "details", "english"):
            self.assertIn(command, out)
        self.assertIn("Exit codes: 0 success, 1 the data or a test failed, 2 bad usage", out)

    def test_help_for_one_command(self):
        for args in (("help", "check"), ("check", "--help")):
            code, out, _ = run(*args)
            self.assertEqual(code, 0)
            self.assertIn("--profile PROFILE.json", out)
            self.assertIn("next_question", out)

    def test_bad_usage_exits_2(self):
        cases = [
            (),
            ("frobnicate",),
            ("help", "frobnicate"),
            ("validate",),
            ("validate", FIXTURE, "extra"),
            ("validate", "--strict", FIXTURE),
            ("check", FIXTURE, "--json"),                            # no profile
            ("check", FIXTURE, "--profile", PROFILE),                # no --json
            ("check", FIXTURE, "--profile", PROFILE, "--json", "--as-of", "2024-02-30"),
            ("check", FIXTURE, "--profile"),
            ("check", "--profile", PROFILE, "--json"),               # no FILE
            ("jsonlogic", FIXTURE),
            ("export-html",),
            ("export-html", FIXTURE, FIXTURE),
            ("export-html", "--out"),
            ("export-html", FIXTURE, "--out"),
            ("export-html", "--title", "x", FIXTURE),
        ]
        for args in cases:
            with self.subTest(args=args):
                code, out, err = run(*args)
                self.assertEqual(code, 2)
                self.assertEqual(out, "")
                self.assertTrue(err)

    def test_unreadable_input_exits_2(self):
        for args in (("validate", "/nonexistent.json"), ("test", "/nonexistent.json"),
                     ("validate", DATA),  # a directory
                     ("check", FIXTURE, "--profile", "/nonexistent.json", "--json"),
                     ("jsonlogic", "/nonexistent.json", PROFILE),
                     ("export-html", "/nonexistent.json")):
            with self.subTest(args=args):
                code, _, err = run(*args)
                self.assertEqual(code, 2)
                self.assertIn("cannot read file", err)


class Validate(TempFiles):
    def test_valid_file(self):
        code, out, err = run("validate", FIXTURE)
        self.assertEqual(code, 0)
        self.assertEqual(err, "")
        self.assertEqual(out, FIXTURE + ": valid, 0 errors, 0 warnings; 7 of 7 policies valid, 8 questions\n")

    def test_malformed_json_names_line_and_column(self):
        path = self.write("bad.json", '{\n  "format": "policy-portal/1",\n  "id": \n}\n')
        code, _, err = run("validate", path)
        self.assertEqual(code, 1)
        self.assertIn(path + ":4:1: error:", err)

    def test_empty_file_and_invalid_utf8(self):
        code, _, err = run("validate", self.write("empty.json", ""))
        self.assertEqual(code, 1)
        self.assertIn("empty file", err)
        code, _, err = run("validate", self.write("latin1.json", b'{"id": "caf\xe9"}'))
        self.assertEqual(code, 1)
        self.assertIn(":1:12: error: invalid UTF-8", err)

    def test_contract_errors_name_the_pointer(self):
        document = fixture_document()
        document["policies"][0]["apply"]["links"][0]["url"] = "javascript:alert(1)"
        document["policies"][1]["criteria"][0]["rule"] = {"!": [{"var": "owns_house"}]}
        document["policies"][2]["criteria"][0]["rule"] = {"regex": ["a", "b"]}
        code, out, err = run("validate", self.write("broken.json", document))
        self.assertEqual(code, 1)
        path = os.path.join(self._dir.name, "broken.json")
        self.assertIn(path + ': /policies/0/apply/links/0/url: error: URL scheme "javascript:" is not allowed', err)
        self.assertIn(path + ': /policies/1/criteria/0/rule/!/0/var: error: var "owns_house" does not name a question', err)
        self.assertIn(path + ': /policies/2/criteria/0/rule/regex: error: unknown operator "regex"', err)
        self.assertIn("invalid, 3 errors, 0 warnings; 4 of 7 policies valid", out)

    def test_fatal_top_level(self):
        code, out, err = run("validate", self.write("array.json", []))
        self.assertEqual(code, 1)
        self.assertIn("must be a JSON object", err)
        self.assertIn("invalid", out)

    def test_warnings_do_not_fail(self):
        document = fixture_document()
        document["policies"][0]["colour"] = "red"
        code, out, err = run("validate", self.write("warn.json", document))
        self.assertEqual(code, 0)
        self.assertIn('/policies/0/colour: warning: unknown field "colour"', err)
        self.assertIn("valid, 0 errors, 1 warning;", out)

    def test_output_is_stable(self):
        document = fixture_document()
        document["sources"][0]["url"] = "data:text/html,x"
        path = self.write("stable.json", document)
        self.assertEqual(run("validate", path), run("validate", path))


class Test(TempFiles):
    def test_fixture_examples_pass(self):
        code, out, err = run("test", FIXTURE)
        self.assertEqual(code, 0, err)
        self.assertEqual(out, "12 passed, 0 failed\n")

    def test_failing_examples_get_one_line_each(self):
        document = fixture_document()
        document["policies"][0]["examples"][0]["benefit_total"] = 1
        document["policies"][2]["examples"][1]["expect"] = "eligible"
        path = self.write("failing.json", document)
        code, out, _ = run("test", path)
        self.assertEqual(code, 1)
        lines = out.splitlines()
        self.assertEqual(lines, [
            path + ': /policies/0/examples/0: living-allowance example "PhD graduated 2023, employed": '
                   'expected benefit_total 1, got 120000',
            path + ': /policies/2/examples/1: founder-loan example "40-year-old": expected eligible, '
                   'got ineligible (failed: young)',
            "10 passed, 2 failed",
        ])

    def test_examples_of_invalid_policies_count_as_failed(self):
        document = fixture_document()
        document["policies"][1]["category"] = "nowhere"
        path = self.write("invalid.json", document)
        code, out, err = run("test", path)
        self.assertEqual(code, 1)
        self.assertIn('/policies/1/category: error: category "nowhere" does not exist', err)
        self.assertIn(path + ': /policies/1: policy "rent-subsidy" is invalid; 2 examples not run', out)
        self.assertTrue(out.endswith("10 passed, 2 failed\n"))


class Check(TempFiles):
    def test_output_matches_the_expected_file(self):
        code, out, err = run("check", FIXTURE, "--profile", PROFILE, "--as-of", "2024-06-01", "--json")
        self.assertEqual(code, 0, err)
        with open(EXPECTED_CHECK, encoding="utf-8") as f:
            self.assertEqual(out, f.read())

    def test_option_order_does_not_matter(self):
        a = run("check", FIXTURE, "--profile", PROFILE, "--as-of", "2024-06-01", "--json")
        b = run("check", "--json", "--as-of", "2024-06-01", "--profile", PROFILE, FIXTURE)
        self.assertEqual(a, b)

    def test_as_of_defaults_to_today(self):
        code, out, _ = run("check", FIXTURE, "--profile", PROFILE, "--json")
        self.assertEqual(code, 0)
        self.assertEqual(json.loads(out)["as_of"], datetime.date.today().isoformat())

    def test_contract_shape(self):
        code, out, _ = run("check", FIXTURE, "--profile", self.write("p.json", {}), "--as-of", "2024-06-01", "--json")
        self.assertEqual(code, 0)
        result = json.loads(out)
        self.assertEqual(list(result), ["as_of", "next_question", "best_bundle", "results"])
        self.assertEqual(result["next_question"], "education")
        self.assertEqual(result["best_bundle"], {"policies": [], "total": 0, "unconfirmed_total": 0})
        self.assertEqual([r["policy"] for r in result["results"]],
                         [p["id"] for p in fixture_document()["policies"]])
        for r in result["results"]:
            self.assertIn(r["certainty"], ("confirmed", "unconfirmed", "illustrative"))

    def test_bad_profiles_exit_2(self):
        code, _, err = run("check", FIXTURE, "--profile", self.write("m.json", "{\"age\": }"), "--json")
        self.assertEqual(code, 2)
        self.assertIn("m.json:1:9: error:", err)
        code, _, err = run("check", FIXTURE, "--profile", self.write("u.json", {"salary": 1, "education": "doctor"}), "--json")
        self.assertEqual(code, 2)
        self.assertIn('u.json: /salary: error: no question has the id "salary"', err)
        self.assertIn('u.json: /education: error: education: "doctor" is not one of', err)

    def test_invalid_policies_are_reported_and_the_rest_evaluated(self):
        document = fixture_document()
        document["policies"][0]["source"] = "nowhere"
        code, out, err = run("check", self.write("d.json", document), "--profile", PROFILE, "--as-of", "2024-06-01", "--json")
        self.assertEqual(code, 1)
        self.assertIn('/policies/0/source: error: source "nowhere" does not exist', err)
        self.assertEqual(len(json.loads(out)["results"]), 6)


class Certainty(TempFiles):
    """Certainty, ceilings, unconfirmed_total, illustrative policies and the next question for unknown amounts."""

    def check(self, profile=CERTAINTY_PROFILE, as_of="2024-06-01", document=CERTAINTY):
        code, out, err = run("check", document, "--profile", profile, "--as-of", as_of, "--json")
        self.assertEqual(code, 0, err)
        return json.loads(out)

    def results(self, output):
        return {r["policy"]: r for r in output["results"]}

    def test_output_matches_the_expected_file(self):
        code, out, err = run("check", CERTAINTY, "--profile", CERTAINTY_PROFILE, "--as-of", "2024-06-01", "--json")
        self.assertEqual((code, err), (0, ""))
        with open(CERTAINTY_EXPECTED, encoding="utf-8") as f:
            self.assertEqual(out, f.read())

    def test_certainty_on_every_result(self):
        results = self.results(self.check())
        self.assertEqual({p: r["certainty"] for p, r in results.items()}, {
            "fresh": "confirmed", "stale": "unconfirmed", "renewed": "confirmed",
            "renewed-by-compilation": "unconfirmed", "ceiling": "confirmed", "example": "illustrative",
            "by-education": "confirmed", "by-months": "confirmed", "descriptive": "confirmed"})
        self.assertNotIn("benefit_total", results["descriptive"])  # not eligible: no sums

    def test_stale_after_exactly_n_years(self):
        # "official" is dated 2022-03-01 and stale_after_years is 3.
        self.assertEqual(self.results(self.check(as_of="2025-02-28"))["fresh"]["certainty"], "confirmed")
        self.assertEqual(self.results(self.check(as_of="2025-03-01"))["fresh"]["certainty"], "unconfirmed")
        document = load(CERTAINTY)
        document["stale_after_years"] = 4
        path = self.write("four.json", document)
        self.assertEqual(self.results(self.check(as_of="2025-03-01", document=path))["fresh"]["certainty"], "confirmed")
        del document["sources"][0]["date"]
        path = self.write("undated.json", document)
        self.assertEqual(self.results(self.check(as_of="2022-06-01", document=path))["fresh"]["certainty"], "unconfirmed")

    def test_ceilings_and_unknown_amounts(self):
        results = self.results(self.check())
        self.assertEqual((results["ceiling"]["benefit_total"], results["ceiling"]["benefit_up_to"]), (100, 5100))
        self.assertEqual((results["by-education"]["benefit_total"], results["by-education"]["benefit_up_to"]), (None, None))
        self.assertIn("benefit_up_to", results["by-education"])

    def test_best_bundle_leaves_out_illustrative_and_counts_unconfirmed(self):
        bundle = self.check()["best_bundle"]
        self.assertEqual(bundle, {"policies": ["fresh", "stale", "renewed", "renewed-by-compilation", "ceiling"],
                                  "total": 3450, "unconfirmed_total": 2050})

    def test_next_question_for_unknown_amounts_respects_ask_if(self):
        self.assertEqual(self.check()["next_question"], "education")
        after = self.write("p2.json", {"age": 30, "education": "master"})
        self.assertIsNone(self.check(profile=after)["next_question"])  # insurance_months waits on employed
        employed = self.write("p3.json", {"age": 30, "education": "master", "employed": True})
        self.assertEqual(self.check(profile=employed)["next_question"], "insurance_months")
        elsewhere = self.write("p4.json", {"age": 30, "education": "master", "employed": False})
        self.assertIsNone(self.check(profile=elsewhere)["next_question"])

    def test_examples_with_certainty_and_ceiling_expectations(self):
        self.assertEqual(run("test", CERTAINTY), (0, "5 passed, 0 failed\n", ""))
        document = load(CERTAINTY)
        document["policies"][4]["examples"][0]["benefit_up_to"] = 100
        document["policies"][5]["examples"][0]["certainty"] = "confirmed"
        path = self.write("wrong.json", document)
        code, out, _ = run("test", path)
        self.assertEqual(code, 1)
        self.assertEqual(out.splitlines(), [
            path + ': /policies/4/examples/0: ceiling example "adult": expected benefit_up_to 100, got 5100',
            path + ': /policies/5/examples/0: example example "adult": expected certainty confirmed, got illustrative',
            "3 passed, 2 failed"])

    def test_confirmed_in_force_needs_an_existing_source(self):
        document = load(CERTAINTY)
        document["policies"][2]["confirmed_in_force"]["source"] = "nowhere"
        code, _, err = run("validate", self.write("bad.json", document))
        self.assertEqual(code, 1)
        self.assertIn('/policies/2/confirmed_in_force/source: error: source "nowhere" does not exist', err)


class Lint(TempFiles):
    EXPECTED = [
        ("unread-question", "/questions/3"),
        ("missing-level", "/policies/1"),
        ("local-without-location", "/policies/2/level"),
        ("years-within", "/policies/3/criteria/0/rule"),
        ("secondary-benefit", "/policies/4/benefits/0/amount"),
        ("undated-terms-source", "/policies/5/source"),
    ]

    def test_every_code_with_its_pointer(self):
        code, out, err = run("lint", LINT, "--json")
        self.assertEqual((code, err), (1, ""))
        result = json.loads(out)
        self.assertEqual(list(result), ["file", "warnings", "accepted"])
        self.assertEqual([(w["code"], w["pointer"]) for w in result["warnings"]], self.EXPECTED)
        self.assertEqual([(a["code"], a["pointer"], a["why"]) for a in result["accepted"]],
                         [("local-without-location", "/policies/6/level", "全省通用，不限就业地 / open to anyone in the province")])
        for warning in result["warnings"]:
            self.assertTrue(warning["message"])

    def test_text_output(self):
        code, out, _ = run("lint", LINT)
        self.assertEqual(code, 1)
        lines = out.splitlines()
        self.assertEqual(len(lines), 8)
        for line, (lint_code, pointer) in zip(lines, self.EXPECTED):
            self.assertTrue(line.startswith(f"{LINT}: {pointer}: warning [{lint_code}]: "), line)
        self.assertTrue(lines[6].startswith(f"{LINT}: /policies/6/level: accepted [local-without-location]: "), lines[6])
        self.assertTrue(lines[6].endswith("(accepted: 全省通用，不限就业地 / open to anyone in the province)"), lines[6])
        self.assertEqual(lines[7], "6 warnings, 1 accepted")
        self.assertIn('"<": [{"years_since": ...}, 5]', lines[3])

    def test_only_accepted_notes_exit_0(self):
        document = load(LINT)
        document["policies"] = [p for p in document["policies"] if p["id"] in ("clean", "accepted")]
        document["questions"] = [q for q in document["questions"] if q["id"] != "spare"]
        path = self.write("ok.json", document)
        code, out, _ = run("lint", path)
        self.assertEqual(code, 0)
        self.assertEqual(out.splitlines()[-1], "0 warnings, 1 accepted")
        document["policies"] = [p for p in document["policies"] if p["id"] == "clean"]
        document["questions"] = [q for q in document["questions"] if q["id"] != "age"]
        code, out, _ = run("lint", self.write("clean.json", document), "--json")
        self.assertEqual(code, 0)
        self.assertEqual(json.loads(out)["warnings"], [])
        self.assertEqual(json.loads(out)["accepted"], [])

    def test_fixing_a_warning_removes_it(self):
        document = load(LINT)
        document["policies"][3]["criteria"][0]["rule"] = {"<": [{"years_since": [{"var": "graduation_date"}]}, 5]}
        document["policies"][2]["criteria"].append(
            {"id": "here", "label": {"zh": "在上虞就业"}, "rule": {"==": [{"var": "work_region"}, "shangyu"]}})
        code, out, _ = run("lint", self.write("fixed.json", document), "--json")
        self.assertEqual(code, 1)
        self.assertEqual([(w["code"], w["pointer"]) for w in json.loads(out)["warnings"]],
                         [e for e in self.EXPECTED if e[0] not in ("years-within", "local-without-location")])

    def test_invalid_file_gets_validate_errors(self):
        document = load(LINT)
        document["policies"][0]["level"] = "county"
        path = self.write("bad.json", document)
        code, out, err = run("lint", path)
        self.assertEqual(code, 1)
        self.assertEqual(out, "")
        self.assertIn(path + ': /policies/0/level: error: "county" is not one of: district, city, province, national', err)

    def test_bad_usage_and_unreadable(self):
        self.assertEqual(run("lint")[0], 2)
        self.assertEqual(run("lint", LINT, LINT)[0], 2)
        self.assertEqual(run("lint", LINT, "--text")[0], 2)
        code, _, err = run("lint", os.path.join(self._dir.name, "missing.json"))
        self.assertEqual(code, 2)
        self.assertIn("cannot read file", err)
        code, out, _ = run("lint", "--help")
        self.assertEqual(code, 0)
        for lint_code in ("missing-level", "local-without-location", "years-within", "secondary-benefit",
                          "undated-terms-source", "unread-question", "english-wide-punctuation", "lint_accept"):
            self.assertIn(lint_code, out)


class JsonLogic(TempFiles):
    def evaluate(self, rule, data):
        return run("jsonlogic", self.write("rule.json", rule), self.write("data.json", data))

    def test_prints_the_result(self):
        self.assertEqual(self.evaluate({"+": [1, {"var": "a"}]}, {"a": 2}), (0, "3\n", ""))
        self.assertEqual(self.evaluate({"var": "missing"}, {}), (0, "null\n", ""))
        self.assertEqual(self.evaluate({"cat": ["上", "虞"]}, None), (0, '"上虞"\n', ""))

    def test_conformance_cases_through_the_tool(self):
        with open(os.path.join(DATA, "jsonlogic-tests.json"), encoding="utf-8") as f:
            cases = [case for case in json.load(f) if isinstance(case, list)]
        for rule, data, expected in cases[::9]:  # a sample: one process per case
            with self.subTest(rule=rule):
                code, out, err = self.evaluate(rule, data)
                self.assertEqual(code, 0, err)
                self.assertEqual(json.loads(out), expected)

    def test_unknown_operator_exits_1(self):
        code, out, err = self.evaluate({"and": [True, {"nope": []}]}, {})
        self.assertEqual(code, 1)
        self.assertEqual(out, "")
        self.assertIn('rule.json: /and/1/nope: error: unknown operator "nope"', err)

    def test_malformed_rule_exits_2(self):
        code, _, err = run("jsonlogic", self.write("r.json", "{"), self.write("d.json", {}))
        self.assertEqual(code, 2)
        self.assertIn("r.json:1:2: error:", err)


class ExportHtml(TempFiles):
    def policy_ids(self, document):
        return [policy["id"] for policy in document["policies"]]

    def test_writes_every_policy_to_stdout(self):
        code, out, err = run("export-html", FIXTURE)
        self.assertEqual((code, err), (0, ""))
        self.assertTrue(out.startswith('<!doctype html>\n<html lang="zh-CN">'))
        self.assertIn('http-equiv="Content-Security-Policy"', out)
        self.assertNotIn("<script", out)
        for policy in fixture_document()["policies"]:
            self.assertIn(f'id="p-{policy["id"]}"', out)

    def test_out_file_and_option_order(self):
        target = os.path.join(self._dir.name, "page.html")
        for args in (("--out", target, FIXTURE), (FIXTURE, "--out", target)):
            with self.subTest(args=args):
                code, out, err = run("export-html", *args)
                self.assertEqual((code, out, err), (0, "", ""))
                with open(target, encoding="utf-8") as f:
                    self.assertEqual(f.read(), run("export-html", FIXTURE)[1])

    def test_unwritable_out_exits_2(self):
        code, out, err = run("export-html", "--out", os.path.join(self._dir.name, "missing", "page.html"), FIXTURE)
        self.assertEqual((code, out), (2, ""))
        self.assertIn("cannot write file", err)

    def test_fatal_file_is_reported_like_validate(self):
        path = self.write("array.json", [])
        code, out, err = run("export-html", path)
        self.assertEqual((code, out), (1, ""))
        self.assertEqual(err, run("validate", path)[2])

    def test_broken_policies_are_left_out_and_named(self):
        document = fixture_document()
        document["policies"][0]["apply"]["links"][0]["url"] = "javascript:alert(1)"
        path = self.write("broken.json", document)
        code, out, err = run("export-html", path)
        self.assertEqual(code, 1)
        self.assertTrue(err.startswith(run("validate", path)[2]))
        first = document["policies"][0]["id"]
        self.assertIn(f'/policies/0: policy "{first}" is invalid and left out of the page', err)
        self.assertNotIn(f'id="p-{first}"', out)
        self.assertNotIn("javascript:", out)
        for policy_id in self.policy_ids(document)[1:]:
            self.assertIn(f'id="p-{policy_id}"', out)

    def test_hostile_text_is_escaped(self):
        document = fixture_document()
        document["policies"][0]["title"] = {"zh": "<script>alert(1)</script>", "en": 'a" onmouseover="b'}
        document["policies"][0]["summary"] = {"zh": "abc\u202edef"}
        code, out, err = run("export-html", self.write("hostile.json", document))
        self.assertEqual(code, 0, err)
        self.assertNotIn("<script", out)
        self.assertIn("&lt;script&gt;alert(1)&lt;/script&gt;", out)
        self.assertIn("a&quot; onmouseover=&quot;b", out)
        self.assertNotIn("\u202e", out)
        self.assertIn("abcdef", out)

    def test_help(self):
        code, out, _ = run("export-html", "--help")
        self.assertEqual(code, 0)
        self.assertIn("--out FILE", out)


class BundledData(unittest.TestCase):
    """The real data file, when another engineer has written it: it must validate and its examples pass."""

    def test_bundled_policy_file(self):
        path = os.environ.get("PORTAL_POLICY_FILE", "")
        if not os.path.exists(path):
            self.skipTest("assets/policies/shangyu.json not written yet")
        code, out, err = run("validate", path)
        self.assertEqual(code, 0, err + out)
        code, out, err = run("test", path)
        self.assertEqual(code, 0, err + out)
        code, out, err = run("export-html", path)
        self.assertEqual(code, 0, err)
        with open(path, encoding="utf-8") as f:
            for policy in json.load(f)["policies"]:
                self.assertIn(f'id="p-{policy["id"]}"', out)



class Details(TempFiles):
    """policyctl details joins the two files the build derives for the visitor's page (scripts/finish_dist.py)
    with the portal's own code: what the build writes, the app accepts."""

    def split(self, document):
        import sys
        sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts"))
        from finish_dist import compact, details_data, visitor_data
        data = compact(visitor_data(document))
        return self.write("policies.json", data), details_data(document, data.encode("utf-8"))

    def test_the_build_s_two_files_join(self):
        document = fixture_document()
        document["policies"][0]["details"] = {"zh": "详细", "en": "In full"}
        data, details = self.split(document)
        code, out, err = run("details", data, self.write("policy-details.json", details))
        self.assertEqual(code, 0, err)
        self.assertIn("policy-details.json: made for", out)
        with_details = sum(1 for policy in document["policies"] if "details" in policy)
        self.assertIn(f"{with_details} of {len(document['policies'])} policies with details, 0 errors", out)

    def test_details_for_other_data_are_refused(self):
        data, details = self.split(fixture_document())
        details["data_sha256"] = "0" * 64
        code, out, err = run("details", data, self.write("policy-details.json", details))
        self.assertEqual(code, 1)
        self.assertIn("refused", out)
        self.assertIn("policy-details.json: /data_sha256: error: these details were made for other policy data", err)

    def test_a_broken_entry_is_named_by_its_pointer(self):
        data, details = self.split(fixture_document())
        details["policies"][1]["details"] = 7
        code, out, err = run("details", data, self.write("policy-details.json", details))
        self.assertEqual(code, 1)
        self.assertIn("policy-details.json: /policies/1/details: error:", err)
        self.assertIn("1 error", out)

    def test_usage(self):
        self.assertEqual(run("details", FIXTURE)[0], 2)
        self.assertEqual(run("details", FIXTURE, "/nonexistent.json")[0], 2)
        code, out, _ = run("details", "--help")
        self.assertEqual(code, 0)
        self.assertIn("data_sha256", out)


class English(TempFiles):
    """policyctl english joins the visitor's data and the policies' English texts the build derives from the
    contract (scripts/finish_dist.py) with the portal's own code, and shows the join gives the contract back."""

    def split(self, document):
        import copy
        import sys
        sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts"))
        from finish_dist import compact, english_data, split_english, visitor_data
        visitor = copy.deepcopy(visitor_data(document))
        entries = split_english(visitor)
        data = compact(visitor)
        return self.write("policies.json", data), english_data(entries, data.encode("utf-8"))

    def test_the_build_s_files_join_into_the_contract_s_texts(self):
        bundled = os.environ.get("PORTAL_POLICY_FILE", "")
        for contract in [FIXTURE] + ([bundled] if os.path.exists(bundled) else []):
            with open(contract, encoding="utf-8") as f:
                document = json.load(f)
            data, english = self.split(document)
            with open(data, encoding="utf-8") as f:
                self.assertNotIn('"en"', json.dumps(json.load(f)["policies"]))  # the data holds no policy's English
            code, out, err = run("english", data, self.write("policy-english.json", english), contract)
            self.assertEqual(code, 0, err)
            self.assertIn("policy-english.json: made for", out)
            self.assertIn(f"joined to {len(document['policies'])} policies, 0 left in Chinese only, 0 errors", out)
            self.assertIn(f"the same texts as {contract} (0 differences)", out)

    def test_english_for_other_data_is_refused(self):
        data, english = self.split(fixture_document())
        english["data_sha256"] = "0" * 64
        code, out, err = run("english", data, self.write("policy-english.json", english))
        self.assertEqual(code, 1)
        self.assertIn("refused", out)
        self.assertIn("policy-english.json: /data_sha256: error: these English texts were made for other policy data",
                      err)

    def test_a_broken_entry_is_named_by_its_pointer(self):
        data, english = self.split(fixture_document())
        english["policies"][1]["title"]["en"] = 7
        code, out, err = run("english", data, self.write("policy-english.json", english))
        self.assertEqual(code, 1)
        self.assertIn("policy-english.json: /policies/1/title/en: error:", err)
        self.assertIn("1 left in Chinese only, 1 error", out)

    def test_a_text_that_is_not_the_contract_s_is_named(self):
        data, english = self.split(fixture_document())
        english["policies"][0]["title"]["en"] = "Another title"
        code, out, err = run("english", data, self.write("policy-english.json", english), FIXTURE)
        self.assertEqual(code, 1)
        self.assertIn(f"{FIXTURE}: /policies/0/title: differs", err)
        self.assertIn("(1 difference)", out)

    def test_usage(self):
        self.assertEqual(run("english", FIXTURE)[0], 2)
        self.assertEqual(run("english", FIXTURE, "/nonexistent.json")[0], 2)
        code, out, _ = run("english", "--help")
        self.assertEqual(code, 0)
        self.assertIn("shangyu-policy-english/1", out)


if __name__ == "__main__":
    unittest.main()
