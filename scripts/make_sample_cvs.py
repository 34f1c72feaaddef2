#!/usr/bin/env python3
"""Generate the sample CVs in ``sample_cvs/`` (and their ``manifest.yaml``).

Every person, employer, number and link below is invented; e-mail addresses use
example.com / example.org and phone numbers the +44 7700 900xxx and (555) ranges
reserved for fiction.  The CVs cover the ten roles of the seed article plus a few
deliberately awkward files (keyword stuffing, hidden white text, an image-only scan,
password-protected PDFs) so that tests, docs and demos have something realistic to
chew on without needing LibreOffice or a network connection.

Usage::

    .venv/bin/python scripts/make_sample_cvs.py                  # regenerate everything it can
    .venv/bin/python scripts/make_sample_cvs.py --with-libreoffice  # force LibreOffice re-export
    .venv/bin/python scripts/make_sample_cvs.py --no-libreoffice    # never touch LibreOffice output

Reproducibility: the reportlab PDFs are written with ``invariant=1`` (fixed dates and
document IDs, deterministic encryption keys) and the DOCX files get fixed core
properties and fixed ZIP timestamps, so rerunning the script gives byte-identical
files.  The LibreOffice-exported PDFs are not byte-identical across runs (LibreOffice
stamps the export time), so by default they are only re-exported when ``soffice`` is on
the PATH *and* the DOCX they come from has changed (its SHA-256 is kept in the
manifest as ``source_sha256``) or the PDF is missing; ``--with-libreoffice`` forces a
re-export, ``--no-libreoffice`` keeps whatever is on disk.  The image-only PDF needs
``pdftoppm`` (poppler-utils) to rasterise a page.  After writing, the script checks each
file (page count, expected skills present in the extracted text, hidden keywords absent
from the visible text, encryption state) with ``pdftotext`` / ``qpdf`` when they are
installed.
"""

from __future__ import annotations

# reportlab reads rl_config.invariant when some modules are imported (pdfencrypt picks
# its "random" source then), so switch it on before importing anything else from it.
import reportlab.rl_config

reportlab.rl_config.invariant = 1

import argparse  # noqa: E402
import datetime as _dt  # noqa: E402
import hashlib  # noqa: E402
import io  # noqa: E402
import re  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import textwrap  # noqa: E402
import zipfile  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any, Callable, Sequence  # noqa: E402
from xml.sax.saxutils import escape  # noqa: E402

import yaml  # noqa: E402
from docx import Document as DocxDocument  # noqa: E402
from docx.enum.table import WD_TABLE_ALIGNMENT  # noqa: E402
from docx.oxml import OxmlElement  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Cm, Pt, RGBColor  # noqa: E402
from reportlab.lib import colors, pdfencrypt  # noqa: E402
from reportlab.lib.enums import TA_LEFT  # noqa: E402
from reportlab.lib.pagesizes import A4, LETTER  # noqa: E402
from reportlab.lib.pdfencrypt import StandardEncryption  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.lib.utils import ImageReader  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.pdfgen import canvas as rl_canvas  # noqa: E402
from reportlab.platypus import (  # noqa: E402
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    FrameBreak,
    HRFlowable,
    KeepTogether,
    NextPageTemplate,
    PageTemplate,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
)

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO_ROOT / "sample_cvs"
FIXED_DATE = _dt.datetime(2025, 1, 6, 9, 0, 0)
ZIP_DATE = (2025, 1, 6, 9, 0, 0)

USER_PASSWORD = "open-sesame"
OWNER_PASSWORD = "owner"


# --------------------------------------------------------------------------- model


@dataclass(frozen=True)
class Contact:
    email: str
    phone: str
    city: str
    linkedin: str | None = None
    github: str | None = None
    website: str | None = None

    def parts(self) -> list[str]:
        return [p for p in (self.email, self.phone, self.city, self.linkedin, self.github, self.website) if p]

    def line(self, sep: str = " | ") -> str:
        return sep.join(self.parts())


@dataclass(frozen=True)
class Job:
    title: str
    org: str
    location: str
    dates: str
    bullets: tuple[str, ...]


@dataclass(frozen=True)
class Edu:
    degree: str
    school: str
    dates: str
    note: str | None = None


@dataclass(frozen=True)
class Section:
    """One CV section.

    kind: "text" (str), "jobs" (tuple[Job]), "edu" (tuple[Edu]),
    "skills" (tuple[(category | None, items)]), "items" (tuple[(title | None, detail)]),
    "lines" (tuple[str], paragraphs rendered as-is, e.g. a keyword dump).
    canonical: the canonical section a parser should map the heading to.
    side: goes in the sidebar of two-column layouts.
    """

    heading: str
    canonical: str
    kind: str
    content: Any
    side: bool = False


@dataclass(frozen=True)
class CV:
    name: str
    headline: str
    contact: Contact
    sections: tuple[Section, ...]
    letter: bool = False  # US letter paper instead of A4

    def jobs(self) -> list[Job]:
        return [j for s in self.sections if s.kind == "jobs" for j in s.content]

    def visible_text(self) -> str:
        """Plain text of everything a reader sees (used by the self-checks)."""
        out = [self.name, self.headline, self.contact.line()]
        for s in self.sections:
            out.append(s.heading)
            if s.kind == "text":
                out.append(s.content)
            elif s.kind == "lines":
                out.extend(s.content)
            elif s.kind == "jobs":
                for j in s.content:
                    out += [j.title, j.org, j.location, j.dates, *j.bullets]
            elif s.kind == "edu":
                for e in s.content:
                    out += [e.degree, e.school, e.dates, e.note or ""]
            elif s.kind in ("skills", "items"):
                for a, b in s.content:
                    out += [a or "", b]
        return "\n".join(out)


@dataclass
class Entry:
    """One generated file and the facts the manifest records about it."""

    file: str
    format: str
    layout: str
    role: str | None
    cv: CV
    expect_skills: list[str]
    generator: str
    expect_error: str | None = None
    hidden_text: bool = False
    hidden_keywords: list[str] = field(default_factory=list)
    stuffed: bool = False
    contact_in_header: bool = False
    has_table: bool = False
    variant_of: str | None = None
    password: str | None = None
    bullet_marker: str | None = None
    notes: str | None = None
    source_sha256: str | None = None
    pages: int | None = None


# --------------------------------------------------------------------------- content
# Headings are deliberately varied; `canonical` says what a parser should make of them.


def S(heading: str, canonical: str, kind: str, content: Any, side: bool = False) -> Section:
    return Section(heading, canonical, kind, content, side)


ROHAN = CV(
    name="Rohan Mehta-Clarke",
    headline="Senior Machine Learning Engineer",
    contact=Contact(
        "rohan.mehta-clarke@example.com",
        "+44 7700 900418",
        "London, UK",
        "linkedin.com/in/rohan-mehta-clarke",
        "github.com/rmclarke-ml",
    ),
    sections=(
        S("Summary", "summary", "text",
          "Machine learning engineer with seven years of experience taking models from notebook to "
          "production in payments and marketplace products. I build the whole path: feature pipelines, "
          "training on Kubernetes, low-latency model serving and the monitoring that tells us when a model "
          "has gone stale. Happiest in small teams where engineers own what they ship."),
        S("Experience", "experience", "jobs", (
            Job("Senior Machine Learning Engineer", "Fernleaf Payments", "London", "Mar 2022 – Present", (
                "Rebuilt the card-fraud scoring service in Python and FastAPI with ONNX Runtime, cutting p95 "
                "latency from 180 ms to 70 ms at 3,000 requests per second.",
                "Replaced a nightly batch model with streaming features from Kafka, catching 18% more fraud by "
                "value while holding the false-positive rate at 0.4%.",
                "Moved training from a single GPU server to PyTorch on Kubernetes with spot nodes, making weekly "
                "retraining 3x faster and saving £40k a year in compute.",
                "Introduced an MLflow model registry and shadow deployments; 14 models now ship through the same "
                "reviewed path instead of hand-copied pickle files.",
                "Set up drift monitoring with Prometheus alerts and Grafana dashboards that page the on-call "
                "engineer when input distributions shift.",
                "Mentor junior engineers and run the team's paper-reading group.",
            )),
            Job("Machine Learning Engineer", "Quayside Marketplace", "Bristol", "Aug 2019 – Feb 2022", (
                "Built a learning-to-rank model with LightGBM for marketplace search, lifting click-through rate "
                "by 6.5% in an A/B test across 2M monthly users.",
                "Wrote feature backfill jobs in Spark on AWS EMR, reducing backfill time from 9 hours to "
                "40 minutes.",
                "Containerised model services with Docker and deployed them to AWS ECS behind a shared gateway.",
                "Added unit and data-validation tests with pytest and Great Expectations to the training "
                "pipeline, so broken upstream tables fail loudly instead of silently.",
                "Worked with product managers and designers to choose offline metrics that matched what buyers "
                "actually valued.",
            )),
            Job("Software Engineer (Data)", "Kestrel Analytics", "Reading", "Sep 2017 – Jul 2019", (
                "Trained the company's first gradient boosting forecasting models with scikit-learn and XGBoost, "
                "reducing forecast error (MAPE) from 21% to 14% across 40 grocery stores.",
                "Automated releases with Jenkins and Git tags, taking a deployment from half a day to 20 minutes.",
                "Developed Python APIs and SQL reporting behind retail clients' demand-forecasting dashboards.",
                "Kept the on-call runbook current and wrote the team's onboarding guide.",
            )),
        )),
        S("Technical Skills", "skills", "skills", (
            ("Languages", "Python, SQL, Go, Bash"),
            ("Machine learning", "PyTorch, scikit-learn, LightGBM, XGBoost, ONNX Runtime, Hugging Face Transformers"),
            ("Serving & MLOps", "FastAPI, Docker, Kubernetes, MLflow, Airflow, Prometheus, Grafana"),
            ("Data & cloud", "AWS (SageMaker, ECS, EMR, S3), Spark, Kafka, PostgreSQL"),
        )),
        S("Education", "education", "edu", (
            Edu("MSc Machine Learning", "University College London", "2016 – 2017",
                "Distinction. Dissertation on calibrated uncertainty for tabular models."),
            Edu("BSc Mathematics", "University of Warwick", "2013 – 2016", "First Class Honours."),
        )),
        S("Selected Projects", "projects", "items", (
            ("tinyserve", "Open-source Python library that batches requests to ONNX models; about 900 stars on "
                          "GitHub and used in production by two start-ups."),
            ("Kaggle", "Solo silver medal, top 3% of 1,800 teams, in a tabular fraud-detection competition."),
        )),
        S("Certifications", "certifications", "items", (
            (None, "AWS Certified Machine Learning – Specialty (2023)"),
        )),
    ),
)

ELEANOR = CV(
    name="Eleanor Fairweather",
    headline="Data Scientist",
    contact=Contact(
        "eleanor.fairweather@example.org",
        "+44 7700 900273",
        "Edinburgh, UK",
        "linkedin.com/in/eleanorfairweather",
        "github.com/efairweather",
    ),
    sections=(
        S("Profile", "summary", "text",
          "Data scientist in insurance and energy retail, focused on churn, pricing and forecasting problems "
          "where the model has to be explained to the people who use it. Comfortable with the statistics as well "
          "as the code, and with presenting results to a pricing committee."),
        S("Professional Experience", "experience", "jobs", (
            Job("Senior Data Scientist", "Thistlebank Insurance", "Edinburgh", "Jan 2021 – Present", (
                "Built a customer churn model (gradient boosting with SHAP explanations) that targets retention "
                "offers, keeping 4,200 more policies a year, worth about £1.1M in premium.",
                "Designed and analysed renewal-pricing A/B tests with Bayesian statistics, cutting the time to a "
                "decision from 6 weeks to 10 days.",
                "Replaced a spreadsheet claims-frequency forecast with a hierarchical time-series model in "
                "Python, lowering forecast error by 23%.",
                "Built Power BI and Plotly dashboards used every week by the retention and pricing teams.",
                "Ran feature engineering workshops with underwriters to turn their domain knowledge into model "
                "inputs.",
                "Present model results, and their limitations, to the pricing committee each quarter.",
            )),
            Job("Data Scientist", "Northlight Energy", "Glasgow", "Jun 2018 – Dec 2020", (
                "Forecast half-hourly electricity demand for 650,000 customers with regression and XGBoost "
                "models, improving accuracy from 91% to 95%.",
                "Wrote SQL and pandas pipelines that cleaned and joined smart-meter readings from 3 legacy "
                "systems.",
                "Segmented customers with k-means clustering to design tariffs for electric-vehicle owners.",
                "Ran hypothesis tests on campaign results and wrote up the findings for the marketing team.",
            )),
            Job("Graduate Analyst", "Carrick & Muir Consulting", "Edinburgh", "Sep 2016 – May 2018", (
                "Cleaned and analysed survey data in R for public-sector clients.",
                "Automated a monthly reporting pack with R Markdown, saving analysts 2 days each month.",
                "Built Tableau dashboards for 5 local-authority clients.",
                "Wrote plain-English summaries of statistical results for non-specialist readers.",
            )),
        )),
        S("Skills", "skills", "skills", (
            ("Programming", "Python (pandas, NumPy, scikit-learn, statsmodels), R, SQL"),
            ("Machine learning", "gradient boosting, XGBoost, logistic regression, clustering, time-series "
                                 "forecasting, SHAP"),
            ("Statistics", "hypothesis testing, regression analysis, Bayesian statistics, A/B testing, "
                           "experimental design"),
            ("Visualisation", "Tableau, Power BI, matplotlib, seaborn, Plotly"),
            ("Tools", "Git, Databricks, Snowflake, Jupyter"),
        )),
        S("Education", "education", "edu", (
            Edu("MSc Statistics", "University of Glasgow", "2015 – 2016"),
            Edu("MA (Hons) Economics and Mathematics", "University of St Andrews", "2011 – 2015"),
        )),
        S("Interests", "interests", "text",
          "Hill walking, singing in a community choir, and volunteering as a data mentor for a local food "
          "bank."),
    ),
)

