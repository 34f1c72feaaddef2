"""Tests for the cvscan_achievements component, the metric parser and the word lists."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from cvscan.document import Block, BlockKind, Document, DocumentMetadata, Section
from cvscan.errors import LexiconError
from cvscan.evidence import Achievement, Metric
from cvscan.nlp.achievements import AchievementFinder, leading_verb
from cvscan.nlp.context import make_cv_doc
from cvscan.nlp.metrics import find_metrics, parse_number
from cvscan.nlp.wordlists import load_buzzwords, load_first_names, load_verbs


@pytest.fixture(scope="module")
def nlp() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("cvscan_achievements")
    return nlp


def achievements(nlp: Language, text: str) -> list[Achievement]:
    return list(nlp(text)._.achievements)


def only_metric(text: str, kind: str | None = None) -> Metric:
    metrics = [m for m in find_metrics(text) if kind is None or m.kind == kind]
    assert len(metrics) == 1, metrics
    return metrics[0]


def cv(nlp: Language, *blocks: tuple[str, Section] | tuple[str, Section, BlockKind]
       | tuple[str, Section, BlockKind, bool]) -> list[Achievement]:
    made = []
    for spec in blocks:
        text, section = spec[0], spec[1]
        kind = spec[2] if len(spec) > 2 else BlockKind.LIST_ITEM
        hidden = spec[3] if len(spec) > 3 else False
        made.append(Block(text=text, kind=kind, section=section, hidden=hidden))
    document = Document(blocks=tuple(made), metadata=DocumentMetadata(format="txt", pages=1))
    return list(make_cv_doc(nlp, document)._.achievements)


# -- the component -------------------------------------------------------------------------------

def test_factory_is_registered_and_configurable() -> None:
    nlp = spacy.blank("en")
    pipe = nlp.add_pipe("cvscan_achievements", config={"sections": ["experience"], "min_words": 2})
    assert isinstance(pipe, AchievementFinder)
    assert pipe.sections == frozenset({Section.EXPERIENCE})
    assert nlp.get_pipe_meta("cvscan_achievements").assigns == ["doc._.achievements"]


def test_unknown_section_in_config_is_an_error() -> None:
    with pytest.raises(ValueError):
        spacy.blank("en").add_pipe("cvscan_achievements", config={"sections": ["hobbies"]})


def test_sentences_of_a_plain_doc(nlp: Language) -> None:
    text = ("Cut month-end model refresh from 2 days to 3 hours by moving feature queries into SQL. "
            "I enjoy hiking in the Brecon Beacons. Mentored 2 graduate engineers.")
    found = achievements(nlp, text)
    assert [a.text for a in found] == [
        "Cut month-end model refresh from 2 days to 3 hours by moving feature queries into SQL.",
        "Mentored 2 graduate engineers.",
    ]
    first = found[0]
    assert text[first.start_char:first.end_char] == first.text
    assert first.section is Section.OTHER and first.hidden is False
    assert first.verb == "Cut"
    assert first.metrics[0].kind == "duration"
    assert first.to_dict()["verb"] == "Cut"


def test_short_units(nlp: Language) -> None:
    assert [a.text for a in achievements(nlp, "Mentored 3 interns.")] == ["Mentored 3 interns."]
    assert achievements(nlp, "40+ clients") == []


def test_empty_and_numberless_docs(nlp: Language) -> None:
    assert achievements(nlp, "") == []
    assert achievements(nlp, "Built the feature store and wrote the runbooks.") == []


# -- metric kinds -------------------------------------------------------------------------------

def test_percent_with_direction() -> None:
    m = only_metric("Most recently I cut credit-decision latency by 60% by rebuilding our scoring service.")
    assert (m.kind, m.value, m.unit, m.direction) == ("percent", 60.0, "%", "decrease")
    m = only_metric("Built an uplift model that raised redemption ROI by 22% in a holdout test.")
    assert (m.kind, m.value, m.direction) == ("percent", 22.0, "increase")
    m = only_metric("Reduced GPU serving costs by 45 per cent by distilling the clause model.")
    assert (m.kind, m.value, m.direction) == ("percent", 45.0, "decrease")


def test_points() -> None:
    m = only_metric("Ran Agile delivery for a pricing engine that added 1.8 points of gross margin.")
    assert (m.kind, m.value, m.unit, m.direction) == ("points", 1.8, "pp", "increase")
    found = find_metrics("Watch time per session rose 9% and 30-day retention rose 2.3 points.")
    assert [(x.kind, x.value, x.direction) for x in found] == [
        ("percent", 9.0, "increase"), ("points", 2.3, "increase")]


@pytest.mark.parametrize("text, value, unit", [
    ("Cut cloud training spend by £38k a year by moving batch jobs to EC2 Spot Instances.", 38_000, "GBP"),
    ("My churn program at Bluestem saves an estimated $4.1M in annual recurring revenue.", 4_100_000, "USD"),
    ("Secured a €2m grant for the fraud analytics platform.", 2_000_000, "EUR"),
    ("Ran a USD 3 million modernisation programme for the data estate.", 3_000_000, "USD"),
    ("Store manager running a £21m-turnover superstore.", 21_000_000, "GBP"),
    ("Introduced cost dashboards that saved a further $210K a year.", 210_000, "USD"),
    ("Negotiated a A$1.5m cloud contract for the analytics team.", 1_500_000, "AUD"),
])
def test_money_is_expanded_with_its_currency(text: str, value: float, unit: str) -> None:
    m = only_metric(text, "money")
    assert (m.value, m.unit) == (value, unit)


def test_money_direction() -> None:
    assert only_metric("Architected the lakehouse, cutting platform costs by $1.3M a year.").direction == "decrease"
    assert only_metric("Moved retraining to spot GPU pools, saving £140k a year.").direction is None


@pytest.mark.parametrize("text, value, counted", [
    ("Designed the training workflow, which now retrains 14 affordability models every week.", 14, "models"),
    ("Trained a PyTorch classifier that routes around 40,000 claim notes a month.", 40_000, "notes"),
    ("Maintained the release pipeline for a gateway processing 2M transactions a day.", 2_000_000, "transactions"),
    ("Over twelve years I have advised 40+ clients across retail and utilities.", 40, "clients"),
    ("Designed and ran ML literacy workshops for 600+ managers at a high-street bank.", 600, "managers"),
    ("Designed and analyzed 30+ A/B tests on pricing and retention offers.", 30, "tests"),
    ("Built the labelling pipeline behind a 120,000-image training set.", 120_000, "image"),
    ("Scraped 250k posts with PRAW and BeautifulSoup.", 250_000, "posts"),
    ("Analysed 18,000 customer complaints with topic modelling.", 18_000, "complaints"),
    ("Set up a workflow; 3 paralegals labelled the contracts by hand.", 3, "paralegals"),
])
def test_counts_with_what_is_counted(text: str, value: float, counted: str) -> None:
    m = next(x for x in find_metrics(text) if x.kind == "count")
    assert (m.value, m.counted, m.unit) == (value, counted, counted)


def test_team_sizes() -> None:
    m = only_metric("Lead a team of 5 building crop and weed detection for autonomous sprayers.")
    assert (m.kind, m.value) == ("count", 5)
    m = only_metric("Lead a team of 4 security engineers and own incident response.")
    assert (m.value, m.counted) == (4, "engineers")
    assert only_metric("Led a 12-person team delivering the recommendations platform.").value == 12


def test_written_numbers_count() -> None:
    m = only_metric("Manage consultants across two offices and the partner network.")
    assert (m.kind, m.value, m.counted) == ("count", 2, "offices")
    m = only_metric("Ran market research; we killed it, saving an estimated two quarters of engineering time.")
    assert (m.kind, m.value, m.unit) == ("duration", 2, "quarters")
    assert parse_number("twenty-five") == 25 and parse_number("1,800") == 1800


@pytest.mark.parametrize("text, value, unit", [
    ("Led the response to an extraction attempt, adding rate limiting within 48 hours.", 48, "hours"),
    ("Automated weekly reports in Airflow, freeing about 6 analyst hours a week.", 6, "hours"),
    ("Automated a monthly reporting pack in VBA, saving the client team 3 days a month.", 3, "days"),
    ("Wrote CUDA kernels for the cameras, freeing 4 ms per frame for the detector.", 4, "ms"),
])
def test_durations(text: str, value: float, unit: str) -> None:
    m = only_metric(text, "duration")
    assert (m.value, m.unit) == (value, unit)


@pytest.mark.parametrize("text, value, direction", [
    ("Wrote C++ simulators that ran 40x faster than the pure-Python originals.", 40, "increase"),
    ("Delivered a 3x speed-up in feature generation with Polars.", 3, "increase"),
    ("Cut model size 2.5× with INT8 quantisation.", 2.5, "decrease"),
    ("Doubled throughput of the ingestion service.", 2, "increase"),
    ("Tripled weekly active users of the internal search tool.", 3, "increase"),
    ("Halved model training time by moving to mixed precision.", 0.5, "decrease"),
])
def test_multipliers(text: str, value: float, direction: str) -> None:
    m = only_metric(text, "multiplier")
    assert (m.value, m.unit, m.direction) == (value, "x", direction)


def test_ranks() -> None:
    found = find_metrics("Finished in the top 3% of 1,800 teams with a blend of LightGBM models.")
    assert [(m.kind, m.value, m.unit) for m in found] == [("rank", 3, "%"), ("count", 1800, "teams")]
    assert only_metric("Reached the top 5 on the private leaderboard.").kind == "rank"
    assert only_metric("Won 1st place at the university hackathon.").value == 1
    assert only_metric("Ranked 2nd in the national data science challenge.").value == 2


@pytest.mark.parametrize("text, kind, value", [
    ("Delivered the claims triage platform in 6 months.", "duration", 6),
    ("Built NER models for 12 languages.", "count", 12),
    ("Grew throughput x2 with request batching.", "multiplier", 2),
    ("Workshops rated 4.8/5 by attendees.", "ratio", 4.8),
    ("Improved NPS by 15 in a year.", "ratio", 15),
    ("Reached #1 in the App Store's productivity category.", "rank", 1),
    ("Reduced manual review workload by half.", "percent", 50),
    ("Cut GPU spend by a factor of 3 with spot instances.", "multiplier", 3),
    ("Served 2000 customers a day at peak.", "count", 2000),
    ("Improved the bottom line 12% in one year.", "percent", 12),
])
def test_less_common_phrasings(text: str, kind: str, value: float) -> None:
    m = only_metric(text, kind)
    assert m.value == value


def test_scores() -> None:
    m = only_metric("Fine-tuned Legal-BERT, reaching 0.91 macro-F1 versus 0.78 for the old rules engine.", "ratio")
    assert (m.value, m.baseline, m.direction) == (0.91, 0.78, "increase")
    m = only_metric("Tuned the retriever to an AUC of 0.87 on the held-out month.")
    assert (m.kind, m.value, m.unit) == ("ratio", 0.87, "auc")


# -- before to after -----------------------------------------------------------------------------

def test_percent_before_after_is_a_change_in_points() -> None:
    m = only_metric("Built fraud models, raising the referral hit rate from 85% to 92%.")
    assert (m.kind, m.baseline, m.target, m.change, m.direction) == ("percent", 85, 92, 7, "increase")
    m = only_metric("Targeted retention offers cut monthly churn from 2.1% to 1.6%.")
    assert (m.change, m.direction) == (-0.5, "decrease")


@pytest.mark.parametrize("text, unit, baseline, target", [
    ("Cut model release time from 2 weeks to 1 day by automating validation.", "days", 14, 1),
    ("Cut month-end refresh from 2 days to 3 hours.", "hours", 48, 3),
    ("Brought p95 latency down from 180 ms to 70 ms.", "ms", 180, 70),
    ("Cut environment setup from a full day to 20 minutes.", "min", 1440, 20),
    ("Cut lawyers' lookup time from 6 minutes to under 1.", "min", 6, 1),
    ("Cut CI build times from 25 to 9 minutes with layer caching.", "min", 25, 9),
])
def test_duration_before_after_in_a_common_unit(text: str, unit: str, baseline: float, target: float) -> None:
    m = only_metric(text, "duration")
    assert (m.unit, m.baseline, m.target, m.change, m.direction) == (unit, baseline, target,
                                                                     target - baseline, "decrease")


def test_other_before_after() -> None:
    m = only_metric("Worked on features that lifted AUC from 0.74 to 0.81.")
    assert (m.kind, m.unit, m.direction) == ("ratio", "auc", "increase")
    assert m.change == pytest.approx(0.07)
    m = only_metric("Grew the account portfolio from £1.2m to £4.8m in annual fees.")
    assert (m.kind, m.unit, m.baseline, m.target) == ("money", "GBP", 1_200_000, 4_800_000)
    m = only_metric("Reduced the number of people with production access from 140 to 35.")
    assert (m.kind, m.counted, m.direction) == ("count", "people", "decrease")
    m = only_metric("Raised colleague engagement survey scores from 62 to 78 in two years.")
    assert (m.kind, m.change) == ("ratio", 16)


# -- not achievements ----------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Machine Learning Engineer, Tidewater Lending, Mar 2022 – Present, Bristol",
    "Senior Data Scientist (2019 – 2021), Bluestem Telecom",
    "Interned at a robotics start-up in summer 2017, implementing Gaussian processes.",
    "Developed an offline RL method; published at NeurIPS 2023.",
    "Machine learning engineer with five years' experience taking models to production.",
    "Store manager with 14 years in grocery and homeware retail.",
    "10+ years' experience building machine learning systems.",
    "Reach me on +44 7700 900214 or (512) 555-0134.",
    "MSc Statistics with GPA 3.8/4.0 and a thesis on count regression.",
    "Graduated with upper second-class honours (2:1) and a 3.9 GPA.",
    "Upgraded the model codebase from Python 3.8 to Python 3.11 and replaced config files.",
    "Evaluated a GPT-4 summarisation prototype against YOLOv8 and ResNet-34 baselines.",
    "Migrated the services to TensorFlow 2.x, Go 1.21 and Kubernetes 1.27.",
    "Run a small k3s cluster and store artefacts in S3 behind EC2 instances.",
    "Quantised models to INT8 and reported p95 and p99 latency on the dashboard.",
    "Trained colleagues through the Level 2 retail apprenticeship.",
    "Office at 42 Oak Road, Leeds LS6 2AB.",
    "Co-taught the Reinforcement Learning course (INFR11247) and studied CS229.",
    "Wrote the risk assessment template used in the ISO 27001 recertification.",
    "Aligned the methodology to ISO/IEC 42001 and the OWASP Top 10 for LLM Applications.",
    "See section 3 and page 12 of the design document.",
    "Fourth-year project on stereo depth estimation, second-year prize for statistics.",
    "Introduced differential privacy (Opacus, epsilon = 3) for a spending model.",
    "Worked in a team of 4 engineers embedded with the credit risk analysts.",
    "Worked in two-week Agile sprints alongside engineering and data science.",
    "Fine-tuned Llama 2 and a Mistral 7B model for summarisation.",
    "Fluent in 3 languages.",
    "Joined a 15-person start-up as its first ML hire.",
    "Available to start in 4 weeks.",
    "3x AWS Certified engineer working on Python 3.12 services.",
    "Built tooling for x86 servers.",
    "Spent 6 months in Japan.",
    "Summer Internship (10 weeks)",
    "Salary expectation: £65,000.",
    "Granted patent GB2598114 in 2023\nInterests: hiking",
])
def test_not_an_achievement(nlp: Language, text: str) -> None:
    assert find_metrics(text) == []
    assert achievements(nlp, text) == []


def test_a_year_alongside_a_real_number_is_still_an_achievement(nlp: Language) -> None:
    text = "Run threat modelling workshops; delivered 19 workshops for clients in 2023."
    found = achievements(nlp, text)
    assert len(found) == 1
    assert [(m.kind, m.value) for m in found[0].metrics] == [("count", 19)]


def test_employment_duration_does_not_hide_other_metrics() -> None:
    found = find_metrics("Store manager with 14 years in retail, running a £21m-turnover store with 140 colleagues.")
    assert [(m.kind, m.value) for m in found] == [("money", 21_000_000), ("count", 140)]


def test_p95_label_with_real_values_is_an_achievement() -> None:
    m = only_metric("Rebuilt the scoring service, bringing p95 latency down from 180 ms to 70 ms.")
    assert (m.kind, m.baseline, m.target) == ("duration", 180, 70)


# -- sections, kinds, hidden text --------------------------------------------------------------------

BULLET = "Cut cloud training spend by £38k a year by moving batch jobs to spot instances."


@pytest.mark.parametrize("section", [Section.EXPERIENCE, Section.PROJECTS, Section.SUMMARY,
                                     Section.AWARDS, Section.OTHER])
def test_sections_about_the_work_are_eligible(nlp: Language, section: Section) -> None:
    found = cv(nlp, (BULLET, section))
    assert [a.text for a in found] == [BULLET]
    assert found[0].section is section


@pytest.mark.parametrize("section", [Section.EDUCATION, Section.CONTACT, Section.SKILLS,
                                     Section.REFERENCES, Section.INTERESTS, Section.PUBLICATIONS,
                                     Section.CERTIFICATIONS])
def test_other_sections_are_not(nlp: Language, section: Section) -> None:
    assert cv(nlp, (BULLET, section)) == []


def test_realistic_cv_blocks(nlp: Language) -> None:
    found = cv(
        nlp,
        ("Experience", Section.EXPERIENCE, BlockKind.HEADING),
        ("Data Scientist — Harlow Grocery Co. | Aug 2016 – May 2020 | San Antonio, TX",
         Section.EXPERIENCE, BlockKind.PARAGRAPH),
        ("Forecasted daily demand for 9,000 SKUs across 85 stores with Prophet, reducing waste by 14%.",
         Section.EXPERIENCE),
        ("Presented monthly results to the VP of Merchandising using Power BI.", Section.EXPERIENCE),
        ("Top 10 Reasons to Hire Me", Section.OTHER, BlockKind.HEADING),
        ("M.S. Statistics, Texas State University, 2014 – 2016. GPA 3.8/4.0. Distinction (78%).",
         Section.EDUCATION, BlockKind.PARAGRAPH),
        ("Retail sales forecasting competition (2022)", Section.PROJECTS, BlockKind.PARAGRAPH),
        ("Finished in the top 3% of 1,800 teams with a blend of LightGBM models.", Section.PROJECTS,
         BlockKind.PARAGRAPH),
        ("Ran the Cardiff half marathon in 2019 and raised £800 for charity.", Section.INTERESTS),
    )
    assert [a.text for a in found] == [
        "Forecasted daily demand for 9,000 SKUs across 85 stores with Prophet, reducing waste by 14%.",
        "Finished in the top 3% of 1,800 teams with a blend of LightGBM models.",
    ]
    assert [a.section for a in found] == [Section.EXPERIENCE, Section.PROJECTS]


def test_paragraph_units_are_sentences(nlp: Language) -> None:
    summary = ("Senior data scientist with eight years of experience in telecom. I care about sound "
               "statistics. My churn program at Bluestem saves an estimated $4.1M in annual revenue.")
    found = cv(nlp, (summary, Section.SUMMARY, BlockKind.PARAGRAPH))
    assert [a.text for a in found] == ["My churn program at Bluestem saves an estimated $4.1M in annual revenue."]


def test_a_table_cell_paragraph_is_split_into_sentences(nlp: Language) -> None:
    cell = ("MLOps lead who builds governed ML platforms. I now lead a platform team of 6. "
            "Our platform carries 45 production models with automated retraining.")
    found = cv(nlp, (cell, Section.SUMMARY, BlockKind.TABLE_CELL))
    assert [a.text for a in found] == ["I now lead a platform team of 6.",
                                       "Our platform carries 45 production models with automated retraining."]


def test_hidden_units_are_flagged(nlp: Language) -> None:
    found = cv(nlp, (BULLET, Section.EXPERIENCE, BlockKind.LIST_ITEM, True),
               ("Mentored 3 junior engineers and ran the weekly paper club.", Section.EXPERIENCE))
    assert [(a.hidden, a.verb) for a in found] == [(True, "Cut"), (False, "Mentored")]


def test_a_job_header_line_is_not_an_achievement(nlp: Language) -> None:
    header = "Acme Analytics (Series B, 120 staff) | London | 2019 – Present"
    assert cv(nlp, (header, Section.EXPERIENCE, BlockKind.PARAGRAPH)) == []


# -- verbs ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, verb", [
    ("Cut cloud training spend by £38k a year.", "Cut"),
    ("Built random forest models to prioritise motor claims.", "Built"),
    ("Most recently I cut credit-decision latency by 60%.", "cut"),
    ("Over twelve years I have advised 40+ clients.", "advised"),
    ("Reconciled 1,200 supplier accounts every quarter.", "Reconciled"),
    ("Helped the team migrate 40 dashboards.", "Helped"),
    ("My churn program saves an estimated $4.1M a year.", "saves"),
    ("Store manager with 14 years in grocery retail.", None),
    ("A small Python package with 1,200 downloads a month.", None),
])
def test_leading_verb(text: str, verb: str | None) -> None:
    verbs = load_verbs()
    assert leading_verb(text, verbs.strong | verbs.weak_words) == verb


def test_extra_verbs_from_config() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("cvscan_achievements", config={"extra_verbs": ["Productionised"]})
    assert nlp("Productionised 12 forecasting models on Vertex AI.")._.achievements[0].verb == "Productionised"


# -- word lists ----------------------------------------------------------------------------------

def test_verbs_lexicon() -> None:
    verbs = load_verbs()
    assert {"built", "build", "cut", "reduced", "led", "shipped", "launched", "automated"} <= verbs.strong
    assert len(verbs.strong) >= 250
    assert "responsible for" in verbs.weak and "helped" in verbs.weak and len(verbs.weak) >= 40
    assert all(w == w.lower() for w in verbs.weak)
    assert "worked" in verbs.weak_words and "responsible" not in verbs.weak_words


def test_buzzwords_lexicon() -> None:
    buzz = load_buzzwords()
    assert len(buzz) >= 120
    assert buzz["synergy"] > buzz["leverage"] > 0
    assert {"results-driven", "team player", "proven track record", "think outside the box"} <= set(buzz)
    assert all(p == p.lower() for p in buzz)


def test_first_names() -> None:
    names = load_first_names()
    assert len(names) >= 600
    assert {"Ray", "Julia", "Hannah", "Arjun", "Mei-Lin"} <= names
    assert not {"Spark", "Jenkins", "Kafka", "Python"} & names


def test_custom_word_lists(tmp_path: Path) -> None:
    verbs = tmp_path / "verbs.yaml"
    verbs.write_text("strong: [Productionised]\nweak: [Was Tasked With]\n", encoding="utf-8")
    loaded = load_verbs(verbs)
    assert loaded.strong == frozenset({"productionised"}) and loaded.weak == ("was tasked with",)
    buzz = tmp_path / "buzz.yaml"
    buzz.write_text("buzzwords:\n  - synergy\n  - rockstar: 2\n", encoding="utf-8")
    assert load_buzzwords(buzz) == {"synergy": 1.0, "rockstar": 2.0}
    names = tmp_path / "names.txt"
    names.write_text("# people\nAda\n\nGrace  # Hopper\n", encoding="utf-8")
    assert load_first_names(names) == frozenset({"Ada", "Grace"})


@pytest.mark.parametrize("content", ["strong: build\nweak: []\n", "weak: [helped]\n", "strong: [a\n"])
def test_malformed_verbs_file(tmp_path: Path, content: str) -> None:
    path = tmp_path / "verbs.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError):
        load_verbs(path)


def test_missing_word_list(tmp_path: Path) -> None:
    with pytest.raises(LexiconError):
        load_buzzwords(tmp_path / "nope.yaml")
    with pytest.raises(LexiconError):
        load_first_names(tmp_path / "nope.txt")
