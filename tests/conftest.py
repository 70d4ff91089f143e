"""Fixtures: the sample site built once per session, in both configurations."""


import pytest
from pelican.log import LimitFilter

from klucz_harness.sitebuild import LIVE_URL, build, live_build


@pytest.fixture(autouse=True)
def _fresh_log_filter():
    """Pelican's LimitFilter drops repeated messages for the whole session."""
    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()
    yield


@pytest.fixture(scope="session")
def dev_site(tmp_path_factory):
    """The sample site (tests/data/sample) built with the development settings."""
    return build(tmp_path_factory.mktemp("dev") / "output")


@pytest.fixture(scope="session")
def live_site(tmp_path_factory):
    """The sample site built with publishconf.py, its address from SITEURL."""
    return live_build(tmp_path_factory.mktemp("live") / "output", siteurl=LIVE_URL + "/")


@pytest.fixture(scope="module")
def signup_site(tmp_path_factory):
    """A site whose trainings take sign-ups (signupsite.TRAININGS) behind nginx,
    once per module; start the service at its `service_port`."""
    from signupsite import site_behind_nginx

    site = site_behind_nginx(tmp_path_factory.mktemp("zapisy"))
    yield site
    site["nginx"].stop()


@pytest.fixture
def mailbox():
    """A real SMTP server the sign-up service's e-mails go to."""
    from klucz_harness.servers import Mailbox

    box = Mailbox()
    yield box
    box.stop()
