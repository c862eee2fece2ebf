"""Rule files load, reject broken entries with file and line, and their examples hold."""

import re

import pytest

from chitieu.errors import RuleError
from chitieu.models import NumberRules
from chitieu.nlp import make_doc
from chitieu.numbers import QuantityReader
from chitieu.phrases import flexible, key
from chitieu.rules import RULES_DIR, load_rule_file, load_rules
from tests.conftest import CORPUS, shared_path

GOAL = "Mục tiêu cụ thể: "  # examples of field rules are read inside a plan's goal section


def test_all_rule_files_load():
    rules = load_rules()
    assert len(rules.indicators.indicators) >= 38
    assert {s.code for s in rules.scopes.scopes} == {
        "all", "poor_districts", "ethnic_minority", "mountainous", "difficult_communes", "other"
    }


def test_indicator_codes_cover_spec(rules):
    spec_codes = {
        "poverty.rate", "poverty.households", "near_poverty.rate", "near_poverty.households", "poverty.relapse",
        "poor_areas.exit", "livelihood.models", "livelihood.projects", "livelihood.production_capacity",
        "credit.access", "employment.sustainable_job", "employment.job_connection", "employment.counselling",
        "employment.vocational_training", "employment.overseas_work", "employment.language_training",
        "health.insurance", "health.child_stunting", "health.child_malnutrition", "health.vaccination",
        "health.commune_standard", "health.station_doctor", "education.school_attendance",
        "education.trained_labour", "education.certified_labour", "education.skills_training",
        "education.tuition_support", "education.school_network", "education.school_standard",
        "housing.support", "water.clean_water", "sanitation.latrine", "information.telecom_access",
        "information.access", "information.devices", "capacity.staff_training", "other",
    }
    assert {r.code for r in rules.indicators.indicators} == spec_codes


@pytest.mark.parametrize("content, where, message", [
    ("version: 1\nbounds:\n  - id: Bad Id\n    code: at_least\n    position: before\n    phrases: [trên]\n", ":3", "id"),
    ("version: 1\nbounds:\n  - id: ok.v1\n    code: sometimes\n    position: before\n    phrases: [trên]\n", ":3", "code"),
    ("version: 1\nbounds: [\n", ":", "not valid YAML"),
])
def test_broken_rule_names_file_and_line(tmp_path, content, where, message):
    path = tmp_path / "numbers.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(RuleError) as error:
        load_rule_file(path, NumberRules)
    assert f"{path}{where}" in str(error.value)
    assert message in str(error.value)


def test_a_broken_regular_expression_is_refused_on_load(tmp_path):
    from chitieu.models import SymbolRules

    rules = (RULES_DIR / "symbols.yaml").read_text(encoding="utf-8")
    path = tmp_path / "symbols.yaml"
    path.write_text(rules.replace('letter_bodies: ["UBND"', 'letter_bodies: ["UB(ND"'), encoding="utf-8")
    with pytest.raises(RuleError) as error:
        load_rule_file(path, SymbolRules)
    assert str(path) in str(error.value) and "not a regular expression" in str(error.value)


def test_duplicate_rule_ids_are_rejected(tmp_path):
    for path in RULES_DIR.glob("*.yaml"):
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    scopes = tmp_path / "scopes.yaml"
    scopes.write_text(scopes.read_text(encoding="utf-8").replace("scope-other.v1", "scope-all.v1"), encoding="utf-8")
    with pytest.raises(RuleError, match="scope-all.v1"):
        load_rules(tmp_path)


# ---------------------------------------------------------------- examples carried by the rules


def _examples(rules, section):
    for rule in section:
        for text in rule.examples.positive:
            yield rule, text, True
        for text in rule.examples.negative:
            yield rule, text, False


def _number_examples():
    rules = load_rules()
    numbers = rules.numbers
    for rule, text, positive in _examples(rules, [*numbers.bounds, *numbers.units]):
        yield pytest.param(rule, text, positive, id=f"{rule.id}:{text[:30]}")


@pytest.mark.parametrize("rule, text, positive", list(_number_examples()))
def test_number_rule_examples(rules, rule, text, positive):
    quantities = QuantityReader(rules.numbers).find(text)
    # a bound rule must be the one that read the bound: two rules may give one code
    found = {q.bound_rule if hasattr(rule, "position") else q.unit for q in quantities}
    expected = rule.id if hasattr(rule, "position") else rule.code
    assert (expected in found) is positive, [(q.value_min, q.bound, q.bound_rule, q.unit) for q in quantities]


