"""The trainers' passwords, set by the operator: the only way a trainer's account comes to be.

A trainer is one of the hub's admins (``CSL_HUB_TRAINERS``). With the workshop login
(NativeAuthenticator), anyone may sign up under any free name, so a trainer's account is never
made by signing up: the hub refuses a sign-up under a trainer's name (csl_login.py), and a
trainer logs in only with the password the operator wrote into this file. Run it as the hub's
user, in the hub's folder (``/srv/jupyterhub``, beside the hub's database):

    python deploy/jupyterhub/csl_trainers.py add alice       # asks for the password twice
    python deploy/jupyterhub/csl_trainers.py add alice --password-stdin < alice.txt
    python deploy/jupyterhub/csl_trainers.py remove alice
    python deploy/jupyterhub/csl_trainers.py list

``add`` also changes a trainer's password; the hub reads the file at every login, so neither
needs a restart. Adding a name to ``CSL_HUB_TRAINERS`` does (the list is read at the start).

The file is ``CSL_HUB_TRAINERS_FILE`` (default ``csl_trainers`` in the current folder): one
line per trainer, ``name:bcrypt hash``, readable and writable by its owner only. The hub
refuses a file that others may write.
"""

from __future__ import annotations

import argparse
import getpass
import os
import re
import stat
import sys
from pathlib import Path

import bcrypt

FILE_VARIABLE = "CSL_HUB_TRAINERS_FILE"
DEFAULT_FILE = "csl_trainers"
MIN_LENGTH = 12
"""A trainer's password has at least this many characters (an admin's: more than a student's)."""
NAME = re.compile(r"[a-z0-9][a-z0-9_.-]{0,31}")
"""A user name of the hub (jupyterhub_config.py gives it to the hub as its username_pattern)."""


def trainers_file() -> Path:
    """The file the hub and this command read: ``CSL_HUB_TRAINERS_FILE`` or ./csl_trainers."""
    return Path(os.environ.get(FILE_VARIABLE) or DEFAULT_FILE).resolve()


def check_name(name: str) -> str:
    """The name, if it is a valid user name of the hub; else a ValueError saying what is."""
    if not NAME.fullmatch(name):
        raise ValueError(
            f"trainer name {name!r} is not valid; valid: 1 to 32 of a-z, 0-9, '_', '.', '-', "
            "starting with a letter or digit"
        )
    return name


def read(path: Path) -> dict[str, bytes]:
    """Each trainer's bcrypt hash, by name; none when the file does not exist.

    Raises:
        PermissionError: the file may be written by others than its owner.
        ValueError: a line is not ``name:hash``.
    """
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return {}
    if mode & (stat.S_IWGRP | stat.S_IWOTH):
        raise PermissionError(f"{path} may be written by others; chmod 600 {path}")
    entries = {}
    for number, line in enumerate(path.read_text(encoding="ascii").splitlines(), 1):
        name, colon, hashed = line.partition(":")
        if not colon or not hashed.startswith("$2"):
            raise ValueError(f"{path}, line {number}: not 'name:bcrypt hash'")
        entries[check_name(name)] = hashed.encode("ascii")
    return entries


def write(path: Path, entries: dict[str, bytes]) -> None:
    """Replace the file at once (never half written), readable by its owner only."""
    temporary = path.with_name(f".{path.name}.new")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="ascii") as out:
        out.writelines(f"{name}:{entries[name].decode('ascii')}\n" for name in sorted(entries))
    os.replace(temporary, path)


def set_password(path: Path, name: str, password: str) -> None:
    """Give the trainer ``name`` this password (a new trainer, or a new password)."""
    check_name(name)
    if len(password) < MIN_LENGTH:
        length = len(password)
        raise ValueError(f"the password has {length} characters; valid: {MIN_LENGTH} or more")
    entries = read(path)
    entries[name] = bcrypt.hashpw(password.encode(), bcrypt.gensalt())
    write(path, entries)


def remove(path: Path, name: str) -> None:
    """Take the trainer ``name`` out of the file: their password no longer logs in."""
    entries = read(path)
    if name not in entries:
        raise ValueError(f"{name!r} is not in {path}; there: {sorted(entries) or 'nobody'}")
    del entries[name]
    write(path, entries)


def is_password(path: Path, name: str, password: str) -> bool:
    """Whether ``password`` is the one the operator set for the trainer ``name``."""
    hashed = read(path).get(name)
    return hashed is not None and bcrypt.checkpw(password.encode(), hashed)


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("New password: ")
    if getpass.getpass("The same again: ") != first:
        raise ValueError("the two passwords differ")
    return first


def main(argv: list[str] | None = None) -> int:
    """The operator's command (the module's docstring); 2 and a message for bad input."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    add = commands.add_parser("add", help="add a trainer, or change a trainer's password")
    add.add_argument("name")
    add.add_argument("--password-stdin", action="store_true", help="read it from a line of stdin")
    commands.add_parser("remove", help="remove a trainer").add_argument("name")
    commands.add_parser("list", help="the trainers who have a password")
    options = parser.parse_args(argv)
    path = trainers_file()
    try:
        if options.command == "add":
            set_password(path, options.name, _password(options.password_stdin))
            print(f"{options.name}: password set in {path}")
        elif options.command == "remove":
            remove(path, options.name)
            print(f"{options.name}: removed from {path}")
        else:
            print("\n".join(sorted(read(path))))
    except (ValueError, PermissionError) as error:
        print(f"{parser.prog}: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
