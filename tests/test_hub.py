"""The suite on JupyterHub, for real: a hub on 127.0.0.1 with its proxy and login, five students.

The hub runs deploy/jupyterhub/jupyterhub_config.py, the configuration a class uses, with its
workshop login (NativeAuthenticator, with the trainers' accounts kept out of sign-up by
deploy/jupyterhub/csl_login.py): the trainer's password is set by the operator's command
(csl_trainers.py), students sign up through the hub's form and the trainer authorises them.
One thing differs from a class (:func:`local_config`): SimpleLocalProcessSpawner (each student a
home folder of their own, every server run as this test's user) instead of SystemdSpawner,
which needs systemd as the init system (deploy/jupyterhub/README.md says what that leaves
untested). The idle culler is the configuration's own service, with short times.

Each student does what a browser does: sign up and log in through the hub's forms, spawn a
server, open a dashboard through Voila's server extension, open its kernel websocket with the
cookies the hub gave, load the widgets' states and change a picker (tests/voila_client.py).
Everything listens on 127.0.0.1, on free ports; the hub, its proxy and every server it started
are stopped at the end, even when the test fails. benchmarks/hub.py drives the same hub with
more students.
"""

from __future__ import annotations

import asyncio
import importlib.util
import os
import re
import secrets
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psutil
import pytest
import requests
from conftest import ROOT, browser_required, free_port
from traitlets.config.loader import PyFileConfigLoader
from voila_client import KernelChannel, Page, choice_widget, run
from websockets.exceptions import InvalidStatus

pytestmark = pytest.mark.server
CONFIG = ROOT / "deploy" / "jupyterhub" / "jupyterhub_config.py"
TRAINERS_COMMAND = ROOT / "deploy" / "jupyterhub" / "csl_trainers.py"
DASHBOARD = "voila/render/notebooks/dashboards/law_explorer.ipynb"
TRAINER, TRAINER_PASSWORD = "trainer", secrets.token_urlsafe(32)
PASSWORDS: dict[str, str] = {}
"""Each student's password, chosen at sign-up."""
STUDENTS = [f"student{i}" for i in range(5)]
CULL_TIMEOUT, CULL_EVERY = 15, 3
"""The culler's times in the test: an idle server goes after 15 s, checked every 3 s."""
STOP_TIME = 15
"""The longest a server may take to stop on a busy machine (the culler stops one at a time)."""
LOOPBACK = requests.Session()
LOOPBACK.trust_env = False  # no proxy the environment names stands between the test and the hub
ACTIVITY_INTERVAL = 3
"""How often a server tells the hub it was used (seconds; JupyterHub's default is 300)."""


@dataclass
class Hub:
    """A running hub: its public address, the API token of an observing service, its process."""

    url: str
    token: str
    process: subprocess.Popen
    log: Path

    def api(self, path: str) -> dict:
        """GET the hub's REST API as the observing service."""
        response = LOOPBACK.get(
            f"{self.url}/hub/api{path}",
            headers={"Authorization": f"token {self.token}"},
            timeout=30,
        )
        response.raise_for_status()
        return response.json()

    def running(self, name: str) -> bool:
        """Whether the student's server is running, as the hub sees it."""
        server = self.api(f"/users/{name}").get("servers", {}).get("")
        return bool(server and server.get("ready"))


