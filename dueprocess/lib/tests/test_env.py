import pytest

from dueprocess.lib.env import EnvError, env_bool, env_list, secret_key


@pytest.mark.parametrize(
    "raw, expected", [("1", True), ("yes", True), ("ON", True), ("0", False), ("", False)]
)
def test_booleans_are_read_in_their_usual_spellings(monkeypatch, raw, expected):
    monkeypatch.setenv("DP_FLAG", raw)
    assert env_bool("DP_FLAG", not expected) is expected


def test_a_boolean_that_is_not_one_names_the_variable(monkeypatch):
    monkeypatch.setenv("DP_FLAG", "maybe")
    with pytest.raises(EnvError, match="DP_FLAG"):
        env_bool("DP_FLAG", False)


def test_lists_are_comma_separated_and_trimmed(monkeypatch):
    monkeypatch.setenv("DP_HOSTS", " a.example , b.example,,")
    assert env_list("DP_HOSTS", []) == ["a.example", "b.example"]
    monkeypatch.delenv("DP_HOSTS")
    assert env_list("DP_HOSTS", ["x"]) == ["x"]


def test_the_secret_key_is_generated_once_and_kept_private(monkeypatch, tmp_path):
    monkeypatch.delenv("DUEPROCESS_SECRET_KEY", raising=False)
    first = secret_key(tmp_path)
    assert first == secret_key(tmp_path) and len(first) > 40
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_a_configured_secret_key_wins(monkeypatch, tmp_path):
    monkeypatch.setenv("DUEPROCESS_SECRET_KEY", "from-the-environment")
    assert secret_key(tmp_path) == "from-the-environment"
    assert not (tmp_path / "secret_key").exists()
