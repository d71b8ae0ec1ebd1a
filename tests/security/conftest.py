from tests.pages.conftest import editor_client, reviewer  # noqa: F401
