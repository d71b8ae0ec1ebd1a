from tests.feeds.conftest import key, papers, reader  # noqa: F401  (the same papers and reader as the feeds)