def _field_examples():
    rules = load_rules()
    for rule, text, positive in _examples(rules, rules.indicators.indicators):
        yield pytest.param("indicator", rule, text, positive, id=f"{rule.id}:{text[:30]}")
    for rule, text, positive in _examples(rules, rules.scopes.scopes):
        yield pytest.param("scope", rule, text, positive, id=f"{rule.id}:{text[:30]}")
    for rule, text, positive in _examples(rules, rules.cues.change_verbs):
        yield pytest.param("change", rule, text, positive, id=f"{rule.id}:{text[:30]}")


@pytest.mark.parametrize("field, rule, text, positive", list(_field_examples()))
def test_field_rule_examples(target_pass, field, rule, text, positive):
    targets = target_pass.run(make_doc(GOAL + text), [])
    assert targets, f"no target read from {text!r}"
    assert (getattr(targets[0], field) == rule.code) is positive, targets[0]


# What each modality mark does to the numbers it marks (docs/reading.md): goal words make targets,
# the others keep the number they mark from being one.
YIELDS_TARGETS = {"commit": True, "goals_above": True}


def _mark_examples():
    for rule in load_rules().cues.marks:
        for text in rule.examples.positive:
            yield pytest.param(rule, text, True, id=f"{rule.id}:{text[:30]}")
        for text in rule.examples.negative:
            yield pytest.param(rule, text, False, id=f"{rule.id}:{text[:30]}")


@pytest.mark.parametrize("rule, text, positive", list(_mark_examples()))
def test_mark_examples(target_pass, rule, text, positive):
    """A positive example does what its mark says; a negative one does the opposite. A name
    ("Chương trình mục tiêu quốc gia", "đã biểu quyết thông qua") hides the marks inside it."""
    if rule.mark == "name":
        marks = target_pass.marks.read(make_doc(text))
        inside = [m for m in marks if m.family == "mark" and any(
            text.lower().find(p.lower()) <= m.start < text.lower().find(p.lower()) + len(p) for p in rule.phrases if p.lower() in text.lower())]
        assert not inside, (rule.id, text, inside)
        return
    yields = YIELDS_TARGETS.get(rule.mark, False)
    found = bool(target_pass.run(make_doc(text), []))
    assert found is (yields if positive else not yields), (rule.id, text)


def test_every_lexicon_was_seen_in_two_documents(rules):
    """A rule stands for a way plan language writes something, not for one sentence."""
    for name in ("cues", "times", "sections", "clauses"):
        for rule in _with_seen_in(getattr(rules, name).model_dump()):
            assert len(set(rule["seen_in"])) >= 2, (name, rule["id"])


def test_a_page_a_rule_was_seen_in_holds_its_wording(rules):
    """`seen_in` is evidence: each wild (wNNN), dev (dNNN) or seed page it names writes one of the
    rule's phrases, in either spelling of a final "i"/"y" and with any spacing."""
    pages = {path.stem: path for folder in ("wild", "devset") for path in shared_path(folder, "docs").glob("*.txt")}
    pages.update((path.stem, path) for path in (CORPUS / "seeds").glob("*.txt"))
    unseen = []
    for name in ("cues", "times", "sections", "clauses", "numbers", "frame", "places", "scopes", "indicators", "symbols"):
        for rule in _with_seen_in(getattr(rules, name).model_dump()):
            words = [w for field in ("phrases", "within", "before") for w in rule.get(field) or []]
            if not words:
                continue
            wording = re.compile("|".join(flexible(w) for w in words), re.IGNORECASE)
            for page in rule["seen_in"]:
                if page in pages and not wording.search(pages[page].read_text(encoding="utf-8")):
                    unseen.append(f"{rule['id']}: {page}")
    assert not unseen, unseen


def _with_seen_in(data):
    if isinstance(data, dict):
        if "seen_in" in data:
            yield data
        for value in data.values():
            yield from _with_seen_in(value)
    elif isinstance(data, list):
        for value in data:
            yield from _with_seen_in(value)


def test_heading_examples(rules):
    from chitieu.reading.layout import Sections

    sections = Sections(rules.sections)
    for rule in rules.sections.headings:
        for text in rule.examples.positive:
            assert sections.kind_of(text)[0] == rule.kind, text
        for text in rule.examples.negative:
            assert (sections.kind_of(text) or (None,))[0] != rule.kind, text