def local_config(folder: Path, ports: dict[str, int], token: str) -> str:
    """The class's configuration, login included, with this machine's spawner and ports."""
    homes = folder / "homes"
    return f"""
c = get_config()
load_subconfig({str(CONFIG)!r})
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = {str(homes)!r} + "/{{username}}"
if {os.geteuid() == 0}:  # a CI machine's root: the servers run as this test's user
    c.Spawner.args = [*c.Spawner.args, "--ServerApp.allow_root=True"]
c.Spawner.environment["JUPYTERHUB_ACTIVITY_INTERVAL"] = "{ACTIVITY_INTERVAL}"
# Five servers starting at once on a busy 2-core machine: give each two minutes to answer.
c.Spawner.http_timeout = 120
c.Spawner.start_timeout = 150
c.JupyterHub.bind_url = "http://127.0.0.1:{ports["proxy"]}"
c.JupyterHub.hub_bind_url = "http://127.0.0.1:{ports["hub"]}"
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{ports["api"]}"
c.ConfigurableHTTPProxy.pid_file = {str(folder / "proxy.pid")!r}
c.JupyterHub.db_url = "sqlite:///{folder / "hub.sqlite"}"
c.JupyterHub.cookie_secret_file = {str(folder / "cookie_secret")!r}
c.JupyterHub.pid_file = {str(folder / "hub.pid")!r}
c.JupyterHub.cleanup_servers = True
c.JupyterHub.cleanup_proxy = True
c.JupyterHub.services.append({{"name": "observer", "api_token": {token!r}}})
c.JupyterHub.load_roles.append({{
    "name": "observer",
    "scopes": ["list:users", "read:users:activity", "read:servers"],
    "services": ["observer"],
}})
"""


def proxy_command() -> str:
    """configurable-http-proxy, which .ci/run installs from npm; the test fails without it."""
    found = shutil.which("configurable-http-proxy")
    if found is None:
        message = "configurable-http-proxy is not on PATH; .ci/run installs it from npm"
        if browser_required():
            pytest.fail(message)
        pytest.skip(message)
    return found


def stop_tree(process: subprocess.Popen) -> None:
    """Stop the hub and every process it started: proxy, culler, servers and their kernels."""
    try:
        tree = [psutil.Process(process.pid), *psutil.Process(process.pid).children(recursive=True)]
    except psutil.NoSuchProcess:
        tree = []
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)  # the hub stops its servers and proxy itself
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
    for child in tree:
        try:
            child.kill()
        except psutil.NoSuchProcess:
            pass
    psutil.wait_procs(tree, timeout=10)


@contextmanager
def hub_running(
    folder: Path,
    *,
    cull_timeout: int = CULL_TIMEOUT,
    cull_every: int = CULL_EVERY,
    trainers: tuple[str, ...] = (TRAINER,),
    passwords: dict[str, str] | None = None,
) -> Iterator[Hub]:
    """JupyterHub with the class's configuration on free loopback ports, stopped afterwards.

    ``trainers`` is CSL_HUB_TRAINERS; ``passwords`` (default: the trainer's) are set first with
    the operator's command, run in the hub's folder as deploy/jupyterhub/README.md says.
    """
    proxy_command()
    folder.mkdir(parents=True, exist_ok=True)
    ports = {"proxy": free_port(), "hub": free_port(), "api": free_port()}
    token = secrets.token_hex(16)
    config = folder / "jupyterhub_config.py"
    config.write_text(local_config(folder, ports, token))
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}",
        "CSL_HUB_CULL_TIMEOUT": str(cull_timeout),
        "CSL_HUB_CULL_EVERY": str(cull_every),
        "CSL_HUB_TRAINERS": ",".join(trainers),
        "CSL_HUB_START": "dashboards",
        "CONFIGPROXY_AUTH_TOKEN": secrets.token_hex(16),
    }
    env.pop("CSL_HUB_TRAINERS_FILE", None)  # the default: csl_trainers in the hub's folder
    for name, password in (passwords or {TRAINER: TRAINER_PASSWORD}).items():
        subprocess.run(
            [sys.executable, str(TRAINERS_COMMAND), "add", name, "--password-stdin"],
            input=f"{password}\n",
            text=True,
            cwd=folder,
            env=env,
            check=True,
            capture_output=True,
            timeout=60,
        )
    log = folder / "hub.log"
    with open(log, "w") as out:
        process = subprocess.Popen(
            [str(Path(sys.executable).parent / "jupyterhub"), "-f", str(config)],
            cwd=folder,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    hub = Hub(f"http://127.0.0.1:{ports['proxy']}", token, process, log)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                hub.api("/")
                break
            except requests.RequestException:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"JupyterHub did not start:\n{log.read_text()}") from None
                time.sleep(0.5)
        yield hub
    except BaseException:
        print(f"--- the end of {log}:\n{log.read_text()[-6000:]}")  # shown with the failure
        raise
    finally:
        stop_tree(process)


