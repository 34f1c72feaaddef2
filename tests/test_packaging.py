"""The wheel ships the lexicons and reads them with importlib.resources, not from the source tree."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_ships_lexicons_and_loads_them(tmp_path: Path) -> None:
    pytest.importorskip("hatchling")
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(dist), str(ROOT)],
        check=True,
    )
    wheel = next(dist.glob("cvscan-*.whl"))
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    site = Path(subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True).stdout.strip())
    # Install the wheel alone; borrow its dependencies from this environment through a .pth
    # line (which adds the folder but does not run its .pth files, so the editable install of
    # cvscan stays out of the way).
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(site), str(wheel)],
                   check=True)
    (site / "zz_borrowed_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    probe = (
        "import json, cvscan, cvscan.resources as r, cvscan.lexicon as l, cvscan.scoring as s;"
        "print(json.dumps({'module': cvscan.__file__, 'lexicons': str(r.lexicon_dir()),"
        " 'skills': len(l.load_lexicon()), 'roles': len(s.load_roles())}))"
    )
    out = subprocess.run([str(python), "-c", probe], check=True, capture_output=True, text=True, cwd=tmp_path)
    found = json.loads(out.stdout)
    assert Path(found["module"]).is_relative_to(site)
    assert Path(found["lexicons"]).is_relative_to(site)
    assert found["skills"] >= 1000
    assert found["roles"] == 10
