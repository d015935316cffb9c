"""JupyterHub for a class on one server: each student gets a server of their own.

Run from the repository installed as everywhere else (docs/running-a-class.md, "One server"):

    conda env create -f environment.yml          # or: make .venv/.installed-test
    python deploy/jupyterhub/csl_trainers.py add alice   # in the hub's folder, each trainer
    CSL_HUB_TRAINERS=alice jupyterhub -f deploy/jupyterhub/jupyterhub_config.py

Every choice a trainer makes is an environment variable, read when the hub starts:

    CSL_HUB_START          "dashboards" (default): students land on the dashboards' list;
                           "lab": on JupyterLab, in the teaching notebooks
    CSL_HUB_TRAINERS       user names of the trainers, comma-separated: they are the hub's admins
                           (the hub's "admin" role, exactly these names: one taken off the list
                           is no longer an admin after a restart)
    CSL_HUB_AUTH           "native" (default): NativeAuthenticator, for a workshop (students sign
                           up, a trainer authorises each at /hub/authorize); a trainer's account
                           is never made by signing up: the operator sets each trainer's password
                           with csl_trainers.py beside this file, and the hub refuses to start
                           while a trainer has none (csl_login.py says why and how);
                           "oauth": GenericOAuthenticator, a university's single sign-on, set up by
                           oauthenticator's own variables (OAUTH_CLIENT_ID, OAUTH_CLIENT_SECRET,
                           OAUTH_CALLBACK_URL, OAUTH2_AUTHORIZE_URL, OAUTH2_TOKEN_URL,
                           OAUTH2_USERDATA_URL); CSL_HUB_STUDENTS lists who may log in
    CSL_HUB_STUDENTS       with "oauth": the user names allowed in, comma-separated
    CSL_HUB_TRAINERS_FILE  with "native": the trainers' password file (default: csl_trainers in
                           the hub's folder, beside its database)
    CSL_HUB_CULL_TIMEOUT   seconds without activity before a student's server is stopped (3600)
    CSL_HUB_CULL_EVERY     seconds between two checks of the idle culler (300)
    CSL_HUB_MEM_LIMIT      memory a student's server may use (default 1G; docs: measured figures)
    CSL_HUB_CPU_LIMIT      cores a student's server may use (default 1)

Students are isolated by SystemdSpawner (package jupyterhub-systemdspawner): each server runs as
a systemd unit under a dynamic user of its own, with a private /tmp and no devices, no sudo,
and the memory and CPU limits above enforced by the kernel's cgroups. A student's code (the
dashboards run through Voila's server extension, which lets the page run any code in the
student's kernel) therefore reaches only that student's files and share of the machine (on a
server with systemd: deploy/jupyterhub/README.md says what the tests here cannot run). The
other isolating spawners do the same with containers: DockerSpawner on a server with Docker,
KubeSpawner on a cluster (deploy/jupyterhub/config.yaml). LocalProcessSpawner would need a Unix
account per student and sets no limits; SimpleLocalProcessSpawner runs everyone as the hub's
user and isolates nothing: the tests use it on a machine without systemd, and nothing else
should.

The content is this repository, installed with its environment file: each server runs
``start-singleuser.sh`` beside this file, which copies the repository's ``notebooks`` folder
into the student's home on the first start. The dashboards are then at
``/user/<name>/voila/render/notebooks/dashboards/<dashboard>.ipynb``, with the page template of
`make run` (``share/jupyter/voila/templates/csl``).
"""

# ruff: noqa: F821  (c is given by JupyterHub when it reads this file)

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
BIN = Path(sys.executable).parent
"""The suite's environment: the hub runs in it, and so do the students' servers."""

START_URLS = {
    "dashboards": "/voila/tree/notebooks/dashboards",
    "lab": "/lab/tree/notebooks/00_start_here.ipynb",
}
LOGINS = ("native", "oauth")


def _choice(name: str, default: str, valid) -> str:
    value = os.environ.get(name, default)
    if value not in valid:
        raise ValueError(f"{name}={value!r} is not valid; valid: {sorted(valid)}")
    return value


def _names(name: str) -> set[str]:
    return {n.strip() for n in os.environ.get(name, "").split(",") if n.strip()}


def _seconds(name: str, default: int) -> int:
    value = os.environ.get(name, str(default))
    if not value.isdigit() or int(value) == 0:
        raise ValueError(f"{name}={value!r} is not valid; valid: a whole number of seconds > 0")
    return int(value)


