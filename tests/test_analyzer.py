"""End-to-end analysis of real CVs: role fit, stuffing that does not pay, flags, the report contract."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from cvscan import Analyzer, Report
from cvscan.report import report_schema

from cv_builders import items_from, render_cv

SAMPLES = Path(__file__).resolve().parents[1] / "sample_cvs"

DUMP = (
    "Keywords: Python PyTorch TensorFlow Keras scikit-learn XGBoost LightGBM Kubernetes Docker MLflow "
    "Kubeflow Airflow Spark Kafka Snowflake Databricks AWS SageMaker GCP Vertex AI Azure ML BERT GPT "
    "LLM RAG LangChain OpenCV YOLO Tableau Power BI SQL NoSQL Terraform Jenkins GitLab CI Prometheus "
    "Grafana dbt BigQuery Redshift Hadoop Flink FAISS spaCy NLTK"
)


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


@pytest.mark.parametrize(
    ("sample", "role"),
    [
        ("ml_engineer.pdf", "ml-engineer"),
        ("mlops_engineer.pdf", "mlops-engineer"),
        ("nlp_engineer.txt", "nlp-engineer"),
        ("data_engineer.pdf", "data-engineer"),
        ("ml_security_specialist.pdf", "ml-security-specialist"),
    ],
)
def test_clear_fit_scores_well_above_off_role(analyzer: Analyzer, sample: str, role: str) -> None:
    report = analyzer.analyze(SAMPLES / sample)
    scores = {r.role: r.score for r in report.roles}
    assert report.roles[0].role == role
    others = sorted((s for r, s in scores.items() if r != role), reverse=True)
    assert scores[role] >= 45
    assert scores[role] - others[0] >= 5
    assert scores[role] - others[len(others) // 2] >= 20


def test_cv_from_outside_ml_scores_low_everywhere(analyzer: Analyzer) -> None:
    report = analyzer.analyze(SAMPLES / "primary_school_teacher.txt")
    assert max(r.score for r in report.roles) < 30


def test_scores_explain_themselves(analyzer: Analyzer) -> None:
    best = analyzer.analyze(SAMPLES / "ml_engineer.pdf").roles[0]
    assert best.matched and best.missing is not None
    total = sum(k.contribution for k in best.keywords)
    title_part = 100 * analyzer.scorer.title_weight * best.title_match
    assert total + title_part == pytest.approx(best.score, abs=0.6)


@pytest.mark.parametrize("sample", ["ml_engineer.pdf", "mlops_engineer.pdf", "junior_data_scientist.pdf",
                                    "ml_product_manager.pdf"])
def test_stuffing_never_pays(analyzer: Analyzer, sample: str, tmp_path: Path) -> None:
    items = items_from(SAMPLES / sample)
    honest = analyzer.analyze(render_cv(tmp_path / "honest.pdf", items))
    dumped = analyzer.analyze(render_cv(tmp_path / "dump.pdf", [*items, ("paragraph", DUMP)]))
    hidden = analyzer.analyze(render_cv(tmp_path / "hidden.pdf", [*items, ("hidden", DUMP)]))
    repeated = analyzer.analyze(render_cv(tmp_path / "repeat.pdf", [*items, *[("paragraph", DUMP[10:200])] * 4]))
    base = {r.role: r.score for r in honest.roles}
    for stuffed in (dumped, hidden, repeated):
        assert stuffed.overstuffed
        for fit in stuffed.roles:
            assert fit.score <= base[fit.role], (fit.role, fit.score, base[fit.role])
    assert not honest.overstuffed
    assert hidden.has_hidden_text and not honest.has_hidden_text


def test_real_use_of_one_tool_in_many_bullets_is_not_stuffing(analyzer: Analyzer, tmp_path: Path) -> None:
    bullets = [
        "Trained PyTorch detection models on 120,000 labelled images.",
        "Wrote custom PyTorch data loaders that cut epoch time by 35%.",
        "Profiled PyTorch training with the built-in profiler and fixed two memory leaks.",
        "Exported PyTorch models to ONNX for the mobile team.",
        "Ran distributed PyTorch training over 8 GPUs with DDP.",
        "Reviewed PyTorch code for 6 junior engineers each week.",
        "Added mixed-precision PyTorch training, halving GPU hours.",
        "Ported a TensorFlow model to PyTorch with matching accuracy.",
        "Built a PyTorch Lightning template used by 4 teams.",
        "Maintained the team's PyTorch upgrade path from 1.13 to 2.3.",
    ]
    items = [("heading", "Alex Rivera"), ("paragraph", "alex@example.com | +44 7700 900555 | Leeds, UK"),
             ("heading", "Experience"), ("paragraph", "Computer Vision Engineer — Lumen Robotics"),
             *[("bullet", b) for b in bullets], ("heading", "Education"), ("paragraph", "MSc Computer Science, 2019"),
             ("heading", "Skills"), ("paragraph", "Python, PyTorch, ONNX, CUDA, OpenCV, Docker")]
    report = analyzer.analyze(render_cv(tmp_path / "pytorch.pdf", items))
    assert not report.overstuffed
    assert not any(f.code in ("keyword_repetition", "keyword_dump") for f in report.flags)


def test_stuffed_sample_is_flagged(analyzer: Analyzer) -> None:
    report = analyzer.analyze(SAMPLES / "keyword_stuffed.pdf")
    assert report.overstuffed
    codes = {f.code for f in report.flags}
    assert codes & {"keyword_dump", "keyword_repetition"}
    assert "buzzwords" in codes


def test_ats_flags(analyzer: Analyzer) -> None:
    header_only = analyzer.analyze(SAMPLES / "data_scientist.docx")
    assert "contact_in_header_footer" in {f.code for f in header_only.flags}
    two_col = analyzer.analyze(SAMPLES / "mlops_engineer.pdf")
    assert "multi_column_layout" in {f.code for f in two_col.flags}


def test_report_matches_its_json_schema(analyzer: Analyzer) -> None:
    for sample in ("ml_engineer.pdf", "data_scientist.docx", "hidden_text.pdf"):
        report = analyzer.analyze(SAMPLES / sample, job=SAMPLES / "nlp_engineer.txt")
        data = json.loads(report.to_json())
        jsonschema.validate(data, report_schema())
        assert data["source"]["sha256"] and data["source"]["format"] in ("pdf", "docx")
        assert [r["score"] for r in data["roles"]] == sorted((r["score"] for r in data["roles"]), reverse=True)
        assert data["job"] is not None


def test_report_is_frozen(analyzer: Analyzer) -> None:
    report = analyzer.analyze(SAMPLES / "nlp_engineer.txt")
    assert isinstance(report, Report)
    with pytest.raises(AttributeError):
        report.overstuffed = True  # type: ignore[misc]


def test_job_description_weights_required_over_nice_to_have(analyzer: Analyzer) -> None:
    job = (
        "Senior NLP Engineer\n\nRequirements\n- Python and PyTorch\n- Hugging Face Transformers\n\n"
        "Nice to have\n- Kubernetes\n- Terraform\n"
    )
    report = analyzer.analyze(SAMPLES / "nlp_engineer.txt", job=job)
    assert report.job is not None
    weights = {k.keyword: (k.essential, k.weight) for k in report.job.keywords}
    assert weights["PyTorch"] == (True, 3.0)
    assert weights["Terraform"] == (False, 1.0)
    ml_job = analyzer.analyze(SAMPLES / "ml_engineer.pdf", job=job).job
    assert ml_job is not None and report.job.score > ml_job.score


def test_user_roles_and_skills_join_the_shipped_ones(tmp_path: Path) -> None:
    (tmp_path / "skills.yaml").write_text(
        "- id: quillscript\n  name: QuillScript\n  category: language\n  aliases: [quill script]\n",
        encoding="utf-8")
    (tmp_path / "role.yaml").write_text(
        "slug: quill-developer\ntitle: QuillScript Developer\n"
        "essential:\n  - {skill: quillscript, weight: 3}\n  - {skill: python, weight: 1}\n",
        encoding="utf-8")
    cv = tmp_path / "cv.txt"
    cv.write_text("Jo Bloggs\njo@example.com\n\nEXPERIENCE\n- Wrote QuillScript and Python services for 3 clients.\n",
                  encoding="utf-8")
    custom = Analyzer(extra_lexicons=[tmp_path / "skills.yaml"], extra_roles=[tmp_path / "role.yaml"])
    report = custom.analyze(cv)
    assert "quillscript" in {s.id for s in report.skills}
    assert report.roles[0].role == "quill-developer"
    assert len(report.roles) == 11
    only = Analyzer(roles=["nlp-engineer", "data-scientist"]).analyze(cv)
    assert {r.role for r in only.roles} == {"nlp-engineer", "data-scientist"}
    with pytest.raises(ValueError, match="unknown role"):
        Analyzer(roles=["astronaut"])
