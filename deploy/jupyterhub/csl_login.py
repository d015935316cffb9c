"""The workshop login: NativeAuthenticator for students, the operator's passwords for trainers.

NativeAuthenticator lets anyone sign up under any free name and, left as it is, authorises at
once a sign-up under an admin's name: whoever signs up first as a trainer would be a trainer.
Here a trainer's name is never an account of the sign-up table:

- a sign-up under a trainer's name is refused as a name in use (before a trainer signed up, or
  after, whatever the letters' case, since names are compared as the hub normalises them);
- a trainer logs in only with the password the operator set (csl_trainers.py), never with one
  of the sign-up table; a sign-up made under that name before it was a trainer's is deleted
  when the hub starts, with a warning in its log, and every login cookie and token the hub
  gave that name is voided, so whoever held the sign-up is not logged in as the trainer;
- the hub does not start without a trainer, nor while a trainer has no password (naming the
  command that sets one);
- a trainer changes their password through the operator (the hub's own form answers 403).

Students sign up and wait until a trainer authorises them at ``/hub/authorize``
(``open_signup`` stays off). Trainers' admin rights come from the hub's ``admin`` role, which
jupyterhub_config.py fills with the trainers' names alone: not ``admin_users``, which
NativeAuthenticator also authorises on sign-up, and which only adds admins, never removes one.
"""

from __future__ import annotations

from pathlib import Path

import csl_trainers
from jupyterhub import orm
from jupyterhub.utils import new_token
from nativeauthenticator import NativeAuthenticator
from nativeauthenticator.handlers import ChangePasswordHandler
from nativeauthenticator.handlers import LoginHandler as NativeLoginHandler
from nativeauthenticator.orm import UserInfo
from tornado import web
from traitlets import Set, Unicode


class ClassAuthenticator(NativeAuthenticator):
    """NativeAuthenticator with the trainers' accounts kept out of sign-up."""

    trainers = Set(Unicode(), help="The trainers' user names (the hub's admins).").tag(config=True)
    trainers_file = Unicode(
        csl_trainers.DEFAULT_FILE,
        help="The operator's file of the trainers' password hashes (csl_trainers.py).",
    ).tag(config=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.trainers = {self.normalize_username(name) for name in self.trainers}
        self._check_trainers()

    @property
    def _file(self) -> Path:
        return Path(self.trainers_file).resolve()

    def _check_trainers(self) -> None:
        """There are trainers, each with a password; no sign-up holds a trainer's name."""
        if not self.trainers:
            raise ValueError(
                "CSL_HUB_TRAINERS names no trainer: nobody could authorise a student's sign-up"
            )
        have = csl_trainers.read(self._file)
        missing = sorted(self.trainers - set(have))
        if missing:
            raise ValueError(
                f"trainers without a password in {self._file}: {', '.join(missing)}; set one "
                f"with: python {Path(csl_trainers.__file__)} add NAME (in the hub's folder)"
            )
        for name in sorted(set(have) - self.trainers):
            self.log.warning("%s has a trainer's password but is not in CSL_HUB_TRAINERS", name)
        for name in sorted(self.trainers):
            signed_up = UserInfo.find(self.db, name)
            if signed_up is not None:
                self.log.warning("deleting the sign-up made under the trainer's name %s", name)
                self.db.delete(signed_up)
                self._log_out_everywhere(name)
                self.db.commit()

    def _log_out_everywhere(self, name: str) -> None:
        """Void every login cookie and token the hub gave ``name`` (whoever held the sign-up)."""
        user = orm.User.find(self.db, name)
        if user is None:
            return
        user.cookie_id = new_token()  # the hub finds a login cookie's user by this id
        for token in list(user.api_tokens):
            self.db.delete(token)

    def is_trainer(self, username: str) -> bool:
        """Whether the name, as the hub normalises it, is a trainer's."""
        return self.normalize_username(username) in self.trainers

    def user_exists(self, username):
        """A trainer's name is always in use: the sign-up form refuses it."""
        return self.is_trainer(username) or super().user_exists(username)

    def get_user(self, username):
        """The sign-up record of a student; never one for a trainer's name."""
        return None if self.is_trainer(username) else super().get_user(username)

    def create_user(self, username, password, **kwargs):
        """A student's sign-up; none under a trainer's name."""
        if self.is_trainer(username):
            return None
        return super().create_user(username, password, **kwargs)

    async def authenticate(self, handler, data):
        """A trainer by the operator's password; a student as NativeAuthenticator does."""
        username = self.normalize_username(data["username"])
        if username not in self.trainers:
            return await super().authenticate(handler, data)
        if csl_trainers.is_password(self._file, username, data["password"]):
            return username
        self.log.warning("a wrong password for the trainer %s", username)
        return None

    def get_handlers(self, app):
        """NativeAuthenticator's pages; its password form refuses trainers."""
        replaced = {
            ChangePasswordHandler: TrainerAwarePasswordHandler,
            NativeLoginHandler: ClassLoginHandler,
        }
        handlers = super().get_handlers(app)
        return [(path, replaced.get(handler, handler)) for path, handler in handlers]


class _NoStatsd:
    """Takes the login timer nativeauthenticator starts and stops, and measures nothing."""

    def timer(self, name: str) -> _NoStatsd:
        return self

    def start(self) -> _NoStatsd:
        return self

    def stop(self, send: bool = True) -> None:
        pass


class ClassLoginHandler(NativeLoginHandler):
    """NativeAuthenticator's login form, on JupyterHub 6 as on 5.

    nativeauthenticator 1.3 times each login with the handler's ``statsd`` client, which
    JupyterHub 6 removed (every login answered 500), and renders its form without the keywords
    JupyterHub 6 passes when a login fails with an error page.
    """

    statsd = _NoStatsd()

    def _render(self, login_error=None, username=None, **ignored):
        return super()._render(login_error=login_error, username=username)


class TrainerAwarePasswordHandler(ChangePasswordHandler):
    """``/hub/change-password``: a student's own form; a trainer's password is the operator's."""

    def _refuse_trainers(self) -> None:
        user = self.current_user
        if user is not None and self.authenticator.is_trainer(user.name):
            raise web.HTTPError(403, "A trainer's password is set by the hub's operator.")

    async def get(self):
        """The form, for a student."""
        self._refuse_trainers()
        return await super().get()

    async def post(self):
        """A student's new password."""
        self._refuse_trainers()
        return await super().post()
