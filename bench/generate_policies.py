#!/usr/bin/env python3
"""Deterministic synthetic policy files for the benchmarks (format policy-portal/1, see docs/POLICY-FORMAT.md).

    python3 bench/generate_policies.py [--sizes 100,1000,10000,100000] [--seed 7] [--out build/bench] [--validate]
                                       [--bundled-sizes 10000]

Writes OUT/policies-N.json for every N, and OUT/profiles.json (the benchmark profiles: empty, partial, full, and
a batch of complete random profiles for the head-to-head). The same seed always gives byte-identical files.

The data imitates assets/policies/shangyu.json without reading it (so that data edits never change benchmark
inputs): 40 questions of every type with ask_if chains; policies in eight categories whose criteria use and/or/if,
rank, days_since/years_since/months_since, in (choice lists and multi membership), between and plain comparisons;
eligible_when "all" / "any" / a rule over criteria; validity windows (some expired); benefits with fixed and rule
amounts; sparse exclusions in small groups (the way rival programmes exclude each other); Chinese and English
texts built from a policy vocabulary. Files are written minified (that is how dist ships data).

--bundled-sizes writes OUT/shangyu-N.json as well: the bundled assets/policies/shangyu.json with its policies
repeated to N (ids of the k-th copy suffixed -k), for loading real-length texts at scale.

--validate runs `policyctl validate` (build/native or build/bench-native) on every file and fails on errors.
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
AS_OF = "2024-06-05"
DEFAULT_SIZES = [100, 1_000, 10_000, 100_000]

# ---- questions ---------------------------------------------------------------------------------------------

WORKING = ["work_local", "work_city", "work_province", "work_elsewhere"]


def rank_at_least(question: str, k: int) -> dict:
    return {">=": [{"rank": [{"var": question}]}, k]}


def equals(question: str, value) -> dict:
    return {"==": [{"var": question}, value]}


def one_of(question: str, values: list) -> dict:
    return {"in": [{"var": question}, values]}


def text(zh: str, en: str) -> dict:
    return {"zh": zh, "en": en}


def options(*pairs: tuple[str, str, str]) -> list[dict]:
    return [{"value": value, "label": text(zh, en)} for value, zh, en in pairs]


EDUCATION = options(("below_college", "高中及以下", "Secondary school or below"), ("junior_college", "大专", "Junior college"),
                    ("bachelor", "本科", "Bachelor's degree"), ("master", "硕士", "Master's degree"), ("phd", "博士", "PhD"))
SKILL = options(("no_certificate", "无技能证书", "No skill certificate"), ("elementary", "初级工", "Elementary"),
                ("intermediate", "中级工", "Intermediate"), ("advanced", "高级工", "Advanced"),
                ("technician", "技师", "Technician"), ("senior_technician", "高级技师", "Senior technician"))
WORK_LOCATION = options(("work_local", "在上虞工作", "In Shangyu"), ("work_city", "在绍兴其他地区", "Elsewhere in Shaoxing"),
                        ("work_province", "在浙江其他地区", "Elsewhere in Zhejiang"),
                        ("work_elsewhere", "在省外", "Outside Zhejiang"), ("not_working", "暂未就业", "Not working"))
COMPANY_LOCATION = options(("company_local", "上虞", "Shangyu"), ("company_city", "绍兴其他地区", "Elsewhere in Shaoxing"),
                           ("company_province", "浙江其他地区", "Elsewhere in Zhejiang"),
                           ("company_elsewhere", "省外", "Outside Zhejiang"))
OCCUPATION = options(("manufacturing", "制造业", "Manufacturing"), ("social_production", "社会生产服务", "Production services"),
                     ("life_services", "生活服务", "Life services"))
HONOUR = options(("no_honour", "无", "None"), ("excellent", "优秀技能人才", "Excellent skilled worker"),
                 ("top", "技术能手", "Technical expert"), ("outstanding", "杰出技能人才", "Outstanding skilled worker"),
                 ("worldskills_medal", "世界技能大赛奖牌", "WorldSkills medal"))
MAKER_TYPES = options(("tech", "科创客", "Tech maker"), ("digital", "数创客", "Digital maker"), ("commerce", "商创客", "Commerce maker"),
                      ("agri", "农创客", "Agri maker"), ("culture", "文创客", "Culture maker"))
SUPPORT_NEEDS = options(("need_space", "场地", "Space"), ("need_housing", "住房", "Housing"), ("need_funding", "资金", "Funding"),
                        ("need_training", "培训", "Training"), ("need_mentoring", "导师", "Mentoring"))
INDUSTRY = options(("ind_materials", "新材料", "New materials"), ("ind_equipment", "高端装备", "High-end equipment"),
                   ("ind_biomed", "生物医药", "Biomedicine"), ("ind_digital", "数字经济", "Digital economy"),
                   ("ind_culture", "文化旅游", "Culture and tourism"), ("ind_agri", "现代农业", "Modern agriculture"))

GRADUATE = rank_at_least("education", 1)
REGISTERED = equals("company_registered", True)

# (id, type, zh label, en label, extra fields). Modelled on the real file's questions, ids of our own.
QUESTION_TABLE = [
    ("education", "choice", "最高学历", "Highest education", {"options": EDUCATION, "ordered": True}),
    ("full_time", "boolean", "是否全日制学历", "Full-time degree?", {"ask_if": GRADUATE}),
    ("double_first_class", "boolean", "是否“双一流”高校毕业", "Double First-Class university?", {"ask_if": rank_at_least("education", 2)}),
    ("graduation_date", "date", "毕业日期", "Graduation date", {"ask_if": GRADUATE}),
    ("in_school", "boolean", "是否在校大学生", "Currently a student?", {"ask_if": GRADUATE}),
    ("fresh_graduate", "boolean", "是否应届毕业生", "Graduating this year?", {"ask_if": GRADUATE}),
    ("shortage_major", "boolean", "是否紧缺专业", "Shortage major?", {"ask_if": equals("education", "junior_college")}),
    ("age", "number", "年龄", "Age", {"min": 14, "max": 100, "unit": text("岁", "years")}),
    ("hukou_local", "boolean", "户籍是否在上虞", "Household registration in Shangyu?", {}),
    ("local_native", "boolean", "是否上虞籍", "Born in Shangyu?", {}),
    ("work_location", "choice", "工作地点", "Where do you work?", {"options": WORK_LOCATION}),
    ("start_date", "date", "来上虞工作日期", "Date you started work in Shangyu", {"ask_if": equals("work_location", "work_local")}),
    ("contract_years", "number", "劳动合同年限", "Contract length", {"min": 0, "max": 50, "unit": text("年", "years"),
                                                             "ask_if": one_of("work_location", WORKING)}),
    ("commit_5_years", "boolean", "是否承诺服务5年", "Commit to 5 years?", {"ask_if": equals("work_location", "work_local")}),
    ("social_insurance_months", "number", "社保缴纳月数", "Months of social insurance", {"min": 0, "max": 600, "unit": text("个月", "months"),
                                                                                 "ask_if": one_of("work_location", WORKING)}),
    ("employer_sme", "boolean", "是否在中小微企业工作", "Work for an SME?", {"ask_if": one_of("work_location", WORKING)}),
    ("wage_below_average", "boolean", "工资是否低于社平工资", "Wage below the local average?", {"ask_if": one_of("work_location", WORKING)}),
    ("owns_home", "boolean", "是否在上虞有房", "Own a home in Shangyu?", {}),
    ("first_home_purchase", "boolean", "是否首次购房", "First home purchase?", {}),
    ("used_housing_benefit", "boolean", "是否享受过住房补贴", "Had a housing benefit before?", {}),
    ("skill_level", "choice", "职业技能等级", "Skill level", {"options": SKILL, "ordered": True}),
    ("certificate_date", "date", "证书取得日期", "Certificate date", {"ask_if": rank_at_least("skill_level", 1)}),
    ("occupation_category", "choice", "职业类别", "Occupation category", {"options": OCCUPATION, "ask_if": rank_at_least("skill_level", 1)}),
    ("skill_honour", "choice", "技能荣誉", "Skill honour", {"options": HONOUR}),
    ("hardship_family", "boolean", "是否困难家庭", "Family in hardship?", {}),
    ("maker_types", "multi", "创客类型", "Maker types", {"options": MAKER_TYPES}),
    ("first_time_founder", "boolean", "是否首次创业", "First-time founder?", {}),
    ("company_registered", "boolean", "是否已注册企业", "Company registered?", {}),
    ("company_registration_date", "date", "企业注册日期", "Company registration date", {"ask_if": REGISTERED}),
    ("company_location", "choice", "企业注册地", "Where is the company registered?", {"options": COMPANY_LOCATION, "ask_if": REGISTERED}),
    ("is_legal_rep", "boolean", "是否法定代表人", "Legal representative?", {"ask_if": REGISTERED}),
    ("small_micro", "boolean", "是否小微企业", "Small or micro company?", {"ask_if": REGISTERED}),
    ("rural_ecommerce", "boolean", "是否农村电商", "Rural e-commerce?", {"ask_if": REGISTERED}),
    ("hires", "number", "吸纳就业人数", "People employed", {"min": 0, "max": 100000, "unit": text("人", "people"), "ask_if": REGISTERED}),
    ("graduate_hires", "number", "吸纳高校毕业生人数", "Graduates employed", {"min": 0, "max": 100000, "unit": text("人", "people"),
                                                                       "ask_if": {">=": [{"var": "hires"}, 1]}}),
    ("annual_revenue", "number", "年营业收入", "Annual revenue", {"min": 0, "max": 10000000, "unit": text("万元", "10k yuan"),
                                                              "ask_if": REGISTERED}),
    ("industry", "choice", "所属产业", "Industry", {"options": INDUSTRY, "ask_if": REGISTERED}),
    ("patents", "number", "授权专利数", "Patents granted", {"min": 0, "max": 1000, "unit": text("项", "patents")}),
    ("support_needs", "multi", "需要哪些支持", "What support do you need?", {"options": SUPPORT_NEEDS}),
    ("veteran", "boolean", "是否退役军人", "Veteran?", {}),
]


def make_questions() -> list[dict]:
    questions = []
    for qid, qtype, zh, en, extra in QUESTION_TABLE:
        question = {"id": qid, "type": qtype, "label": text(zh, en),
                    "help": text(f"请如实填写“{zh}”。", f"Answer “{en}” as it stands today.")}
        question.update(extra)
        questions.append(question)
    return questions


QUESTIONS = {q[0]: q for q in QUESTION_TABLE}


def option_values(question: str) -> list[str]:
    return [o["value"] for o in QUESTIONS[question][4]["options"]]


# ---- vocabulary ---------------------------------------------------------------------------------------------

# (category id, zh, en), then the benefit kinds of each category with their names.
CATEGORIES = [("space", "场地与孵化", "Space & incubation"), ("housing", "住房", "Housing"),
              ("living", "生活与安家补贴", "Living allowances"), ("funding", "资金与贷款", "Funding & loans"),
              ("skills", "技能与证书", "Skills & certification"), ("mentoring", "培训与导师", "Training & mentoring"),
              ("events", "活动", "Events"), ("services", "人才服务", "Services")]

PROGRAMMES = {
    "space": [("创业场地租金减免", "rent waiver for start-up space", "waiver"), ("众创空间入驻", "maker-space place", "in_kind"),
              ("孵化器补贴", "incubator subsidy", "cash")],
    "housing": [("租房补贴", "rent subsidy", "cash"), ("购房补贴", "home-purchase subsidy", "voucher"),
                ("人才公寓", "talent apartment", "in_kind"), ("青年驿站免费住宿", "free youth hostel stay", "in_kind")],
    "living": [("生活津贴", "living allowance", "cash"), ("安家补贴", "settling allowance", "cash"),
               ("见习补贴", "internship subsidy", "cash")],
    "funding": [("创业担保贷款", "guaranteed start-up loan", "loan"), ("一次性创业补贴", "one-off start-up grant", "cash"),
                ("带动就业补贴", "job-creation subsidy", "cash"), ("社保补贴", "social insurance subsidy", "cash")],
    "skills": [("技能提升补贴", "skill upgrade subsidy", "cash"), ("技能等级认定奖励", "skill certification award", "cash")],
    "mentoring": [("创业培训", "start-up training", "service"), ("创业导师结对", "mentor pairing", "service")],
    "events": [("创业大赛奖励", "start-up contest award", "cash"), ("人才招聘会", "talent job fair", "service")],
    "services": [("人才服务卡", "talent service card", "service"), ("子女入学服务", "school places for children", "service"),
                 ("政务代办", "paperwork handled for you", "waiver")],
}

PLACES = [("上虞区", "Shangyu District"), ("曹娥街道", "Cao'e Subdistrict"), ("百官街道", "Baiguan Subdistrict"),
          ("杭州湾上虞经开区", "Hangzhou Bay Shangyu Economic Zone"), ("e游小镇", "E-Tour Town"), ("崧厦街道", "Songxia Subdistrict"),
          ("道墟街道", "Daoxu Subdistrict"), ("丰惠镇", "Fenghui Town")]

AUDIENCES = [("graduate", "高校毕业生", "University graduates"), ("student", "在校大学生", "Students"), ("phd", "博士", "PhD holders"),
             ("skilled-worker", "技能人才", "Skilled workers"), ("founder", "创业者", "Founders"), ("enterprise", "企业", "Enterprises"),
             ("tech-maker", "科创客", "Tech makers"), ("digital-maker", "数创客", "Digital makers"),
             ("agri-maker", "农创客", "Agri makers"), ("culture-maker", "文创客", "Culture makers"), ("veteran", "退役军人", "Veterans")]

TAGS = {"space": [("创客空间", "maker space"), ("孵化", "incubation"), ("租金", "rent")],
        "housing": [("住房", "housing"), ("房票", "housing voucher"), ("公寓", "apartment")],
        "living": [("津贴", "allowance"), ("安家", "settling"), ("补贴", "subsidy")],
        "funding": [("贷款", "loan"), ("贴息", "interest subsidy"), ("资金", "funding")],
        "skills": [("技能", "skills"), ("证书", "certificate"), ("培训", "training")],
        "mentoring": [("导师", "mentor"), ("培训", "training"), ("交流", "networking")],
        "events": [("大赛", "contest"), ("招聘", "recruiting"), ("活动", "event")],
        "services": [("服务", "service"), ("绿色通道", "fast track"), ("代办", "paperwork")]}

EDITIONS = [("2022年版", "2022 edition"), ("2023年版", "2023 edition"), ("2024年版", "2024 edition"), ("试行", "pilot")]

# ---- criteria -----------------------------------------------------------------------------------------------


class Rules:
    """Criterion and amount rules in the shapes real policies use; each returns (rule, zh label, en label)."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def pick(self):
        makers = [self.degree, self.degree_full_time, self.graduated_within, self.age_limit, self.age_between,
                  self.works_here, self.works_in_zhejiang, self.maker_type, self.local_hukou_or_insured, self.boolean,
                  self.insured_months, self.company_young, self.company_here, self.skill, self.hires, self.no_home,
                  self.need, self.certificate_recent, self.industry, self.first_founder_or_veteran]
        return self.rng.choice(makers)()

    def degree(self):
        k = self.rng.choice([1, 2, 3, 4])
        return rank_at_least("education", k), f"{EDUCATION[k]['label']['zh']}及以上学历", f"{EDUCATION[k]['label']['en']} or higher"

    def degree_full_time(self):
        rule, zh, en = self.degree()
        return {"and": [rule, equals("full_time", True)]}, "全日制" + zh, "Full-time " + en

    def graduated_within(self):
        years = self.rng.choice([1, 2, 3, 5])
        op = self.rng.choice(["days_since", "years_since"])
        limit = years * 365 if op == "days_since" else years
        return ({"and": [GRADUATE, {"<=": [{op: [{"var": "graduation_date"}]}, limit]}]},
                f"毕业{years}年内", f"Graduated within {years} years")

    def age_limit(self):
        age = self.rng.choice([30, 35, 40, 45])
        return {"<=": [{"var": "age"}, age]}, f"年龄{age}周岁及以下", f"Aged {age} or under"

    def age_between(self):
        low, high = self.rng.choice([(16, 24), (18, 35), (18, 45), (45, 60)])
        return {"<=": [low, {"var": "age"}, high]}, f"年龄{low}至{high}周岁", f"Aged {low} to {high}"

    def works_here(self):
        return equals("work_location", "work_local"), "在上虞就业", "Works in Shangyu"

    def works_in_zhejiang(self):
        return one_of("work_location", ["work_local", "work_city", "work_province"]), "在浙江省内就业", "Works in Zhejiang"

    def maker_type(self):
        option = self.rng.choice(MAKER_TYPES)
        return {"in": [option["value"], {"var": "maker_types"}]}, f"属于{option['label']['zh']}", f"Is a {option['label']['en'].lower()}"

    def local_hukou_or_insured(self):
        months = self.rng.choice([6, 12, 24])
        return ({"or": [equals("hukou_local", True), {">=": [{"var": "social_insurance_months"}, months]}]},
                f"上虞户籍或在上虞缴纳社保{months}个月", f"Shangyu hukou or {months} months of insurance here")

    def boolean(self):
        qid, _, zh, en, _ = self.rng.choice([q for q in QUESTION_TABLE if q[1] == "boolean"])
        wanted = self.rng.random() < 0.8
        rule = equals(qid, wanted) if self.rng.random() < 0.6 else ({"!!": [{"var": qid}]} if wanted else {"!": [{"var": qid}]})
        return rule, ("" if wanted else "否：") + zh, ("" if wanted else "Not: ") + en

    def insured_months(self):
        months = self.rng.choice([3, 6, 12, 36])
        return {">=": [{"var": "social_insurance_months"}, months]}, f"缴纳社保满{months}个月", f"{months}+ months of social insurance"

    def company_young(self):
        years = self.rng.choice([1, 3, 5])
        op = self.rng.choice(["years_since", "months_since"])
        limit = years if op == "years_since" else years * 12
        return ({"and": [REGISTERED, {"<": [{op: [{"var": "company_registration_date"}]}, limit]}]},
                f"企业注册不满{years}年", f"Company registered less than {years} years ago")

    def company_here(self):
        return ({"and": [REGISTERED, equals("company_location", "company_local")]}, "企业注册在上虞", "Company registered in Shangyu")

    def skill(self):
        k = self.rng.choice([1, 2, 3, 4, 5])
        return rank_at_least("skill_level", k), f"取得{SKILL[k]['label']['zh']}及以上证书", f"{SKILL[k]['label']['en']} certificate or higher"

    def hires(self):
        count = self.rng.choice([1, 3, 5, 10])
        return {">=": [{"var": "hires"}, count]}, f"吸纳就业{count}人以上", f"Employs {count}+ people"

    def no_home(self):
        return ({"and": [{"!": [{"var": "owns_home"}]}, {"!": [{"var": "used_housing_benefit"}]}]},
                "在上虞无房且未享受住房补贴", "No home in Shangyu and no earlier housing benefit")

    def need(self):
        option = self.rng.choice(SUPPORT_NEEDS)
        return {"in": [option["value"], {"var": "support_needs"}]}, f"需要{option['label']['zh']}支持", f"Needs {option['label']['en'].lower()}"

    def certificate_recent(self):
        months = self.rng.choice([12, 24])
        return ({"and": [rank_at_least("skill_level", 1), {"<=": [{"months_since": [{"var": "certificate_date"}]}, months]}]},
                f"{months}个月内取得证书", f"Certificate within {months} months")

    def industry(self):
        chosen = self.rng.sample(option_values("industry"), 2)
        return {"and": [REGISTERED, one_of("industry", chosen)]}, "属于重点产业", "In a priority industry"

    def first_founder_or_veteran(self):
        return ({"if": [equals("veteran", True), True, {"and": [equals("first_time_founder", True), {"<=": [{"var": "age"}, 35]}]}]},
                "退役军人，或35岁以下首次创业", "A veteran, or a first-time founder aged 35 or under")

    def amount(self, base: int):
        """A benefit amount: usually fixed, sometimes a rule by education, skill or hires (as real tiers are)."""
        roll = self.rng.random()
        if roll < 0.7:
            return base
        if roll < 0.85:
            return {"if": [rank_at_least("education", 4), base * 3, rank_at_least("education", 3), base * 2, base]}
        if roll < 0.93:
            return {"if": [rank_at_least("skill_level", 4), base * 2, base]}
        return {"min": [{"*": [{"var": "hires"}, max(1, base // 10)]}, base * 5]}


# ---- policies -----------------------------------------------------------------------------------------------


def money(amount: int) -> str:
    return f"{amount:,}"


def make_criteria(rng: random.Random, rules: Rules) -> list[dict]:
    count = rng.choices([0, 1, 2, 3, 4, 5], weights=[4, 20, 30, 26, 14, 6])[0]
    criteria = []
    for c in range(count):
        rule, zh, en = rules.pick()
        criteria.append({"id": f"c{c + 1}", "label": text(zh, en), "rule": rule,
                         "hint": text(f"满足“{zh}”即可。", f"Meet this condition: {en}.")})
    return criteria


def eligible_when(rng: random.Random, criteria: list[dict]):
    if len(criteria) < 2 or rng.random() < 0.85:
        return None  # "all", the default
    if rng.random() < 0.5:
        return "any"
    first, *rest = [{"var": f"criteria.{c['id']}"} for c in criteria]
    return {"or": [first, {"and": rest}]}


def validity(rng: random.Random):
    roll = rng.random()
    if roll < 0.65:
        return None
    start = f"{rng.randint(2018, 2024)}-{rng.randint(1, 12):02d}-01"
    if roll < 0.85:
        return {"from": start, "until": None}
    end_year = int(start[:4]) + rng.randint(0, 4)
    return {"from": start, "until": f"{end_year}-12-31"}


def make_benefits(rng: random.Random, rules: Rules, programme_zh: str, programme_en: str, kind: str) -> list[dict]:
    benefits = []
    for b in range(rng.choices([0, 1, 2, 3], weights=[10, 55, 25, 10])[0]):
        benefit = {"id": f"b{b + 1}", "label": text(programme_zh if b == 0 else f"{programme_zh}（第{b + 1}项）",
                                                     programme_en if b == 0 else f"{programme_en} (part {b + 1})"),
                   "kind": kind if b == 0 else rng.choice(["cash", "voucher", "service", "in_kind"])}
        if benefit["kind"] in ("cash", "voucher", "loan") or rng.random() < 0.2:
            base = rng.choice([500, 1000, 2000, 3000, 5000, 10000, 20000, 30000, 50000, 100000, 200000])
            benefit["amount"] = rules.amount(base)
            benefit["unit"] = "CNY"
            per = rng.choice(["once", "once", "month", "year"])
            benefit["per"] = per
            if per != "once":
                benefit["periods"] = rng.choice([3, 6, 12, 24]) if per == "month" else rng.choice([1, 2, 3, 5])
        benefits.append(benefit)
    return benefits


def summary_and_details(rng: random.Random, place, audience, programme_zh, programme_en, criteria, benefits):
    amount = next((b["amount"] for b in benefits if isinstance(b.get("amount"), int)), None)
    figure_zh = f"最高{money(amount)}元" if amount else "免费提供"
    figure_en = f"up to {money(amount)} yuan" if amount else "free of charge"
    summary = text(f"{place[0]}为{audience[1]}提供{programme_zh}，{figure_zh}。",
                   f"{place[1]} offers {audience[2].lower()} a {programme_en}, {figure_en}.")
    conditions_zh = "；".join(c["label"]["zh"] for c in criteria) or "条件尚未公布"
    conditions_en = "; ".join(c["label"]["en"] for c in criteria) or "conditions not yet published"
    details = text(f"申请条件：{conditions_zh}。按年度申报，经街道（乡镇）初审、区人社局复核后发放。同一事项不重复享受。",
                   f"Conditions: {conditions_en}. Apply once a year; the subdistrict checks first and the district "
                   f"HRSS bureau confirms before payment. The same benefit is not paid twice.")
    if rng.random() < 0.5:
        details = None  # half the policies carry only a summary, as in the real data's descriptive cards
    return summary, details


def make_policy(rng: random.Random, rules: Rules, index: int, sources: list[dict]) -> dict:
    category = rng.choice(CATEGORIES)
    programme_zh, programme_en, kind = rng.choice(PROGRAMMES[category[0]])
    place = rng.choice(PLACES)
    audience = rng.choice(AUDIENCES)
    edition = rng.choice(EDITIONS)
    criteria = make_criteria(rng, rules)
    benefits = make_benefits(rng, rules, programme_zh, programme_en, kind)
    summary, details = summary_and_details(rng, place, audience, programme_zh, programme_en, criteria, benefits)
    tags = rng.sample(TAGS[category[0]], 2)
    policy = {
        "id": f"p{index:06d}",
        "title": text(f"{place[0]}{audience[1]}{programme_zh}（{edition[0]}）",
                      f"{place[1]}: {programme_en} for {audience[2].lower()} ({edition[1]})"),
        "summary": summary,
        "category": category[0],
        "audiences": sorted({audience[0], rng.choice(AUDIENCES)[0]}),
        "tags": {"zh": [t[0] for t in tags], "en": [t[1] for t in tags]},
        "criteria": criteria,
        "benefits": benefits,
        "apply": {"how": text("通过“浙里办”在线申请，或到窗口提交材料。", "Apply online in the Zheliban app or at the service hall."),
                  "where": text(f"{place[0]}人才服务窗口", f"{place[1]} talent service desk"),
                  "links": [{"label": text("申报指南", "How to apply"), "url": f"https://www.shangyu.gov.cn/policy/{index}"}]},
        "source": rng.choice(sources)["id"],
    }
    if details:
        policy["details"] = details
    if (when := eligible_when(rng, criteria)) is not None:
        policy["eligible_when"] = when
    if (valid := validity(rng)) is not None:
        policy["valid"] = valid
    if rng.random() < 0.03:
        policy["illustrative"] = True
    if not criteria:
        policy["terms"] = text("来源未公布具体条件。", "The source publishes no conditions.")
    return policy


def add_exclusions(rng: random.Random, policies: list[dict]) -> None:
    """Small groups of rival programmes (2 to 5 policies close together in the file) that cannot be combined.

    Groups never overlap, so the exclusion graph's components stay small: the best bundle is solved exactly per
    component. About one policy in six belongs to a group.
    """
    taken = set()
    for i in range(len(policies)):
        if i in taken or rng.random() > 0.05:
            continue
        candidates = [j for j in range(i + 1, min(len(policies), i + 30)) if j not in taken]
        size = rng.choice([1, 1, 2, 3, 4])
        members = [i] + rng.sample(candidates, min(size, len(candidates)))
        if len(members) < 2:
            continue
        taken.update(members)
        # The first lists all rivals; sometimes a rival lists it back (the relation is symmetric anyway).
        policies[i]["excludes"] = [policies[j]["id"] for j in members[1:]]
        for j in members[1:]:
            if rng.random() < 0.3:
                policies[j]["excludes"] = [policies[i]["id"]]


def make_sources(rng: random.Random, n: int) -> list[dict]:
    sources = []
    for s in range(max(5, n // 25)):
        year = rng.randint(2018, 2024)
        sources.append({"id": f"src-{s:05d}",
                        "title": text(f"关于印发人才政策的通知（{year}年第{s + 1}号）", f"Notice on talent policies ({year}, no. {s + 1})"),
                        "publisher": text("上虞区人民政府", "Shangyu District Government"),
                        "date": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                        "url": f"https://www.shangyu.gov.cn/notice/{s}",
                        "reliability": rng.choice(["confirmed", "confirmed", "secondary", "article"])})
    return sources


def generate(n: int, seed: int) -> dict:
    rng = random.Random(f"{seed}-{n}")
    rules = Rules(rng)
    sources = make_sources(rng, n)
    policies = [make_policy(rng, rules, i, sources) for i in range(n)]
    add_exclusions(rng, policies)
    return {
        "format": "policy-portal/1",
        "id": f"synthetic-{n}",
        "title": text(f"合成政策数据（{n}条）", f"Synthetic policies ({n})"),
        "region": text("浙江省绍兴市上虞区（合成）", "Shangyu District (synthetic)"),
        "version": f"bench-{seed}",
        "as_of": AS_OF,
        "sources": sources,
        "categories": [{"id": cid, "name": text(zh, en)} for cid, zh, en in CATEGORIES],
        "audiences": [{"id": aid, "name": text(zh, en)} for aid, zh, en in AUDIENCES],
        "questions": make_questions(),
        "policies": policies,
    }


# ---- profiles -----------------------------------------------------------------------------------------------

PARTIAL_PROFILE = {"education": "bachelor", "full_time": True, "graduation_date": "2022-07-01", "age": 26,
                   "work_location": "work_local", "hukou_local": False, "maker_types": ["digital"], "company_registered": False}


def random_answer(rng: random.Random, question: tuple):
    qid, qtype, _, _, extra = question
    if qtype == "boolean":
        return rng.random() < 0.5
    if qtype == "number":
        high = min(extra.get("max", 100), 60 if qid != "annual_revenue" else 5000)
        return rng.randint(max(0, extra.get("min", 0)), high)
    if qtype == "choice":
        return rng.choice(extra["options"])["value"]
    if qtype == "multi":
        values = [o["value"] for o in extra["options"]]
        return sorted(rng.sample(values, rng.randint(0, 3)), key=values.index)
    return f"{rng.randint(2015, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def make_profiles(seed: int, batch: int = 64) -> dict:
    rng = random.Random(f"{seed}-profiles")
    full = dict(PARTIAL_PROFILE)
    for question in QUESTION_TABLE:
        full.setdefault(question[0], random_answer(rng, question))
    complete = [{q[0]: random_answer(rng, q) for q in QUESTION_TABLE} for _ in range(batch)]
    return {"as_of": "2024-06-01", "empty": {}, "partial": PARTIAL_PROFILE, "full": full, "complete": complete}


# ---- writing and checking -----------------------------------------------------------------------------------


def write_json(path: Path, value: dict) -> None:
    path.write_text(json.dumps(value, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def find_policyctl() -> Path | None:
    for build in ("native", "bench-native", "engine"):
        candidate = REPO / "build" / build / "src" / "tools" / "policyctl"
        if candidate.exists():
            return candidate
    found = shutil.which("policyctl")
    return Path(found) if found else None


def validate(paths: list[Path]) -> bool:
    policyctl = find_policyctl()
    if policyctl is None:
        print("policyctl not found: build it first (cmake --build build/native --target policyctl)", file=sys.stderr)
        return False
    ok = True
    for path in paths:
        result = subprocess.run([str(policyctl), "validate", str(path)], capture_output=True, text=True)
        lines = (result.stdout + result.stderr).strip().splitlines()
        print(f"  {policyctl.name} validate {path.name}: exit {result.returncode}" + (f" ({lines[-1]})" if lines else ""))
        if result.returncode != 0:
            ok = False
            print("\n".join(lines[:20]), file=sys.stderr)
    return ok


def clone_bundled(bundled: dict, n: int) -> dict:
    """The bundled file with its policies repeated until there are n: real texts, rules, examples and exclusions.

    Copy k of a policy (k >= 1) gets the id suffix -k, and its excludes point at the same copy of their targets,
    so every copy is valid on its own and exclusion groups keep their real shape (in the last, partial copy an
    exclusion of a policy that was not copied is dropped)."""
    source = bundled["policies"]
    policies = []
    for i in range(n):
        copy, original = divmod(i, len(source))
        policy = json.loads(json.dumps(source[original]))
        if copy:
            suffix = f"-{copy}"
            policy["id"] += suffix
            if "excludes" in policy:
                policy["excludes"] = [target + suffix for target in policy["excludes"]]
        policies.append(policy)
    ids = {policy["id"] for policy in policies}
    for policy in policies[-len(source):]:  # the last, partial copy: its rivals may not have been copied
        if "excludes" in policy:
            policy["excludes"] = [target for target in policy["excludes"] if target in ids]
    return {**bundled, "policies": policies}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)), help="comma-separated policy counts")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=REPO / "build" / "bench")
    parser.add_argument("--validate", action="store_true", help="run policyctl validate on every file")
    parser.add_argument("--bundled-sizes", default="",
                        help="also write OUT/shangyu-N.json: the bundled policies cloned to N (comma-separated)")
    args = parser.parse_args(argv)

    args.out.mkdir(parents=True, exist_ok=True)
    written = []
    for n in (int(s) for s in args.sizes.split(",") if s):
        path = args.out / f"policies-{n}.json"
        write_json(path, generate(n, args.seed))
        written.append(path)
        print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB)")
    bundled = json.loads((REPO / "assets" / "policies" / "shangyu.json").read_text(encoding="utf-8"))
    for n in (int(s) for s in args.bundled_sizes.split(",") if s):
        path = args.out / f"shangyu-{n}.json"
        write_json(path, clone_bundled(bundled, n))
        written.append(path)
        print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB)")
    profiles = args.out / "profiles.json"
    write_json(profiles, make_profiles(args.seed))
    print(f"wrote {profiles}")
    if args.validate and not validate(written):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
