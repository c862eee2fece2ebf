"""Load and validate the rule data under rules/; a broken rule names its file and line.

Rules are passed to the passes explicitly (a `Rules` object), never kept as module state.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import TypeVar, get_type_hints

import yaml
from pydantic import BaseModel, ValidationError

from ..errors import RuleError
from ..models import (
    CalendarRules, ClauseRules, CueRules, FrameRules, IndicatorRules, NumberRules, PlaceRules, PortalRules, ScopeRules,
    SectionRules, SpellingRules, SymbolRules, TableRules, TimeRules,
)

RULES_DIR = Path(__file__).resolve().parent  # the rule files ship inside the package

ModelT = TypeVar("ModelT", bound=BaseModel)


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml's, when PyYAML has it: 10x faster
    """A safe loader that remembers the line of every mapping, for error messages."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _line_of(data: object, loc: tuple) -> int | None:
    line = data.get("__line__") if isinstance(data, dict) else None
    for key in loc:
        try:
            data = data[key]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(data, dict):
            line = data.get("__line__", line)
    return line


def _strip_lines(data: object) -> object:
    if isinstance(data, dict):
        return {k: _strip_lines(v) for k, v in data.items() if k != "__line__"}
    if isinstance(data, list):
        return [_strip_lines(v) for v in data]
    return data


def load_rule_file(path: Path, model: type[ModelT]) -> ModelT:
    """Parse one YAML rule file into its pydantic model, or raise RuleError naming file:line."""
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    except OSError as exc:
        raise RuleError(f"{path}: cannot read rule file: {exc}") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        raise RuleError(f"{path}{where}: not valid YAML: {exc}") from exc
    try:
        return model.model_validate(_strip_lines(raw))
    except ValidationError as exc:
        first = exc.errors()[0]
        line = _line_of(raw, first["loc"])
        where = f":{line}" if line else ""
        path_text = ".".join(str(p) for p in first["loc"])
        raise RuleError(f"{path}{where}: {path_text}: {first['msg']}") from exc


@dataclass(frozen=True)
class Rules:
    """Every rule file, validated. Build once per process with load_rules()."""

    numbers: NumberRules
    indicators: IndicatorRules
    scopes: ScopeRules
    cues: CueRules
    symbols: SymbolRules
    places: PlaceRules
    times: TimeRules
    sections: SectionRules
    clauses: ClauseRules
    calendar: CalendarRules
    frame: FrameRules
    tables: TableRules  # read by the PDF reader; here so that an edit re-extracts
    spellings: SpellingRules  # read by text.normalise; likewise
    portals: PortalRules  # read by the page readers; its date labels also mark a text's date line

    def digest(self) -> str:
        """A short hash of every rule's content."""
        content = "".join(getattr(self, f.name).model_dump_json() for f in fields(self))
        return hashlib.sha256(content.encode("utf-8")).hexdigest()[:10]


def load_rules(directory: Path = RULES_DIR) -> Rules:
    """Every rule file: each field of `Rules` read from the file of its name ("numbers" from numbers.yaml)."""
    shapes = get_type_hints(Rules)
    rules = Rules(**{f.name: load_rule_file(directory / f"{f.name}.yaml", shapes[f.name]) for f in fields(Rules)})
    _check_unique_ids(rules, directory)
    return rules


def _check_unique_ids(rules: Rules, directory: Path) -> None:
    seen: dict[str, str] = {}
    for name in ("numbers", "indicators", "scopes", "cues", "symbols", "places", "times", "sections", "clauses"):
        dumped = getattr(rules, name).model_dump()
        for rule_id in _ids(dumped):
            if rule_id in seen:
                raise RuleError(f"{directory / (name + '.yaml')}: rule id {rule_id!r} also used in {seen[rule_id]}")
            seen[rule_id] = name + ".yaml"


def _ids(data: object):
    if isinstance(data, dict):
        if isinstance(data.get("id"), str):
            yield data["id"]
        for value in data.values():
            yield from _ids(value)
    elif isinstance(data, list):
        for value in data:
            yield from _ids(value)