KWAME = CV(
    name="Kwame Asante",
    headline="MLOps Engineer",
    contact=Contact(
        "kwame.asante@example.com",
        "+44 7700 900562",
        "Manchester, UK",
        "linkedin.com/in/kwameasante",
        "github.com/kasante-ops",
    ),
    sections=(
        S("Toolbox", "skills", "skills", (
            ("Platforms", "Kubernetes, Docker, Helm, Terraform, Argo CD"),
            ("ML lifecycle", "MLflow, Kubeflow Pipelines, DVC, Feast, Seldon Core"),
            ("CI/CD", "GitHub Actions, GitLab CI, Jenkins"),
            ("Cloud", "AWS (SageMaker, EKS, S3), Google Cloud (Vertex AI)"),
            ("Monitoring", "Prometheus, Grafana, Evidently"),
            ("Languages", "Python, Bash, Go"),
        ), side=True),
        S("Education & Training", "education", "edu", (
            Edu("BEng Computer Systems Engineering", "University of Manchester", "2012 – 2016"),
        ), side=True),
        S("Certifications", "certifications", "items", (
            (None, "Certified Kubernetes Administrator (CKA), 2022"),
            (None, "AWS Certified DevOps Engineer – Professional, 2021"),
        ), side=True),
        S("About", "summary", "text",
          "MLOps engineer who came to machine learning from site reliability work. I build the platforms that "
          "let data scientists ship models safely: reproducible training, model registries, automated "
          "retraining and monitoring that catches data drift before customers do."),
        S("Work History", "experience", "jobs", (
            Job("Lead MLOps Engineer", "Brightwater Health Analytics", "Manchester", "May 2021 – Present", (
                "Built an internal ML platform on Kubernetes (EKS) with Kubeflow Pipelines and MLflow, moving "
                "11 teams from hand-built servers to one shared path to production.",
                "Cut the time from a merged model change to production from 3 weeks to 2 days with GitHub "
                "Actions pipelines that train, evaluate and register models automatically.",
                "Introduced DVC for dataset versioning, so every model in the registry can be traced to the "
                "exact data it was trained on.",
                "Set up drift detection with Evidently and Prometheus alerts; retraining now starts "
                "automatically when the population stability index passes 0.2.",
                "Reduced GPU cluster spend by 38% (about £210k a year) with autoscaling node pools and spot "
                "instances.",
                "Wrote the platform runbooks and coached data scientists to deploy their own models.",
            )),
            Job("DevOps Engineer", "Copperline Logistics", "Leeds", "Jan 2018 – Apr 2021", (
                "Migrated 40 services from virtual machines to Docker and Kubernetes with Helm charts and "
                "Terraform-managed infrastructure.",
                "Built Jenkins and GitLab CI pipelines for the forecasting team's models, replacing manual "
                "deployments.",
                "Raised platform availability from 99.5% to 99.95% with health checks, canary releases and "
                "Grafana dashboards.",
                "Automated nightly backups and restore tests with Bash and Python scripts.",
            )),
            Job("Systems Administrator", "Pennine Web Services", "Bradford", "Jul 2016 – Dec 2017", (
                "Looked after the Linux servers and monitoring stack for 120 hosting customers.",
                "Scripted routine maintenance in Bash and Python, freeing roughly one day a week.",
                "Handled first-line incident response and wrote up post-incident reviews.",
                "Documented the server estate for the first time.",
            )),
        )),
    ),
)

LUCIA = CV(
    name="Lucía Ferrer Ortega",
    headline="NLP Engineer",
    contact=Contact(
        "lucia.ferrer@example.org",
        "+44 7700 900731",
        "Bristol, UK",
        "linkedin.com/in/luciaferrer",
        "github.com/lferrer-nlp",
    ),
    sections=(
        S("Profile", "summary", "text",
          "NLP engineer working on search, classification and information extraction for multilingual "
          "customer text in English, Spanish and Catalan. I like problems where careful tokenisation and "
          "honest evaluation matter as much as the model."),
        S("Employment", "experience", "jobs", (
            Job("NLP Engineer", "Harbourline Telecom", "Bristol", "Apr 2021 - Present", (
                "Fine-tuned multilingual BERT models with Hugging Face Transformers to sort 250,000 support "
                "messages a month into 38 intents, raising macro-F1 from 0.74 to 0.88.",
                "Built a named entity recognition pipeline in spaCy for account numbers, products and "
                "addresses, replacing 600 hand-written regular expressions.",
                "Shipped semantic search over the help centre with sentence-transformers embeddings and a FAISS "
                "index; self-service resolution rose by 12%.",
                "Built a retrieval-augmented generation (RAG) assistant for support agents on an open-weights "
                "LLM, with grounding checks before any answer reaches a customer.",
                "Cut inference cost by 60% by distilling the intent model and serving it with ONNX Runtime on "
                "CPUs.",
                "Wrote the team's annotation guidelines and inter-annotator agreement checks.",
            )),
            Job("Machine Learning Engineer", "Lexiverse", "Madrid", "Sep 2018 - Mar 2021", (
                "Trained sentiment analysis models for Spanish and English product reviews, processing 3M "
                "reviews a day for retail clients.",
                "Built text preprocessing (tokenisation, lemmatisation, part-of-speech tagging) with spaCy and "
                "NLTK for five languages.",
                "Ported an LSTM topic classifier from TensorFlow to PyTorch and halved its training time.",
                "Ran labelling projects with linguists to cover regional Spanish vocabulary.",
            )),
        )),
        S("Skills", "skills", "skills", (
            ("Languages", "Python, SQL, Bash"),
            ("NLP", "Hugging Face Transformers, spaCy, NLTK, sentence-transformers, FAISS, BERT, LLM fine-tuning, "
                    "RAG"),
            ("ML", "PyTorch, TensorFlow, scikit-learn, ONNX Runtime"),
            ("Infrastructure", "Docker, FastAPI, AWS, Git"),
        )),
        S("Education", "education", "edu", (
            Edu("MSc Speech and Language Processing", "University of Edinburgh", "2017 - 2018"),
            Edu("BA Linguistics", "Universitat de Barcelona", "2013 - 2017"),
        )),
        S("Projects", "projects", "items", (
            ("catalan-ner", "open-source NER model and annotated corpus for Catalan news text, used by 2 "
                            "university research groups."),
            ("Talk", "PyData Bristol, 2023: evaluating intent classifiers when the labels keep changing."),
        )),
        S("Interests", "interests", "text", "Climbing, Catalan cookery and language-exchange meet-ups."),
    ),
)

HIROSHI = CV(
    name="Hiroshi Tanabe",
    headline="Computer Vision Engineer",
    contact=Contact(
        "hiroshi.tanabe@example.com",
        "+44 7700 900845",
        "Cambridge, UK",
        "linkedin.com/in/hiroshitanabe",
        "github.com/htanabe-vision",
    ),
    sections=(
        S("Summary", "summary", "text",
          "Computer vision engineer with six years of experience in industrial inspection and medical imaging. "
          "I build object detection and image segmentation models that run on edge devices, and I care about "
          "data quality and labelling as much as architecture."),
        S("Professional Experience", "experience", "jobs", (
            Job("Senior Computer Vision Engineer", "Fenland Robotics", "Cambridge", "Feb 2021 – Present", (
                "Developed a YOLOv8 defect detector for a food-packaging line, raising defect recall from 86% "
                "to 97% while inspecting 1,200 packs a minute.",
                "Quantised and compiled models with TensorRT for NVIDIA Jetson devices, bringing inference from "
                "45 ms to 12 ms per frame.",
                "Built a model-assisted labelling workflow in CVAT that cut annotation cost by 55%.",
                "Trained semantic segmentation models (U-Net, DeepLabv3) in PyTorch for weld-seam tracking on a "
                "robot arm.",
                "Generated synthetic training images with Blender to cover rare defects seen in fewer than 1 in "
                "10,000 packs.",
                "Run design reviews with mechanical and electrical engineers for new camera and lighting rigs.",
            )),
            Job("Computer Vision Engineer", "Lumen Diagnostics", "Oxford", "Jul 2018 – Jan 2021", (
                "Trained a ResNet-50 convolutional neural network to classify histopathology slides, reaching an "
                "AUC of 0.94 on a held-out hospital site.",
                "Wrote OpenCV preprocessing for stain normalisation and tiling of gigapixel whole-slide images.",
                "Set up experiment tracking with Weights & Biases and data augmentation with Albumentations.",
                "Helped prepare the technical file for medical-device approval.",
            )),
            Job("Research Assistant", "University of Bath, Department of Computer Science", "Bath",
                "Oct 2017 – Jun 2018", (
                    "Implemented multi-view 3D reconstruction and camera calibration in C++ with OpenCV.",
                    "Wrote CUDA kernels that sped up dense stereo matching 8x.",
                    "Co-authored a workshop paper on self-supervised depth estimation.",
                    "Maintained the lab's capture rig and calibration datasets.",
                )),
        )),
        S("Core Competencies", "skills", "skills", (
            ("Computer vision", "object detection, image segmentation, image classification, 3D reconstruction, "
                                "camera calibration"),
            ("Frameworks", "PyTorch, TensorFlow, OpenCV, Albumentations, TensorRT, ONNX"),
            ("Languages", "Python, C++, CUDA"),
            ("Tools", "Docker, CVAT, Weights & Biases, Git, Linux"),
        )),
        S("Education", "education", "edu", (
            Edu("MEng Engineering Science", "University of Oxford", "2013 – 2017",
                "Fourth-year project on visual odometry for agricultural robots."),
        )),
        S("Publications", "publications", "items", (
            (None, "H. Tanabe, R. Okonjo and P. Walsh. Self-supervised depth from a single moving camera in "
                   "low-texture scenes. BMVC Workshop on 3D Vision, 2018."),
        )),
        S("Awards", "awards", "items", (
            (None, "Best Demo, Fenland Robotics hack week, 2022."),
        )),
    ),
)

INGRID = CV(
    name="Dr Freya Lindqvist",
    headline="Research Scientist, Machine Learning",
    contact=Contact(
        "freya.lindqvist@example.org",
        "+44 7700 900119",
        "London, UK",
        "linkedin.com/in/freyalindqvist",
        "github.com/flindqvist",
    ),
    sections=(
        S("Summary", "summary", "text",
          "Research scientist working on probabilistic deep learning and efficient training of large models. "
          "I enjoy taking an idea from a whiteboard derivation to a reproducible open-source implementation, "
          "and then helping product teams use it."),
        S("Research Experience", "experience", "jobs", (
            Job("Senior Research Scientist", "Aldgate AI Lab", "London", "Jan 2022 – Present", (
                "Proposed a variance-reduced routing method for mixture-of-experts training that reaches the same "
                "validation loss with 30% fewer GPU hours (ICML 2024).",
                "Lead a team of 3 researchers and 2 engineers on uncertainty estimation for large language "
                "models.",
                "Built JAX training infrastructure on TPU pods used by 25 researchers across the lab.",
                "Released code and benchmarks as open source; the main repository has 1,400 GitHub stars.",
                "Transferred a calibration method to the production ranking team, reducing overconfident "
                "predictions by 40%.",
                "Review for NeurIPS, ICML and ICLR.",
            )),
            Job("Postdoctoral Researcher", "University of Cambridge, Machine Learning Group", "Cambridge",
                "Oct 2019 – Dec 2021", (
                    "Developed Bayesian neural network methods for continual learning, leading to 4 first-author "
                    "papers.",
                    "Taught the MPhil course on probabilistic machine learning to 60 students.",
                    "Supervised 3 MPhil projects, 2 of which became workshop papers.",
                    "Organised the group's weekly reading seminar.",
                )),
            Job("Research Intern", "Meridian Research", "Zürich", "Jun 2018 – Sep 2018", (
                "Implemented variational inference baselines in PyTorch for a model-based reinforcement learning "
                "study.",
                "Ran ablations on 64 GPUs with a custom experiment scheduler.",
                "Wrote the experimental section of the resulting paper.",
                "Presented the work at the lab's summer research day.",
            )),
        )),
        S("Publications", "publications", "items", (
            (None, "Lindqvist, I., Haddad, K. and Lindqvist, M. (2024). Variance-reduced routing for "
                   "mixture-of-experts training. ICML."),
            (None, "Lindqvist, I. and Brennan, T. (2022). Calibrated uncertainty for continual learning with "
                   "function-space priors. NeurIPS."),
            (None, "Okafor, C., Lindqvist, I. and Vance, R. (2021). Memory-efficient Bayesian neural networks. "
                   "ICLR."),
            (None, "Lindqvist, I. (2020). Sequential variational inference without forgetting. AISTATS."),
        )),
        S("Education", "education", "edu", (
            Edu("PhD Machine Learning", "University of Edinburgh", "2015 – 2019",
                "Thesis: scalable approximate inference for deep generative models."),
            Edu("MSc Applied Mathematics", "Norwegian University of Science and Technology", "2013 – 2015"),
        )),
        S("Technical Skills", "skills", "skills", (
            ("Languages", "Python, C++, CUDA"),
            ("Frameworks", "JAX, PyTorch, NumPy"),
            ("Methods", "variational inference, Bayesian deep learning, probabilistic modelling, large language "
                        "models, distributed training"),
        )),
        S("Awards & Invited Talks", "awards", "items", (
            (None, "Best Paper Honourable Mention, AISTATS 2020."),
            (None, "Invited talk, Workshop on Uncertainty in Deep Learning, 2023."),
        )),
    ),
)

