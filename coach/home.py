"""Where coach keeps its files: one home directory, overridable by env vars."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs


def home() -> Path:
    """The coach home directory (``COACH_HOME`` or the platform's user data dir), created 0700."""
    path = Path(os.environ.get("COACH_HOME") or platformdirs.user_data_dir("coach"))
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def default_db() -> Path:
    """The transcript database: ``COACH_DB`` or ``$COACH_HOME/coach.db``."""
    env = os.environ.get("COACH_DB")
    return Path(env) if env else home() / "coach.db"


# Accounts that name a machine's role, not a person: "Thank you, root." is no way to greet anyone.
_ROLE_ACCOUNTS = frozenset({
    "root", "admin", "administrator", "user", "users", "guest", "ubuntu", "debian", "fedora", "centos",
    "ec2-user", "vagrant", "runner", "docker", "pi", "dev", "developer", "test", "mentee", "nobody", "codespace",
})


def addressed(name: str) -> str:
    """The name to greet someone by: empty for a role account ("root", "ubuntu") or a blank name."""
    name = " ".join(name.split())
    return "" if name.lower() in _ROLE_ACCOUNTS else name


def mentee_name() -> str:
    """The default mentee name: the OS user."""
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # no passwd entry in some containers
        return os.environ.get("USER", "mentee")
