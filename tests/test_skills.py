"""The skills component on real sentences: aliases, ambiguous names, listed vs shown, hidden text."""

from __future__ import annotations

import pytest
import spacy

from cvscan.document import Block, BlockKind, Document, DocumentMetadata, HiddenReason, Section
from cvscan.nlp.context import make_cv_doc
from cvscan.nlp.pipeline import build_pipeline


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    return build_pipeline()


def _ids(nlp: spacy.language.Language, text: str) -> set[str]:
    return {m.skill_id for m in nlp(text)._.skills}


def _resolve(nlp: spacy.language.Language, name: str) -> str:
    skill_id = nlp.get_pipe("cvscan_skills").lexicon.resolve(name)
    assert skill_id is not None, name
    return skill_id


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Trained models with sklearn and pandas DataFrames.", "scikit-learn"),
        ("Built pipelines in scikit learn.", "scikit-learn"),
        ("Deployed on k8s with Helm charts.", "Kubernetes"),
        ("Wrote the API in nodejs.", "Node.js"),
        ("Ported the hot loop to cpp.", "C++"),
        ("Set up CI-CD for every model.", "CI/CD"),
        ("Led work on mathematical optimization.", "optimisation"),
        ("Wrote services in Python 3.11 and TensorFlow 2.x.", "TensorFlow"),
        ("Trained YOLOv8 detectors on drone footage.", "YOLO"),
        ("Fine-tuned LLMs and CNNs for the product.", "LLM"),
        ("Tokenization and lemmatisation utilities in Python.", "tokenisation"),
    ],
)
def test_aliases_spellings_plurals_and_versions_fold(nlp: spacy.language.Language, text: str, name: str) -> None:
    assert _resolve(nlp, name) in _ids(nlp, text)


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Wrote the fraud scoring service in Go with gRPC.", "Go", True),
        ("I like to go hiking at weekends.", "Go", False),
        ("Go-to person for on-call questions about the platform.", "Go", False),
        ("Analysed survey data in R with the tidyverse and ggplot2.", "R", True),
        ("Led R&D for the platform team using Python.", "R", False),
        ("Built Spark jobs on Databricks for the claims data.", "Spark", True),
        ("The project sparked wider interest in Python.", "Spark", False),
        ("Modelled cash flows in Excel and VBA.", "Excel", True),
        ("I excel at explaining models to stakeholders using Python.", "Excel", False),
        ("Scaled hyperparameter search with Ray Tune and Ray on Kubernetes.", "Ray", True),
        ("Cleaned data with pandas and NumPy.", "pandas", True),
        ("Volunteered feeding red pandas at the zoo.", "pandas", False),
        ("Streamed events through Kafka into Flink.", "Kafka", True),
        ("Wrote the scoring API in Flask, deployed with Docker.", "Flask", True),
        ("Cleaned the lab flask after each experiment.", "Flask", False),
        ("Maintained Jenkins pipelines for 20 microservices.", "Jenkins", True),
        ("Rewrote the parser in Rust for speed, with Python bindings.", "Rust", True),
        ("Built a Swift iOS app with Core ML.", "Swift", True),
        ("Ensured a swift response to incidents.", "Swift", False),
        ("Wrote simulations in Julia and Python.", "Julia", True),
    ],
)
def test_ambiguous_names_need_context(nlp: spacy.language.Language, text: str, name: str, expected: bool) -> None:
    assert (_resolve(nlp, name) in _ids(nlp, text)) is expected


def _document(blocks: list[Block]) -> Document:
    return Document(blocks=tuple(blocks), metadata=DocumentMetadata(format="txt", pages=1))


def test_person_names_references_and_interests_are_not_skills(nlp: spacy.language.Language) -> None:
    doc = make_cv_doc(nlp, _document([
        Block("Skills", BlockKind.HEADING, section=Section.SKILLS),
        Block("Python, SQL, Docker", BlockKind.PARAGRAPH, section=Section.SKILLS),
        Block("Interests", BlockKind.HEADING, section=Section.INTERESTS),
        Block("Reading (Kafka, Tove Jansson), chess and hill walking.", section=Section.INTERESTS),
        Block("References", BlockKind.HEADING, section=Section.REFERENCES),
        Block("Ray Jenkins, Head of Data, Acme Ltd. Julia Spark, Director of Engineering.",
              section=Section.REFERENCES),
    ]))
    found = {m.skill_id for m in doc._.skills}
    for name in ("Kafka", "Ray", "Jenkins", "Julia", "Spark"):
        assert _resolve(nlp, name) not in found
    assert _resolve(nlp, "Docker") in found


def test_listed_versus_shown_in_use(nlp: spacy.language.Language) -> None:
    doc = make_cv_doc(nlp, _document([
        Block("Experience", BlockKind.HEADING, section=Section.EXPERIENCE),
        Block("Served PyTorch models behind FastAPI for 2M users.", BlockKind.LIST_ITEM, section=Section.EXPERIENCE),
        Block("Skills", BlockKind.HEADING, section=Section.SKILLS),
        Block("PyTorch, Kubernetes, Terraform", BlockKind.PARAGRAPH, section=Section.SKILLS),
    ]))
    by_skill: dict[str, list[bool]] = {}
    for m in doc._.skills:
        by_skill.setdefault(m.skill_id, []).append(m.evidenced)
    assert by_skill[_resolve(nlp, "PyTorch")] == [True, False]
    assert by_skill[_resolve(nlp, "Kubernetes")] == [False]
    listed = [m for m in doc._.skills if m.section is Section.SKILLS]
    assert all(m.listed and not m.evidenced for m in listed)


def test_hidden_mentions_are_recorded_as_hidden(nlp: spacy.language.Language) -> None:
    doc = make_cv_doc(nlp, _document([
        Block("Built dashboards in Tableau.", BlockKind.LIST_ITEM, section=Section.EXPERIENCE),
        Block("Kubeflow Seldon KServe BentoML Feast", hidden=True, hidden_reason=HiddenReason.WHITE_TEXT,
              section=Section.EXPERIENCE),
    ]))
    hidden = {m.skill_id for m in doc._.skills if m.hidden}
    visible = {m.skill_id for m in doc._.skills if not m.hidden}
    assert _resolve(nlp, "Kubeflow") in hidden
    assert _resolve(nlp, "Kubeflow") not in visible
    assert _resolve(nlp, "Tableau") in visible


def test_component_plugs_into_a_users_own_pipeline() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("cvscan_skills")
    doc = nlp("We use MLflow and DVC for experiment tracking.")
    assert {s.label_ for s in doc.spans["skills"]} >= {"mlflow", "dvc"}
