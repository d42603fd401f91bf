"""Key pairs: a mentor's encryption key and a mentee's signing key, kept 0600 under COACH_HOME."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from nacl.public import PrivateKey, PublicKey
from nacl.signing import SigningKey, VerifyKey

from coach.errors import NotFound, UsageError
from coach.home import home

KEY_PREFIX = "cm1."  # version of the printable public-key string
_CHECK = 4  # checksum bytes appended to the key, so a mistyped key fails here and not at the mentor
_NAME = re.compile(r"^[^\x00-\x1f\x7f-\x9f:]{1,60}$")


def keys_dir() -> Path:
    """``$COACH_HOME/keys``, created 0700."""
    path = home() / "keys"
    path.mkdir(mode=0o700, exist_ok=True)
    return path


def mentor_key_path() -> Path:
    """The mentor's private key file."""
    return keys_dir() / "mentor.key"


def mentor_pub_path() -> Path:
    """The mentor's public key string, as a file to hand to mentees (--to-file)."""
    return keys_dir() / "mentor.pub"


def signing_key_path() -> Path:
    """The mentee's signing key file (made on first share)."""
    return keys_dir() / "mentee-signing.key"


def b64(data: bytes) -> str:
    """URL-safe base64 without padding."""
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def unb64(text: str) -> bytes:
    """Inverse of :func:`b64`; raises ValueError on junk."""
    text = text.strip()
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def fingerprint(key: bytes) -> str:
    """A short, readable fingerprint of a public key (for people to compare, not for checks)."""
    h = hashlib.blake2b(key, digest_size=8).hexdigest()
    return "-".join(h[i : i + 4] for i in range(0, 16, 4))


@dataclass(frozen=True)
class MentorPublic:
    """Who a share is for: the mentor's chosen name and public encryption key."""

    name: str
    key: bytes

    def __str__(self) -> str:
        check = hashlib.blake2b(self.key, digest_size=_CHECK).digest()
        return f"{self.name}:{KEY_PREFIX}{b64(self.key + check)}"

    @property
    def fingerprint(self) -> str:
        """Short fingerprint of the key."""
        return fingerprint(self.key)


def check_name(name: str) -> str:
    """A mentor name: 1-60 printable characters, no colon."""
    name = name.strip()
    if not _NAME.match(name):
        raise UsageError(f"mentor name {name!r} must be 1-60 printable characters without ':'")
    return name


def parse_public(text: str) -> MentorPublic:
    """Parse ``NAME:cm1.KEY`` as printed by `coach mentor init`."""
    text = text.strip()
    name, sep, key = text.rpartition(":")
    hint = "expected NAME:KEY exactly as `coach mentor init` printed it"
    if not sep or not key.startswith(KEY_PREFIX):
        raise UsageError(f"not a mentor public key: {text[:80]!r} ({hint})")
    try:
        raw = unb64(key[len(KEY_PREFIX) :])
    except ValueError:
        raw = b""
    if len(raw) != 32 + _CHECK or hashlib.blake2b(raw[:32], digest_size=_CHECK).digest() != raw[32:]:
        raise UsageError(f"mentor public key for {name!r} is mistyped or incomplete ({hint})")
    return MentorPublic(check_name(name), raw[:32])


def read_public_file(path: Path) -> MentorPublic:
    """A mentor public key from a file holding the printed string."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise NotFound(f"{path}: {e.strerror or e}") from None
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    if len(lines) != 1:
        raise UsageError(f"{path}: expected one line NAME:KEY, as written by `coach mentor init`")
    return parse_public(lines[0])


@dataclass(frozen=True)
class MentorKey:
    """The mentor's key pair."""

    name: str
    private: PrivateKey
    created_at: str

    @property
    def public(self) -> MentorPublic:
        """The shareable half."""
        return MentorPublic(self.name, bytes(self.private.public_key))


def _write_private(path: Path, data: dict[str, object]) -> None:
    # O_EXCL + mode at creation: the secret is never readable by others, not even for a moment.
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(data, f)
        f.write("\n")
        f.flush()
        os.fsync(f.fileno())


def _read_private(path: Path, kind: str) -> dict[str, str]:
    st = path.stat()
    if st.st_mode & 0o077:
        raise UsageError(f"{path} is readable by others (mode {stat.S_IMODE(st.st_mode):04o}); run: chmod 600 {path}")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("kind") != kind or data.get("version") != 1:
            raise ValueError
        return data  # type: ignore[no-any-return]
    except (ValueError, AttributeError):
        raise UsageError(f"{path} is not a coach {kind} key file") from None


def init_mentor(name: str, created_at: str) -> tuple[MentorKey, bool]:
    """Create the mentor key pair (or load the existing one); return it and whether it is new."""
    path = mentor_key_path()
    if path.exists():
        # Never replace a key silently: bundles already made for it would become unreadable.
        return load_mentor(), False
    key = MentorKey(check_name(name), PrivateKey.generate(), created_at)
    _write_private(
        path,
        {"version": 1, "kind": "mentor", "name": key.name, "secret": b64(bytes(key.private)), "created_at": created_at},
    )
    pub = mentor_pub_path()
    pub.write_text(f"# coach mentor public key: give this to mentees (coach share --to-file)\n{key.public}\n")
    return key, True


def load_mentor() -> MentorKey:
    """The mentor key pair of this COACH_HOME."""
    path = mentor_key_path()
    if not path.exists():
        raise NotFound("no mentor key here; create one with: coach mentor init --name YOUR_NAME")
    data = _read_private(path, "mentor")
    return MentorKey(data["name"], PrivateKey(unb64(data["secret"])), data["created_at"])


def signing_key(created_at: str, create: bool = True) -> SigningKey | None:
    """The mentee's signing key; made (0600) on first use when ``create``."""
    path = signing_key_path()
    if path.exists():
        return SigningKey(unb64(_read_private(path, "mentee-signing")["secret"]))
    if not create:
        return None
    key = SigningKey.generate()
    _write_private(path, {"version": 1, "kind": "mentee-signing", "secret": b64(bytes(key)), "created_at": created_at})
    return key


def verify_key_from(text: str) -> VerifyKey:
    """A mentee's public signing key from its base64 form."""
    return VerifyKey(unb64(text))


def public_key_from(text: str) -> PublicKey:
    """A mentor's public encryption key from its base64 form."""
    return PublicKey(unb64(text))
