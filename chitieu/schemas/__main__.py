"""`python -m chitieu.schemas`: write the JSON Schemas generated from the models."""

from . import write_all

for path in write_all():
    print(path)
