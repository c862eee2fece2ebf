"""The clause of a quantity: the stretch of its sentence it owns, split the ways the reading
needs (docs/reading.md, principle 2).

A quantity owns its sentence from the previous quantity (left) to the next one (right). Its
own clause on the right ends where a comma or semicolon opens a new measure, verb or goal
("..., tỷ lệ hộ cận nghèo giảm 1%"); on the left, the words since the last comma, colon,
bracket or coordinator are the ones nearest to it. Its subject (the measured phrase) starts at
the first measure word or indicator of its left part, or at the number itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..numbers import COUNT_OF_TOTAL, Quantity, parse_number
from ..phrases import alternation, key, whole_words
from ..rules import Rules
from ..text import CAPITAL
from .marks import Mark
from .times import DUE_KINDS, GOAL_DUE_KINDS, Year, years_between

_COMMA = re.compile(r"[,;]\s*")
BRACKET_LEAD = 24  # characters from a bracket to the number it holds: "(giảm hơn 3%"
_COUNT_OF_TOTAL = re.compile(rf"(?<![\w/.,]){COUNT_OF_TOTAL}")
STANDARD_REACH = 32  # characters from a standard word to the whole country it names
NAMED_GOAL_REACH = 90  # characters from a plan noun to the figure a copula gives it
FRAME_WORDS = 2  # words before a phase that opens its clause: "Giai đoạn 2021 - 2025, ..."


def against_plan(rules: Rules) -> tuple[re.Pattern, dict[str, str]]:
    """What weighs a result against a plan, and the rule of each word: a share of the plan ("đạt
    77,89% kế hoạch giao", "đạt 33,33% so với kế hoạch") or a result word holding a plan noun
    ("vượt kế hoạch đề ra", "kết quả thực hiện chỉ tiêu"). Such a sentence reports, and names no
    document of its own."""
    plan_nouns = rules.frame.plan_nouns
    plan_noun = whole_words(plan_nouns.phrases)
    shares = {key(p): r.id for r in rules.cues.marks if r.mark == "plan_share" for p in r.phrases}
    shares.update({key(p): plan_nouns.id for p in plan_nouns.phrases if key(p) not in shares})
    results = {key(p): r.id for r in rules.cues.marks if r.mark == "done" for p in r.phrases if plan_noun.search(p)}
    pattern = re.compile(
        rf"(?<![\d.,])(?P<share>\d[\d.,]*)\s*%\s*(?P<share_word>{alternation(shares)})(?!\w)"
        rf"|(?<!\w)(?P<result>{alternation(results)})(?!\w)", re.IGNORECASE)
    return pattern, {**shares, **results}


def plan_headline(rules: Rules):
    """Whether a headline names a plan document as its subject, and no results: a body's document
    opens it, after any place and colon ("Chợ Đồn: Nghị quyết của HĐND huyện về nhiệm vụ ... năm
    2012"; a document's own title, "Kế hoạch hỗ trợ ...", heads its preamble, not its figures), and
    no result word of a section heading stands in it ("Kết quả thực hiện Nghị quyết")."""
    symbols = rules.symbols
    plan_words = [p for r in symbols.type_words if r.code in symbols.plan_types for p in r.phrases]
    of = alternation(rules.frame.possessive_words.phrases)
    opens = re.compile(rf"^\W*(?:[^\W\d][^:\n]{{0,40}}:\s*)?(?:{alternation(plan_words)})\s+(?:{of})\s", re.IGNORECASE)
    results = result_words(rules)
    return lambda headline: bool(opens.match(headline)) and not results.search(headline)


def result_words(rules: Rules) -> re.Pattern:
    """The words of a results section's heading ("Kết quả thực hiện"): a title holding one
    reports on a document, it is not that document."""
    words = [p for r in rules.sections.headings if r.kind == "result" for p in r.phrases]
    return whole_words(words)


def commits_after(rules: Rules) -> re.Pattern:
    """A goal verb soon after a unit, in its clause: the unit is the subject that commits
    ("Phường Xuân Phương phấn đấu ...", "Đảng bộ xã Vọng Đông đề ra các chỉ tiêu")."""
    commit_words = [p for rule in rules.cues.marks if rule.mark == "commit" for p in rule.phrases]
    return re.compile(rf"[^.;,:]{{0,30}}?(?<!\w)(?:{alternation(commit_words)})(?!\w)", re.IGNORECASE)


# characters from a word of exceeding to the goal word it exceeds ("vượt hầu hết các chỉ tiêu")
EXCEEDED_REACH = 24


class ClauseWords:
    """The clause vocabulary of rules/clauses.yaml and rules/cues.yaml, compiled once."""

    def __init__(self, rules: Rules):
        self._compile_clause_words(rules)
        self._compile_times(rules)
        self._compile_plan_words(rules)

    def _compile_clause_words(self, rules: Rules) -> None:
        """The words that join, restate, qualify and close a clause."""
        words = rules.clauses
        self.coverage = whole_words(words.coverage_words.phrases)
        self.group_predicate = whole_words([*words.coverage_words.phrases, *words.having_words.phrases])
        self.coordinator = whole_words(words.coordinators.phrases)
        self.part_of = re.compile(rf"[\s,;:(-]*(?:{alternation(words.part_words.phrases)})\b", re.IGNORECASE)
        self.part_rule = words.part_words.id
        # "Đối với khu vực miền núi, ...": a fronted topic, up to the comma or colon closing it
        self.topic = re.compile(rf"\W*(?:{alternation(words.topic_words.phrases)})\s[^,:;.\n]*[,:]", re.IGNORECASE)
        coordinators = alternation(words.coordinators.phrases)
        self.near_break = re.compile(rf"[,:(]|\s(?:{coordinators})\s", re.IGNORECASE)
        self.trailing_join = re.compile(rf"(?:[\s,.;:…]|\s(?:{coordinators})(?=[\s,.;:…]*$))+$", re.IGNORECASE)
        self.listed_item = re.compile(rf"(?:\s(?:{coordinators})|,)\s*\S{{0,6}}\s*$", re.IGNORECASE)
        self.joined_goal = re.compile(rf"\s(?:{alternation(words.joined_goal_words.phrases)})\b", re.IGNORECASE)
        self.purpose = re.compile(rf"[;.]\s|\)|\s(?:{alternation(words.purpose_words.phrases)})\s|\s\(", re.IGNORECASE)
        restate = alternation(words.restatement_words.phrases)
        self.restatement = re.compile(rf"(?:\(|(?<!\w)(?:{restate}))[^()]{{0,25}}$", re.IGNORECASE)
        self.restated_by = re.compile(rf"(?<!\w)(?:{restate})\s+$", re.IGNORECASE)
        self.restate_word = whole_words(words.restatement_words.phrases)
        self.copula = whole_words(words.copulas.phrases)
        self.population_whole = re.compile(rf"\s*(?:{alternation(rules.cues.population_wholes.phrases)})(?!\w)", re.IGNORECASE)
        self.population_share_rule = rules.cues.population_wholes.id
        self.belonging = re.compile(rf"\s+(?:{alternation(words.belonging_words.phrases)})\b", re.IGNORECASE)
        self.part_words = alternation(words.part_words.phrases)
        self.average = whole_words(words.average_words.phrases)
        self.standard = whole_words(words.standard_words.phrases)
        self.national = whole_words(rules.places.national_words.phrases)
        self.qualifies_whole = whole_words([*rules.clauses.standard_words.phrases, *rules.times.base_words.phrases])
        self.rank_rules = frozenset({rules.numbers.rank_group.id, rules.numbers.rank_place.id})
        self.condition = whole_words(words.condition_words.phrases)
        self.consequence = whole_words(words.consequence_words.phrases)
        self.condition_rule = words.condition_words.id

    def _compile_times(self, rules: Rules) -> None:
        """The words that date a figure: a term, a moment it is counted at, a yearly opening, a base."""
        self.term = re.compile(rf"(?<!\w)(?:{alternation(rules.calendar.term_words.phrases)})\s*$", re.IGNORECASE)
        calendar = rules.calendar
        # "đến hết tháng 7/2022", "Tính đến ngày 30/9/2022": the day or month a figure is counted at
        self.moment = re.compile(
            rf"(?<!\w)(?:{alternation(rules.times.moment_words.phrases)})\s+(?:(?:{alternation(calendar.day_words.phrases)})\s+\d{{1,2}}/"
            rf"|(?:{alternation(calendar.month_words.phrases)})\s+)(?P<month>\d{{1,2}})/(?P<year>(?:19|20)\d\d)(?!\d)", re.IGNORECASE)
        self.moment_rule = rules.times.moment_words.id
        # "- Hằng năm, ...": a line a yearly word opens, after any list marker
        self.yearly_opening = re.compile(rf"\s*(?:[-+•*]\s*)?(?:{alternation(rules.cues.per_year_cues.phrases)})\s*,", re.IGNORECASE)
        # "so với đầu kỳ", "so với năm 2020": the base a change is measured from
        self.compared = re.compile(
            rf"\s*(?<!\w)(?:{alternation(rules.times.base_words.phrases)})(?:\s+\w+){{1,2}}(?!\w)", re.IGNORECASE
        )

    def _compile_plan_words(self, rules: Rules) -> None:
        """The words that name whose figure it is (a unit below the plan's own, a plan and its
        goals, a plan's figure quoted in a bracket) and the marks that break or qualify a clause.
        Reads `part_words`, compiled with the clause words before it."""
        # a comma or semicolon followed by a new measure, verb, goal or part ends a clause
        self.break_families = frozenset({"measure", "change", "change_rate", "support", "per_year"})
        # "huyện Mù Cang Chải phấn đấu giảm 7,5%" (w055), "các huyện Yên Dũng, Lạng Giang" (w067): a
        # unit below the plan's own, named: its quota (a province names the plan's own territory)
        units = [p for rule in rules.places.levels if rule.id != "level-province.v1" for p in rule.phrases]
        self.named_unit = re.compile(rf"(?<!\w)(?i:{alternation(units)})\s+{CAPITAL}\w*(?:\s+{CAPITAL}\w*)*")
        self.commits_after = commits_after(rules)  # a unit that commits names the plan's own territory
        self.after_count_rules = frozenset(r.id for r in rules.cues.marks if r.after_count)
        self.tense_only_rules = frozenset(r.id for r in rules.cues.marks if r.tense_only)
        self.now_rules = frozenset(r.id for r in rules.cues.marks if r.now)
        # the verbs that move a figure: a rise, a fall, a level moved to
        self.moving_rules = frozenset(r.id for r in rules.cues.change_verbs if r.moves or r.code != "level")
        self.required_bounds = frozenset(r.id for r in rules.numbers.bounds if r.requires)
        self.output_count_rules = frozenset({rules.numbers.padded_count.id, rules.numbers.deed_count.id})  # what a task delivers
        self.before_named_unit = re.compile(rf"\s*(?:(?:{self.part_words})\s*)?", re.IGNORECASE)
        plan_nouns = rules.frame.plan_nouns.phrases
        self.plan_noun = whole_words(plan_nouns)
        # "vượt kế hoạch đề ra (2,5%/năm)", "đạt chỉ tiêu Quốc hội, Chính phủ giao (4%)": a plan's figure quoted in a bracket
        quoted_goal = rf"(?<!\w)(?:{alternation(plan_nouns)})(?:[\s,]+\w+){{0,8}}\s*\("
        # ... or a bracket opening with the plan noun: "đạt 100% (mục tiêu đại hội là 90%)", "(kế hoạch là 4%)"
        bracketed_goal = rf"\(\s*(?:{alternation(plan_nouns)})(?:[\s,]+[^\W\d]+){{0,4}}\s+"
        self.quoted_goal = re.compile(rf"(?:{quoted_goal}|{bracketed_goal})\s*$", re.IGNORECASE)
        self.quotes_goal_in = re.compile(rf"{quoted_goal}\s*\d", re.IGNORECASE)  # anywhere in a sentence
        # "chỉ tiêu đề ra là tối thiểu 20%", "kế hoạch phấn đấu giảm ... là 108 bé trai/100 bé gái": the
        # plan's figure given by a copula (or a colon) after the plan noun and what it names
        self.named_goal = re.compile(
            rf"(?<!\w)(?:{alternation(plan_nouns)})(?:\s+[^\W\d]+){{0,8}}\s*(?:\s(?:{alternation(rules.clauses.copulas.phrases)})|:)(?:\s+[^\W\d]+){{0,2}}\s*$",
            re.IGNORECASE)
        self.bracket_lead = re.compile(r"\((?:\s*[^\W\d]+){0,3}\s*$")  # "(giảm hơn 3%", "(từ 1-1,5%": a bracket the number opens
        self.quoted_goal_rule = rules.frame.plan_nouns.id
        self.against_plan, self.against_plan_rules = against_plan(rules)
        # "đạt và vượt 17 chỉ tiêu", "vượt mức các chỉ tiêu": exceeding, then a count or quantifier words before a goal word
        exceeding = rules.cues.exceeding_words.phrases
        self.exceeded_before = re.compile(
            rf"(?<!\w)(?:{alternation(exceeding)})(?!\w)[^.;:,()\n]{{0,{EXCEEDED_REACH}}}$", re.IGNORECASE)
        self.exceeded_window = EXCEEDED_REACH + max(map(len, exceeding)) + 1  # the word, its space and the reach

    def opens_clause(self, mark: Mark) -> bool:
        """A mark that, right after a comma, starts a new clause: a measure, a verb, a goal."""
        return mark.family in self.break_families or (mark.family == "indicator" and mark.priority > 0) or mark.code == "commit"


@dataclass
class Clause:
    """What one quantity's reading looks at."""

    text: str
    q: Quantity
    words: ClauseWords
    sentence: tuple[int, int]
    marks: list[Mark]  # the sentence's marks
    left_start: int
    right_end: int
    years: list[Year]  # the sentence's years
    years_start: int  # where this quantity's own years may start (after the previous one's year)
    after_quantity: bool = False  # `left_start` is the end of the quantity before it

    def __post_init__(self) -> None:
        text, q, words = self.text, self.q, self.words
        opened = text.rfind("(", self.left_start, q.start)
        self.bracket = opened if opened >= 0 and ")" not in text[opened : q.start] else None  # the bracket it sits in
        self.left = [m for m in self.marks if self.left_start <= m.start and m.end <= q.start]
        self.right = [m for m in self.marks if q.number_end <= m.start and m.end <= self.right_end]
        # a year right after the number is its own ("giảm còn 8,88% (2015)"), unless it opens a bracket
        # labelling the bracket's own figure ("từ 4% trở lên (cuối năm 2021 còn 34,52%)")
        self.own_year = next((y for y in years_between(self.years, q.end, self.right_end)
                              if not text[q.end : y.start].strip(" (") and y.kind in DUE_KINDS
                              and not ("(" in text[q.end : y.start] and self._labels_next(y))), None)
        self.right_clause_end = self._clause_end()
        self.right_clause = [m for m in self.right if m.end <= self.right_clause_end]
        self.right_clause_text = text[q.end : self.right_clause_end]
        # a comma inside a phrase the rules name whole ("bằng cấp, chứng chỉ", "miễn, giảm học phí") breaks nothing
        breaks = [m.end() for m in words.near_break.finditer(text, self.left_start, q.start)
                  if not any(mark.start < m.start() and m.end() <= mark.end for mark in self.left)]
        self.near_start = breaks[-1] if breaks else self.left_start
        self.near_left = [m for m in self.left if m.start >= self.near_start]
        self.lead_in = not any(m.family == "indicator" for m in self.near_left)
        # a bracket after a plan noun quotes the plan's figure, it restates nothing
        self.restatement = bool(words.restatement.search(text[self.left_start : q.start])) and not (
            self.quotes_a_goal() or self.names_a_goal())
        # "..., trong đó ...", or the last words of the figure before it, then "..., trong đó có ít nhất 500 ..."
        self.part_of_previous = bool(words.part_of.match(text, self.left_start, q.start)
                                     or words.part_of.match(text, self.start_after(",;:(", self.left_start), q.start))
        subject = [m.start for m in self.left if m.family in ("measure", "indicator")]
        self.subject_start = min(subject) if subject else q.start
        if subject and text.rfind(":", max(subject), q.start) >= 0:
            # "Tỷ lệ hộ nghèo: Kết quả thực hiện năm 2019: 5,1%": a colon closes the measured phrase,
            # and the words after it tell what the figure is
            self.subject_start = q.start
        if self.bracket is not None and self.bracket >= self.subject_start:
            self.subject_start = self.bracket + 1  # "(dự kiến cả nước 1,83-1,93%)": a bracket opens its own clause

    def start_after(self, breaks: str, floor: int) -> int:
        """Where the quantity's clause begins: after the last of `breaks` between `floor` and it."""
        return max([floor] + [self.text.rfind(mark, floor, self.q.start) + 1 for mark in breaks])

    def _clause_end(self) -> int:
        if self.bracket is not None:
            closing = self.text.find(")", self.q.end, self.right_end)
            if closing >= 0:
                return closing  # "(8 xã), trong đó: ..." (w023): a bracketed figure's clause ends with its bracket
        for punctuation in _COMMA.finditer(self.text, self.q.end, self.right_end):
            after = punctuation.end()
            if any(m.start == after and self.words.opens_clause(m) for m in self.right):
                return punctuation.start()
            if any(y.start == after and y.kind in DUE_KINDS for y in self.years):
                return punctuation.start()  # "..., năm 2016 đạt 6,5%" (w054): a year opens the next item
            if self.words.part_of.match(self.text, punctuation.start(), self.right_end):
                return punctuation.start()
        return self.right_end

    def quotes_a_goal(self) -> bool:
        """The quantity opens a bracket right after a plan noun, or a bracket opens with one: the
        plan's own figure, quoted beside the result measured against it ("bình quân giảm
        5,25%/năm, vượt so với mục tiêu đề ra (4%/năm)"; w018, w265, w301; "đạt 100% (mục tiêu
        đại hội là 90%)", w326; "tăng 5,69% so với cùng kỳ (kế hoạch là 4%)", w213)."""
        if self.restates_count_share():
            return False
        if self.words.quoted_goal.search(self.text, max(0, self.q.start - 40), self.q.start):
            return True
        # a bracket after a plan noun of its clause: "đạt chỉ tiêu của Chương trình do Quốc hội,
        # Chính phủ giao (từ 1-1,5%)", "đạt mục tiêu của Chương trình (giảm hơn 3%/năm)" (w007)
        lead = self.words.bracket_lead.search(self.text, max(self.left_start, self.q.start - BRACKET_LEAD), self.q.start)
        return bool(lead) and not self.words.restate_word.search(lead.group()) and bool(
            self.words.plan_noun.search(self.text, self.left_start, lead.start()))

    def restates_count_share(self) -> bool:
        """The share is what a count out of a total before it comes to, in a bracket after it: the
        same figure in other words, whatever plan noun stands between (LamDong_329 and the draft
        report LamDong_BC_CCHC_2025; docs/reading.md, quoted goals)."""
        if self.q.unit != "percent":
            return False
        places = len(self.text[self.q.number_start : self.q.number_end].replace(".", ",").partition(",")[2])
        for m in _COUNT_OF_TOTAL.finditer(self.text, self.sentence[0], self.q.start):
            part, whole = parse_number(m.group("frac_n")), parse_number(m.group("frac_d"))
            if part is not None and whole and abs(100 * part / whole - self.q.value_min) <= 0.5 * 10**-places:
                return True
        return False

    def names_a_goal(self) -> bool:
        """The quantity is the figure a plan noun is said to be, by a copula or a colon (Lâm Đồng's
        2025 PAR/PAPI/PCI report, w305; docs/reading.md, principle 3): the plan's goal quoted, on a
        page or in a section of results."""
        named = self.words.named_goal.search(self.text, max(self.left_start, self.q.start - NAMED_GOAL_REACH), self.q.start)
        # the plan noun says something, not part of a name ("Vốn Chương trình mục tiêu quốc gia ...: 32.400 triệu đồng")
        return named is not None and any(m.family == "mark" and m.code == "commit" and m.start >= named.start() for m in self.left)

    def country_wide(self) -> bool:
        """The clause gives its figure to the whole country, before the figure or after it: the
        national plan's goal (docs/reading.md, principle 7); not a figure measured by a national
        standard (a standard word before the country) or compared with the country's (a base word
        between the figure and the country), nor a rank, whose country is where it ranks."""
        if self.q.unit_rule in self.words.rank_rules:
            return False
        start = self.start_after(",;:(", self.left_start)
        before = (m for m in self.words.national.finditer(self.text, start, self.q.start)
                  if not self.words.standard.search(self.text, max(start, m.start() - STANDARD_REACH), m.start()))
        after = (m for m in self.words.national.finditer(self.text, self.q.end, self.right_clause_end)
                 if not self.words.qualifies_whole.search(self.text, self.q.end, m.start()))
        return next(before, None) is not None or next(after, None) is not None

    def measured_against_plan(self) -> str | None:
        """What, from the quantity on until its clause closes with ";" or the sentence ends, weighs
        a result against a plan (`against_plan`), as the id of its rule. No one commits to part of
        a plan, so any share but a whole one is measured; a whole one ("đạt 100% chỉ tiêu") is left
        to the clause's context."""
        end = self.text.find(";", self.q.end, self.sentence[1])
        end = self.sentence[1] if end < 0 else end
        for found in self.words.against_plan.finditer(self.text, self.q.start, end):
            share = found.group("share")
            if share != "100":
                return self.words.against_plan_rules[key(found.group("share_word") or found.group("result"))]
        return None

    def qualifies_previous(self) -> bool:
        """"Trên 90% phụ nữ được khám thai ít nhất 3 lần": a quantity inside the phrase of the one
        before it, with nothing that opens a clause of its own between them, tells what that one
        counts."""
        if not self.after_quantity:
            return False
        between = self.text[self.left_start : self.q.start]
        # a comma or "và" inside a phrase the rules name whole ("hộ nghèo, hộ cận nghèo") opens no clause
        if self.near_start > self.left_start or re.search(r"[;)]", between) or self.restatement:
            return False
        if any(m.family in ("change", "change_rate", "measure", "mark") for m in self.left):
            return False
        return bool(re.search(r"[^\W\d_]{2,}", between))

    def stated_year(self) -> Year | None:
        """The year this quantity is due by, as the text states it: its own year, else the last
        one before it, else a deadline later in its clause ("hỗ trợ 500 hộ ... trong năm 2022")."""
        if self.own_year:
            return self.own_year
        stated = [y for y in years_between(self.years, self.years_start, self.q.start) if y.kind in DUE_KINDS]
        if stated:
            return stated[-1]
        later = [y for y in years_between(self.years, self.q.end, self.right_clause_end) if y.kind in GOAL_DUE_KINDS]
        if later and not self._labels_next(later[0]):
            return later[0]
        return None

    def _labels_next(self, year: Year) -> bool:
        """A year a verb or a colon follows before the next number labels that number, not this one
        ("..., năm 2016 đạt 6,5%", w054; "Tỷ lệ lao động qua đào tạo năm 2025: 65%", w023, w153; "...
        đạt 48% (năm 2016: 44,5%)"; "(Cuối năm 2015 đạt 386 DVC, ...)", Hà Tĩnh 496/KH-UBND)."""
        return self.text[year.end : self.right_end].lstrip().startswith(":") or any(
            m.family in ("change", "change_rate") and year.end <= m.start for m in self.right)

    def term_after(self, year: Year | None) -> Year | None:
        """A term named in the sentence after the year a commitment would take, before the
        quantity ("năm 2030 là tỉnh công nghiệp hiện đại; ... chỉ tiêu chủ yếu trong nhiệm kỳ
        2020-2025, như: GRDP tăng bình quân 9%"): the commitment is due when the term ends."""
        phases = [y for y in years_between(self.years, self.years_start, self.q.start) if y.kind == "phase" and self._frames(y)]
        later = [p for p in phases if year is None or p.year_start > year.year_start]
        return later[-1] if later and not self.own_year else None

    def _frames(self, phase: Year) -> bool:
        """A phase that is the time of what follows: a term ("trong nhiệm kỳ 2020-2025"), or a
        phase opening its clause ("Giai đoạn 2021 - 2025, ...", "(nhiệm kỳ 2020 - 2025)"); not
        one naming what a word before it means ("theo chuẩn nghèo đa chiều giai đoạn 2021 - 2025")."""
        lead = self.text[self.sentence[0] : phase.year_start]
        if self.words.term.search(lead):
            return True
        clause = re.split(r"[.,;:()\n]", lead)[-1]
        return len(clause.split()) <= FRAME_WORDS

    def phase(self) -> Year | None:
        """The phase the sentence puts the quantity in ("nhiệm kỳ 2015 - 2020, ... đạt 6,45%")."""
        phases = [y for y in self.years if y.kind == "phase" and y.year_start < self.q.start]
        return phases[-1] if phases else None

    def framing_phase(self) -> Year | None:
        """The phase the sentence puts the quantity in, where it is the time of what follows it
        ("Theo đó, giai đoạn 2021 - 2025, toàn tỉnh trồng mới 416ha rừng", w281)."""
        phase = self.phase()
        return phase if phase and self._frames(phase) else None

    def own_year_end(self) -> int:
        """Where the next quantity's own words start: after this one's year, if it has one."""
        return self.own_year.end if self.own_year else self.q.end
