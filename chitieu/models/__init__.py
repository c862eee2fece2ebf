"""Pydantic models: the single source of every data shape in chitieu.

The gold-format models (PlanFields, ReferenceFields, TargetFields, DocumentOutput) mirror
shared/spec/gold-format.md key for key; the catalogue, the review file and the JSON
output all derive from them. schemas/ is generated from these modules (see schemas.py).
"""

from .records import *  # noqa: F403
from .rules import *  # noqa: F403
from .place_rules import *  # noqa: F403
from .review import *  # noqa: F403
from .source_rules import *  # noqa: F403