@pytest.mark.parametrize("name, kinds", [("deadline_words", {"deadline", "until"}), ("base_words", {"base"})])
def test_time_examples(rules, name, kinds):
    from chitieu.reading.times import TimeReader
    from chitieu.spans import SpanIndex

    rule = getattr(rules.times, name)
    reader = TimeReader(rules.times)
    for text in rule.examples.positive:
        assert {y.kind for y in reader.years(text, SpanIndex())} & kinds, text
    for text in rule.examples.negative:
        assert not {y.kind for y in reader.years(text, SpanIndex())} & kinds, text


def test_households_after_a_support_verb_are_who_is_helped(rules, target_pass):
    for text in rules.cues.support_verbs.examples.positive:
        assert [t.indicator for t in target_pass.run(make_doc(text), [])] == ["other"], text


def _word_list_examples():
    """Word lists of rules/calendar.yaml and rules/frame.yaml: every positive example holds one of
    the list's phrases, as the passes match them (any case, any whitespace)."""
    import re

    from chitieu.phrases import alternation

    rules = load_rules()
    for section in (rules.calendar, rules.frame):
        for name in type(section).model_fields:
            rule = getattr(section, name)
            if name != "version":
                pattern = re.compile(rf"(?<!\w)(?:{alternation(rule.phrases)})(?!\w)", re.IGNORECASE)
                for text in rule.examples.positive:
                    yield rule.id, pattern, text


@pytest.mark.parametrize("rule, pattern, text", list(_word_list_examples()))
def test_calendar_and_frame_word_examples(rule, pattern, text):
    assert pattern.search(text), f"{rule}: no phrase of the rule in {text!r}"


def _table_examples():
    rules = load_rules().tables
    for text in rules.annex_heading_words.examples.positive:
        yield "annex", text, True
    for text in rules.annex_heading_words.examples.negative:
        yield "annex", text, False
    for text in rules.unit_column_words.examples.positive:
        yield "unit column", text, True
    for text in rules.unit_column_words.examples.negative:
        yield "unit column", text, False
    for rule in rules.column_units:
        for text in rule.examples.positive:
            yield rule.unit, text, True
        for text in rule.examples.negative:
            yield rule.unit, text, False


@pytest.mark.parametrize("unit, text, positive", list(_table_examples()))
def test_table_word_examples(unit, text, positive):
    """An annex heading is one as written at a line's start; a column header gives its bare numbers a
    unit; a unit column ("ĐVT") gives each row's."""
    from chitieu.sources.tables import _unit_suffix, table_words

    if unit == "annex":
        assert bool(table_words().annex_heading.search(text)) == positive
    elif unit == "unit column":
        assert bool(table_words().unit_column.search(text)) == positive
    else:
        assert (_unit_suffix(text, "12", "").strip() == unit.strip()) == positive


def _counted_by_context_examples():
    numbers = load_rules().numbers
    for name in ("padded_count", "rank_group", "rank_place"):
        rule = getattr(numbers, name)
        for text, positive in [*((t, True) for t in rule.examples.positive), *((t, False) for t in rule.examples.negative)]:
            yield pytest.param(name, text, positive, id=f"{rule.id}:{text[:30]}")


@pytest.mark.parametrize("name, text, positive", list(_counted_by_context_examples()))
def test_quantities_read_by_their_context(rules, name, text, positive):
    """A number read by the words around it: "04 hội thảo" counts what no unit list holds ("Nghị
    quyết 01", "tháng 01" do not); "trong 10 tỉnh dẫn đầu", "top 55", "Thứ hạng: 25" are ranks."""
    rule_id = getattr(rules.numbers, name).id
    quantities = QuantityReader(rules.numbers).find(text)
    assert any(q.unit_rule == rule_id for q in quantities) is positive


@pytest.mark.parametrize("phrase, written, matches", [
    ("tỷ lệ", "tỉ lệ", True),
    ("tỷ lệ", "TỈ LỆ", True),
    ("bác sĩ", "bác sỹ", True),
    ("NGHỊ QUYẾT", "NGHỊ QUYẾT", True),  # a heading's case is kept where a pattern is case-sensitive
    ("quý", "quí", False),  # after "qu" the vowel is no syllable-final "i" after consonants
    ("tỷ", "tủ", False),
])
def test_a_phrase_matches_either_spelling_of_a_final_i(phrase, written, matches):
    assert bool(re.fullmatch(flexible(phrase), written, re.IGNORECASE if phrase.islower() else 0)) == matches
    assert (key(phrase) == key(written)) == matches
