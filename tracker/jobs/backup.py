"""Backups of the whole database: pg_dump on PostgreSQL, SQLite's online
backup API on SQLite (a consistent copy, also while the app runs)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.conf import settings
from django.db import connection


class BackupError(RuntimeError):
    pass


def _pg_env() -> dict:
    s = connection.settings_dict
    env = dict(os.environ)
    if s.get("PASSWORD"):
        env["PGPASSWORD"] = s["PASSWORD"]
    return env


def _pg_args() -> list[str]:
    s = connection.settings_dict
    args = []
    if s.get("HOST"):
        args += ["-h", s["HOST"]]
    if s.get("PORT"):
        args += ["-p", str(s["PORT"])]
    if s.get("USER"):
        args += ["-U", s["USER"]]
    return args


def backup(target: Path | None = None) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    folder = Path(settings.VAR_DIR) / "backups"
    if connection.vendor == "postgresql":
        target = target or folder / f"tracker-{stamp}.dump"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not shutil.which("pg_dump"):
            raise BackupError("pg_dump is not installed")
        connection.ensure_connection()  # a database that is down: manage.py's one line, not pg_dump's

        result = subprocess.run(
            ["pg_dump", "-Fc", "--no-owner", *_pg_args(), "-f", str(target), connection.settings_dict["NAME"]],
            env=_pg_env(),
            capture_output=True,
            text=True,
        )
        if result.returncode:
            raise BackupError(f"pg_dump failed: {result.stderr.strip()}")
        return target
    if connection.vendor == "sqlite":
        target = target or folder / f"tracker-{stamp}.sqlite3"
        target.parent.mkdir(parents=True, exist_ok=True)
        connection.ensure_connection()
        with sqlite3.connect(target) as out:
            connection.connection.backup(out)
        return target
    raise BackupError(f"no backup for {connection.vendor}")


def restore(source: Path) -> None:
    """Replace the database's contents with the backup's."""
    if not source.exists():
        raise BackupError(f"{source}: no such backup")
    if connection.vendor == "postgresql":
        connection.ensure_connection()  # a database that is down: manage.py's one line, not pg_restore's
        connection.close()
        result = subprocess.run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                *_pg_args(),
                "-d",
                connection.settings_dict["NAME"],
                str(source),
            ],
            env=_pg_env(),
            capture_output=True,
            text=True,
        )
        if result.returncode:
            raise BackupError(f"pg_restore failed: {result.stderr.strip()}")
        return
    if connection.vendor == "sqlite":
        with sqlite3.connect(source) as src:
            try:
                src.execute("PRAGMA integrity_check").fetchone()
            except sqlite3.DatabaseError as exc:
                raise BackupError(f"{source}: not an SQLite backup ({exc})") from None
            connection.ensure_connection()
            src.backup(connection.connection)
        return
    raise BackupError(f"no restore for {connection.vendor}")