MARCUS = CV(
    name="Marcus Delaney",
    headline="Machine Learning Consultant",
    contact=Contact(
        "marcus.delaney@example.com",
        "+44 7700 900508",
        "Leeds, UK",
        "linkedin.com/in/marcusdelaney",
        "github.com/mdelaney-analytics",
    ),
    sections=(
        S("Summary", "summary", "text",
          "Independent machine learning consultant helping mid-sized firms in retail, logistics and financial "
          "services decide where ML is worth the investment, and then deliver it. Former data science lead; "
          "equally at home in a board meeting or a code review."),
        S("Career History", "experience", "jobs", (
            Job("Principal ML Consultant (Independent)", "Delaney Analytics Ltd", "Leeds", "Jun 2021 – Present", (
                "Scoped and delivered a demand-forecasting pilot for a 120-store retailer that cut food waste by "
                "9% in 6 months, worth £1.4M a year; the client has since rolled it out to every store.",
                "Ran data-maturity assessments for 8 clients, producing ML roadmaps with costed use cases, ROI "
                "estimates and a build-or-buy recommendation for each.",
                "Designed a route-optimisation proof of concept for a parcel carrier on Azure ML, reducing "
                "average van mileage by 7%.",
                "Trained 150 analysts and managers in workshops on machine learning basics, model risk and "
                "responsible AI.",
                "Advise boards on data governance, UK GDPR obligations and model risk management.",
                "Run fortnightly Agile sprints with client teams, tracked in Jira.",
            )),
            Job("Senior Manager, Data Science & AI", "Harlow Bennett Consulting", "London",
                "Mar 2017 – May 2021", (
                    "Led a practice of 14 data scientists and engineers, growing annual revenue from £2.1M to "
                    "£5.8M.",
                    "Delivered a credit-risk model rebuild for a building society with scikit-learn and XGBoost, "
                    "improving the Gini coefficient from 0.52 to 0.61 and passing the regulator's model review.",
                    "Wrote proposals and statements of work, and managed project budgets of up to £900k.",
                    "Set the firm's delivery standards for model documentation and monitoring.",
                )),
            Job("Data Scientist", "Northgate Retail Group", "Leeds", "Sep 2013 – Feb 2017", (
                "Built customer lifetime value and propensity models in Python and SQL.",
                "Introduced A/B testing to the marketing team and taught them to read the results.",
                "Automated weekly trading reports on Databricks, saving 10 hours of analyst time a week.",
                "Presented findings to the retail leadership team.",
            )),
        )),
        S("Core Competencies", "skills", "skills", (
            (None, "ML strategy and roadmaps · business cases and ROI analysis · stakeholder management · Agile "
                   "project management · Python, SQL, scikit-learn, XGBoost · Azure ML, AWS, Databricks · "
                   "forecasting · data governance · responsible AI"),
        )),
        S("Education & Training", "education", "edu", (
            Edu("MSc Operational Research", "Lancaster University", "2012 – 2013"),
            Edu("BSc Economics", "University of Leeds", "2009 – 2012"),
        )),
        S("Certifications", "certifications", "items", (
            (None, "Microsoft Certified: Azure AI Engineer Associate (2022)"),
            (None, "PRINCE2 Practitioner (2019)"),
        )),
        S("Interests", "interests", "text",
          "Fell running, mentoring on a local digital-skills programme, and restoring old bicycles."),
    ),
)

AISHA = CV(
    name="Aisha Rahman",
    headline="Product Manager, Machine Learning",
    contact=Contact(
        "aisha.rahman@example.com",
        "+44 7700 900684",
        "London, UK",
        "linkedin.com/in/aisharahman-pm",
    ),
    sections=(
        S("Summary", "summary", "text",
          "Product manager for machine-learning products, with a background in data analysis. I turn fuzzy "
          "business goals into ML features people use: I write the problem statement, agree the success metric "
          "with the data science team, and make sure we ship, measure and iterate."),
        S("Experience", "experience", "jobs", (
            Job("Senior Product Manager, Personalisation", "Larkspur Streaming", "London", "Feb 2022 – Present", (
                "Own the product roadmap for home-screen recommendations, serving 6M monthly active users.",
                "Launched a new ranking model with the ML team that raised weekly viewing hours per user by 8% "
                "in an A/B test with 400,000 users.",
                "Defined guardrail metrics (diversity, cold-start coverage, latency) so model launches are judged "
                "on more than click-through rate.",
                "Introduced model cards and an ethics review step for every new model, agreed with the legal and "
                "privacy teams.",
                "Ran user research with 30 subscribers to understand why recommendations felt repetitive, which "
                "led to a new discovery row.",
                "Prioritise the backlog for two squads in Jira and lead quarterly planning.",
            )),
            Job("Product Manager, Fraud & Risk", "Cobalt Pay", "London", "Jun 2019 – Jan 2022", (
                "Shipped an ML-based fraud screening feature that reduced chargebacks by 27% while keeping "
                "customer friction below 1% of checkouts.",
                "Wrote product requirements for a transaction-scoring API used by 350 merchants.",
                "Worked with data scientists on the trade-off between precision and recall, and explained it to "
                "the commercial team.",
                "Managed the vendor evaluation for an identity-verification service.",
            )),
            Job("Data Analyst", "Birchwood Retail", "Milton Keynes", "Sep 2016 – May 2019", (
                "Built SQL and Tableau reporting for the e-commerce team.",
                "Analysed basket data to size a product-recommendation pilot, which became the company's first "
                "ML project.",
                "Cut the monthly trading report from 3 days of work to half a day.",
                "Trained store managers to use the new dashboards.",
            )),
        )),
        S("Skills & Tools", "skills", "skills", (
            ("Product", "product strategy, roadmapping, A/B testing, user research, Agile, ML product lifecycle, "
                        "responsible AI"),
            ("Tools", "Jira, Confluence, Amplitude, SQL, Tableau, Figma"),
        )),
        S("Education", "education", "edu", (
            Edu("MSc Business Analytics", "Imperial College London", "2015 – 2016"),
            Edu("BSc Mathematics", "University of Nottingham", "2012 – 2015"),
        )),
        S("Certifications", "certifications", "items", (
            (None, "Certified Scrum Product Owner (CSPO), 2020"),
        )),
        S("Interests", "interests", "text",
          "Five-a-side football, translating Bengali poetry, and cooking for far too many people."),
    ),
)

GARETH = CV(
    name="Gareth Pryce",
    headline="Data Engineer, ML Infrastructure",
    contact=Contact(
        "gareth.pryce@example.com",
        "+44 7700 900357",
        "Cardiff, UK",
        "linkedin.com/in/garethpryce",
        "github.com/gpryce-data",
    ),
    sections=(
        S("Profile", "summary", "text",
          "Data engineer building the pipelines and platforms behind machine learning in financial services. "
          "Strong on streaming, data modelling and cost control; I like dull, reliable pipelines that data "
          "scientists can trust."),
        S("Employment", "experience", "jobs", (
            Job("Senior Data Engineer, ML Platform", "Severn Mutual", "Cardiff", "Apr 2021 – Present", (
                "Designed a lakehouse on AWS (S3, Glue, Redshift) with Apache Spark and Delta Lake, consolidating "
                "23 source systems into one governed platform.",
                "Built streaming pipelines on Kafka that deliver real-time transaction features to the fraud "
                "models in under 2 seconds.",
                "Migrated 300 cron jobs to Airflow with retries, SLAs and lineage, cutting failed overnight "
                "loads from 15 a month to 1.",
                "Reduced warehouse costs by £65k a year through partitioning, compaction and moving cold data to "
                "cheaper storage.",
                "Added data-quality tests with Great Expectations and dbt at every layer of the warehouse.",
                "Work with ML engineers to publish versioned training datasets and a shared feature store.",
            )),
            Job("Data Engineer", "Dragon Data Services", "Swansea", "Aug 2018 – Mar 2021", (
                "Built ETL pipelines in Python and Scala on Hadoop and Spark for telecoms clients, processing "
                "4 TB a day.",
                "Modelled a star-schema warehouse in PostgreSQL for billing analytics.",
                "Moved batch reporting from on-premises Hadoop to BigQuery on Google Cloud, halving query times.",
                "Wrote freshness and volume checks for every production pipeline.",
            )),
            Job("Junior Developer", "Taff Vale Software", "Cardiff", "Jul 2016 – Jul 2018", (
                "Maintained Java services and SQL Server reporting for a housing association.",
                "Automated data exports that used to take an administrator 3 hours a week.",
                "Fixed long-standing bugs in the rent-arrears reports.",
                "Wrote the team's first integration tests.",
            )),
        )),
        S("Technical Skills", "skills", "skills", (
            ("Languages", "Python, SQL, Scala, Java"),
            ("Big data", "Apache Spark, Kafka, Hadoop, Delta Lake, dbt"),
            ("Orchestration", "Airflow, Luigi"),
            ("Cloud", "AWS (S3, Glue, Redshift, EMR), Google Cloud (BigQuery)"),
            ("Databases", "PostgreSQL, MongoDB, Cassandra, TimescaleDB"),
        )),
        S("Education", "education", "edu", (
            Edu("BSc Computer Science", "Cardiff University", "2013 – 2016"),
        )),
        S("Certifications", "certifications", "items", (
            (None, "AWS Certified Data Engineer – Associate (2024)"),
            (None, "Databricks Certified Data Engineer Associate (2022)"),
        )),
    ),
)

NADIA = CV(
    name="Nadia Petrova",
    headline="Machine Learning Security Specialist",
    letter=True,
    contact=Contact(
        "nadia.petrova@example.com",
        "(512) 555-0147",
        "Austin, TX",
        "linkedin.com/in/nadiapetrova-sec",
        "github.com/npetrova-aisec",
    ),
    sections=(
        S("Skills", "skills", "skills", (
            ("ML security", "adversarial training, data poisoning defense, model inversion, membership inference, "
                            "differential privacy, LLM red teaming, prompt injection"),
            ("Security", "threat modeling, penetration testing, incident response, encryption, IAM, OWASP"),
            ("ML & tools", "Python, PyTorch, scikit-learn, Adversarial Robustness Toolbox, Opacus, Docker, "
                           "Kubernetes"),
            ("Governance", "NIST AI RMF, ISO 27001, SOC 2, GDPR"),
        ), side=True),
        S("Certifications", "certifications", "items", (
            (None, "OSCP, 2019"),
            (None, "CISSP, 2021"),
        ), side=True),
        S("Education", "education", "edu", (
            Edu("MS Computer Science (Information Security)", "Georgia Institute of Technology", "2014 – 2016"),
            Edu("BS Mathematics", "University of Texas at Austin", "2010 – 2014"),
        ), side=True),
        S("Summary", "summary", "text",
          "Security engineer specializing in machine learning systems. I red-team models and the pipelines "
          "around them, then help engineering teams fix what I find. Ten years in application security, the "
          "last five focused on ML."),
        S("Professional Experience", "experience", "jobs", (
            Job("Staff ML Security Engineer", "Bluebonnet Financial", "Austin, TX", "Mar 2021 – Present", (
                "Built the bank's ML threat-modeling process; reviewed 45 models before launch and blocked 3 "
                "with exploitable data-poisoning paths.",
                "Red-teamed an LLM customer-service assistant, finding 19 prompt-injection and data-leakage "
                "issues that were fixed before launch.",
                "Added adversarial training and input validation to the fraud model, cutting successful evasion "
                "in red-team tests from 31% to 4%.",
                "Trained credit models with differential privacy (Opacus), keeping AUC within 0.01 of the "
                "non-private baseline.",
                "Wrote the secure ML pipeline standard (signed model artifacts, encrypted feature stores, "
                "least-privilege IAM), adopted by 12 teams.",
                "Lead incident response for ML-specific incidents and run tabletop exercises with the SOC.",
            )),
            Job("Application Security Engineer", "Longhorn Health Systems", "Dallas, TX", "Jun 2015 – Feb 2021", (
                "Ran penetration testing on patient-facing web and mobile apps, closing 140 high-severity "
                "findings.",
                "Built a membership-inference audit for a readmission-risk model, which led the team to retrain "
                "with stronger regularization.",
                "Automated static analysis in CI/CD for 60 repositories.",
                "Delivered secure-coding training for developers across the engineering organization.",
            )),
        )),
        S("Selected Projects", "projects", "items", (
            ("poisonwatch", "open-source toolkit that flags label-flipping in training data; 600 GitHub stars."),
            ("Talk", "BSides Austin 2023, \"Your model is an attack surface\"."),
        )),
    ),
)