@dataclass
class Student:
    """One student's browser: a cookie jar, and what the student reached."""

    name: str
    hub: str
    session: requests.Session
    page: Page | None = None
    logged_in: float | None = None
    dashboard: float | None = None

    @property
    def server(self) -> str:
        return f"{self.hub}/user/{self.name}"

    def cookies_for(self, url: str) -> dict[str, str]:
        """The cookies a browser sends to ``url`` (path-scoped, as the hub set them)."""
        path = url.split(self.hub, 1)[1] or "/"
        return {c.name: c.value for c in self.session.cookies if path.startswith(c.path)}


def browser(hub: str, form: str) -> tuple[requests.Session, str]:
    """A fresh browser on one of the hub's forms: its session and the form's _xsrf value."""
    session = requests.Session()
    session.trust_env = False  # loopback only, whatever proxy the environment names
    session.get(f"{hub}/hub/{form}", timeout=60).raise_for_status()
    return session, session.cookies.get("_xsrf", path="/hub/")


def try_log_in(hub: str, name: str, password: str) -> tuple[requests.Session, requests.Response]:
    """Post the hub's login form, as a browser does (its _xsrf cookie and field)."""
    session, xsrf = browser(hub, "login")
    response = session.post(
        f"{hub}/hub/login",
        data={"username": name, "password": password, "_xsrf": xsrf},
        allow_redirects=False,
        timeout=60,
    )
    return session, response


def log_in(hub: str, name: str, password: str | None = None) -> Student:
    """Log in through the hub's form (a student's own password by default)."""
    start = time.perf_counter()
    session, response = try_log_in(hub, name, password or PASSWORDS[name])
    assert response.status_code == 302, f"login of {name}: {response.status_code}"
    return Student(name, hub, session, logged_in=time.perf_counter() - start)


def sign_up(hub: str, name: str, password: str) -> str:
    """Fill in the hub's sign-up form; the message the page answers with."""
    session, xsrf = browser(hub, "signup")
    response = session.post(
        f"{hub}/hub/signup",
        data={
            "username": name,
            "signup_password": password,
            "signup_password_confirmation": password,
            "_xsrf": xsrf,
        },
        timeout=60,
    )
    response.raise_for_status()
    return response.text


def enrol(hub: str, names: list[str]) -> None:
    """Each student signs up with a password of their own; the trainer authorises them all."""
    for name in names:
        PASSWORDS.setdefault(name, secrets.token_urlsafe(12))
        assert "sent to the admin" in sign_up(hub, name, PASSWORDS[name]), name
    trainer = log_in(hub, TRAINER, TRAINER_PASSWORD)
    for name in names:
        trainer.session.get(f"{hub}/hub/authorize/{name}", timeout=60).raise_for_status()


def who(student: Student) -> requests.Response:
    """The hub's answer to "who am I" for the student's cookies."""
    return student.session.get(f"{student.hub}/hub/api/user", timeout=60)


def sign_ups(folder: Path) -> dict[str, bool]:
    """NativeAuthenticator's table in the hub's database: each sign-up, and if authorised."""
    with sqlite3.connect(folder / "hub.sqlite") as db:
        return dict(db.execute("SELECT username, is_authorized FROM users_info"))


def open_dashboard(student: Student, deadline: float = 180) -> Student:
    """Spawn the student's server and fetch the dashboard page, waiting while it starts."""
    start = time.perf_counter()
    url = f"{student.server}/{DASHBOARD}"
    student.session.get(f"{student.hub}/hub/spawn", timeout=60)  # starts the server
    while True:
        response = student.session.get(url, timeout=120)
        if response.status_code == 200 and response.url == url:
            break
        if time.perf_counter() - start > deadline:
            raise TimeoutError(f"{student.name}: no dashboard in {deadline} s: {response.url}")
        time.sleep(1)
    student.page = Page(
        url, 200, response.text, student.cookies_for(url), response.elapsed.total_seconds()
    )
    student.dashboard = time.perf_counter() - start
    return student


