"""careerctl: a command-line career planner."""

__version__ = "0.1.0"


def version_line() -> str:
    """What `careerctl --version` prints (both command lines)."""
    return f"careerctl {__version__}\n"
