"""The `dueprocess` console script: every management command, and the friendly names."""

import json
import os
import subprocess
import sys

import pytest

from dueprocess import cli


def run_cli(*args: str, tmp_path) -> subprocess.CompletedProcess:
    env = {**os.environ, "DUEPROCESS_DATA_DIR": str(tmp_path), "DUEPROCESS_LANGUAGE": "en"}
    env.pop("DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "dueprocess.cli", *args], env=env, capture_output=True, text=True, timeout=120
    )


def test_any_management_command_is_reachable(tmp_path):
    result = run_cli("check", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_the_friendly_names_map_to_the_house_commands():
    assert cli.ALIASES["import"] == "import_people"
    assert cli.ALIASES["seed"] == "seed_organisation"


def test_demo_without_serving_loads_the_organisation_and_prints_every_login(tmp_path):
    result = run_cli("demo", "--no-serve", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    for username in ("hr.admin", "hrbp", "manager", "legal", "employee", "auditor", "other.manager"):
        assert username in result.stdout
    again = run_cli("demo", "--no-serve", tmp_path=tmp_path)
    assert again.returncode == 0, again.stderr


@pytest.mark.parametrize("command", ["serve", "demo"])
def test_serve_and_demo_describe_themselves(tmp_path, command):
    result = run_cli(command, "--help", tmp_path=tmp_path)
    assert result.returncode == 0 and "--" in result.stdout


def test_assess_runs_the_law_engine_without_starting_django(tmp_path):
    facts = {
        "jurisdiction": "CN", "locality": "shanghai", "ground": "mutual_agreement_employer_proposed",
        "employee": {"hire_date": "2024-01-01"}, "last_day": "2025-01-31",
        "pay": {"average_monthly": "10000.00"},
    }  # fmt: skip
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(facts))
    code = (
        "import sys; from dueprocess import cli; "
        "status = cli.main(['dueprocess', 'assess', sys.argv[1], '--json']); "
        "assert 'django' not in sys.modules, 'assess imported Django'; sys.exit(status)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["severance"]["amount"] == "15000.00"