async def answer_one_input(student: Student, timeout: float = 60) -> list[dict]:
    """Open the page's kernel websocket, load the widgets, change a picker; the kernel's updates."""
    page = student.page
    channel = await KernelChannel.open(
        student.server, page.kernel_id, timeout=timeout, cookies=student.cookies_for(page.url)
    )
    try:
        await channel.kernel_info(timeout)
        picker, state = choice_widget(await channel.widget_states(timeout))
        other = ((state["index"] or 0) + 1) % len(state["_options_labels"])
        msg = await channel.update_widget(picker, {"index": other})
        await channel.idle_after(msg, timeout)
        return channel.updates_to(msg)
    finally:
        await channel.close()


def interactive(student: Student) -> list[dict]:
    return asyncio.run(answer_one_input(student))


def test_five_students_each_get_an_isolated_working_dashboard_and_idle_servers_are_culled(
    tmp_path,
):
    with hub_running(tmp_path / "hub") as hub, ThreadPoolExecutor(len(STUDENTS)) as pool:
        enrol(hub.url, STUDENTS)
        students = list(pool.map(lambda name: log_in(hub.url, name), STUDENTS))
        students = list(pool.map(open_dashboard, students))
        assert all(s.page.kernel_id for s in students)
        updates = list(pool.map(interactive, students))
        assert all(updates), "a picker change was not answered"
        assert len({s.page.kernel_id for s in students}) == len(STUDENTS)

        # Each student has a home of their own, with the repository's notebooks copied in.
        for name in STUDENTS:
            assert (tmp_path / "hub" / "homes" / name / DASHBOARD.split("/", 2)[2]).is_file()

        # A student's server opens on the dashboards' list (CSL_HUB_START=dashboards).
        landing = students[0].session.get(f"{students[0].server}/", timeout=60)
        assert landing.url == f"{students[0].server}/voila/tree/notebooks/dashboards"
        listed = (
            students[0]
            .session.get(f"{students[0].server}/api/contents/notebooks/dashboards", timeout=60)
            .json()
        )  # what the page's file browser shows
        assert "law_explorer.ipynb" in {entry["name"] for entry in listed["content"]}

        # The trainer is an admin and sees every student; a student may not list anyone.
        trainer = log_in(hub.url, TRAINER, TRAINER_PASSWORD)
        seen = trainer.session.get(f"{hub.url}/hub/api/users", timeout=60).json()
        assert {u["name"] for u in seen} >= set(STUDENTS)
        assert next(u for u in seen if u["name"] == TRAINER)["admin"]
        listing = students[0].session.get(f"{hub.url}/hub/api/users", timeout=60)
        assert listing.status_code == 403

        # One student cannot reach another's server: page, kernels API, websocket.
        first, second = students[0], students[1]
        for path in (DASHBOARD, "api/kernels", "api/contents/notebooks"):
            response = first.session.get(f"{second.server}/{path}", timeout=60)
            assert response.status_code == 403 or "/hub/login" in response.url, path
            assert second.page.kernel_id not in response.text
        with pytest.raises(InvalidStatus, match="403|401|302"):
            # In a thread of its own: a browser test before this one may hold this thread's loop.
            run(
                KernelChannel.open(
                    second.server, second.page.kernel_id, cookies=first.cookies_for(second.server)
                )
            )

        # The culler stops idle servers, one after the other, and leaves a server in use running.
        busy, idle = students[0], [s.name for s in students[1:]]
        assert all(hub.running(name) for name in STUDENTS)
        stop = threading.Event()
        clicks = keep_using(busy, stop)
        try:
            deadline = time.monotonic() + CULL_TIMEOUT + 2 * CULL_EVERY + STOP_TIME * len(idle)
            while any(hub.running(name) for name in idle) and time.monotonic() < deadline:
                time.sleep(1)
            assert not any(hub.running(name) for name in idle), hub.log.read_text()[-3000:]
            assert hub.running(busy.name)
        finally:
            stop.set()
        assert clicks.result(timeout=60) > 0