CHLOE = CV(
    name="Chloe Adeyemi",
    headline="Graduate Machine Learning Engineer",
    contact=Contact(
        "chloe.adeyemi@example.org",
        "+44 7700 900905",
        "Birmingham, UK",
        "linkedin.com/in/chloeadeyemi",
        "github.com/cadeyemi",
    ),
    sections=(
        S("Skills", "skills", "skills", (
            ("Languages", "Python, SQL, Java"),
            ("ML", "PyTorch, scikit-learn, pandas, NumPy"),
            ("Engineering", "FastAPI, Docker, Git, GitHub Actions, pytest"),
            ("Cloud", "AWS (EC2, S3)"),
        ), side=True),
        S("Education", "education", "edu", (
            Edu("BSc Computer Science with Industrial Year", "University of Birmingham", "2021 – 2025",
                "First Class Honours. Modules: Machine Learning, Neural Computation, Databases."),
        ), side=True),
        S("Awards", "awards", "items", (
            (None, "School prize for the best placement report, 2024"),
        ), side=True),
        S("Profile", "summary", "text",
          "Recent computer science graduate looking for a first machine learning engineering role. I enjoy the "
          "engineering side of ML (testing, packaging and deploying models) and shipped two small models to "
          "real users during my placement year."),
        S("Projects", "projects", "items", (
            ("Bird-song classifier", "trained a CNN on spectrograms in PyTorch; 88% top-1 accuracy on 50 UK "
                                     "species, deployed as a small web app."),
            ("Final-year project", "compared LoRA fine-tuning of small language models for summarising lecture "
                                   "notes; awarded 78%."),
            ("Kaggle", "top 10% of 3,400 teams in a tabular playground competition."),
        )),
        S("Experience", "experience", "jobs", (
            Job("Machine Learning Intern (placement year)", "Alder & Finch Insurance", "Birmingham",
                "Jul 2023 – Jun 2024", (
                    "Built a document classifier for incoming claim letters with scikit-learn and TF-IDF "
                    "features, routing 8,000 letters a month with 93% accuracy.",
                    "Packaged the model as a FastAPI service in Docker, with pytest tests and a GitHub Actions "
                    "pipeline.",
                    "Reduced manual triage by 25 hours a week for the claims team.",
                    "Wrote the model documentation and presented results to the claims leadership team.",
                )),
            Job("Teaching Assistant (part-time)", "University of Birmingham, School of Computer Science",
                "Birmingham", "Sep 2024 – May 2025", (
                    "Ran weekly Python and machine learning lab sessions for 40 second-year students.",
                    "Marked coursework and held office hours.",
                    "Rewrote the lab sheets on model evaluation after student feedback.",
                    "Helped students debug their first neural networks.",
                )),
        )),
    ),
)

BETHAN = CV(
    name="Bethan Morgan",
    headline="Primary School Teacher (QTS)",
    contact=Contact(
        "bethan.morgan@example.com",
        "+44 7700 900226",
        "Swansea, UK",
        "linkedin.com/in/bethanmorgan-teach",
    ),
    sections=(
        S("Personal Statement", "summary", "text",
          "Primary school teacher with nine years of experience across Key Stages 1 and 2, currently leading "
          "mathematics. I plan lively, well-structured lessons, keep a calm and happy classroom, and work "
          "closely with families. Looking for a senior leadership role in a school that values outdoor "
          "learning."),
        S("Teaching Experience", "experience", "jobs", (
            Job("Year 4 Class Teacher and Maths Lead", "Ysgol Glan y Môr Primary School", "Swansea",
                "September 2019 - Present", (
                    "Raised the share of pupils meeting the expected standard in maths from 68% to 84% over "
                    "three years.",
                    "Trained 14 colleagues in a mastery approach to maths and coached them through lesson "
                    "observations.",
                    "Plan and teach the full curriculum for a class of 30 pupils, including pupils with additional "
                    "learning needs.",
                    "Run an after-school coding club with Scratch and micro:bit for 20 pupils.",
                    "Work with parents, the ALNCo and teaching assistants on individual development plans.",
                )),
            Job("Class Teacher", "St Teilo's Church in Wales Primary School", "Cardiff",
                "September 2016 - July 2019", (
                    "Taught infant and lower-junior classes, and led the school council.",
                    "Organised the school's first science week, with 6 visiting speakers.",
                    "Mentored 2 trainee teachers on placement.",
                    "Introduced weekly forest-school sessions with a local wildlife trust.",
                )),
        )),
        S("Qualifications", "education", "edu", (
            Edu("PGCE Primary with QTS", "Cardiff Metropolitan University", "2015 - 2016"),
            Edu("BA (Hons) English and Education", "Bangor University", "2012 - 2015"),
        )),
        S("Skills", "skills", "skills", (
            (None, "Curriculum planning and assessment"),
            (None, "Behaviour management and safeguarding (Level 2)"),
            (None, "Welsh (conversational) and British Sign Language Level 1"),
            (None, "Google Classroom, Microsoft Teams and interactive whiteboards"),
        )),
        S("Interests", "interests", "text", "Sea swimming, community choir and running a Brownie unit."),
        S("References", "references", "text", "Available on request."),
    ),
)

_SAM_CONTACT = Contact(
    "sam.whitfield@example.com",
    "+44 7700 900640",
    "Nottingham, UK",
    "linkedin.com/in/samwhitfield",
    "github.com/swhitfield-ds",
)
_SAM_JOBS = S("Work Experience", "experience", "jobs", (
    Job("Data Scientist", "Sherwood Home Goods", "Nottingham", "Sep 2022 – Present", (
        "Built a weekly demand-forecasting model with LightGBM for 4,000 products, reducing stock-outs by 15%.",
        "Segmented customers with k-means clustering to target email campaigns, lifting open rates from 18% to "
        "24%.",
        "Automated the trading team's Monday report with Python and SQL, saving 6 hours a week.",
        "Analysed A/B tests on the website checkout and presented the results to the product team.",
        "Built Power BI dashboards for store managers.",
    )),
    Job("Data Analyst", "Trentside Logistics", "Derby", "Jul 2021 – Aug 2022", (
        "Cleaned and analysed delivery data in pandas to find the causes of late deliveries.",
        "Built a logistic regression model that predicts failed deliveries with 81% precision.",
        "Produced weekly Excel and Power BI reports for operations managers.",
        "Documented the delivery data tables for new analysts.",
    )),
))
_SAM_TAIL = (
    S("Skills", "skills", "skills", (
        ("Languages", "Python (pandas, NumPy, scikit-learn, LightGBM), SQL"),
        ("Analysis", "statistics, A/B testing, forecasting, clustering"),
        ("Tools", "Power BI, Excel, Git, Jupyter"),
    )),
    S("Education", "education", "edu", (
        Edu("BSc Mathematics and Statistics", "University of Nottingham", "2018 – 2021"),
    )),
    S("Projects", "projects", "items", (
        ("House prices", "predicted local house prices from open Land Registry data with gradient boosting; "
                         "write-up and code on GitHub."),
    )),
)
SAM = CV(
    name="Sam Whitfield",
    headline="Data Scientist",
    contact=_SAM_CONTACT,
    sections=(
        S("Summary", "summary", "text",
          "Data scientist with three years of experience in e-commerce analytics and demand forecasting. "
          "Comfortable turning messy sales data into models and clear recommendations."),
        _SAM_JOBS,
        *_SAM_TAIL,
    ),
)

STUFF_DUMP = (
    "Machine Learning Deep Learning Artificial Intelligence AI ML Python TensorFlow PyTorch Keras scikit-learn "
    "Pandas NumPy SQL Spark Hadoop Kafka AWS Azure GCP Docker Kubernetes MLOps NLP Computer Vision LLM GenAI "
    "Generative AI ChatGPT LangChain Tableau Power BI Statistics Big Data Data Science Data Mining Neural "
    "Networks XGBoost LightGBM Machine Learning Python Machine Learning"
)
SAM_STUFFED = CV(
    name="Sam Whitfield",
    headline="Data Scientist | Machine Learning | AI | Python | Deep Learning | Big Data",
    contact=_SAM_CONTACT,
    sections=(
        S("Summary", "summary", "text",
          "Results-driven, highly motivated data scientist and machine learning thought leader with a proven "
          "track record of leveraging synergy across machine learning, deep learning, artificial intelligence, "
          "big data and data science. Passionate, detail-oriented team player and self-starter who thinks "
          "outside the box to deliver best-in-class, cutting-edge, world-class machine learning solutions. "
          "Machine learning expert. Python expert. Deep learning expert. Dynamic go-getter with excellent "
          "communication skills and a strategic, game-changing mindset."),
        _SAM_JOBS,
        S("Skills", "skills", "skills", (
            ("Machine learning", "Machine Learning, ML, machine learning algorithms, applied machine learning, "
                                 "deep learning, Deep Learning, neural networks, AI, artificial intelligence, "
                                 "GenAI, LLM"),
            ("Python", "Python, Python 3, advanced Python, Python programming, Python scripting, pandas, NumPy, "
                       "scikit-learn, TensorFlow, PyTorch, Keras"),
            ("Big data & cloud", "Spark, Hadoop, Kafka, AWS, Azure, GCP, Docker, Kubernetes, MLOps"),
            ("Soft skills", "synergy, thought leadership, strategic thinking, results-driven, go-getter, "
                            "self-starter, team player"),
        )),
        S("Keywords", "skills", "lines", (STUFF_DUMP, STUFF_DUMP, STUFF_DUMP)),
        *_SAM_TAIL[1:],
    ),
)
HIDDEN_KEYWORDS = [
    "Kubernetes", "TensorFlow", "PyTorch", "Spark", "Kafka", "Airflow", "Databricks", "Snowflake", "MLOps",
    "LangChain", "deep learning", "computer vision", "SageMaker", "Terraform", "Docker", "Hugging Face",
]
HIDDEN_BLOCK = (
    "Kubernetes TensorFlow PyTorch Spark Kafka Airflow Databricks Snowflake MLOps LangChain deep learning "
    "computer vision SageMaker Terraform Docker Hugging Face Kubernetes TensorFlow PyTorch MLOps deep learning "
    "Kubernetes TensorFlow PyTorch Spark Kafka Airflow Databricks Snowflake MLOps LangChain SageMaker Docker"
)

FATIMA = CV(
    name="Fatima Zahra Bennani",
    headline="Machine Learning Engineer, Recommender Systems",
    letter=True,
    contact=Contact(
        "fatima.bennani@example.org",
        "(206) 555-0193",
        "Seattle, WA",
        "linkedin.com/in/fzbennani",
        "github.com/fzbennani",
    ),
    sections=(
        S("Summary", "summary", "text",
          "Machine learning engineer focused on recommender systems and ranking at consumer scale. I like owning "
          "a model end to end, from candidate generation and offline evaluation to online experiments."),
        S("Professional Experience", "experience", "jobs", (
            Job("Machine Learning Engineer II", "Cascadia Outfitters", "Seattle, WA", "Jan 2022 – Present", (
                "Built a two-tower retrieval model in TensorFlow serving 9M shoppers, raising add-to-cart rate by "
                "4.1%.",
                "Replaced nightly Spark candidate generation with an approximate nearest-neighbor index, cutting "
                "retrieval latency to 25 ms at the 99th percentile.",
                "Ran 20 online A/B experiments a year with the experimentation platform team.",
                "Built the offline evaluation harness (NDCG, recall@k, catalog coverage) used by the whole ranking "
                "team.",
                "Packaged ranking services with Docker and deployed them on Kubernetes (GKE).",
                "Partnered with merchandisers to add business rules on top of the ranker without retraining.",
            )),
            Job("Data Scientist", "Rainier Media", "Seattle, WA", "Jul 2019 – Dec 2021", (
                "Developed a content-based recommender for 150,000 articles with Python, scikit-learn and "
                "BigQuery, increasing pages per session by 11%.",
                "Trained subscription churn models and explained the drivers to editorial leadership.",
                "Wrote data pipelines in Airflow on Google Cloud.",
                "Ran the team's weekly experiment review.",
            )),
        )),
        S("Skills", "skills", "skills", (
            ("Languages", "Python, SQL, Scala"),
            ("ML", "TensorFlow, PyTorch, scikit-learn, recommender systems, learning to rank"),
            ("Data & infrastructure", "Spark, BigQuery, Airflow, Docker, Kubernetes, Google Cloud"),
        )),
        S("Education", "education", "edu", (
            Edu("MS Statistics", "University of Washington", "2017 – 2019"),
            Edu("BS Computer Science", "Al Akhawayn University, Ifrane", "2013 – 2017"),
        )),
        S("Certifications", "certifications", "items", (
            (None, "Google Cloud Professional Machine Learning Engineer (2023)"),
        )),
    ),
)


