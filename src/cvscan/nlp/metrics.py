"""Find and parse the measured quantities in one CV sentence or bullet.

:func:`find_metrics` returns the :class:`~cvscan.evidence.Metric` records a text states as a
result or scope of work: percentages, percentage points, money, counts of things, time,
multipliers, ranks and scores, with before-to-after changes ("from 85% to 92%") and a
direction from the wording ("cut", "raised").

How it works, in three passes over the text with module-level compiled regexes:

1. *Masks*: digits that are never a measure are found first: dates and date ranges, phone
   numbers, grades, version numbers ("Python 3.11", "GPT-4"), codes ("CS229", "S3"),
   standards ("ISO 27001"), labels ("Level 2", "Top 10"), parameters ("k = 5").
2. *Finders*, most specific first (before-to-after, rank, money, multiplier, percent, points,
   score, duration, count); a match whose numbers sit in a mask, or that overlaps an earlier
   match, is dropped.
3. *Qualifying*: some parsed quantities are real but say nothing about results, e.g. years of
   employment ("14 years in retail"), "two-week sprints", "worked in a team of 4", a bare
   number with nothing counted. They hold their span but are not returned.

Speed matters (every unit of every CV): number patterns start at a digit, word patterns run
case-sensitively on a lower-cased copy, and rare patterns are skipped unless a cheap
substring test passes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Union

from ..evidence import Metric
from .wordlists import load_verbs

__all__ = ["find_metrics", "has_number", "parse_number", "scan"]

# -- number words and units -----------------------------------------------------------------

_SMALL = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
          "fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_WORD_VALUES: dict[str, int] = {w: i + 1 for i, w in enumerate(_SMALL)}
_WORD_VALUES.update({w: 20 + 10 * i for i, w in enumerate(_TENS)})
_NUMBER_WORDS = tuple(_SMALL[1:] + _TENS + ["dozen"])  # "one" only in durations/before-after

# A digit-led number: the lookbehind after the first digit keeps it from starting inside a
# word, a code or another number ("v8", "3.11", "1,800", "ResNet-34").
DNUM = r"\d(?<![\w.,#/@-]\d)(?:\d{0,2}(?:,\d{3})+|\d*)(?:\.\d+)?"
DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
# A written number, matched on the lower-cased text.
WNUM = (r"\b(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
        r"(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|eleven|twelve|thirteen|"
        r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|ten|two|three|four|five|six|"
        r"seven|eight|nine|a\s+dozen)\b")
WNUM_I = f"(?i:{WNUM})"
APPROX = (r"(?:(?i:about|around|roughly|approximately|approx\.?|nearly|almost|just\s+over|"
          r"just\s+under|over|under|below|above|less\s+than|more\s+than|fewer\s+than|up\s+to|"
          r"at\s+least|at\s+most|circa|c\.|ca\.|some|an\s+estimated|estimated)\s+|[~<>≈≤≥]\s?)")
CODES = ("USD", "GBP", "EUR", "CHF", "INR", "JPY", "AUD", "CAD", "SGD", "NZD", "HKD", "SEK",
         "NOK", "DKK", "PLN", "ZAR", "BRL", "CNY")
CUR = (r"(?:(?<![A-Za-z])(?:US\$|AU?\$|CA?\$|NZ\$|HK\$|S\$|R\$|(?:" + "|".join(CODES)
       + r")\s?)|[$£€¥₹])")
MAG_MONEY = (r"(?:(?<=\d)(?:k|K|m|M|mn|MM|bn|b|B)(?![A-Za-z])|"
             r"\s?(?i:million|billion|thousand|trillion|mn|bn)\b)")
MAG_COUNT = r"(?:(?<=\d)(?:k|K|m|M|MM|B|bn)(?![A-Za-z])|\s(?i:million|billion|thousand)\b)"
PCT = r"(?:\s?%|\s?(?i:per\s?cent|percent|pct)\b)"
POINTS = r"(?i:percentage[\s-]points?|pp|pts|points?|basis\s+points?|bps)(?![A-Za-z])"
DUR_LONG = (r"(?i:milliseconds?|msecs?|ms|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|"
            r"weeks?|wks?|months?|quarters?|years?|yrs?|decades?)(?![A-Za-z])")
DUR_SHORT = r"(?:(?<=\d)(?:s|h)(?![A-Za-z]))"
DATA = r"(?:TB|GB|PB|MB|EB|(?i:terabytes?|petabytes?|gigabytes?|exabytes?))(?![A-Za-z])"
RATE = (r"(?:\s*(?:(?i:a|an|per|each|every)\s+|/\s?)(?i:day|week|month|year|quarter|hour|minute|"
        r"second|night|run|sprint|shift|frame|request)s?\b)")
MULT = r"[x×X](?![\w])"

_METRIC_NAMES = (r"(?:macro|micro|weighted)[\s-]?f1(?:[\s-]score)?|f1(?:[\s-]score)?|f-score|"
                 r"roc[\s-]?auc|pr[\s-]?auc|auroc|auc|gini|precision|recall|accuracy|mape|smape|"
                 r"rmse|mae|mse|r2|r²|r-squared|bleu|rouge(?:-[l12])?|meteor|map|miou|"
                 r"iou|dice|ndcg|mrr|hit\s+rate|perplexity|wer|cer|nps|csat|kappa|"
                 r"log[\s-]?loss|brier(?:\s+score)?|sharpe(?:\s+ratio)?|exact\s+match|psnr|ssim|"
                 r"fid|elo|scores?")
METRIC_NAME = rf"\b(?:{_METRIC_NAMES})(?:@[\d.:]+)?(?![\w-])"  # on lower-cased text
METRIC_NAME_I = f"(?i:{METRIC_NAME})"
_INT_SCORES = {"nps", "csat", "bleu", "rouge", "rouge-l", "rouge-1", "rouge-2", "meteor", "elo",
               "fid", "perplexity", "psnr", "wer", "cer", "mape", "smape", "score", "scores"}

_CURRENCY = {"$": "USD", "US$": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD",
             "NZ$": "NZD", "HK$": "HKD", "S$": "SGD", "R$": "BRL", "£": "GBP", "€": "EUR",
             "¥": "JPY", "₹": "INR", "DOLLARS": "USD", "POUNDS": "GBP", "EUROS": "EUR"}
_MAGNITUDE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "mm": 1e6, "million": 1e6,
              "b": 1e9, "bn": 1e9, "billion": 1e9, "trillion": 1e12}
_HOURS = {"ms": 1 / 3_600_000, "s": 1 / 3600, "min": 1 / 60, "hours": 1.0, "days": 24.0,
          "weeks": 168.0, "months": 730.0, "quarters": 2190.0, "years": 8760.0,
          "decades": 87600.0}
_LONG_UNITS = frozenset({"months", "quarters", "years", "decades"})

# -- word sets ------------------------------------------------------------------------------

_STOP = frozenset("""a an the and or of in on at for to from by with across per into over under
within without that which who whom whose while when where as than via through using each every
now then so but is are was were be been being has have had it its their our my his her this
these those plus including between after before during since until against about around up down
out off also still all both if nor not only just such very more most less fewer i we they
you he she them us me whilst versus vs etc e.g i.e""".split())
_IRREGULAR_PLURALS = frozenset("""people staff children men women personnel data media alumni
faculty criteria feet geese mice teeth crew police cattle sheep fish aircraft series
headcount""".split())
_NOT_PLURAL_ENDINGS = ("ss", "us", "is", "ous", "ics")
_NONQUAL_COUNTED = frozenset("""grandchildren dog dogs cat cats pet pets gcse gcses a-level
a-levels credit credits marathon marathons year years yrs month months decade decades""".split())
_SPOKEN = frozenset("speak speaks spoke spoken fluent fluency native bilingual trilingual".split())
_COLLEAGUES = frozenset("""engineers scientists analysts developers designers colleagues members
people staff consultants researchers managers others peers teammates interns""".split())
_PEOPLE_COMPOUNDS = frozenset("""person people strong member members seat seats user bed site
store country city office location branch school hospital""".split())
_IRREGULAR_PAST = frozenset("""built led ran went grew made took found won wrote brought drove sped
stood taught oversaw sold gave got began spent kept held saw""".split())
_COMMON_VERBS = frozenset("""use used go goes went are is was were now then still""".split())
_MONTHS = frozenset("""jan january feb february mar march apr april may jun june jul july aug
august sep sept september oct october nov november dec december""".split())
# a word right before a number that makes the number a label, version or code
_LABEL_WORDS = frozenset("""level grade tier stage phase type version ver gen generation series
release sprint round wave cohort chapter section sec page pages pp part module unit step year
band no article clause line figure fig table vol volume issue episode season batch ks iso iec
rfc sp week day room floor flat suite""".split())
_TECH_WORDS = frozenset("""python java spark pytorch tensorflow scala node cuda kubernetes k8s
ubuntu windows django react angular vue php perl ruby rails .net c++ postgres postgresql mysql
hadoop airflow elasticsearch kafka android ios macos excel office""".split())
_FUNCTION_WORDS = frozenset("""a an the of for in on at by to from with and or over under about
around approximately approx nearly almost roughly some more than up only just each every all both
across within into per plus including after before during since circa c ca i we our my team
another additional extra further total overall currently now today recently later together here
there they these those their its while then also""".split()) | {c.lower() for c in CODES}
_YEAR_PREPS = frozenset("""in since from until till by during of summer spring autumn fall winter
early mid late end start beginning before after around circa c. q1 q2 q3 q4 h1 h2 fy class""".split())

# -- direction and context --------------------------------------------------------------------

# words before a number that give its direction; a "neutral" word (saving, worth) stops the search
_DEC_WORDS = frozenset("cut cuts cutting fell fall falls falling fallen down".split())
_DEC_PREFIXES = ("reduc", "lower", "drop", "decreas", "declin", "shrink", "shrank", "shrunk",
                 "shorten", "trim", "slash", "halv", "minimis", "minimiz", "eliminat")
_INC_WORDS = frozenset("grew rose up rise rises risen rising add adds added adding".split())
_INC_PREFIXES = ("rais", "increas", "grow", "lift", "improv", "boost", "doubl", "tripl", "quadrupl",
                 "gain", "expand", "accelerat", "uplift", "maximis", "maximiz")
_NEU_WORDS = frozenset("save saves saved saving savings free frees freed freeing worth taking took".split())
_NEU_PREFIXES = ("recover", "secur")
_APPROX_WORDS = frozenset("""about around roughly approximately approx nearly almost just over under
below above less more fewer than up to at least most circa c ca some an estimated""".split())
_DIR_AFTER = re.compile(  # on lower-cased text
    r"\s*(?:[\w-]+\s+)?(?:(?P<dec>reduction|decrease|drop|fall|decline|cut|fewer|less|lower|"
    r"cheaper|smaller|shorter|down|saving|savings)|(?P<inc>increase|uplift|lift|gain|growth|rise|"
    r"improvement|boost|more|higher|faster|quicker|better|larger|bigger|greater|up|jump))\b")
_MEMBER_OPENER = re.compile(  # on lower-cased text
    r"\W*(?:i\s+)?(?:worked|work|working|collaborated|collaborate|partnered|partner|paired|"
    r"pair|joined|join|sat|sit|embedded|was|were|am|reported|report)\b")
_SAVING_BEFORE = re.compile(
    r"\b(?:sav\w*|free\w*|cut\w*|reduc\w*|shorten\w*|shav\w*|slash\w*|gain\w*|recover\w*)"
    r"(?:\s+[\w'’-]+){0,3}\s*$")
_SAVING_AFTER = re.compile(r"\s*(?:early|earlier|ahead|sooner|faster|quicker|less|fewer|"
                           r"saved|of\s+(?:engineering|developer|analyst|staff)\s+time)\b")
_TIMEFRAME_BEFORE = re.compile(r"\b(?:in|within|inside|under)\s+(?:just\s+|only\s+|about\s+)?$")
_FOR_EVERY = re.compile(r"\b(?:for|every|each|per)\s+(?:about\s+|around\s+|over\s+)?$")
_EXPERIENCE_AFTER = re.compile(r"['’]?\s*(?:of\s+)?(?:\w+\s+)?(?:experience|exp\b)")
_EMPLOYMENT = re.compile(r"\b(?:intern(?:ship)?|placement|secondment|contract|notice|sabbatical|available|"
                         r"maternity|paternity|parental|probation|career\s+break|part[- ]time|"
                         r"full[- ]time|fixed[- ]term|temporary|tenure)\b")
_WORKED_BEFORE = re.compile(r"\W*(?:i\s+)?work(?:ed|ing|s)?\s+(?:for\s+|about\s+|around\s+)?$")
_ALONE_IN_PARENS = re.compile(r"\(\s*(?:[\w~<>+.-]+\s+){0,2}$")
_PAY_WORDS = frozenset("""salary salaries pay rate compensation package expectation expectations
stipend bursary scholarship tuition""".split())
_EMPLOYMENT_HINTS = frozenset("""intern internship placement secondment contract notice sabbatical
maternity paternity parental probation career part full fixed temporary tenure available""".split())
_MEMBERSHIP_BEFORE = re.compile(
    r"\b(?:in|within|into|joined|join|of|on|alongside|with|among)\s+(?:(?:a|an|the|our|my|their)\s+)?"
    r"(?:[\w-]+\s+){0,2}$")
_WITH_BEFORE = re.compile(r"\b(?:with|alongside|among)\s+$")
_OF_THEM = re.compile(r"\s*of\s+(?:them|whom|these|those|which|us|the|our|my|their|its)\b")
_RUN_WORD = re.compile(r"\s*([A-Za-z][A-Za-z0-9'’/&.+-]*)")
_RUN_CONJ = frozenset({"and", "or", "&"})
_NEXT_WORD = re.compile(r"\+?[ \t]*([A-Za-z][\w'’-]*)")

# -- masks: digits that are never a measure -------------------------------------------------

_TOKENS = re.compile(r"[a-z0-9²]+")
# A cheap test that a pattern can match at all, on the lower-cased text: one of a set of
# word tokens, a regex to search, substrings, or None (always run the pattern).
_Precheck = Union[frozenset[str], "re.Pattern[str]", tuple[str, ...], None]


def _passes(precheck: _Precheck, low: str, words: frozenset[str]) -> bool:
    if precheck is None:
        return True
    if isinstance(precheck, frozenset):
        return not precheck.isdisjoint(words)
    if isinstance(precheck, tuple):
        return any(p in low for p in precheck)
    return precheck.search(low) is not None


# (pattern, precheck on the lower-cased text: see _passes): run on the text
_MASKS: tuple[tuple[re.Pattern[str], _Precheck], ...] = tuple(
    (re.compile(p), pre) for p, pre in (
        # e-mail addresses and links
        ((r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+|https?://\S+|www\.\S+|(?<![\w-])[\w-]+\."
          r"(?:com|org|net|io|ai|dev|co|me|edu|gov)(?:\.\w\w)?/\S*"), re.compile(r"[@/]|www\.")),
        # numeric dates, year ranges, decades, short years: "03/2021", "2019 – 2021", "'19"
        (r"\d(?<![\w.,]\d)\d?[/.]\d{1,2}[/.]\d{2,4}\b|\d(?<![\w.,]\d)\d?/(?:19|20)\d{2}\b",
         re.compile(r"\d[/.]\d{1,2}[/.]\d|\d/[12]")),
        (r"[12](?<![\w.,][12])[09]\d{2}[-/.](?:0[1-9]|1[0-2])(?:[-/.]\d{2})?\b", re.compile(r"\d{4}[-/.]\d")),
        ((r"[12](?<![\w.,][12])[09]\d{2}\s*(?:[-–—/]|\s(?i:to|until|till)\s)\s*"
          r"(?:(?:19|20)?\d{2}\b|(?i:present|now|current|date|today))"), None),
        (r"[12](?<![\w.,][12])[09]\d0s\b|['’]\d{2}s?\b", re.compile(r"\d0s\b|['’]\d")),
        # grades: "GPA 3.8/4.0", "3.6/4", "2:1", "3.9 GPA", "Distinction (78%)", "GRE 330"
        (r"(?i:\bc?gpa\b)\W{0,3}(?:(?i:of)\s+)?\d(?:\.\d+)?(?:\s*/\s*\d+(?:\.\d+)?)?", frozenset({"gpa", "cgpa"})),
        (r"[0-4](?<![\w.,][0-4])(?:\.\d{1,2})?\s*/\s*4(?:\.\d{1,2})?\b|[12](?<![\w.,:][12]):[12]\b",
         re.compile(r"\d\s*[/:]\s*[124]")),
        (r"[0-4](?<![\w.,][0-4])\.\d{1,2}\s*(?:/\s*\d(?:\.\d+)?\s*)?(?i:c?gpa)\b", frozenset({"gpa", "cgpa"})),
        ((r"\b(?:[Dd]istinction|[Mm]erit|[Ff]irst[- ][Cc]lass|[Uu]pper\s+[Ss]econd|[Ll]ower\s+[Ss]econd|"
          r"[Hh]onours|[Hh]ons)\b\s*[(:,-]?\s*\(?\d+(?:\.\d+)?\s?%\)?|\b[Ff]irst\s*\(\d+(?:\.\d+)?\s?%\)"),
         frozenset("distinction merit class second honours hons first".split())),
        ((r"\b(?:UCAS|IB|SAT|ACT|GRE|GMAT|IELTS|TOEFL)\b\W{0,3}\d+(?:\.\d+)?(?:\s*/\s*\d+)?|"
          r"\d(?<![\w.]\d)\d*(?:\.\d+)?\s+(?:UCAS|SAT|ACT|GRE|GMAT|IELTS|TOEFL)\b"),
         frozenset("ucas ib sat act gre gmat ielts toefl".split())),
        # versions, codes and model names glued to letters: "YOLOv8", "GPT-4", "k3s", "CS229"
        (r"\d(?:(?<=[A-Za-z]\d)(?<!(?<![\w])[x×]\d)|(?<=[A-Za-z]-\d)|(?<=[A-Za-z][.+#]\d))[\w.+#]*", None),
        (r"\d(?<![\w.]\d)\d*\.\d+\.\d+(?:\.\d+)?\b", re.compile(r"\d\.\d+\.\d")),
        # parameters and settings: "epsilon = 3", "k=5"
        (r"(?<![\w])(?!(?i:" + _METRIC_NAMES + r")\s*=)[A-Za-z_][\w-]*\s*=\s*\d[\d.,]*", re.compile("=")),
        # street numbers, dimensions, special forms ("3-for-2", "24/7", "1-on-1"), ages
        ((r"\d(?<![\w.,]\d)\d*[A-Za-z]?\s+(?:[A-Z][a-z]+\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|"
          r"Ln|Drive|Way|Close|Court|Place|Square|Crescent|Boulevard|Blvd|Terrace|Gardens)\b"),
         frozenset("street st road rd avenue ave lane ln drive way close court place square "
                   "crescent boulevard blvd terrace gardens".split())),
        (r"\d(?<![\w.]\d)\d*\s?[x×]\s?\d+\b", re.compile(r"[x×]\s?\d")),
        (r"\d(?<![\w.]\d)\d*(?:-(?:for|on|to)-\d+s?|-a-side|(?<=24)/7|(?<=360)(?:-degree|°))(?!\w)",
         re.compile(r"\d-[afot]|24/7|360")),
        (r"(?i:\bage[ds]?\s+\d+(?:\s*[-–]\s*\d+)?)", frozenset({"age", "aged", "ages"})),
        # model sizes: "a 7B model", "70B parameters", "13-billion-parameter"
        ((r"\d(?<![\w.]\d)\d*(?:\.\d+)?\s?(?:[BbMm]|(?i:billion|million))[\s-]*"
          r"(?i:param(?:eter)?s?|models?|llms?)\b"),
         frozenset("param params parameter parameters model models llm llms".split())),
    ))
_PHONE_HINT = re.compile(r"\d(?<!\d\d)\d+[\s.)-]\s?\d{3}")
_PHONE = re.compile(r"(?<![\w.])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,5}\)[\s.-]?)?\d{2,5}(?:[\s.-]\d{2,6}){1,4}(?![\w])")
_YEAR = re.compile(r"[12](?<![\w.,$£€¥₹#-][12])(?:9[5-9]|0[0-4])\d(?![\w%]|[.,]\d|\s?(?:[kKmMbB]|bn)\b|\s?[x×])")
_MONTH_DAY = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|"
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|"
    r"july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b")
_NUMTOK_AFTER_WORD = re.compile(r"\d(?<=[\w+#'’.)-][ \t]\d)[\d.,]*")  # "Python 3.11", "Level 2"
_METRIC_FULL = re.compile(METRIC_NAME)
_CAP_FOLLOW_OK = re.compile(r"\s?(?:%|(?i:per\s?cent|percent)\b|[x×](?!\w)|[kKMB](?!\w)|bn\b|\+|"
                            r"\s(?i:million|billion|thousand)\b)")
_TOP_FOLLOW = re.compile(r"\s?(?:%|(?i:per\s?cent|percent)\b)|\s+(?i:of|out\s+of)\b")
_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/&+#.-_'’")


_ALPHA = re.compile(r"[a-z]+")
_NUMBER_WORD_SET = frozenset(_NUMBER_WORDS)
_WORDY_TRIGGERS = ("doubl", "tripl", "quadrupl", "halv", "fold", "first", "second", "third", "half",
                   "quarter", "fifth", "tenth", "magnitude", "one")


def _has_number_words(low: str) -> bool:
    return not _NUMBER_WORD_SET.isdisjoint(_ALPHA.findall(low))


def has_number(text: str) -> bool:
    """Whether ``text`` holds anything that could be a measure (a digit or a number word)."""
    if any(c.isdigit() for c in text):
        return True
    low = text.lower()
    return _has_number_words(low) or any(w in low for w in _WORDY_TRIGGERS)


@lru_cache(maxsize=1)
def _verb_forms() -> tuple[frozenset[str], frozenset[str]]:
    """(all known verb forms, past forms that end a counted noun phrase)."""
    verbs = load_verbs()
    forms = verbs.strong | verbs.weak_words
    past = frozenset(w for w in forms if w.endswith("ed")) | _IRREGULAR_PAST | _COMMON_VERBS
    return forms, past


def _lower(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _mask_spans(text: str, low: str, words: frozenset[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for rx, pre in _MASKS:
        if _passes(pre, low, words):
            spans.extend(m.span() for m in rx.finditer(text))
    if _PHONE_HINT.search(text):
        for m in _PHONE.finditer(text):
            if sum(c.isdigit() for c in m.group()) >= 9:
                spans.append(m.span())
    has_year = False
    for m in _YEAR.finditer(text):
        if _is_year(text, low, m.start(), m.end()):
            spans.append(m.span())
            has_year = True
    if has_year or not _MONTHS.isdisjoint(words):
        spans.extend(m.span() for m in _MONTH_DAY.finditer(low))
    spans.extend(_word_before_masks(text))
    return spans


def _word_before_masks(text: str) -> list[tuple[int, int]]:
    """Numbers named by the word before them: versions ("Python 3.11", "CUDA 12.2"), labels
    ("Level 2", "type 2", "ISO 27001", "page 4"), titles ("OWASP Top 10", "Fortune 500")."""
    forms, _ = _verb_forms()
    out: list[tuple[int, int]] = []
    for m in _NUMTOK_AFTER_WORD.finditer(text):
        start = j = k = m.start()
        while k > 0 and text[k - 1] in " \t":
            k -= 1
        if k == j or k == 0:
            continue
        e = k
        while k > 0 and text[k - 1] in _WORD_CHARS:
            k -= 1
        word = text[k:e].strip(".-'’")
        if not word or not word[0].isalpha() or (k > 0 and text[k - 1] in "$£€¥₹@"):
            continue
        low = word.lower()
        digits = m.group().rstrip(".,")
        after = text[start + len(digits):start + len(digits) + 12]
        if low in _LABEL_WORDS or low in _TECH_WORDS:
            if not _CAP_FOLLOW_OK.match(after):  # "Level 2", not "bottom line 12%"
                out.append((start, m.end()))
            continue
        if not (word[0].isupper() or (word[0].islower() and any(c.isupper() for c in word))):
            continue
        if "," in digits:
            continue  # "UK 1,100 stores"
        if low == "top":
            if _TOP_FOLLOW.match(after) or not text[:k].strip(" •-*–\t"):
                continue
        elif (low in _FUNCTION_WORDS or low in forms or low in _MONTHS or low in _IRREGULAR_PAST
              or (len(low) > 3 and low.endswith("ed"))
              or (sum(c.isupper() for c in word) < 2 and _at_sentence_start(text, k))
              or (low.endswith("s") and low[:-1] in forms)
              or _METRIC_FULL.fullmatch(low) or _CAP_FOLLOW_OK.match(after)):
            continue
        out.append((start, start + len(digits)))
    return out


def _at_sentence_start(text: str, pos: int) -> bool:
    before = text[max(0, pos - 4):pos].rstrip(" \t•·▪‣◦*–-")
    return not before.strip() if pos < 4 else (not before or before[-1] in ".;:!?")


def _is_year(text: str, low: str, start: int, end: int) -> bool:
    before = low[max(0, start - 24):start].split()
    if before and before[-1].strip("(,;:–-'’") in _YEAR_PREPS:
        return True
    nxt = _NEXT_WORD.match(text, end)
    if nxt:
        word = nxt.group(1)
        if (word.islower() and word.endswith("s") and word not in _STOP and "\n" not in nxt.group()
                and not word.endswith(_NOT_PLURAL_ENDINGS) and word not in _MONTHS):
            return False  # "2000 users"
    return True


# -- parsing ---------------------------------------------------------------------------------

def parse_number(raw: str) -> float | None:
    """Value of a number as written: "1,800" -> 1800, "2.5" -> 2.5, "twelve" -> 12,
    "twenty-five" -> 25, "a dozen" -> 12, "a"/"an" -> 1, "half" -> 0.5."""
    s = " ".join(raw.strip().lower().split())
    if not s:
        return None
    try:
        return float(s.replace(",", ""))
    except ValueError:
        pass
    if s in ("a", "an", "one"):
        return 1.0
    if s.startswith(("a ", "an ")) and s.split()[1] in ("full", "whole", "single", "working",
                                                        "business", "entire"):
        return 1.0
    if s in ("half", "half a", "half an"):
        return 0.5
    if s in ("a dozen", "dozen"):
        return 12.0
    parts = s.replace("-", " ").split()
    if parts and all(p in _WORD_VALUES for p in parts):
        return float(sum(_WORD_VALUES[p] for p in parts))
    return None


def _magnitude(raw: str | None) -> float:
    if not raw:
        return 1.0
    return _MAGNITUDE.get(raw.strip().lower(), 1.0)


def _currency(raw: str) -> str:
    raw = raw.strip()
    return _CURRENCY.get(raw) or _CURRENCY.get(raw.upper()) or raw.upper().rstrip("$").strip() or "USD"


def _duration_unit(raw: str) -> str:
    low = raw.strip().lower()
    if low in ("ms", "msec", "msecs") or low.startswith("millisecond"):
        return "ms"
    if low in ("s", "sec", "secs") or low.startswith("second"):
        return "s"
    if low.startswith("min"):
        return "min"
    if low in ("h", "hr", "hrs") or low.startswith("hour"):
        return "hours"
    if low.startswith("day"):
        return "days"
    if low.startswith(("week", "wk")):
        return "weeks"
    if low.startswith("month"):
        return "months"
    if low.startswith("quarter"):
        return "quarters"
    if low.startswith("decade"):
        return "decades"
    return "years"


def _unit_kind(raw: str | None) -> tuple[str | None, str | None]:
    """(normalised unit, kind) of a unit as written after a number."""
    if not raw:
        return None, None
    u = raw.strip()
    low = u.lower()
    if u == "%" or low.replace(" ", "") in ("percent", "pct"):
        return "%", "percent"
    if low.startswith(("percentage", "pp", "pt", "point")):
        return "pp", "points"
    if low.startswith(("basis", "bp")):
        return "bps", "points"
    if low in ("x", "×"):
        return "x", "multiplier"
    if low in ("tb", "gb", "pb", "mb", "eb") or low.endswith(("bytes", "byte")):
        return (u.upper() if len(u) <= 2 else low), "count"
    return _duration_unit(low), "duration"


def _fmt(value: float) -> float:
    return round(value, 6)


# -- the scanner -----------------------------------------------------------------------------

@dataclass(slots=True)
class _Found:
    start: int
    end: int
    metric: Metric
    qualifies: bool


_METRIC_TOKENS = frozenset("""f1 auc gini precision recall accuracy mape smape rmse mae mse r2 r²
squared bleu rouge meteor map miou iou dice ndcg mrr perplexity wer cer nps csat kappa loss logloss
brier sharpe match psnr ssim fid elo score scores auroc""".split())
_TEAM_TOKENS = frozenset("""team squad group bench department function practice unit crew pod tribe
cohort class organisation organization staff workforce network community headcount""".split())


class _Ctx:
    """One text being scanned: its lower-cased copy, masks, claimed spans and findings."""

    __slots__ = ("found", "has_words", "low", "masks", "member_opener", "taken", "text", "words")

    _ONE = b"\x01"

    def __init__(self, text: str) -> None:
        self.text = text
        self.low = _lower(text)
        self.words = frozenset(_TOKENS.findall(self.low))
        self.masks = bytearray(len(text))  # 1 where a character is masked
        for s, e in _mask_spans(text, self.low, self.words):
            self.masks[s:e] = self._ONE * (e - s)
        self.taken = bytearray(len(text))  # 1 where a character belongs to a finding
        self.found: list[_Found] = []
        self.member_opener = _MEMBER_OPENER.match(self.low) is not None
        self.has_words = not _NUMBER_WORD_SET.isdisjoint(self.words) or "one" in self.words

    def masked(self, start: int, end: int) -> bool:
        return self.masks.find(1, start, end) >= 0

    def free(self, start: int, end: int) -> bool:
        return self.taken.find(1, start, end) < 0

    def add(self, start: int, end: int, metric: Metric, qualifies: bool = True) -> None:
        self.taken[start:end] = self._ONE * (end - start)
        self.found.append(_Found(start, end, metric, qualifies))

    def span_text(self, start: int, end: int) -> str:
        return self.text[start:end].strip()

    def direction(self, start: int, end: int, kind: str) -> str | None:
        low = self.low
        if kind != "count":
            after = _DIR_AFTER.match(low, end)
            if after:
                return "decrease" if after.group("dec") else "increase"
        clause_start = max(low.rfind(";", 0, start), low.rfind(". ", 0, start)) + 1
        words = _TOKENS.findall(low, max(clause_start, start - 90), start)
        if kind in ("count", "duration"):  # only "by 3 hours", "to 12 engineers"
            tail = [w for w in words[-3:] if w not in _APPROX_WORDS or w in ("to", "by")]
            if not tail or tail[-1] not in ("by", "to"):
                return None
        for word in reversed(words):
            if word in _NEU_WORDS or word.startswith(_NEU_PREFIXES):
                return None
            if word in _DEC_WORDS or word.startswith(_DEC_PREFIXES):
                return "decrease"
            if word in _INC_WORDS or word.startswith(_INC_PREFIXES):
                return "increase"
        return None


def _num_groups_masked(ctx: _Ctx, m: re.Match[str], names: Iterable[str]) -> bool:
    groups = m.groupdict()
    for name in names:
        if groups.get(name) is not None:
            s, e = m.span(name)
            if ctx.masked(s, e):
                return True
    return False


# before-to-after ------------------------------------------------------------------------------

def _qty(p: str) -> str:
    """A quantity with named groups prefixed ``p``: "£1.2m", "85%", "3 weeks", "a full day"."""
    return (rf"(?:{APPROX})?(?P<{p}cur>{CUR})?\s?(?P<{p}sign>[+−-](?=\d))?"
            rf"(?P<{p}num>(?<![\w.,#/@])\d(?:\d{{0,2}}(?:,\d{{3}})+|\d*)(?:\.\d+)?|{WNUM_I}|(?i:\bone\b)|"
            rf"(?i:\ban?\s+(?:(?:full|whole|single|working|business|entire)\s+)?"
            rf"(?=(?:day|week|hour|month|year|minute|quarter|night|shift)s?\b))|"
            rf"(?i:\bhalf\s+an?\s+(?=(?:day|hour|minute)\b)))"
            rf"(?:(?P<{p}mag>{MAG_MONEY}))?"
            rf"(?:(?P<{p}unit>{PCT}|\s?{POINTS}|\s?{DUR_LONG}|{DUR_SHORT}|\s?{DATA}|\s?{MULT}))?"
            rf"(?P<{p}rate>{RATE})?")


_BA_FROM = re.compile(rf"\b[Ff](?i:rom)\s+{_qty('a')}\s+(?:(?i:down|up)\s+)?(?i:to)\s+{_qty('b')}")
_BA_ARROW = re.compile(rf"{_qty('a')}\s*(?:->|→|⟶|=>|➝|—>|–>)\s*{_qty('b')}")
_BA_DOWN_FROM = re.compile(rf"{_qty('b')},?\s+(?i:down|up)\s+(?i:from)\s+{_qty('a')}")
_BA_VERSUS = re.compile(rf"{_qty('b')}(?:\s+[\w-]+){{0,2}}?\s+(?i:versus|vs\.?|compared\s+(?:to|with))"
                        rf"\s+(?:(?i:an?|the)\s+)?(?:(?i:baseline|previous|prior|old)\s+(?:(?i:of)\s+)?)?{_qty('a')}")
_NAME_BEFORE = re.compile(rf"({METRIC_NAME})(?:[\s():,]+[\w'’-]+){{0,4}}[\s():,]*$")
_NAME_ANY = re.compile(METRIC_NAME)
_NAME_AFTER = re.compile(rf"\s*({METRIC_NAME})")
_NUMBER_OF = re.compile(r"\bnumber\s+of\s+([a-z][\w-]*)")
_WORD_BEFORE = re.compile(r"([A-Za-z][\w-]*)\s*$")


def _before_after(ctx: _Ctx, m: re.Match[str]) -> None:
    if _num_groups_masked(ctx, m, ("anum", "bnum")) or not ctx.free(*m.span()):
        return
    a = parse_number(m.group("anum"))
    b = parse_number(m.group("bnum"))
    if a is None or b is None:
        return
    if m.group("asign") in ("-", "−"):
        a = -a
    if m.group("bsign") in ("-", "−"):
        b = -b
    a_mag, b_mag = m.group("amag"), m.group("bmag")
    if b_mag and not a_mag and a < b:
        a_mag = b_mag  # "from 1.2 to 4.8 million"
    a *= _magnitude(a_mag)
    b *= _magnitude(b_mag)
    ua, ka = _unit_kind(m.group("aunit"))
    ub, kb = _unit_kind(m.group("bunit"))
    ua, ka = (ua, ka) if ua else (ub, kb)
    ub, kb = (ub, kb) if ub else (ua, ka)
    cur = m.group("acur") or m.group("bcur")
    text, low = ctx.text, ctx.low
    counted: str | None = None
    kind: str
    unit: str | None
    if cur:
        kind, unit = "money", _currency(cur)
    elif ka == "duration" and kb == "duration" and ua and ub:
        small = ua if _HOURS[ua] <= _HOURS[ub] else ub
        a, b = a * _HOURS[ua] / _HOURS[small], b * _HOURS[ub] / _HOURS[small]
        kind, unit = "duration", small
    elif ka and ka == kb and ua == ub:
        kind, unit = ka, ua
    elif ka or kb:
        kind, unit = (ka or kb or "count"), (ua or ub)
    else:
        name = None
        near = _NAME_BEFORE.search(low, max(0, m.start() - 60), m.start())
        if near:
            name = near.group(1)
        for inside in _NAME_ANY.finditer(low, m.start(), m.end()):
            name = inside.group(0)
        trailing = _NAME_AFTER.match(low, m.end())
        if trailing:
            name = trailing.group(1)
        if name is not None:
            kind, unit = "ratio", " ".join(name.split())
        elif a <= 1 and b <= 1 and ("." in m.group("anum") + m.group("bnum")):
            kind, unit = "ratio", None
        else:
            kind = "count"
            counted = _counted_after(text, m.end())[0]
            if counted is None:
                numof = None
                for numof in _NUMBER_OF.finditer(low, max(0, m.start() - 80), m.start()):
                    pass
                if numof is not None:
                    counted = numof.group(1)
                else:
                    wb = _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
                    if wb and _is_plural(wb.group(1)) and wb.group(1).islower():
                        counted = wb.group(1)
            unit = counted
    change = b - a
    direction = None if change == 0 else ("increase" if change > 0 else "decrease")
    if kind == "count" and a == 0 and b == 1 and not counted:
        ctx.add(m.start(), m.end(), Metric(value=b, unit=None, kind=kind,
                                           text=ctx.span_text(*m.span())), False)
        return  # "took the product from 0 to 1"
    ctx.add(m.start(), m.end(), Metric(
        value=_fmt(b), unit=unit, kind=kind, text=ctx.span_text(*m.span()), direction=direction,
        baseline=_fmt(a), target=_fmt(b), change=_fmt(change), counted=counted))


# rank ----------------------------------------------------------------------------------------

_RANK_TOP = re.compile(rf"\b[Tt](?i:op)\s+(?P<num>\d(?<![\w.,]\d)\d*(?:\.\d+)?|{WNUM_I})(?P<pct>{PCT})?"
                       rf"(?:\s+(?i:of|out\s+of|among|from)\s+(?P<of>{DNUM})(?P<ofmag>{MAG_COUNT})?\+?"
                       rf"(?:\s+(?P<ofn>[A-Za-z][\w-]*))?)?")
_RANK_ORD = re.compile(r"(?:\b(?:ranked|ranking|placed|finished|came|won|rank|position)\s+"
                       r"(?:(?:joint|equal|as)\s+)?#?\s?)?(?P<num>(?<![\w.])\d{1,4})(?:st|nd|rd|th)\b"
                       r"(?P<ctx>\s+(?:place|prize|position|overall|out\s+of|of\s+\d|in\s+(?:the|a)\b))?")
_RANK_WORD = re.compile(r"\b(?P<num>first|second|third)\s+(?:place|prize)\b|"
                        r"\b(?:ranked|rated|placed|was|became|reached|hit|climbed\s+to)\s+(?:#|no\.\s?|number\s+)"
                        r"(?P<num2>\d{1,4})\b|(?<![\w#])#(?P<num3>\d{1,3})\s+(?:in|on|for|spot|position|overall)\b")


def _rank_top(ctx: _Ctx, m: re.Match[str]) -> None:
    if _num_groups_masked(ctx, m, ("num",)) or not ctx.free(*m.span()):
        return
    value = parse_number(m.group("num"))
    if value is None:
        return
    end = m.end("pct") if m.group("pct") else m.end("num")
    ctx.add(m.start(), end, Metric(value=_fmt(value), unit="%" if m.group("pct") else None,
                                   kind="rank", text=ctx.span_text(m.start(), end)))
    if m.group("of") and not ctx.masked(*m.span("of")):
        total = parse_number(m.group("of"))
        if total is not None:
            total *= _magnitude(m.group("ofmag"))
            noun = m.group("ofn") if m.group("ofn") and m.group("ofn").lower() not in _STOP else None
            ctx.add(m.start("of"), m.end(), Metric(
                value=_fmt(total), unit=noun, kind="count",
                text=ctx.span_text(m.start("of"), m.end()), counted=noun))


def _rank_ord(ctx: _Ctx, m: re.Match[str]) -> None:
    has_verb = m.group(0)[:1].isalpha()
    if not (has_verb or m.group("ctx")) or not ctx.free(*m.span()):
        return
    ctx.add(m.start(), m.end(), Metric(value=float(m.group("num")), unit=None, kind="rank",
                                       text=ctx.span_text(*m.span())))


def _rank_word(ctx: _Ctx, m: re.Match[str]) -> None:
    if not ctx.free(*m.span()):
        return
    raw = m.group("num") or m.group("num2") or m.group("num3")
    value = {"first": 1.0, "second": 2.0, "third": 3.0}.get(raw) or float(raw)
    ctx.add(m.start(), m.end(), Metric(value=value, unit=None, kind="rank",
                                       text=ctx.span_text(*m.span())))


# money, multiplier, percent, points, score ----------------------------------------------------

_MONEY_SYMBOL = re.compile(rf"[$£€¥₹]\s?(?P<num>{DIGITS})(?P<mag>{MAG_MONEY})?(?![\d])")
_MONEY_PREFIX = re.compile(r"(?:US|AU|A|CA|C|NZ|HK|S|R)$")
_MONEY_CODE = re.compile(rf"\b(?P<cur>{'|'.join(CODES)})\s?(?P<num>{DIGITS})(?P<mag>{MAG_MONEY})?(?![\d])")
_MONEY_POST = re.compile(rf"(?P<num>{DNUM})(?P<mag>{MAG_MONEY})?\s?"
                         rf"(?P<cur>(?:{'|'.join(CODES)})\b|(?i:dollars|pounds|euros)\b)")
_MULT_NUM = re.compile(rf"(?P<num>{DNUM})\s?{MULT}(?!\s*[A-Z]\d)"
                       r"(?!\s+(?i:aws|gcp|azure|kaggle|microsoft|google|certified|winner|champion|hackathon)\b)")
_MULT_PREFIX = re.compile(r"(?<![\w.])[x×](?P<num>\d{1,3}(?:\.\d)?)(?![\w.])")
_MULT_FOLD = re.compile(rf"(?P<num>{DNUM}|{WNUM})[\s-]?fold\b|(?P<num2>{DNUM}|{WNUM})\s+times\s+"
                        r"(?:faster|quicker|more|higher|larger|bigger|greater|less|lower|fewer|"
                        r"smaller|cheaper|better|as)\b")  # on lower-cased text
_MULT_WORD = re.compile(r"\b(?P<w>doubl(?:ed|ing|e)|tripl(?:ed|ing|e)|quadrupl(?:ed|ing|e)|"
                        r"halv(?:ed|ing|e)|twofold|threefold|fourfold|fivefold|tenfold)\b")
_MULT_FACTOR = re.compile(rf"\bby\s+a\s+factor\s+of\s+(?:(?:about|around|roughly|nearly|almost|over)\s+)?"
                          rf"(?P<num>{DNUM}|{WNUM})|\b(?:an?|one|two)\s+orders?\s+of\s+magnitude")
_FRACTION = re.compile(r"\b(?:by|in)\s+(?:(?:a|one|more\s+than\s+a|over\s+a|almost\s+a|nearly\s+a)\s+)?"
                       r"(?P<f>half|third|quarter|fifth|tenth|two[- ]thirds|three[- ]quarters)\b")
_FRACTIONS = {"half": 50.0, "third": 33.3, "quarter": 25.0, "fifth": 20.0, "tenth": 10.0,
              "two-thirds": 66.7, "three-quarters": 75.0}
_PERCENT = re.compile(rf"(?P<num>{DNUM})(?:\s*(?:[-–]|to)\s*(?P<num2>{DIGITS}))?(?P<u>{PCT})")
_PERCENT_W = re.compile(rf"(?P<num>{WNUM})(?P<u>\s?%|\s(?:per\s?cent|percent)\b)")  # lower-cased
_POINTS = re.compile(rf"(?P<num>{DNUM})\s?(?P<u>{POINTS})")
_POINTS_W = re.compile(rf"(?P<num>{WNUM})\s(?P<u>percentage\s+points?|points?)\b")  # lower-cased
_RATING = re.compile(r"(?P<num>\d(?<![\w.,/]\d)(?:\.\d{1,2})?)\s?(?:/|\s(?i:out\s+of)\s)\s?(?P<den>5|10|100)\b(?![./]\d)")
_RATING_WORDS = frozenset("""rating ratings rated score scored feedback satisfaction csat stars reviews
review nps attendees learners""".split())
_SCORE_AFTER = re.compile(rf"(?P<num>{DNUM})\s+(?P<m>{METRIC_NAME_I})")
_SCORE_BEFORE = re.compile(rf"(?P<m>{METRIC_NAME})(?:\s+(?:score|of|at|=|:|to|by|reaching|reached|was|is|"
                           rf"hit|an\s+estimated|about|around|over|above))*\s*\+?(?P<num>{DNUM})(?![\d%]|\s?%)")


def _money(ctx: _Ctx, m: re.Match[str]) -> None:
    if _num_groups_masked(ctx, m, ("num",)):
        return
    start = m.start()
    groups = m.groupdict()
    if groups.get("cur"):
        raw = m.group("cur")
    else:  # a symbol, maybe with a country prefix ("US$", "A$")
        raw = ctx.text[start]
        prefix = _MONEY_PREFIX.search(ctx.text, max(0, start - 2), start)
        if raw == "$" and prefix and (start - len(prefix.group()) == 0
                                      or not ctx.text[start - len(prefix.group()) - 1].isalnum()):
            raw = prefix.group() + raw
            start -= len(prefix.group())
    if not ctx.free(start, m.end()):
        return
    value = parse_number(m.group("num"))
    if value is None:
        return
    value *= _magnitude(m.group("mag"))
    pay = not _PAY_WORDS.isdisjoint(_TOKENS.findall(ctx.low, max(0, start - 30), start))
    ctx.add(start, m.end(), Metric(
        value=_fmt(value), unit=_currency(raw), kind="money", text=ctx.span_text(start, m.end()),
        direction=ctx.direction(start, m.end(), "money")), qualifies=not pay)


def _multiplier(ctx: _Ctx, m: re.Match[str]) -> None:
    if _num_groups_masked(ctx, m, ("num", "num2")) or not ctx.free(*m.span()):
        return
    groups = m.groupdict()
    raw = groups.get("num") or groups.get("num2")
    if m.re is _MULT_PREFIX and raw in ("86", "64", "32"):
        return  # "x86", "x64": architectures
    if raw is None:  # "an order of magnitude"
        value = 100.0 if m.group(0).lower().startswith("two") else 10.0
    else:
        parsed = parse_number(raw)
        if parsed is None or parsed <= 0:
            return
        value = parsed
    ctx.add(m.start(), m.end(), Metric(
        value=_fmt(value), unit="x", kind="multiplier", text=ctx.span_text(*m.span()),
        direction=ctx.direction(m.start(), m.end(), "multiplier") or "increase"))


def _multiplier_word(ctx: _Ctx, m: re.Match[str]) -> None:
    if not ctx.free(*m.span()):
        return
    word = m.group("w")
    if word.startswith("halv"):
        value, direction = 0.5, "decrease"
    else:
        value = {"doub": 2.0, "trip": 3.0, "quad": 4.0, "twof": 2.0, "thre": 3.0, "four": 4.0,
                 "five": 5.0, "tenf": 10.0}[word[:4]]
        direction = "increase"
    ctx.add(m.start(), m.end(), Metric(value=value, unit="x", kind="multiplier",
                                       text=ctx.span_text(*m.span()), direction=direction))


def _fraction(ctx: _Ctx, m: re.Match[str]) -> None:
    if not ctx.free(*m.span()):
        return
    fraction = m.group("f").replace(" ", "-")
    ctx.add(m.start(), m.end(), Metric(
        value=_FRACTIONS.get(fraction, 50.0), unit="%", kind="percent",
        text=ctx.span_text(*m.span()), direction=ctx.direction(m.start(), m.end(), "percent")))


def _percent(ctx: _Ctx, m: re.Match[str]) -> None:
    if _num_groups_masked(ctx, m, ("num", "num2")) or not ctx.free(*m.span()):
        return
    value = parse_number(m.group("num"))
    if value is None:
        return
    ctx.add(m.start(), m.end(), Metric(
        value=_fmt(value), unit="%", kind="percent", text=ctx.span_text(*m.span()),
        direction=ctx.direction(m.start(), m.end(), "percent")))


def _points(ctx: _Ctx, m: re.Match[str]) -> None:
    if _num_groups_masked(ctx, m, ("num",)) or not ctx.free(*m.span()):
        return
    value = parse_number(m.group("num"))
    if value is None:
        return
    unit, _ = _unit_kind(m.group("u"))
    ctx.add(m.start(), m.end(), Metric(
        value=_fmt(value), unit=unit, kind="points", text=ctx.span_text(*m.span()),
        direction=ctx.direction(m.start(), m.end(), "points")))


def _rating(ctx: _Ctx, m: re.Match[str]) -> None:
    if _num_groups_masked(ctx, m, ("num",)) or not ctx.free(*m.span()):
        return
    value, scale = float(m.group("num")), float(m.group("den"))
    if value > scale:
        return
    ctx.add(m.start(), m.end(), Metric(value=_fmt(value), unit=f"/{m.group('den')}", kind="ratio",
                                       text=ctx.span_text(*m.span())))


def _score(ctx: _Ctx, m: re.Match[str]) -> None:
    if _num_groups_masked(ctx, m, ("num",)) or not ctx.free(*m.span()):
        return
    value = parse_number(m.group("num"))
    name = " ".join(m.group("m").lower().split())
    if value is None:
        return
    if not (value <= 1 and "." in m.group("num")) and not (name in _INT_SCORES and value <= 10_000):
        return
    ctx.add(m.start(), m.end(), Metric(
        value=_fmt(value), unit=name, kind="ratio", text=ctx.span_text(*m.span()),
        direction=ctx.direction(m.start(), m.end(), "ratio")))


# duration --------------------------------------------------------------------------------------

# "6 analyst hours", "3 engineer-days": words that may sit between a number and its time unit
_TIME_MODIFIERS = (r"analyst|engineer|engineering|developer|dev|person|man|staff|team|working|"
                   r"business|calendar|fte|gpu|cpu|compute|machine|labou?r|clinician|nurse|admin|"
                   r"manual|billable|consultant|consulting")
_DUR_TAIL = (rf"(?:\s*(?:[-–]|to)\s*(?P<num2>{DIGITS}))?\+?(?P<hy>\s?-|\s)?"
             rf"(?:(?P<mod>(?i:{_TIME_MODIFIERS}))[\s-])?")
_DURATION = re.compile(rf"(?P<num>{DNUM}){_DUR_TAIL}(?P<u>{DUR_LONG}|{DUR_SHORT})")
_DURATION_W = re.compile(rf"(?P<num>{WNUM}|\bone\b){_DUR_TAIL}"  # on lower-cased text
                         r"(?P<u>milliseconds?|seconds?|minutes?|hours?|days?|weeks?|months?|"
                         r"quarters?|years?|decades?)\b")


def _duration(ctx: _Ctx, m: re.Match[str]) -> None:
    if _num_groups_masked(ctx, m, ("num", "num2")) or not ctx.free(*m.span()):
        return
    value = parse_number(m.group("num"))
    if value is None:
        return
    unit = _duration_unit(m.group("u"))
    low = ctx.low
    before = low[max(0, m.start() - 50):m.start()]
    after = low[m.end():m.end() + 40]
    qualifies = True
    if (m.group("hy") or "").strip() == "-" and not m.group("mod"):
        qualifies = False  # "two-week sprints", "24-hour superstore"
    elif _FOR_EVERY.search(before[-25:]) or _EXPERIENCE_AFTER.match(after):
        qualifies = False  # "every 15 minutes", "for 6 months", "5 years' experience"
    elif (_WORKED_BEFORE.match(low, 0, m.start())
          or (not _EMPLOYMENT_HINTS.isdisjoint(ctx.words)
              and _EMPLOYMENT.search(low, max(0, m.start() - 40), min(len(low), m.end() + 25)))
          or ("(" in before and after.lstrip().startswith(")") and _ALONE_IN_PARENS.search(before))):
        qualifies = False  # "Worked 3 days a week", "Internship (10 weeks)", "(3 years)"
    elif unit in _LONG_UNITS:
        qualifies = bool(_SAVING_BEFORE.search(before) or _SAVING_AFTER.match(after)
                         or (unit == "months" and _TIMEFRAME_BEFORE.search(before[-20:])))
    ctx.add(m.start(), m.end(), Metric(
        value=_fmt(value), unit=unit, kind="duration", text=ctx.span_text(*m.span()),
        direction=ctx.direction(m.start(), m.end(), "duration")), qualifies)


# count -------------------------------------------------------------------------------------------

_TEAM = re.compile(  # on lower-cased text
    r"\b(?P<team>team|squad|group|bench|department|function|practice|unit|crew|pod|tribe|"
    r"cohort|class|organisation|organization|staff|workforce|network|community|headcount)\s+of\s+"
    rf"(?:{APPROX})?(?P<num>{DNUM}|{WNUM})(?P<mag>{MAG_COUNT})?(?P<plus>\+)?")
_COUNT_TAIL = rf"(?:\s*(?:[-–]|to)\s*(?P<num2>{DIGITS}))?(?P<mag>{MAG_COUNT})?(?P<plus>\+)?(?P<sep>\s+|-)(?=[A-Za-z])"
_COUNT = re.compile(rf"(?P<num>{DNUM})" + _COUNT_TAIL)
_COUNT_W = re.compile(rf"(?P<num>{WNUM})" + _COUNT_TAIL)  # on lower-cased text


def _is_plural(word: str) -> bool:
    low = word.lower().rstrip("'’")
    if "/" in low:
        low = low.split("/", 1)[0]
    if low in _IRREGULAR_PLURALS:
        return True
    return (len(low) > 2 and low.endswith("s") and not low.endswith(_NOT_PLURAL_ENDINGS)
            and low not in _STOP)


def _counted_after(text: str, pos: int, max_words: int = 4) -> tuple[str | None, int]:
    """The noun a number counts ("14 affordability models" -> "models") and where it ends."""
    forms, past = _verb_forms()
    words: list[tuple[str, int]] = []
    conj_used = False
    p = pos
    while len(words) < max_words:
        m = _RUN_WORD.match(text, p)
        if not m:
            break
        raw = m.group(1)
        word = raw.rstrip(".'’")
        low = word.lower()
        if low in _RUN_CONJ:
            if conj_used or not words or any(w.islower() and _is_plural(w) for w, _ in words):
                break
            conj_used = True
            p = m.end()
            continue
        if low in _STOP or not word:
            break
        if low in past and any(_is_plural(w) for w, _ in words):
            break  # "3 paralegals labelled ..."
        words.append((word, m.start(1) + len(word)))
        p = m.end()
        if raw.endswith("."):
            break
    if not words:
        return None, pos
    for word, end in reversed(words):
        if _is_plural(word) and not word.lower().endswith("ed"):
            return word, end
    word, end = words[-1]
    if word.lower() in past or word.lower() in forms:
        return None, pos
    return word, end


def _team(ctx: _Ctx, m: re.Match[str]) -> None:
    if _num_groups_masked(ctx, m, ("num",)) or not ctx.free(*m.span()):
        return
    value = parse_number(m.group("num"))
    if value is None:
        return
    value *= _magnitude(m.group("mag"))
    noun, end = _counted_after(ctx.text, m.end())
    if noun is not None and not _is_plural(noun):
        noun, end = None, m.end()
    counted = noun or "people"
    end = max(end, m.end())
    member = _MEMBERSHIP_BEFORE.search(ctx.low, max(0, m.start() - 60), m.start()) is not None
    ctx.add(m.start(), end, Metric(value=_fmt(value), unit=counted, kind="count",
                                   text=ctx.span_text(m.start(), end), counted=counted),
            qualifies=not member)


def _count(ctx: _Ctx, m: re.Match[str]) -> None:
    if _num_groups_masked(ctx, m, ("num", "num2")) or not ctx.free(m.start("num"), m.end()):
        return
    raw = m.group("num")
    value = parse_number(raw)
    if value is None:
        return
    value *= _magnitude(m.group("mag"))
    text = ctx.text
    start = m.start()
    if m.group("sep") == "-":
        word = _RUN_WORD.match(text, m.end())
        if not word:
            return
        noun = word.group(1).rstrip(".'’")
        end = word.end(1)
        big = raw[:1].isdigit() and ("," in raw or value >= 100 or m.group("mag") is not None)
        people = raw[:1].isdigit() and noun.lower() in _PEOPLE_COMPOUNDS
        member = ctx.member_opener or _MEMBERSHIP_BEFORE.search(ctx.low, max(0, start - 60), start)
        qualifies = big or (people and not member)  # "Led a 12-person team", not "Joined a 15-person start-up"
        ctx.add(start, end, Metric(value=_fmt(value), unit=noun, kind="count",
                                   text=ctx.span_text(start, end), counted=noun), qualifies)
        return
    noun, end = _counted_after(text, m.end())
    if noun is None:
        of_them = _OF_THEM.match(ctx.low, m.end() - len(m.group("sep")))
        ctx.add(start, m.end("num"), Metric(value=_fmt(value), unit=None, kind="count",
                                            text=ctx.span_text(start, m.end("num"))),
                qualifies=of_them is not None)
        return
    low = noun.lower()
    if low in ("tb", "gb", "pb", "mb", "eb") or low.endswith(("bytes", "byte")):
        unit = noun.upper() if len(noun) <= 2 else low
        ctx.add(start, end, Metric(value=_fmt(value), unit=unit, kind="count",
                                   text=ctx.span_text(start, end), counted="data"))
        return
    qualifies = low not in _NONQUAL_COUNTED
    if low in ("language", "languages") and not _SPOKEN.isdisjoint(ctx.words):
        qualifies = False  # "Fluent in 3 languages", not "NER for 12 languages"
    if (qualifies and low in _COLLEAGUES and ctx.member_opener
            and _WITH_BEFORE.search(ctx.low, max(0, start - 12), start)):
        qualifies = False  # "Worked in a squad of 5 with two backend engineers"
    ctx.add(start, end, Metric(value=_fmt(value), unit=noun, kind="count",
                               text=ctx.span_text(start, end), counted=noun,
                               direction=ctx.direction(start, end, "count")), qualifies)


_Handler = Callable[[_Ctx, re.Match[str]], None]
# (regex, handler, on the lower-cased text?, substrings one of which the lower-cased text must
# hold (None: always run), written-number pattern run only when the text has number words)
_FINDERS: tuple[tuple[re.Pattern[str], _Handler, bool, _Precheck, bool], ...] = (
    (_BA_FROM, _before_after, False, frozenset({"from"}), False),
    (_BA_ARROW, _before_after, False, re.compile(r"[>→⟶➝]"), False),
    (_BA_DOWN_FROM, _before_after, False, re.compile(r"(?:down|up),? from"), False),
    (_BA_VERSUS, _before_after, False, frozenset({"versus", "vs", "compared"}), False),
    (_RANK_TOP, _rank_top, False, frozenset({"top"}), False),
    (_RANK_ORD, _rank_ord, True, re.compile(r"\d(?:st|nd|rd|th)\b"), False),
    (_RANK_WORD, _rank_word, True, re.compile(r"place|prize|#|no\.|number"), False),
    (_MONEY_SYMBOL, _money, False, re.compile(r"[$£€¥₹]"), False),
    (_MONEY_CODE, _money, False, frozenset(c.lower() for c in CODES), False),
    (_MONEY_POST, _money, False,
     frozenset([c.lower() for c in CODES] + ["dollars", "pounds", "euros"]), False),
    (_MULT_NUM, _multiplier, False, re.compile(r"\d\s?[x×]"), False),
    (_MULT_PREFIX, _multiplier, False, re.compile(r"[x×]\d"), False),
    (_MULT_FOLD, _multiplier, True, re.compile(r"fold|times"), False),
    (_MULT_WORD, _multiplier_word, True, re.compile(r"doubl|tripl|quadrupl|halv|fold"), False),
    (_MULT_FACTOR, _multiplier, True, frozenset({"factor", "magnitude"}), False),
    (_FRACTION, _fraction, True,
     frozenset("half third thirds quarter quarters fifth tenth".split()), False),
    (_PERCENT, _percent, False, re.compile(r"%|cent|pct"), False),
    (_PERCENT_W, _percent, True, re.compile(r"%|cent"), True),
    (_POINTS, _points, False, frozenset("point points pts pp bps basis".split()), False),
    (_POINTS_W, _points, True, frozenset({"point", "points"}), True),
    (_RATING, _rating, False, _RATING_WORDS, False),
    (_SCORE_AFTER, _score, False, _METRIC_TOKENS, False),
    (_SCORE_BEFORE, _score, True, _METRIC_TOKENS, False),
    (_DURATION, _duration, False, None, False),
    (_DURATION_W, _duration, True, None, True),
    (_TEAM, _team, True, _TEAM_TOKENS, False),
    (_COUNT, _count, False, None, False),
    (_COUNT_W, _count, True, None, True),
)


def scan(text: str) -> list[tuple[Metric, bool]]:
    """Every quantity found in ``text`` with whether it qualifies as a result, in text order."""
    if not has_number(text):
        return []
    ctx = _Ctx(text)
    low = ctx.low
    for regex, handler, on_lower, precheck, wordy in _FINDERS:
        if wordy and not ctx.has_words:
            continue
        if not _passes(precheck, low, ctx.words):
            continue
        for m in regex.finditer(low if on_lower else text):
            handler(ctx, m)
    ctx.found.sort(key=lambda f: f.start)
    return [(f.metric, f.qualifies) for f in ctx.found]


def find_metrics(text: str) -> list[Metric]:
    """The measured results and scope stated in one sentence or bullet, in text order.

    >>> [m.value for m in find_metrics("Cut cloud spend by £38k a year")]
    [38000.0]
    """
    return [metric for metric, qualifies in scan(text) if qualifies]