def test_a_sign_up_under_a_trainers_name_gives_no_admin_and_no_login(tmp_path):
    folder, squatter = tmp_path / "hub", secrets.token_urlsafe(16)
    student = STUDENTS[0]
    PASSWORDS.setdefault(student, secrets.token_urlsafe(12))
    with hub_running(folder) as hub:
        # Whoever signs up first under the trainer's name, in any case, finds the name in use,
        # and the trainer's name cannot log in with the squatter's password.
        for name in (TRAINER, TRAINER.upper(), TRAINER.title()):
            assert "already in use" in sign_up(hub.url, name, squatter), name
        lookalike = TRAINER.replace("a", "\N{CYRILLIC SMALL LETTER A}")  # not ASCII: refused
        assert "Something went wrong" in sign_up(hub.url, lookalike, squatter)
        assert sign_ups(folder) == {}
        attempt, refused = try_log_in(hub.url, TRAINER, squatter)
        assert refused.status_code == 200
        assert "Invalid username or password" in refused.text
        assert who(Student(TRAINER, hub.url, attempt)).status_code == 403

        # A student's sign-up waits for the trainer; once authorised, the student is no admin.
        assert "sent to the admin" in sign_up(hub.url, student, PASSWORDS[student])
        _, waiting = try_log_in(hub.url, student, PASSWORDS[student])
        assert waiting.status_code == 200 and "not been authorized" in waiting.text
        trainer = log_in(hub.url, TRAINER, TRAINER_PASSWORD)  # the operator's password
        assert who(trainer).json()["admin"] is True
        trainer.session.get(f"{hub.url}/hub/authorize/{student}", timeout=60).raise_for_status()
        assert sign_ups(folder) == {student: 1}
        learner = log_in(hub.url, student)
        assert who(learner).json()["admin"] is False
        for path in ("api/users", "admin", "authorize", f"authorize/{TRAINER}"):
            answer = learner.session.get(f"{hub.url}/hub/{path}", allow_redirects=False, timeout=60)
            assert answer.status_code == 403, path
        # A trainer's password is the operator's to change, not the hub's forms'.
        assert trainer.session.get(f"{hub.url}/hub/change-password", timeout=60).status_code == 403
        form = trainer.session.get(f"{hub.url}/hub/change-password/{TRAINER}", timeout=60)
        xsrf = re.search(r'name="_xsrf" value="([^"]+)"', form.text).group(1)
        changed = trainer.session.post(
            f"{hub.url}/hub/change-password/{TRAINER}",
            data={"new_password": squatter, "new_password_confirmation": squatter, "_xsrf": xsrf},
            timeout=60,
        )
        assert changed.status_code == 200 and "Something went wrong" in changed.text
        _, refused = try_log_in(hub.url, TRAINER, squatter)
        assert "Invalid username or password" in refused.text

    # The student's name made a trainer's later: the operator sets the password; the sign-up
    # made under that name is deleted at the start, its password no longer logs in, and the
    # login the student still holds (the cookie) no longer opens the hub.
    operators = secrets.token_urlsafe(16)
    with hub_running(folder, trainers=(TRAINER, student), passwords={student: operators}) as hub:
        assert sign_ups(folder) == {}
        still_held = who(Student(student, hub.url, learner.session))
        assert still_held.status_code == 403, still_held.text[:300]
        _, refused = try_log_in(hub.url, student, PASSWORDS[student])
        assert "Invalid username or password" in refused.text
        assert who(log_in(hub.url, student, operators)).json()["admin"] is True

    # Taken off the list again: no admin, whatever admin rights the name had.
    with hub_running(folder) as hub:
        trainer = log_in(hub.url, TRAINER, TRAINER_PASSWORD)
        listed = trainer.session.get(f"{hub.url}/hub/api/users/{student}", timeout=60).json()
        assert listed["admin"] is False
        _, refused = try_log_in(hub.url, student, operators)
        assert "Invalid username or password" in refused.text


@pytest.mark.parametrize(
    ("trainers", "message"),
    [
        ((TRAINER, "nobodyset"), r"trainers without a password in \S+: nobodyset; set one with"),
        ((), "CSL_HUB_TRAINERS names no trainer"),
    ],
    ids=["a trainer without a password", "no trainer"],
)
def test_the_hub_does_not_start_without_trainers_each_with_a_password(tmp_path, trainers, message):
    with (
        pytest.raises(RuntimeError, match=message),
        hub_running(tmp_path / "hub", trainers=trainers),
    ):
        pass


