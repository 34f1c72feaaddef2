#!/usr/bin/env python3
"""Validate cvscan's lexicons: skills (``lexicons/skills/*.yaml``) and roles (``lexicons/roles/*.yaml``).

Standalone: needs only PyYAML. It uses cvscan's own normaliser when cvscan is importable
and a built-in copy of it otherwise, so the keys it compares are the keys the matcher uses.

Checks
  * schema: each skills file is a list of mappings with the documented keys and types
    (a YAML 1.1 surprise such as an unquoted ``no`` or ``on`` turning into a boolean is
    reported), ids match ``[a-z0-9][a-z0-9+#.-]*``, categories are known;
  * duplicate ids, within and across files;
  * duplicate aliases: a name or alias (after normalisation, regular plurals included)
    may belong to one skill only; an ambiguous form may not be a plain alias of any
    skill (its own included, which would switch its context rule off);
  * plain (non-ambiguous) one-word aliases that are everyday English words, and short
    aliases that common words run together would spell ("I am" -> IAM);
  * cues and not_before / not_after are lower case;
  * roles: schema, weights, slug = file name, every referenced skill id exists.

Usage::

    python scripts/check_lexicons.py                 # the shipped lexicons
    python scripts/check_lexicons.py --extra my.yaml # plus a user file (overrides by id)
    python scripts/check_lexicons.py --gold DIR      # also resolve gold skill names in DIR/*.json

Exit status is 1 when an error is found, 0 otherwise (warnings do not fail).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
LEXICONS = ROOT / "lexicons"

CATEGORIES = {
    "language", "library", "framework", "cloud", "database", "data", "mlops", "devops", "ml",
    "deep-learning", "nlp", "cv", "statistics", "security", "product", "tool", "application",
    "soft",
}
SKILL_KEYS = {"id", "name", "category", "aliases", "ambiguous", "cues", "not_before", "not_after"}
ROLE_KEYS = {"slug", "title", "description", "essential", "desirable", "responsibilities", "titles"}
ROLE_SLUGS = {
    "ml-engineer", "data-scientist", "mlops-engineer", "nlp-engineer", "computer-vision-engineer",
    "research-scientist", "ml-consultant", "ml-product-manager", "data-engineer",
    "ml-security-specialist",
}
ID_RE = re.compile(r"^[a-z0-9][a-z0-9+#.\-]*$")

# Everyday English words (and common names) that must not be plain aliases: a skill whose
# surface form is one of these has to list it under `ambiguous` with its exact case.
COMMON_WORDS = set("""
a about access act action active agent agile air airflow alpha amplitude an and angular
annoy ant any apex app apple arrow art as assembly at athena aurora autumn back bamboo
bash basic beam bear bedrock bee beta bicep black blaze blender blue board boot bootstrap
bow box brain bridge bucket build burp by cake can canvas cassandra celery chain chalk chef
chroma circle claude clean clip cloud coach code comet compose composer confluence consul
copilot coral core crystal cucumber cursor cypress dart dash data day delphi delta dial
did diffusers dino do dora drill druid eclipse elastic elixir ember envoy epic equinox
evasion evidently excel express fabric fair falcon feast field flair flask flax flow flower
flux fly forge gemini gemma ghost glove glue go gram gym haiku harbor haystack heap helm
hive hydra iceberg impala in inception insight is it java jest jet julia kafka keep key
lambda lasso lean leaf leaflet light lightning lime linear llama locust loki looker luigi
make mamba map mask master maven mercury meteor mint mistral mode mojo mongo mosaic
neptune net nest next nomad not notion ocean octave of on one open or oracle orange
outlook packer page palm pandas pascal pearl phoenix pig pillow pinecone pinot pipe plan
playwright poetry polars presto prodigy prophet pulsar pulse puppet puppeteer rag rails
rapid rasa ray react red redshift rest ridge river rock rocket ruby ruff rust safe sage
salt sam scale scrum segment selenium sentinel sentry shapely shark shiny sift sketch slack
snort snowflake soap soar solar spanner spark sphinx spring stan stanza steel
stitch storm stream stride superset swift swing synapse teams tempo the thrift to torch
trident triton unity vault vader vagrant vim vue watson waterfall wave whisper word
workday yarn zap zero zoom
""".split())

# Short words whose run-together spelling could collide with a short alias once spaces are
# ignored ("I am" -> "iam" = IAM): a plain alias whose key splits into two or more of these
# must be ambiguous (exact case).
FUNCTION_WORDS = set("""
i a am an and are as at be by do go he if in is it me my no of on or so to up us we all
any but can did for has had her him his its not one our out per she the was who you new
use set get put run top key end own way day may yes see let how now two few off old big
low due via got buy pay tax sum mix fit map log bit lot far
""".split())
JOIN_ALLOWED = {"ai", "theano"}


def splits_into_words(key: str) -> bool:
    """True when ``key`` is two or more FUNCTION_WORDS run together."""
    n = len(key)
    reach = [0] * (n + 1)  # reach[i] = most words used to segment key[:i] (0 = unreachable)
    reach[0] = 1
    for i in range(n):
        if not reach[i]:
            continue
        for j in range(i + 1, min(n, i + 4) + 1):
            if key[i:j] in FUNCTION_WORDS:
                reach[j] = max(reach[j], reach[i] + 1)
    return reach[n] >= 3


# --- normalisation: the package's own, so the check matches what the matcher does ---------
sys.path.insert(0, str(ROOT / "src"))
from cvscan.nlp.normalize import plural_keys, term_key  # noqa: E402


class Report:
    def __init__(self) -> None:
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def error(self, where: str, msg: str) -> None:
        self.errors.append(f"ERROR   {where}: {msg}")

    def warn(self, where: str, msg: str) -> None:
        self.warnings.append(f"warning {where}: {msg}")


class _LineLoader(yaml.SafeLoader):
    def construct_mapping(self, node, deep=False):  # type: ignore[no-untyped-def]
        mapping = super().construct_mapping(node, deep=deep)
        mapping["__line__"] = node.start_mark.line + 1
        return mapping


def load_yaml(path: Path, rep: Report) -> Any:
    try:
        with open(path, encoding="utf-8") as handle:
            return yaml.load(handle, Loader=_LineLoader)  # noqa: S506 - safe loader subclass
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
        rep.error(str(path), f"cannot read: {exc}")
        return None


def str_list(entry: dict, key: str, where: str, rep: Report) -> list[str]:
    value = entry.get(key, [])
    if value is None:
        return []
    if not isinstance(value, list):
        rep.error(where, f"'{key}' must be a list")
        return []
    out = []
    for item in value:
        if not isinstance(item, str):
            rep.error(where, f"'{key}' item {item!r} is a {type(item).__name__}, not a string (quote it)")
            continue
        if not item.strip():
            rep.error(where, f"'{key}' has an empty string")
            continue
        out.append(item.strip())
    return out


def check_skills(files: list[Path], rep: Report) -> dict[str, dict]:
    skills: dict[str, dict] = {}
    for path in files:
        data = load_yaml(path, rep)
        if data is None:
            continue
        if not isinstance(data, list):
            rep.error(str(path), "a skills file must be a YAML list of entries")
            continue
        seen_here: set[str] = set()
        for i, entry in enumerate(data):
            if not isinstance(entry, dict):
                rep.error(f"{path.name}#{i + 1}", "entry is not a mapping")
                continue
            where = f"{path.name}:{entry.get('__line__', '?')}"
            unknown = set(entry) - SKILL_KEYS - {"__line__"}
            if unknown:
                rep.error(where, f"unknown key(s) {sorted(map(str, unknown))}")
            for key in ("id", "name", "category"):
                if not isinstance(entry.get(key), str) or not entry[key].strip():
                    rep.error(where, f"missing or empty '{key}'")
            sid = str(entry.get("id", "")).strip()
            if sid and not ID_RE.match(sid):
                rep.error(where, f"bad id {sid!r}")
            if entry.get("category") not in CATEGORIES:
                rep.error(where, f"unknown category {entry.get('category')!r}")
            rec = {
                "id": sid, "name": str(entry.get("name", "")).strip(), "category": entry.get("category"),
                "aliases": str_list(entry, "aliases", where, rep),
                "ambiguous": str_list(entry, "ambiguous", where, rep),
                "cues": str_list(entry, "cues", where, rep),
                "not_before": str_list(entry, "not_before", where, rep),
                "not_after": str_list(entry, "not_after", where, rep),
                "where": where, "file": path.name,
            }
            for key in ("cues", "not_before", "not_after"):
                for word in rec[key]:
                    if word != word.lower():
                        rep.error(where, f"{key} entry {word!r} must be lower case")
            for form in [rec["name"], *rec["aliases"], *rec["ambiguous"]]:
                if form and not term_key(form):
                    rep.error(where, f"{form!r} has no letters or digits")
            if sid in seen_here:
                rep.error(where, f"duplicate id {sid!r} in the same file")
            seen_here.add(sid)
            if sid in skills and skills[sid]["file"] != path.name:
                if path.parent.resolve() == (LEXICONS / "skills").resolve():
                    rep.error(where, f"duplicate id {sid!r} (also {skills[sid]['where']})")
                else:
                    rep.warn(where, f"overrides shipped skill {sid!r} ({skills[sid]['where']})")
            skills[sid] = rec
    return skills


def check_aliases(skills: dict[str, dict], rep: Report) -> None:
    plain: dict[str, tuple[str, str]] = {}     # key -> (skill id, form)
    plural: dict[str, tuple[str, str]] = {}    # plural key -> (skill id, form)
    amb: dict[str, tuple[str, str]] = {}       # ambiguous key -> (skill id, form)
    for sid, s in skills.items():
        amb_forms = set(s["ambiguous"])
        own_amb_keys = {term_key(f) for f in amb_forms}
        for form in [s["name"], *s["aliases"]]:
            if form in amb_forms:
                continue
            key = term_key(form)
            if key in own_amb_keys:
                rep.error(s["where"], f"plain form {form!r} has the key of one of its own ambiguous "
                                      f"forms, so the context rule would never apply")
            owner = plain.get(key)
            if owner and owner[0] != sid:
                rep.error(s["where"], f"alias {form!r} of {sid!r} is also {owner[1]!r} of {owner[0]!r}")
            plain.setdefault(key, (sid, form))
            if len(key) <= 9 and key not in JOIN_ALLOWED and splits_into_words(key):
                rep.error(s["where"], f"{form!r} (key {key!r}) can be spelt by running common words "
                                      f"together; list it under 'ambiguous' with its exact case")
            if " " not in form.strip() and key in COMMON_WORDS:
                rep.error(s["where"], f"{form!r} is an everyday word: list it under 'ambiguous' "
                                      f"with its exact case instead of as a plain alias")
            for pk in plural_keys(key):
                plural.setdefault(pk, (sid, form))
        for form in s["ambiguous"]:
            key = term_key(form)
            other = amb.get(key)
            if other and other[0] != sid:
                rep.error(s["where"], f"ambiguous form {form!r} of {sid!r} is also ambiguous in {other[0]!r}")
            amb.setdefault(key, (sid, form))
    for key, (sid, form) in plural.items():
        owner = plain.get(key)
        if owner and owner[0] != sid:
            rep.error(skills[sid]["where"], f"plural of {form!r} ({sid!r}) equals {owner[1]!r} of {owner[0]!r}")
    for key, (sid, form) in amb.items():
        owner = plain.get(key)
        if owner and owner[0] != sid:
            rep.error(skills[sid]["where"], f"ambiguous form {form!r} of {sid!r} is a plain alias "
                                            f"{owner[1]!r} of {owner[0]!r}")


def resolver(skills: dict[str, dict]):  # type: ignore[no-untyped-def]
    keys: dict[str, str] = {}
    amb: dict[str, str] = {}
    for sid, s in skills.items():
        for form in [s["name"], *s["aliases"]]:
            if form not in s["ambiguous"]:
                keys.setdefault(term_key(form), sid)
        for form in s["ambiguous"]:
            amb.setdefault(term_key(form), sid)

    def resolve(name: str) -> str | None:
        key = term_key(name)
        return keys.get(key) or amb.get(key)
    return resolve


def check_roles(files: list[Path], skills: dict[str, dict], rep: Report) -> dict[str, dict]:
    roles: dict[str, dict] = {}
    for path in files:
        data = load_yaml(path, rep)
        where = path.name
        if not isinstance(data, dict):
            rep.error(where, "a role file must be a mapping")
            continue
        unknown = set(data) - ROLE_KEYS - {"__line__"}
        if unknown:
            rep.error(where, f"unknown key(s) {sorted(map(str, unknown))}")
        for key in ("slug", "title", "description"):
            if not isinstance(data.get(key), str) or not data[key].strip():
                rep.error(where, f"missing or empty '{key}'")
        if data.get("slug") != path.stem:
            rep.error(where, f"slug {data.get('slug')!r} does not match the file name")
        ids_in_role: Counter[str] = Counter()
        for section, max_weight in (("essential", 3), ("desirable", 2)):
            items = data.get(section) or []
            if not isinstance(items, list) or not items:
                rep.error(where, f"'{section}' must be a non-empty list")
                continue
            for item in items:
                line = f"{where}:{item.get('__line__', '?') if isinstance(item, dict) else '?'}"
                if not isinstance(item, dict):
                    rep.error(line, f"{section} item must be a mapping")
                    continue
                extra = set(item) - {"skill", "any", "weight", "label", "__line__"}
                if extra:
                    rep.error(line, f"unknown key(s) {sorted(extra)}")
                weight = item.get("weight")
                if not isinstance(weight, int) or isinstance(weight, bool) or not 1 <= weight <= max_weight:
                    rep.error(line, f"{section} weight must be an integer 1-{max_weight}, got {weight!r}")
                if ("skill" in item) == ("any" in item):
                    rep.error(line, "give exactly one of 'skill' or 'any'")
                    continue
                refs = [item["skill"]] if "skill" in item else item["any"]
                if "any" in item:
                    if not isinstance(refs, list) or len(refs) < 2:
                        rep.error(line, "'any' needs a list of at least two skill ids")
                        continue
                    if not isinstance(item.get("label"), str) or not item["label"].strip():
                        rep.warn(line, "'any' group without a label")
                for ref in refs:
                    if not isinstance(ref, str) or ref not in skills:
                        rep.error(line, f"unknown skill id {ref!r}")
                    else:
                        ids_in_role[ref] += 1
        for ref, n in ids_in_role.items():
            if n > 1:
                rep.warn(where, f"skill {ref!r} is referenced {n} times")
        phrases = data.get("responsibilities") or []
        if not isinstance(phrases, list) or not phrases:
            rep.error(where, "'responsibilities' must be a non-empty list")
        else:
            for item in phrases:
                if not isinstance(item, dict) or not isinstance(item.get("phrase"), str):
                    rep.error(where, f"responsibility {item!r} needs a 'phrase'")
                    continue
                if item["phrase"] != item["phrase"].lower():
                    rep.error(where, f"phrase {item['phrase']!r} must be lower case")
                weight = item.get("weight")
                if not isinstance(weight, int) or isinstance(weight, bool) or not 1 <= weight <= 3:
                    rep.error(where, f"phrase {item['phrase']!r}: weight must be an integer 1-3")
        roles[path.stem] = data
    missing = ROLE_SLUGS - set(roles)
    if missing and files:
        rep.warn("roles", f"missing role profiles: {sorted(missing)}")
    return roles


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lexicons", type=Path, default=LEXICONS, help="lexicons folder (default: the repo's)")
    ap.add_argument("--extra", type=Path, nargs="*", default=[], help="user skill files or folders")
    ap.add_argument("--gold", type=Path, help="folder of labelled CVs (*.json) whose skill names must resolve")
    ap.add_argument("-q", "--quiet", action="store_true", help="print errors and the summary only")
    args = ap.parse_args(argv)

    rep = Report()
    skill_files = sorted((args.lexicons / "skills").glob("*.y*ml"))
    for extra in args.extra:
        skill_files += sorted(extra.glob("*.y*ml")) if extra.is_dir() else [extra]
    skills = check_skills(skill_files, rep)
    check_aliases(skills, rep)
    roles = check_roles(sorted((args.lexicons / "roles").glob("*.y*ml")), skills, rep)

    by_cat = Counter(s["category"] for s in skills.values())
    by_file = Counter(s["file"] for s in skills.values())
    n_soft = by_cat.get("soft", 0)
    n_amb = sum(1 for s in skills.values() if s["ambiguous"])
    n_forms = sum(1 + len(s["aliases"]) + len(s["ambiguous"]) for s in skills.values())
    print(f"skills: {len(skills)} ({len(skills) - n_soft} technical, {n_soft} soft), "
          f"{n_forms} surface forms, {n_amb} with ambiguous forms")
    print("per category: " + ", ".join(f"{c}={n}" for c, n in sorted(by_cat.items())))
    print("per file:     " + ", ".join(f"{f}={n}" for f, n in sorted(by_file.items())))
    for slug, role in sorted(roles.items()):
        ess = role.get("essential") or []
        des = role.get("desirable") or []
        resp = role.get("responsibilities") or []
        print(f"role {slug}: {len(ess)} essential, {len(des)} desirable, {len(resp)} responsibilities")

    if args.gold:
        resolve = resolver(skills)
        unresolved: dict[str, list[str]] = defaultdict(list)
        soft_hits: dict[str, list[str]] = defaultdict(list)
        total = 0
        for path in sorted(args.gold.glob("*.json")):
            for name in json.loads(path.read_text(encoding="utf-8")).get("skills", []):
                total += 1
                sid = resolve(name)
                if sid is None:
                    unresolved[name].append(path.stem)
                elif skills[sid]["category"] == "soft":
                    soft_hits[name].append(path.stem)
        print(f"gold: {total} skill labels, {sum(map(len, unresolved.values()))} unresolved")
        for name, where in sorted(unresolved.items()):
            rep.error("gold", f"{name!r} ({', '.join(where)}) does not resolve to a skill id")
        for name, where in sorted(soft_hits.items()):
            rep.error("gold", f"{name!r} ({', '.join(where)}) resolves to a soft skill")

    if not args.quiet:
        for line in rep.warnings:
            print(line)
    for line in rep.errors:
        print(line)
    print(f"{len(rep.errors)} error(s), {len(rep.warnings)} warning(s)")
    return 1 if rep.errors else 0


if __name__ == "__main__":
    sys.exit(main())
