"""`python -m careerctl.schemas`: regenerate the shipped JSON Schemas from the document types."""

from careerctl.schemas import write_all

for path in write_all():
    print(path)