def class_config(monkeypatch, **variables: str):
    """jupyterhub_config.py as the hub reads it, with these CSL_HUB_* variables."""
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(sys, "path", list(sys.path))  # the file adds its folder; undone after
    return PyFileConfigLoader(CONFIG.name, str(CONFIG.parent)).load_config()


@pytest.mark.parametrize("login", ["native", "oauth"])
def test_trainers_are_admins_by_the_admin_role_alone_never_by_admin_users(monkeypatch, login):
    config = class_config(monkeypatch, CSL_HUB_AUTH=login, CSL_HUB_TRAINERS="alice,bob")
    admin = next(role for role in config.JupyterHub.load_roles if role["name"] == "admin")
    assert admin == {"name": "admin", "users": ["alice", "bob"]}  # exactly: it also revokes
    assert "admin_users" not in config.Authenticator  # NativeAuthenticator authorises those
    if login == "native":
        assert config.ClassAuthenticator.trainers == {"alice", "bob"}
        assert config.NativeAuthenticator.open_signup is False
    else:
        assert {"alice", "bob"} <= config.GenericOAuthenticator.allowed_users


def trainers_command(folder: Path, *args: str, password: str = "") -> subprocess.CompletedProcess:
    """The operator's command, run in the hub's folder."""
    return subprocess.run(
        [sys.executable, str(TRAINERS_COMMAND), *args],
        input=f"{password}\n",
        text=True,
        cwd=folder,
        env={k: v for k, v in os.environ.items() if k != "CSL_HUB_TRAINERS_FILE"},
        capture_output=True,
        timeout=60,
    )


def test_the_operators_command_sets_a_trainers_password_readable_by_the_hub_only(tmp_path):
    spec = importlib.util.spec_from_file_location("csl_trainers", TRAINERS_COMMAND)
    trainers = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(trainers)
    path, password = tmp_path / "csl_trainers", secrets.token_urlsafe(16)

    short = trainers_command(tmp_path, "add", "alice", "--password-stdin", password="too-short")
    assert short.returncode == 2 and "valid: 12 or more" in short.stderr
    named = trainers_command(tmp_path, "add", "Alice Li", "--password-stdin", password=password)
    assert named.returncode == 2 and "'Alice Li' is not valid" in named.stderr
    assert not path.exists()

    assert (
        trainers_command(tmp_path, "add", "alice", "--password-stdin", password=password).returncode
        == 0
    )
    assert path.stat().st_mode & 0o777 == 0o600
    assert password not in path.read_text()  # a bcrypt hash, not the password
    assert trainers.is_password(path, "alice", password)
    assert not trainers.is_password(path, "alice", password.upper())
    assert not trainers.is_password(path, "bob", password)
    assert trainers_command(tmp_path, "list").stdout.split() == ["alice"]

    path.chmod(0o620)  # writable by the group: the hub refuses to trust it
    with pytest.raises(PermissionError, match="may be written by others"):
        trainers.is_password(path, "alice", password)
    path.chmod(0o600)
    assert trainers_command(tmp_path, "remove", "alice").returncode == 0
    assert not trainers.is_password(path, "alice", password)


def keep_using(student: Student, stop: threading.Event) -> Future:
    """In the background, the student changes the picker every 2 s until ``stop`` is set."""

    async def clicks() -> int:
        channel = await KernelChannel.open(
            student.server, student.page.kernel_id, cookies=student.cookies_for(student.page.url)
        )
        done = 0
        try:
            picker, state = choice_widget(await channel.widget_states(30))
            while not stop.is_set():
                index = done % len(state["_options_labels"])
                await channel.idle_after(await channel.update_widget(picker, {"index": index}), 30)
                done += 1
                await asyncio.sleep(2)
        finally:
            await channel.close()
        return done

    pool = ThreadPoolExecutor(1)
    future = pool.submit(asyncio.run, clicks())
    pool.shutdown(wait=False)
    return future
