"""The README's security section says what is protected and how to run the checks."""

from pathlib import Path

README = (Path(__file__).resolve().parents[2] / "README.md").read_text()


def test_readme_security_section_lists_what_is_protected_and_how_to_run_the_checks():
    section = README[README.index("## Beveiliging") :]
    section = section[: section.index("\n## ", 1)]
    for protected in (
        "CSV",
        "/admin/login/",
        "SECRET_KEY",
        "***",
        "database down",
        "upload",
        "Content-Security-Policy",
        "unsubscribe",
        "admin-login.txt",
    ):
        assert protected in section, protected
    assert "pytest tests/security" in section and "check --deploy" in section
