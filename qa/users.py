"""The page's local users file: names with salted scrypt password hashes, in <store>/users.json."""

# Why scrypt (hashlib.scrypt, RFC 7914): it is in the standard library, needs no service, and is
# memory-hard, so guessing costs memory as well as time. The parameters are Colin Percival's
# interactive-login choice from the scrypt paper (2009): N = 2**14, r = 8, p = 1 (16 MiB, tens of
# milliseconds per check), with a 16-byte random salt per user and a 32-byte key. Each user's record
# keeps its own parameters, so stronger ones can be adopted later without breaking stored hashes.

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
from dataclasses import asdict, dataclass
from pathlib import Path

from corpus.errors import CouncilQAError

USERS_FILE = "users.json"
SCRYPT_N = 2**14  # CPU/memory cost: Percival's interactive-login setting
SCRYPT_R = 8  # block size: 128 * r * N bytes = 16 MiB of memory per check
SCRYPT_P = 1  # parallelism: one lane; a login page has no use for more
SALT_BYTES = 16  # 128 random bits: no two users share a salt
KEY_BYTES = 32  # 256-bit derived key
_MAX_MEMORY = 64 * 1024 * 1024  # OpenSSL's scrypt refuses 128*r*N = 16 MiB under its 32 MiB default only
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")  # shown in the page: no spaces or markup


class UsersError(CouncilQAError):
    """A bad user name or password, or an unreadable users file."""


@dataclass(frozen=True)
class User:
    """One user's salted hash and the scrypt parameters it was made with."""

    name: str
    salt: str  # hex
    hash: str  # hex
    n: int = SCRYPT_N
    r: int = SCRYPT_R
    p: int = SCRYPT_P


def _derive(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=_MAX_MEMORY, dklen=KEY_BYTES
    )


def make_user(name: str, password: str) -> User:
    """A new record for `name`; UsersError for a name outside [A-Za-z0-9._@-] or an empty password."""
    if not _NAME.match(name):
        raise UsersError(f"user name {name!r}: use 1-64 letters, digits, '.', '_', '@' or '-'")
    if not password:
        raise UsersError("the password is empty")
    salt = os.urandom(SALT_BYTES)
    return User(name, salt.hex(), _derive(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P).hex())


def load_users(store: Path) -> dict[str, User]:
    """The users of a store, by name; {} when it has no users file."""
    path = Path(store) / USERS_FILE
    if not path.exists():
        return {}
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
        return {r["name"]: User(**r) for r in records}
    except (OSError, ValueError, TypeError, KeyError) as exc:
        raise UsersError(f"{path}: unreadable users file ({exc})") from exc


def add_user(store: Path, name: str, password: str) -> User:
    """Add or replace `name` in <store>/users.json (written whole, then renamed, owner-only)."""
    user = make_user(name, password)
    users = load_users(store)
    users[name] = user
    path = Path(store) / USERS_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps([asdict(u) for u in users.values()], indent=2), encoding="utf-8")
    temporary.chmod(0o600)
    temporary.replace(path)
    return user


def check_password(store: Path, name: str, password: str) -> bool:
    """Whether `password` is `name`'s; False for an unknown name (after the same work, so timing
    does not tell which names exist)."""
    user = load_users(store).get(name)
    salt = bytes.fromhex(user.salt) if user else bytes(SALT_BYTES)
    n, r, p = (user.n, user.r, user.p) if user else (SCRYPT_N, SCRYPT_R, SCRYPT_P)
    derived = _derive(password, salt, n, r, p)
    return user is not None and hmac.compare_digest(derived.hex(), user.hash)
