"""The share-bundle file format: signed by the mentee, sealed to one mentor, versioned.

Layout of format 1 (all of it covered by the final checksum)::

    b"COACHSHARE" 0x01 b"\\n"   12 bytes  magic + format version
    recipient fingerprint       8 bytes   BLAKE2b-64 of the mentor's public key (so the
                                          mentor can be told "not for you" clearly)
    sealed box                  n bytes   SealedBox(mentor key) of:
                                            mentee verify key (32) | Ed25519 signature (64)
                                            | payload (UTF-8 JSON)
    checksum                    32 bytes  BLAKE2b-256 of everything before it

The signature covers the magic and the payload; the payload names the mentor's full key,
so a bundle decrypted and re-sealed to someone else is refused. Nothing but the format
version and the recipient fingerprint is readable without the mentor's private key.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from nacl.exceptions import BadSignatureError, CryptoError
from nacl.public import PrivateKey, PublicKey, SealedBox
from nacl.signing import SigningKey, VerifyKey

from coach.errors import BundleError
from coach.share.keys import b64, fingerprint, unb64

FORMAT = 1
_MAGIC_STEM = b"COACHSHARE"
MAGIC = _MAGIC_STEM + bytes([FORMAT]) + b"\n"
_FP = 8
_SUM = 32
_MIN = len(MAGIC) + _FP + 48 + 96 + _SUM  # 48: sealed-box overhead; 96: key + signature


def _fp(key: bytes) -> bytes:
    return hashlib.blake2b(key, digest_size=_FP).digest()


def seal(payload: dict[str, Any], signer: SigningKey, recipient: bytes) -> bytes:
    """Sign ``payload`` as the mentee and seal it to the mentor's public key."""
    payload = {**payload, "format": FORMAT}
    payload["from"] = {**payload["from"], "key": b64(bytes(signer.verify_key))}
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()
    signature = signer.sign(MAGIC + body).signature
    inner = bytes(signer.verify_key) + signature + body
    head = MAGIC + _fp(recipient) + SealedBox(PublicKey(recipient)).encrypt(inner)
    return head + hashlib.blake2b(head, digest_size=_SUM).digest()


@dataclass(frozen=True)
class Opened:
    """A bundle that passed every check."""

    payload: dict[str, Any]
    sha256: str

    @property
    def mentee_key(self) -> str:
        """The mentee's signing key (base64): who made it, as a key rather than a claimed name."""
        return str(self.payload["from"]["key"])


def open_bundle(data: bytes, mentor: PrivateKey, label: str, at: datetime | None = None) -> Opened:
    """Check and decrypt a bundle for ``mentor``; raise BundleError with one clear line if refused."""
    if not data.startswith(_MAGIC_STEM) or len(data) < len(MAGIC):
        raise BundleError(f"{label}: not a coach share bundle")
    if data[: len(MAGIC)] != MAGIC:
        version = data[len(_MAGIC_STEM)]
        if version > FORMAT and data[len(MAGIC) - 1 : len(MAGIC)] == b"\n":
            raise BundleError(f"{label}: made by a newer coach (bundle format {version}); upgrade coach to open it")
        raise BundleError(f"{label}: not a coach share bundle (damaged header)")
    if len(data) < _MIN or hashlib.blake2b(data[:-_SUM], digest_size=_SUM).digest() != data[-_SUM:]:
        raise BundleError(f"{label}: damaged or tampered with (checksum does not match); ask for it again")
    mine = bytes(mentor.public_key)
    target = data[len(MAGIC) : len(MAGIC) + _FP]
    if target != _fp(mine):
        raise BundleError(
            f"{label}: made for another mentor's key ({fingerprint_of_fp(target)}), not yours ({fingerprint(mine)})"
        )
    try:
        inner = SealedBox(mentor).decrypt(data[len(MAGIC) + _FP : -_SUM])
    except CryptoError:
        raise BundleError(f"{label}: damaged or tampered with (cannot be decrypted with your key)") from None
    signer, signature, body = inner[:32], inner[32:96], inner[96:]
    try:
        VerifyKey(signer).verify(MAGIC + body, signature)
        payload = json.loads(body)
    except (BadSignatureError, ValueError):
        raise BundleError(f"{label}: tampered with (the mentee's signature does not match)") from None
    try:
        consistent = payload["format"] == FORMAT and unb64(payload["from"]["key"]) == signer
        for_me = unb64(payload["to"]["key"]) == mine
    except (KeyError, TypeError, ValueError):
        consistent = False
    if not consistent:
        raise BundleError(f"{label}: tampered with (contents do not match the signature)")
    if not for_me:
        # Sealed to us but signed for someone else: a forwarded copy, not the mentee's consent.
        raise BundleError(f"{label}: the mentee made this for another mentor ({payload['to']['name']}); not opened")
    expires = payload.get("expires_at")
    now = at or datetime.now(UTC)
    if expires and _parse(expires) <= now:
        who = payload["from"]["name"]
        raise BundleError(f"{label}: expired on {expires[:10]}; ask {who} for a new share if they want to")
    return Opened(payload, hashlib.sha256(data).hexdigest())


def fingerprint_of_fp(raw: bytes) -> str:
    """Render the 8 header bytes the way :func:`coach.share.keys.fingerprint` renders a key."""
    h = raw.hex()
    return "-".join(h[i : i + 4] for i in range(0, 16, 4))


def _parse(ts: str) -> datetime:
    return datetime.fromisoformat(ts.replace("Z", "+00:00"))
