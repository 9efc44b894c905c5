"""`python -m careerctl`."""

from careerctl.entry import run

run()