c = get_config()

# Who logs in. Trainers are admins: they see every server at /hub/admin, can start and stop
# them and, with NativeAuthenticator, authorise the people who signed up. Admin rights come
# from the "admin" role with exactly the trainers' names (below), never from admin_users:
# NativeAuthenticator authorises a sign-up under a name of admin_users at once, so whoever
# signed up first under a trainer's name would be an admin.
auth = _choice("CSL_HUB_AUTH", "native", LOGINS)
trainers = _names("CSL_HUB_TRAINERS")
if auth == "native":
    sys.path.insert(0, str(HERE))
    from csl_login import ClassAuthenticator
    from csl_trainers import NAME, trainers_file

    c.JupyterHub.authenticator_class = ClassAuthenticator
    c.ClassAuthenticator.trainers = trainers
    c.ClassAuthenticator.trainers_file = str(trainers_file())
    c.NativeAuthenticator.open_signup = False  # a trainer authorises each account
    c.NativeAuthenticator.minimum_password_length = 10
    c.NativeAuthenticator.check_common_password = True
    # ASCII names only: no name that looks like a trainer's in other letters
    c.Authenticator.username_pattern = f"^{NAME.pattern}$"
    c.Authenticator.allow_all = True  # every account a trainer authorised
else:
    c.JupyterHub.authenticator_class = "generic-oauth"
    c.GenericOAuthenticator.allowed_users = _names("CSL_HUB_STUDENTS") | trainers
    c.GenericOAuthenticator.scope = ["openid", "profile", "email"]
    c.GenericOAuthenticator.username_claim = "preferred_username"

# Each student's server: isolated, limited, started from the repository's content.
c.JupyterHub.spawner_class = "systemd"
c.SystemdSpawner.dynamic_users = True
c.SystemdSpawner.isolate_tmp = True
c.SystemdSpawner.isolate_devices = True
c.SystemdSpawner.disable_user_sudo = True
c.SystemdSpawner.readonly_paths = [str(ROOT)]
c.Spawner.mem_limit = os.environ.get("CSL_HUB_MEM_LIMIT", "1G")
c.Spawner.cpu_limit = float(os.environ.get("CSL_HUB_CPU_LIMIT", "1"))
c.Spawner.cmd = [str(HERE / "start-singleuser.sh")]
c.Spawner.environment = {
    "CSL_NOTEBOOKS": str(ROOT / "notebooks"),
    "CSL_BIN": str(BIN),
    "JUPYTER_PATH": str(ROOT / "share" / "jupyter"),  # the csl page template
}
c.Spawner.default_url = START_URLS[_choice("CSL_HUB_START", "dashboards", START_URLS)]
# Voila's server extension with the settings of `make run` that apply to it: the page hooks of
# share/voila/voila.py (the landing page's list of dashboards, no JupyterLab extension a page
# does not use) and, from voila.json, the offline page template, the classic landing page, no
# tracebacks, no code in the page, a cell that hangs stops after 30 s. Preheated kernels and the
# background refill are standalone Voila's: each student has a server of their own instead.
c.Spawner.args = [
    f"--config={ROOT / 'share' / 'voila' / 'voila.py'}",
    "--VoilaConfiguration.template=csl",
    "--VoilaConfiguration.show_tracebacks=False",
    "--VoilaConfiguration.strip_sources=True",
    "--VoilaExecutor.timeout=30",
    "--MappingKernelManager.cull_idle_timeout=600",
    "--MappingKernelManager.cull_interval=60",
    # gzip for every response (Tornado's own compression, made per request: no Brotli), as
    # jupyter_server_config.json gives Binder
    "--ServerApp.tornado_settings={'compress_response': True}",
]
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 60

# Idle servers are stopped by jupyterhub-idle-culler, run by the hub as a service with only the
# rights it needs; a student who comes back gets their server again, with their files.
c.JupyterHub.services = [
    {
        "name": "idle-culler",
        "command": [
            sys.executable,
            "-m",
            "jupyterhub_idle_culler",
            f"--timeout={_seconds('CSL_HUB_CULL_TIMEOUT', 3600)}",
            f"--cull-every={_seconds('CSL_HUB_CULL_EVERY', 300)}",
        ],
    }
]
c.JupyterHub.load_roles = [
    {"name": "admin", "users": sorted(trainers)},
    {
        "name": "idle-culler",
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": ["idle-culler"],
    },
]
