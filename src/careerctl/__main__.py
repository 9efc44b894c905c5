"""`python -m careerctl`."""

from careerctl.cli import run

run()