# --------------------------------------------------------------------------- helpers


def esc(text: str) -> str:
    return escape(text)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_if_changed(path: Path, data: bytes) -> None:
    if path.exists() and path.read_bytes() == data:
        return
    path.write_bytes(data)


def normalise_zip(data: bytes) -> bytes:
    """Rewrite a ZIP (DOCX) with fixed timestamps and attributes so it is byte-stable."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zi.create_system = 0
            dst.writestr(zi, src.read(info.filename))
    return out.getvalue()


def pdf_page_count(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))


def contact_bits(contact: Contact) -> list[tuple[str, str | None]]:
    """(text, url) pairs for the contact line."""
    bits: list[tuple[str, str | None]] = [
        (contact.email, f"mailto:{contact.email}"),
        (contact.phone, None),
        (contact.city, None),
    ]
    for link in (contact.linkedin, contact.github, contact.website):
        if link:
            bits.append((link, f"https://{link}"))
    return bits


# --------------------------------------------------------------------------- reportlab


BASE = "Helvetica"
BOLD = "Helvetica-Bold"
ITALIC = "Helvetica-Oblique"
INK = colors.HexColor("#1F2933")
MUTED = colors.HexColor("#52606D")
ACCENT = colors.HexColor("#1D4E89")
TINT = colors.HexColor("#E6EEF6")
# Bullet glyphs: in the base-14 Helvetica, reportlab encodes U+2022 as code 127, which
# WinAnsiEncoding maps to a bullet but pdfminer.six extracts as "(cid:127)" (a real-world
# quirk worth keeping in some samples).  Bitstream Vera ships with reportlab and is embedded
# with a ToUnicode map, so its bullet extracts as "•".
UNICODE_BULLET_FONT = "CvscanVera"
pdfmetrics.registerFont(TTFont(UNICODE_BULLET_FONT, "Vera.ttf"))


def rl_styles(size: float = 9.6, bullet_font: str = BASE) -> dict[str, ParagraphStyle]:
    lead = size * 1.32
    return {
        "name": ParagraphStyle("name", fontName=BOLD, fontSize=20, leading=24, textColor=INK),
        "headline": ParagraphStyle("headline", fontName=BASE, fontSize=11.5, leading=15, textColor=ACCENT),
        "contact": ParagraphStyle("contact", fontName=BASE, fontSize=8.8, leading=12, textColor=MUTED,
                                  spaceBefore=2),
        "h": ParagraphStyle("h", fontName=BOLD, fontSize=11.5, leading=14, textColor=ACCENT, spaceBefore=9,
                            spaceAfter=1),
        "body": ParagraphStyle("body", fontName=BASE, fontSize=size, leading=lead, textColor=INK,
                               alignment=TA_LEFT),
        "job": ParagraphStyle("job", fontName=BASE, fontSize=size + 0.6, leading=lead + 1, textColor=INK,
                              spaceBefore=5),
        "meta": ParagraphStyle("meta", fontName=ITALIC, fontSize=size - 0.6, leading=lead, textColor=MUTED,
                               spaceAfter=1),
        "bullet": ParagraphStyle("bullet", fontName=BASE, fontSize=size, leading=lead, textColor=INK,
                                 leftIndent=13, bulletIndent=3, bulletFontName=bullet_font, spaceBefore=1.2),
        "plainbullet": ParagraphStyle("plainbullet", fontName=BASE, fontSize=size, leading=lead, textColor=INK,
                                      leftIndent=12, spaceBefore=1.6),
        "side_h": ParagraphStyle("side_h", fontName=BOLD, fontSize=10, leading=13, textColor=ACCENT,
                                 spaceBefore=10, spaceAfter=2),
        "side": ParagraphStyle("side", fontName=BASE, fontSize=8.4, leading=11, textColor=INK, spaceAfter=2.5),
    }


def link(text: str, url: str | None) -> str:
    if url is None:
        return esc(text)
    return f'<link href="{esc(url)}">{esc(text)}</link>'


def rl_bullet(text: str, st: dict[str, ParagraphStyle], glyph: str) -> Paragraph:
    if glyph:
        return Paragraph(esc(text), st["bullet"], bulletText=glyph)
    return Paragraph(esc(text), st["plainbullet"])


def rl_section(sec: Section, st: dict[str, ParagraphStyle], glyph: str, heading_rule: bool = True) -> list[Flowable]:
    out: list[Flowable] = [CondPageBreak(30 * mm), Paragraph(esc(sec.heading), st["h"])]
    if heading_rule:
        out.append(HRFlowable(width="100%", thickness=0.6, color=ACCENT, spaceBefore=1, spaceAfter=3))
    if sec.kind == "text":
        out.append(Paragraph(esc(sec.content), st["body"]))
    elif sec.kind == "lines":
        for line in sec.content:
            out.append(Paragraph(esc(line), st["body"]))
            out.append(Spacer(1, 3))
    elif sec.kind == "jobs":
        for job in sec.content:
            head = [
                Paragraph(f"<b>{esc(job.title)}</b>, {esc(job.org)}", st["job"]),
                Paragraph(f"{esc(job.location)} | {esc(job.dates)}", st["meta"]),
            ]
            bullets = [rl_bullet(b, st, glyph) for b in job.bullets]
            out.append(KeepTogether(head + bullets[:2]))
            out.extend(bullets[2:])
    elif sec.kind == "edu":
        for e in sec.content:
            out.append(Paragraph(f"<b>{esc(e.degree)}</b>, {esc(e.school)}, {esc(e.dates)}", st["body"]))
            if e.note:
                out.append(Paragraph(esc(e.note), st["meta"]))
            out.append(Spacer(1, 2))
    elif sec.kind == "skills":
        for cat, items in sec.content:
            text = f"<b>{esc(cat)}:</b> {esc(items)}" if cat else esc(items)
            out.append(Paragraph(text, st["body"]))
            out.append(Spacer(1, 1.5))
    elif sec.kind == "items":
        for title, detail in sec.content:
            text = f"<b>{esc(title)}</b>: {esc(detail)}" if title else esc(detail)
            out.append(rl_bullet_markup(text, st, glyph))
    else:  # pragma: no cover - programming error
        raise ValueError(sec.kind)
    return out


def rl_bullet_markup(markup: str, st: dict[str, ParagraphStyle], glyph: str) -> Paragraph:
    if glyph:
        return Paragraph(markup, st["bullet"], bulletText=glyph)
    return Paragraph(markup, st["plainbullet"])


def rl_doc_kwargs(cv: CV) -> dict[str, Any]:
    return dict(
        title=f"{cv.name} – CV",
        author=cv.name,
        subject="Curriculum vitae",
        creator="cvscan scripts/make_sample_cvs.py",
        keywords="",
        invariant=1,
    )


def render_pdf_onecol(
    cv: CV,
    *,
    glyph: str = "•",
    hidden_block: str | None = None,
    encrypt: StandardEncryption | None = None,
    size: float = 9.6,
    bullet_font: str = BASE,
) -> bytes:
    """One-column reportlab CV: name, contact line, then sections with bold headings."""
    buf = io.BytesIO()
    pagesize = LETTER if cv.letter else A4
    doc = SimpleDocTemplate(
        buf,
        pagesize=pagesize,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=15 * mm,
        bottomMargin=18 * mm,
        encrypt=encrypt,
        **rl_doc_kwargs(cv),
    )
    st = rl_styles(size, bullet_font)
    story: list[Flowable] = [
        Paragraph(esc(cv.name), st["name"]),
        Paragraph(esc(cv.headline), st["headline"]),
        Paragraph(" | ".join(link(t, u) for t, u in contact_bits(cv.contact)), st["contact"]),
        Spacer(1, 2),
    ]
    for sec in cv.sections:
        story += rl_section(sec, st, glyph)

    def on_page(canv: rl_canvas.Canvas, _doc: Any) -> None:
        canv.saveState()
        canv.setFont(BASE, 7.5)
        canv.setFillColor(MUTED)
        canv.drawRightString(pagesize[0] - 18 * mm, 7 * mm, f"{cv.name} – page {canv.getPageNumber()}")
        canv.restoreState()

    def on_first_page(canv: rl_canvas.Canvas, doc_: Any) -> None:
        on_page(canv, doc_)
        if hidden_block:
            # White text in the bottom margin: invisible on screen and on paper, but still in
            # the text layer, which is exactly what an ATS-gaming CV does.
            canv.saveState()
            canv.setFillColorRGB(1, 1, 1)
            canv.setFont(BASE, 6.5)
            lines = textwrap.wrap(hidden_block, 150)
            y = 16.5 * mm  # between the last line of content and the footer
            for line in lines:
                canv.drawString(18 * mm, y, line)
                y -= 7
            canv.restoreState()

    doc.build(story, onFirstPage=on_first_page, onLaterPages=on_page)
    return buf.getvalue()


def render_pdf_twocol(cv: CV, *, glyph: str = "•", bullet_font: str = BASE) -> bytes:
    """Two-column reportlab CV: shaded left sidebar (contact, skills, education...) and a main
    column (name, summary, experience, projects)."""
    buf = io.BytesIO()
    pagesize = LETTER if cv.letter else A4
    width, height = pagesize
    side_w = 64 * mm
    pad = 7 * mm
    margin = 14 * mm
    st = rl_styles(9.3, bullet_font)

    side_frame = Frame(pad, margin, side_w - 2 * pad, height - 2 * margin, id="side",
                       leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    main_x = side_w + 8 * mm
    main_frame = Frame(main_x, margin, width - main_x - margin, height - 2 * margin, id="main",
                       leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    later_frame = Frame(main_x, margin, width - main_x - margin, height - 2 * margin, id="main2",
                        leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)

    def shade(canv: rl_canvas.Canvas, _doc: Any) -> None:
        canv.saveState()
        canv.setFillColor(TINT)
        canv.rect(0, 0, side_w, height, stroke=0, fill=1)
        canv.setFont(BASE, 7.5)
        canv.setFillColor(MUTED)
        canv.drawRightString(width - margin, 8 * mm, f"{cv.name} – page {canv.getPageNumber()}")
        canv.restoreState()

    doc = BaseDocTemplate(buf, pagesize=pagesize, leftMargin=0, rightMargin=0, topMargin=0, bottomMargin=0,
                          **rl_doc_kwargs(cv))
    doc.addPageTemplates([
        PageTemplate(id="first", frames=[side_frame, main_frame], onPage=shade),
        PageTemplate(id="later", frames=[later_frame], onPage=shade),
    ])

    story: list[Flowable] = [Paragraph("Contact", st["side_h"])]
    for text, url in contact_bits(cv.contact):
        story.append(Paragraph(link(text, url), st["side"]))
    for sec in (s for s in cv.sections if s.side):
        story.append(Paragraph(esc(sec.heading), st["side_h"]))
        if sec.kind == "skills":
            for cat, items in sec.content:
                if cat:
                    story.append(Paragraph(f"<b>{esc(cat)}</b>", st["side"]))
                story.append(Paragraph(esc(items), st["side"]))
        elif sec.kind == "edu":
            for e in sec.content:
                story.append(Paragraph(f"<b>{esc(e.degree)}</b>", st["side"]))
                story.append(Paragraph(f"{esc(e.school)}<br/>{esc(e.dates)}", st["side"]))
                if e.note:
                    story.append(Paragraph(esc(e.note), st["side"]))
        elif sec.kind == "items":
            for title, detail in sec.content:
                story.append(Paragraph(f"<b>{esc(title)}</b>: {esc(detail)}" if title else esc(detail), st["side"]))
        elif sec.kind == "text":
            story.append(Paragraph(esc(sec.content), st["side"]))
        else:  # pragma: no cover
            raise ValueError(sec.kind)
    story += [NextPageTemplate("later"), FrameBreak()]
    story += [
        Paragraph(esc(cv.name), st["name"]),
        Paragraph(esc(cv.headline), st["headline"]),
        Spacer(1, 2),
    ]
    for sec in (s for s in cv.sections if not s.side):
        story += rl_section(sec, st, glyph)
    doc.build(story)
    return buf.getvalue()


def render_pdf_image_only(pdf_bytes: bytes, title: str, dpi: int = 110) -> bytes:
    """Rasterise every page of a PDF with pdftoppm and wrap the PNGs in a new PDF with no
    text layer, like a scanned CV."""
    with tempfile.TemporaryDirectory(prefix="cvscan-scan-") as tmp:
        src = Path(tmp) / "src.pdf"
        src.write_bytes(pdf_bytes)
        subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-gray", str(src), str(Path(tmp) / "page")],
                       check=True, capture_output=True, timeout=120)
        pages = sorted(Path(tmp).glob("page*.png"))
        if not pages:
            raise RuntimeError("pdftoppm produced no pages")
        buf = io.BytesIO()
        c = rl_canvas.Canvas(buf, pagesize=A4, invariant=1)
        c.setTitle(title)
        c.setCreator("cvscan scripts/make_sample_cvs.py (scanned)")
        for png in pages:
            # An ImageReader (not a file name) so the XObject name is a hash of the pixels,
            # not of the random temporary path.
            c.drawImage(ImageReader(io.BytesIO(png.read_bytes())), 0, 0, width=A4[0], height=A4[1])
            c.showPage()
        c.save()
        return buf.getvalue()


def encryption(user: str, owner: str, **perms: int) -> StandardEncryption:
    # reportlab's invariant mode draws "random" bytes from a fixed table with a module-level
    # cursor; reset it so each encrypted file is the same however many came before it.
    pdfencrypt._os_random_x = 0  # type: ignore[attr-defined]
    return StandardEncryption(user, ownerPassword=owner, strength=128, **perms)


# --------------------------------------------------------------------------- docx


def _docx_base(cv: CV, font: str = "Calibri", size: float = 10.5) -> Any:
    doc = DocxDocument()
    normal = doc.styles["Normal"]
    normal.font.name = font
    normal.font.size = Pt(size)
    rpr = normal.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.append(rfonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(attr), font)
    sec = doc.sections[0]
    if cv.letter:
        sec.page_width, sec.page_height = Cm(21.59), Cm(27.94)
    else:
        sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.0)
    sec.top_margin = Cm(1.8)
    sec.bottom_margin = Cm(1.8)
    cp = doc.core_properties
    cp.author = cv.name
    cp.last_modified_by = cv.name
    cp.title = f"{cv.name} CV"
    cp.subject = "Curriculum vitae"
    cp.keywords = ""
    cp.comments = ""
    cp.revision = 1
    cp.created = FIXED_DATE
    cp.modified = FIXED_DATE
    cp.last_printed = FIXED_DATE
    return doc


def _docx_bytes(doc: Any) -> bytes:
    buf = io.BytesIO()
    doc.save(buf)
    return normalise_zip(buf.getvalue())


def _para(container: Any, text: str = "", *, bold: bool = False, italic: bool = False, size: float | None = None,
          style: str | None = None, space_after: float | None = None, color: RGBColor | None = None) -> Any:
    p = container.add_paragraph(style=style) if style else container.add_paragraph()
    if text:
        run = p.add_run(text)
        run.bold = bold or None
        run.italic = italic or None
        if size:
            run.font.size = Pt(size)
        if color is not None:
            run.font.color.rgb = color
    if space_after is not None:
        p.paragraph_format.space_after = Pt(space_after)
    return p


def _labelled(container: Any, label: str | None, text: str, style: str | None = None) -> Any:
    p = container.add_paragraph(style=style) if style else container.add_paragraph()
    if label:
        p.add_run(label).bold = True
        p.add_run(text)
    else:
        p.add_run(text)
    p.paragraph_format.space_after = Pt(2)
    return p


def _shade_cell(cell: Any, fill: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcpr.append(shd)


ACCENT_RGB = RGBColor(0x1D, 0x4E, 0x89)
MUTED_RGB = RGBColor(0x52, 0x60, 0x6D)


def render_docx(
    cv: CV,
    *,
    headings: str = "styles",  # "styles" (Heading 1/2) or "bold" (bold Normal paragraphs)
    contact: str = "body",  # "body" or "header" (name + contact line in the page header)
    skills: str = "text",  # "text" or "table"
    bullets: str = "list",  # "list" ('List Bullet' style) or "typed" ("• " typed into Normal paragraphs)
    upper_headings: bool = False,
) -> bytes:
    doc = _docx_base(cv)
    contact_line = cv.contact.line(" | ")

    if contact == "header":
        header = doc.sections[0].header
        header.is_linked_to_previous = False
        hp = header.paragraphs[0]
        r = hp.add_run(cv.name)
        r.bold = True
        r.font.size = Pt(14)
        hp.add_run(f"  {cv.headline}").font.size = Pt(11)
        _para(header, contact_line, size=9, color=MUTED_RGB)
    elif headings == "styles":
        doc.add_paragraph(cv.name, style="Title")
        doc.add_paragraph(cv.headline, style="Subtitle")
        _para(doc, contact_line, size=9.5, space_after=6)
    else:
        _para(doc, cv.name, bold=True, size=20, space_after=0)
        _para(doc, cv.headline, size=12, color=ACCENT_RGB, space_after=2)
        _para(doc, contact_line, size=9.5, space_after=8)

    def heading(text: str, level: int = 1) -> None:
        text = text.upper() if upper_headings and level == 1 else text
        if headings == "styles":
            doc.add_heading(text, level=level)
        else:
            p = _para(doc, text, bold=True, size=12.5 if level == 1 else 11,
                      color=ACCENT_RGB if level == 1 else None, space_after=2)
            p.paragraph_format.space_before = Pt(10 if level == 1 else 6)
            p.paragraph_format.keep_with_next = True

    def bullet(text: str, label: str | None = None) -> None:
        if bullets == "list":
            _labelled(doc, label, text, style="List Bullet")
        else:
            p = doc.add_paragraph()
            p.add_run("•\t")
            if label:
                p.add_run(label).bold = True
            p.add_run(text)
            pf = p.paragraph_format
            pf.space_after = Pt(2)
            pf.left_indent = Cm(0.6)
            pf.first_line_indent = Cm(-0.45)
            pf.tab_stops.add_tab_stop(Cm(0.6))

    for sec in cv.sections:
        heading(sec.heading)
        if sec.kind == "text":
            _para(doc, sec.content, space_after=4)
        elif sec.kind == "lines":
            for line in sec.content:
                _para(doc, line, space_after=4)
        elif sec.kind == "jobs":
            for job in sec.content:
                if headings == "styles":
                    doc.add_heading(f"{job.title}, {job.org}", level=2)
                else:
                    p = _para(doc, "", space_after=0)
                    p.add_run(job.title).bold = True
                    p.add_run(f", {job.org}")
                    p.paragraph_format.space_before = Pt(6)
                    p.paragraph_format.keep_with_next = True
                meta = _para(doc, f"{job.location} | {job.dates}", italic=True, size=9.5, color=MUTED_RGB,
                             space_after=2)
                meta.paragraph_format.keep_with_next = True
                for b in job.bullets:
                    bullet(b)
        elif sec.kind == "edu":
            for e in sec.content:
                _labelled(doc, e.degree, f", {e.school}, {e.dates}")
                if e.note:
                    _para(doc, e.note, italic=True, size=9.5, space_after=3)
        elif sec.kind == "skills":
            if skills == "table" and all(cat for cat, _ in sec.content):
                table = doc.add_table(rows=0, cols=2)
                table.style = doc.styles["Table Grid"]
                table.alignment = WD_TABLE_ALIGNMENT.CENTER
                for cat, items in sec.content:
                    row = table.add_row().cells
                    row[0].width, row[1].width = Cm(4.0), Cm(13.0)
                    row[0].paragraphs[0].add_run(cat).bold = True
                    row[1].paragraphs[0].add_run(items)
                table.autofit = False
                table.columns[0].width, table.columns[1].width = Cm(4.0), Cm(13.0)
                _para(doc, "", space_after=0)
            else:
                for cat, items in sec.content:
                    if cat:
                        _labelled(doc, f"{cat}: ", items)
                    else:
                        _para(doc, items, space_after=3)
        elif sec.kind == "items":
            for title, detail in sec.content:
                bullet(detail if not title else f": {detail}", label=title)
        else:  # pragma: no cover
            raise ValueError(sec.kind)
    return _docx_bytes(doc)


def render_docx_table(cv: CV) -> bytes:
    """Two-column DOCX built from a borderless 1x2 table: a shaded sidebar cell (contact,
    skills, education) and a main cell (profile, projects, experience)."""
    doc = _docx_base(cv, size=10)
    _para(doc, cv.name, bold=True, size=20, space_after=0)
    _para(doc, cv.headline, size=12, color=ACCENT_RGB, space_after=6)
    table = doc.add_table(rows=1, cols=2)
    table.autofit = False
    left, right = table.rows[0].cells
    left.width, right.width = Cm(5.6), Cm(11.4)
    _shade_cell(left, "E6EEF6")

    def cell_heading(cell: Any, text: str) -> None:
        p = _para(cell, text.upper(), bold=True, size=11, color=ACCENT_RGB, space_after=2)
        p.paragraph_format.space_before = Pt(8)

    # Sidebar: contact block first (the cell's first, empty paragraph holds the heading).
    first = left.paragraphs[0]
    r = first.add_run("CONTACT")
    r.bold = True
    r.font.size = Pt(11)
    r.font.color.rgb = ACCENT_RGB
    for part in cv.contact.parts():
        _para(left, part, size=9, space_after=1)
    for sec in (s for s in cv.sections if s.side):
        cell_heading(left, sec.heading)
        if sec.kind == "skills":
            for cat, items in sec.content:
                if cat:
                    _para(left, cat, bold=True, size=9, space_after=0)
                _para(left, items, size=9, space_after=3)
        elif sec.kind == "edu":
            for e in sec.content:
                _para(left, e.degree, bold=True, size=9, space_after=0)
                _para(left, f"{e.school}, {e.dates}", size=9, space_after=1)
                if e.note:
                    _para(left, e.note, italic=True, size=9, space_after=3)
        elif sec.kind == "items":
            for title, detail in sec.content:
                _para(left, f"{title}: {detail}" if title else detail, size=9, space_after=2)
        else:  # pragma: no cover
            raise ValueError(sec.kind)

    first_main = True
    for sec in (s for s in cv.sections if not s.side):
        if first_main:
            p = right.paragraphs[0]
            rr = p.add_run(sec.heading.upper())
            rr.bold = True
            rr.font.size = Pt(11)
            rr.font.color.rgb = ACCENT_RGB
            first_main = False
        else:
            cell_heading(right, sec.heading)
        if sec.kind == "text":
            _para(right, sec.content, space_after=3)
        elif sec.kind == "items":
            for title, detail in sec.content:
                p = right.add_paragraph(style="List Bullet")
                if title:
                    p.add_run(title).bold = True
                    p.add_run(f": {detail}")
                else:
                    p.add_run(detail)
        elif sec.kind == "jobs":
            for job in sec.content:
                p = _para(right, "", space_after=0)
                p.add_run(job.title).bold = True
                p.add_run(f", {job.org}")
                p.paragraph_format.space_before = Pt(5)
                _para(right, f"{job.location} | {job.dates}", italic=True, size=9, color=MUTED_RGB, space_after=1)
                for b in job.bullets:
                    right.add_paragraph(b, style="List Bullet")
        else:  # pragma: no cover
            raise ValueError(sec.kind)
    return _docx_bytes(doc)


# --------------------------------------------------------------------------- text / markdown


def render_txt(cv: CV, *, style: str = "underline", wrap: int | None = None) -> bytes:
    """Plain text: 'underline' headings are followed by a row of '=', 'upper' headings are
    in capitals; bullets start with '-'."""
    lines: list[str] = []

    def para(text: str, indent: str = "", first: str = "") -> None:
        if wrap:
            lines.extend(textwrap.wrap(text, wrap, initial_indent=first or indent, subsequent_indent=indent))
        else:
            lines.append((first or indent) + text)

    name = cv.name.upper() if style == "upper" else cv.name
    lines += [name, cv.headline, cv.contact.line(" | "), ""]
    for sec in cv.sections:
        if style == "underline":
            lines += [sec.heading, "=" * len(sec.heading)]
        else:
            lines.append(sec.heading.upper())
        if sec.kind == "text":
            para(sec.content)
        elif sec.kind == "lines":
            for line in sec.content:
                para(line)
        elif sec.kind == "jobs":
            for i, job in enumerate(sec.content):
                if i:
                    lines.append("")
                lines.append(f"{job.title}, {job.org} ({job.location})")
                lines.append(job.dates)
                for b in job.bullets:
                    para(b, indent="  ", first="- ")
        elif sec.kind == "edu":
            for e in sec.content:
                lines.append(f"{e.degree}, {e.school}, {e.dates}")
                if e.note:
                    para(e.note, indent="  ", first="  ")
        elif sec.kind == "skills":
            for cat, items in sec.content:
                para(f"{cat}: {items}" if cat else items, indent="  ", first="- ")
        elif sec.kind == "items":
            for title, detail in sec.content:
                para(f"{title}: {detail}" if title else detail, indent="  ", first="- ")
        lines.append("")
    return ("\n".join(lines).rstrip() + "\n").encode("utf-8")


def render_md(cv: CV) -> bytes:
    lines = [f"# {cv.name}", "", f"**{cv.headline}**", ""]
    bits = []
    for text, url in contact_bits(cv.contact):
        bits.append(f"[{text}]({url})" if url and not url.startswith("mailto:") else text)
    lines += [" · ".join(bits), ""]
    for sec in cv.sections:
        lines += [f"## {sec.heading}", ""]
        if sec.kind == "text":
            lines.append(sec.content)
        elif sec.kind == "jobs":
            for job in sec.content:
                lines += [f"### {job.title}, {job.org}", "", f"*{job.location} · {job.dates}*", ""]
                lines += [f"- {b}" for b in job.bullets]
                lines.append("")
        elif sec.kind == "edu":
            for e in sec.content:
                lines.append(f"- **{e.degree}**, {e.school}, {e.dates}." + (f" {e.note}" if e.note else ""))
        elif sec.kind == "skills":
            for cat, items in sec.content:
                lines.append(f"- **{cat}:** {items}" if cat else f"- {items}")
        elif sec.kind == "items":
            for title, detail in sec.content:
                if sec.canonical == "publications":
                    detail = detail.replace("Lindqvist, I.", "**Lindqvist, I.**")
                lines.append(f"- **{title}**: {detail}" if title else f"- {detail}")
        elif sec.kind == "lines":
            lines += list(sec.content)
        lines.append("")
    return ("\n".join(lines).rstrip() + "\n").encode("utf-8")


# --------------------------------------------------------------------------- libreoffice


def soffice_binary() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def libreoffice_to_pdf(docx_bytes: bytes, stem: str, soffice: str) -> bytes:
    """Convert a DOCX to PDF with a throw-away LibreOffice profile (so it neither clashes with
    a running LibreOffice nor depends on the user's settings)."""
    with tempfile.TemporaryDirectory(prefix="cvscan-lo-") as tmp:
        tmpdir = Path(tmp)
        src = tmpdir / f"{stem}.docx"
        src.write_bytes(docx_bytes)
        profile = (tmpdir / "profile").as_uri()
        cmd = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", str(tmpdir / "out"), str(src)]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=240)
        out = tmpdir / "out" / f"{stem}.pdf"
        if proc.returncode != 0 or not out.exists():
            raise RuntimeError(f"LibreOffice conversion of {stem} failed: {proc.stdout}\n{proc.stderr}")
        return out.read_bytes()


# --------------------------------------------------------------------------- the set


@dataclass
class Spec:
    entry: Entry
    build: Callable[[], bytes]
    libreoffice_source: Callable[[], bytes] | None = None  # DOCX to export with LibreOffice
    needs: str | None = None  # external tool needed by build()


def specs() -> list[Spec]:
    out: list[Spec] = []

    def add(entry: Entry, build: Callable[[], bytes], **kw: Any) -> None:
        out.append(Spec(entry, build, **kw))

    add(Entry("ml_engineer.pdf", "pdf", "one-column", "ml-engineer", ROHAN,
              ["Python", "PyTorch", "Kubernetes", "Docker", "FastAPI", "MLflow", "Kafka", "LightGBM",
               "scikit-learn", "ONNX Runtime"],
              bullet_marker="•",
              generator="reportlab", notes="README demo CV; U+2022 bullets in the embedded Vera font, so they extract as a real •."),
        lambda: render_pdf_onecol(ROHAN, glyph="•", bullet_font=UNICODE_BULLET_FONT))

    add(Entry("data_scientist.docx", "docx", "docx-header", "data-scientist", ELEANOR,
              ["Python", "SQL", "pandas", "scikit-learn", "XGBoost", "SHAP", "Tableau", "Power BI", "Plotly"],
              generator="python-docx", contact_in_header=True, has_table=True,
              notes="Name and contact line only in the page header; skills in a 2-column table; Heading 1/2 "
                    "styles and 'List Bullet' bullets."),
        lambda: render_docx(ELEANOR, headings="styles", contact="header", skills="table", bullets="list"))

    add(Entry("mlops_engineer.pdf", "pdf", "two-column", "mlops-engineer", KWAME,
              ["Kubernetes", "Docker", "MLflow", "Kubeflow", "DVC", "Terraform", "GitHub Actions", "Prometheus",
               "Evidently", "Jenkins"],
              bullet_marker="•", generator="reportlab",
              notes="Shaded left sidebar (contact, Toolbox, education, certifications); main column has "
                    "About and Work History."),
        lambda: render_pdf_twocol(KWAME, glyph="•", bullet_font=UNICODE_BULLET_FONT))

    add(Entry("nlp_engineer.txt", "txt", "txt", "nlp-engineer", LUCIA,
              ["Python", "Hugging Face Transformers", "spaCy", "NLTK", "BERT", "FAISS", "PyTorch", "TensorFlow",
               "ONNX Runtime", "Docker"],
              bullet_marker="-",
              generator="text", notes="UTF-8 plain text, headings underlined with '=', '-' bullets."),
        lambda: render_txt(LUCIA, style="underline"))

    hiroshi_docx = lambda: render_docx(HIROSHI, headings="styles", contact="body", skills="text",  # noqa: E731
                                       bullets="list")
    add(Entry("computer_vision_engineer.pdf", "pdf", "libreoffice", "computer-vision-engineer", HIROSHI,
              ["Python", "PyTorch", "OpenCV", "TensorRT", "C++", "CUDA", "Docker", "TensorFlow", "Albumentations"],
              bullet_marker="\uf0b7", generator="python-docx + LibreOffice",
              notes="DOCX with Title/Heading styles and 'List Bullet' bullets, exported to PDF by LibreOffice "
                    "(not byte-identical between exports)."),
        hiroshi_docx, libreoffice_source=hiroshi_docx)

    add(Entry("research_scientist.md", "md", "md", "research-scientist", INGRID,
              ["Python", "JAX", "PyTorch", "NumPy", "C++", "CUDA", "variational inference"],
              bullet_marker="-",
              generator="text", notes="Markdown: '#' name, '##' sections, '###' jobs, '-' bullets, links."),
        lambda: render_md(INGRID))

    add(Entry("ml_consultant.docx", "docx", "docx-bold", "ml-consultant", MARCUS,
              ["Python", "SQL", "scikit-learn", "XGBoost", "Azure ML", "Databricks", "Jira", "AWS"],
              bullet_marker="•", generator="python-docx",
              notes="Headings are bold Normal paragraphs (no heading styles); bullets typed as '•' + tab."),
        lambda: render_docx(MARCUS, headings="bold", contact="body", skills="text", bullets="typed"))

    add(Entry("ml_product_manager.pdf", "pdf", "one-column", "ml-product-manager", AISHA,
              ["A/B testing", "Jira", "SQL", "Tableau", "Agile", "Confluence", "user research", "roadmapping"],
              generator="reportlab", notes="Glyph-less bullets (indented paragraphs, no bullet character)."),
        lambda: render_pdf_onecol(AISHA, glyph=""))

    gareth_docx = lambda: render_docx(GARETH, headings="bold", contact="body", skills="table",  # noqa: E731
                                      bullets="typed", upper_headings=True)
    add(Entry("data_engineer.pdf", "pdf", "libreoffice", "data-engineer", GARETH,
              ["Python", "SQL", "Scala", "Kafka", "Airflow", "Redshift", "BigQuery", "PostgreSQL", "Hadoop", "dbt"],
              bullet_marker="•", generator="python-docx + LibreOffice", has_table=True,
              notes="DOCX with bold upper-case headings, typed bullets and a skills table, exported to PDF by "
                    "LibreOffice (not byte-identical between exports)."),
        gareth_docx, libreoffice_source=gareth_docx)

    add(Entry("ml_security_specialist.pdf", "pdf", "two-column", "ml-security-specialist", NADIA,
              ["Python", "PyTorch", "adversarial training", "differential privacy", "threat modeling",
               "penetration testing", "Opacus", "Kubernetes", "Docker"],
              bullet_marker="(cid:127)",
              generator="reportlab", notes="US letter, US spelling; shaded sidebar with skills and education."),
        lambda: render_pdf_twocol(NADIA, glyph="•"))

    add(Entry("graduate_ml_engineer.docx", "docx", "docx-table", "ml-engineer", CHLOE,
              ["Python", "PyTorch", "scikit-learn", "FastAPI", "Docker", "pytest", "GitHub Actions", "pandas",
               "SQL"],
              generator="python-docx", has_table=True,
              notes="Whole CV laid out in a borderless 1x2 table: shaded sidebar cell (contact, skills, "
                    "education, awards) and main cell; graduate CV with projects before experience."),
        lambda: render_docx_table(CHLOE))

    add(Entry("primary_school_teacher.txt", "txt", "txt", None, BETHAN, [],
              bullet_marker="-", generator="text",
              notes="Outside ML. UPPER-CASE headings, '-' bullets, lines wrapped at 78 characters."),
        lambda: render_txt(BETHAN, style="upper", wrap=78))

    add(Entry("junior_data_scientist.pdf", "pdf", "one-column", "data-scientist", SAM,
              ["Python", "SQL", "pandas", "scikit-learn", "LightGBM", "Power BI", "A/B testing", "Excel"],
              bullet_marker="(cid:127)", generator="reportlab",
              notes="Honest one-page CV; keyword_stuffed.pdf and hidden_text.pdf are variants of it."),
        lambda: render_pdf_onecol(SAM, glyph="•"))

    add(Entry("keyword_stuffed.pdf", "pdf", "one-column", "data-scientist", SAM_STUFFED,
              ["Python", "SQL", "pandas", "scikit-learn", "LightGBM", "Power BI", "NumPy"],
              bullet_marker="(cid:127)", generator="reportlab", stuffed=True, variant_of="junior_data_scientist.pdf",
              notes="Same experience as junior_data_scientist.pdf plus a buzzword summary, a padded skills "
                    "list and a context-free keyword dump repeated three times. Skills such as TensorFlow, "
                    "Kubernetes and Spark are listed but never used in the experience."),
        lambda: render_pdf_onecol(SAM_STUFFED, glyph="•"))

    add(Entry("hidden_text.pdf", "pdf", "one-column", "data-scientist", SAM,
              ["Python", "SQL", "pandas", "scikit-learn", "LightGBM", "Power BI", "A/B testing", "Excel"],
              bullet_marker="(cid:127)",
              generator="reportlab", hidden_text=True, hidden_keywords=list(HIDDEN_KEYWORDS),
              variant_of="junior_data_scientist.pdf",
              notes="Identical to junior_data_scientist.pdf except for a block of keywords drawn in white "
                    "(fill colour 1,1,1, 6.5 pt) in the bottom margin of page 1."),
        lambda: render_pdf_onecol(SAM, glyph="•", hidden_block=HIDDEN_BLOCK))

    add(Entry("image_only.pdf", "pdf", "image-only", "ml-consultant", MARCUS, [],
              generator="reportlab + pdftoppm", expect_error="NoTextLayerError", variant_of="ml_consultant.docx",
              notes="The ml_consultant CV rendered to PNG at 110 dpi (greyscale) and embedded as page images; "
                    "there is no text layer, as in a scanned CV."),
        lambda: render_pdf_image_only(render_pdf_onecol(MARCUS, glyph="•"), f"{MARCUS.name} – CV (scan)"),
        needs="pdftoppm")

    add(Entry("encrypted_user_password.pdf", "pdf", "encrypted", "nlp-engineer", LUCIA, [],
              generator="reportlab", expect_error="EncryptedDocumentError", variant_of="nlp_engineer.txt",
              password=USER_PASSWORD,
              notes=f"RC4-128 encrypted; needs the user password '{USER_PASSWORD}' to open "
                    f"(owner password '{OWNER_PASSWORD}')."),
        lambda: render_pdf_onecol(LUCIA, glyph="•",
                                  encrypt=encryption(USER_PASSWORD, OWNER_PASSWORD)))

    add(Entry("owner_password_only.pdf", "pdf", "encrypted-owner-only", "ml-engineer", FATIMA,
              ["Python", "SQL", "TensorFlow", "scikit-learn", "BigQuery", "Airflow", "Docker", "Kubernetes"],
              bullet_marker="(cid:127)", generator="reportlab",
              notes=f"RC4-128 encrypted with an empty user password and owner password '{OWNER_PASSWORD}' "
                    "(printing disallowed): opens and extracts without a password."),
        lambda: render_pdf_onecol(FATIMA, glyph="•",
                                  encrypt=encryption("", OWNER_PASSWORD, canPrint=0)))
    return out


# --------------------------------------------------------------------------- manifest


def expect_sections(cv: CV, layout: str) -> list[str]:
    seen = ["contact"]
    sections = list(cv.sections)
    if layout in ("two-column", "docx-table"):
        sections = [s for s in sections if s.side] + [s for s in sections if not s.side]
    for s in sections:
        if s.canonical not in seen:
            seen.append(s.canonical)
    return seen


# A standalone number (not part of a name such as "3D", "S3" or "ResNet-50").
NUMBER = re.compile(r"(?<![\w-])[£$]?\d[\d,.]*(?:%|k|M|x)?(?!\w)")


def manifest_record(e: Entry) -> dict[str, Any]:
    bullets = [b for j in e.cv.jobs() for b in j.bullets]
    readable = e.expect_error is None
    rec: dict[str, Any] = {
        "file": e.file,
        "format": e.format,
        "layout": e.layout,
        "role": e.role,
        "candidate": e.cv.name,
        "pages": e.pages,
        "expect_error": e.expect_error,
        "expect_skills": list(e.expect_skills),
        "expect_sections": expect_sections(e.cv, e.layout) if readable else [],
        "experience_jobs": len(e.cv.jobs()),
        "experience_bullets": len(bullets),
        "quantified_bullets": sum(1 for b in bullets if NUMBER.search(b)),
        "hidden_text": e.hidden_text,
        "hidden_keywords": list(e.hidden_keywords),
        "stuffed": e.stuffed,
        "contact_in_header": e.contact_in_header,
        "has_table": e.has_table,
        "bullet_marker": e.bullet_marker,
        "email": e.cv.contact.email,
        "phone": e.cv.contact.phone,
        "variant_of": e.variant_of,
        "password": e.password,
        "generator": e.generator,
        "notes": e.notes,
    }
    if e.source_sha256:
        rec["source_sha256"] = e.source_sha256
    return rec


MANIFEST_HEADER = """\
# Sample CVs for cvscan: generated by scripts/make_sample_cvs.py, do not edit by hand.
# All people, employers and contact details are invented.
#
# Per file:
#   format / layout     file type and how it is laid out
#   role                intended role slug from the seed article, or null (outside ML)
#   pages               page count for PDFs, null otherwise
#   expect_error        cvscan error class a reader should raise (null = readable)
#   expect_skills       skill names that appear verbatim in the visible text
#   expect_sections     canonical sections present, in reading order (sidebar first for
#                       two-column layouts); contact is always first
#   experience_*        counts from the source data; quantified_bullets = experience
#                       bullets containing a standalone number (a count, %, money, time,
#                       multiplier); the others have no figure written in digits
#   hidden_text / hidden_keywords  keywords drawn in white (invisible) text; they appear
#                       only in that hidden block, never in the visible text
#   stuffed             keyword-stuffed CV (buzzwords, repeated keyword dump)
#   contact_in_header   name and contact line only in the DOCX page header
#   bullet_marker       what precedes each bullet in the extracted text (pdfminer.six for
#                       PDFs): "•", "-", "(cid:127)" (reportlab's Helvetica bullet, which
#                       pdfminer cannot map), "\uf0b7" (LibreOffice's Symbol-font bullet), or
#                       null when bullets carry no character (Word list numbering, indented
#                       paragraphs)
#   variant_of          the file this one is derived from
#   password            user password for encrypted files
#   source_sha256       LibreOffice exports only: hash of the DOCX that was exported
"""


def write_manifest(out_dir: Path, entries: list[Entry]) -> None:
    body = yaml.safe_dump({"files": [manifest_record(e) for e in entries]}, sort_keys=False, allow_unicode=True,
                          width=100, default_flow_style=False)
    write_if_changed(out_dir / "manifest.yaml", (MANIFEST_HEADER + "\n" + body).encode("utf-8"))


README = """\
# Sample CVs

Eighteen invented CVs for tests, docs and demos, generated by
`scripts/make_sample_cvs.py` (run `.venv/bin/python scripts/make_sample_cvs.py`) and
described file by file in `manifest.yaml` (format, layout, intended role, skills and
sections a reader must find, hidden text, stuffing, expected error). They cover the ten
ML roles of the seed article (`ml_engineer.pdf` is the README demo), one CV from outside
ML (`primary_school_teacher.txt`), and awkward cases: `keyword_stuffed.pdf` and
`hidden_text.pdf` (white keywords in the bottom margin) are variants of the honest
`junior_data_scientist.pdf`, `image_only.pdf` has no text layer, `encrypted_user_password.pdf`
needs the password `open-sesame`, and `owner_password_only.pdf` is encrypted but opens
without one. Layouts: reportlab one- and two-column PDFs, python-docx DOCX (contact in
the page header with a skills table, bold-paragraph headings, a two-column table
layout), LibreOffice-exported PDFs, plain text and Markdown. Everything except the two
LibreOffice exports (`computer_vision_engineer.pdf`, `data_engineer.pdf`) is
byte-for-byte reproducible; those are re-exported only when `soffice` is installed and
their source DOCX changed (or with `--with-libreoffice`), so tests and CI never need
LibreOffice. All names, employers, e-mail addresses (example.com / example.org) and
phone numbers (+44 7700 900xxx, 555) are fictitious.
"""


# --------------------------------------------------------------------------- checks


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00ad", "")).lower()


def extract_text(path: Path, password: str | None = None) -> str | None:
    """Text of a generated file, or None if the tool needed is missing."""
    suffix = path.suffix.lower()
    if suffix in (".txt", ".md"):
        return path.read_text("utf-8")
    if suffix == ".docx":
        doc = DocxDocument(str(path))
        parts = [p.text for s in doc.sections for p in s.header.paragraphs]
        parts += [p.text for p in doc.paragraphs]

        def cells(tables: Any) -> None:
            for t in tables:
                for row in t.rows:
                    for c in row.cells:
                        parts.extend(p.text for p in c.paragraphs)
                        cells(c.tables)

        cells(doc.tables)
        return "\n".join(parts)
    if shutil.which("pdftotext") is None:
        return None
    cmd = ["pdftotext", "-enc", "UTF-8"]
    if password:
        cmd += ["-upw", password]
    proc = subprocess.run(cmd + [str(path), "-"], capture_output=True, timeout=60)
    if proc.returncode != 0:
        return None
    return proc.stdout.decode("utf-8", "replace")


def check(out_dir: Path, entries: list[Entry]) -> list[str]:
    problems: list[str] = []
    for e in entries:
        path = out_dir / e.file
        if e.format == "pdf":
            if e.pages is None or not 1 <= e.pages <= 2:
                problems.append(f"{e.file}: {e.pages} pages (want 1-2)")
        if e.expect_error == "EncryptedDocumentError":
            if shutil.which("qpdf"):
                rc = subprocess.run(["qpdf", "--requires-password", str(path)], capture_output=True).returncode
                if rc != 0:
                    problems.append(f"{e.file}: qpdf says no password is required (rc={rc})")
            text = extract_text(path, password=e.password)
            if text is not None and _norm(e.cv.name) not in _norm(text):
                problems.append(f"{e.file}: text not readable with the user password")
            continue
        if e.expect_error == "NoTextLayerError":
            text = extract_text(path)
            if text is not None and text.strip():
                problems.append(f"{e.file}: has a text layer: {text[:60]!r}")
            continue
        if e.layout == "encrypted-owner-only" and shutil.which("qpdf"):
            rc = subprocess.run(["qpdf", "--requires-password", str(path)], capture_output=True).returncode
            if rc != 3:
                problems.append(f"{e.file}: expected 'encrypted, no password needed' (qpdf rc 3), got {rc}")
        text = extract_text(path)
        if text is None:
            print(f"  (skipping text checks for {e.file}: pdftotext not available)")
            continue
        norm = _norm(text)
        if _norm(e.cv.name) not in norm:
            problems.append(f"{e.file}: candidate name missing from extracted text")
        for skill in e.expect_skills:
            if _norm(skill) not in norm:
                problems.append(f"{e.file}: expected skill {skill!r} not found in extracted text")
        visible = _norm(e.cv.visible_text())
        for skill in e.expect_skills:
            if _norm(skill) not in visible:
                problems.append(f"{e.file}: expected skill {skill!r} not in the CV's visible content")
        if e.hidden_text:
            for kw in e.hidden_keywords:
                if _norm(kw) not in norm:
                    problems.append(f"{e.file}: hidden keyword {kw!r} missing from the text layer")
                if re.search(r"\b" + re.escape(_norm(kw)) + r"\b", visible):
                    problems.append(f"{e.file}: hidden keyword {kw!r} also appears in the visible text")
        if e.format == "pdf" and e.bullet_marker is not None:
            try:
                from pdfminer.high_level import extract_text as pdfminer_text
            except ImportError:  # pragma: no cover - pdfminer is optional here
                pdfminer_text = None
            if pdfminer_text is not None and e.bullet_marker not in pdfminer_text(str(path)):
                problems.append(f"{e.file}: bullet marker {e.bullet_marker!r} not in pdfminer's text")
        if e.stuffed and norm.count("machine learning") < 8:
            problems.append(f"{e.file}: not stuffed enough")
        if e.contact_in_header and e.cv.contact.email in "\n".join(
                p.text for p in DocxDocument(str(path)).paragraphs):
            problems.append(f"{e.file}: contact should be only in the header")
    return problems


# --------------------------------------------------------------------------- main


def load_old_manifest(out_dir: Path) -> dict[str, dict[str, Any]]:
    path = out_dir / "manifest.yaml"
    if not path.exists():
        return {}
    try:
        data = yaml.safe_load(path.read_text("utf-8")) or {}
    except yaml.YAMLError:
        return {}
    return {rec["file"]: rec for rec in data.get("files", []) if isinstance(rec, dict) and "file" in rec}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output directory (default: sample_cvs/)")
    lo = parser.add_mutually_exclusive_group()
    lo.add_argument("--with-libreoffice", action="store_true",
                    help="re-export the LibreOffice PDFs even if their DOCX source is unchanged")
    lo.add_argument("--no-libreoffice", action="store_true",
                    help="never run LibreOffice; keep the LibreOffice PDFs already on disk")
    parser.add_argument("--no-check", action="store_true", help="skip the post-generation checks")
    args = parser.parse_args(argv)

    out_dir: Path = args.out
    out_dir.mkdir(parents=True, exist_ok=True)
    old = load_old_manifest(out_dir)
    soffice = None if args.no_libreoffice else soffice_binary()
    if args.with_libreoffice and soffice is None:
        parser.error("--with-libreoffice given but soffice/libreoffice is not on the PATH")

    entries: list[Entry] = []
    for spec in specs():
        e = spec.entry
        path = out_dir / e.file
        if spec.libreoffice_source is not None:
            src = spec.libreoffice_source()
            digest = sha256(src)
            e.source_sha256 = digest
            fresh = path.exists() and old.get(e.file, {}).get("source_sha256") == digest
            if soffice and (args.with_libreoffice or not fresh):
                print(f"exporting {e.file} with LibreOffice")
                path.write_bytes(libreoffice_to_pdf(src, path.stem, soffice))
            elif not path.exists():
                print(f"WARNING: {e.file} is missing and LibreOffice was not run (not installed, or "
                      "--no-libreoffice); left out", file=sys.stderr)
                continue
            else:
                if not fresh:
                    print(f"WARNING: {e.file} is stale (its DOCX source changed) but LibreOffice was not run; "
                          "keeping the old export", file=sys.stderr)
                    e.source_sha256 = old.get(e.file, {}).get("source_sha256")
                print(f"kept      {e.file}")
        elif spec.needs and shutil.which(spec.needs) is None:
            if not path.exists():
                print(f"WARNING: {e.file} needs {spec.needs}, which is not installed; left out", file=sys.stderr)
                continue
            print(f"kept      {e.file} ({spec.needs} not installed)")
        else:
            write_if_changed(path, spec.build())
            print(f"wrote     {e.file}")
        if e.format == "pdf":
            e.pages = pdf_page_count(path.read_bytes())
        entries.append(e)

    write_manifest(out_dir, entries)
    write_if_changed(out_dir / "README.md", README.encode("utf-8"))
    known = {e.file for e in entries} | {"manifest.yaml", "README.md"}
    for extra in sorted(p.name for p in out_dir.iterdir() if p.is_file() and p.name not in known):
        print(f"note: {extra} in {out_dir} is not produced by this script", file=sys.stderr)

    if not args.no_check:
        problems = check(out_dir, entries)
        for p in problems:
            print(f"CHECK FAILED: {p}", file=sys.stderr)
        if problems:
            return 1
        print(f"checked {len(entries)} files: OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
