"""redact=True removes names, emails, phone numbers, locations and profile links from reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from cvscan import Analyzer, analyze

SAMPLES = Path(__file__).resolve().parents[1] / "sample_cvs"


@pytest.mark.parametrize("sample", ["data_scientist.docx", "ml_engineer.pdf", "nlp_engineer.txt"])
def test_redacted_report_holds_no_personal_details(sample: str) -> None:
    plain = Analyzer().analyze(SAMPLES / sample)
    redacted = Analyzer(redact=True).analyze(SAMPLES / sample)
    secrets = [item.value for _, item in plain.contact.items()]
    assert plain.contact.email is not None and plain.contact.name is not None
    text = redacted.to_json()
    for secret in secrets:
        assert secret not in text
    for part in plain.contact.name.value.split():
        if len(part) > 2:
            assert part not in text
    assert redacted.contact.email is None
    # the analysis itself is unchanged
    assert [(r.role, r.score) for r in redacted.roles] == [(r.role, r.score) for r in plain.roles]
    assert len(redacted.achievements) == len(plain.achievements)


def test_module_level_analyze_takes_redact() -> None:
    report = analyze(SAMPLES / "nlp_engineer.txt", redact=True)
    assert report.contact.name is None and "@" not in report.to_json().replace('"$schema"', "")


def test_batch_redact_leaves_contact_details_out_of_the_output(tmp_path: Path) -> None:
    import json

    from click.testing import CliRunner

    from cvscan.cli import cli

    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(cli, ["batch", str(SAMPLES / "nlp_engineer.txt"), "--out", str(out),
                                      "--workers", "1", "--redact"])
    assert result.exit_code == 0, result.output
    row = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert row["ok"] and row["report"]["contact"]["email"] is None
    assert "lucia.ferrer@example.org" not in out.read_text(encoding="utf-8")
