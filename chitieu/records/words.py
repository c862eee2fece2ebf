"""The words that frame a plan, compiled once from the rules: the type words that name it
(rules/symbols.yaml), the header, title and citation words (rules/frame.yaml), the date words
(rules/calendar.yaml), and the goal and territory words that tie a body to the targets."""

from __future__ import annotations

import re
import unicodedata

from ..models import DocType
from ..passes.periods import until_pattern
from ..passes.symbols import letter_body_re
from ..reading.clause import EXCEEDED_REACH, against_plan, commits_after, plan_headline, result_words
from ..reading.goal_counts import COUNT_BEFORE, COUNT_REACH
from ..phrases import alternation, alternation_outside, flexible, key
from ..text import STORED_DATE
from ..rules import Rules


MOTTO_TAIL = 14  # characters of the motto after its listed words: " - Hạnh phúc"
# characters from a council to the words saying it sits: "khóa X, nhiệm kỳ 2021 - 2026 tổ chức"
SESSION_REACH = 60
DRAFTING_REACH = 20  # characters from a drafting verb to the document it names
SUBJECT_REACH = 30  # characters between a unit opening a clause and its goal verb: the adverbs between them
STANDARD_NAME = 5  # words of a standard's name between its word and its phase (w296's is five)


def _soon_after(phrases: list[str]) -> re.Pattern | None:
    """One of `phrases` soon after the start, in the same clause."""
    return re.compile(rf"^(?:[^.;]|\.(?=\d)){{0,60}}?(?<!\w)(?:{alternation(phrases)})(?!\w)", re.IGNORECASE) if phrases else None


def _any(rule) -> str:
    return alternation(rule.phrases)


def _whole(rule) -> str:
    """The rule's phrases as whole words."""
    return rf"(?<!\w)(?:{_any(rule)})(?!\w)"


def _issuing(rule) -> str:
    return alternation_outside(rule.phrases, rule.compounds)


def _setter(opening: str, phrase: str, verbs: str, named: str = "") -> re.Pattern:
    """A document opening a clause as the subject of a goal-setting verb, `named` right after its type word."""
    return re.compile(rf"{opening}{flexible(phrase)}{named}\b[^.;:\n]{{0,150}}?\b(?:{verbs})\b", re.IGNORECASE)


_CAPITALS = "".join(ch for ch in map(chr, range(0x41, 0x1EFA)) if ch.isupper() and unicodedata.name(ch, "").startswith("LATIN"))


class PlanWords:
    def __init__(self, rules: Rules):
        symbols, frame, calendar, places = rules.symbols, rules.frame, rules.calendar, rules.places
        words = [(phrase, rule.code) for rule in symbols.type_words if rule.code in symbols.plan_types for phrase in rule.phrases]
        self.patterns = [(re.compile(rf"\b{flexible(p)}\b", re.IGNORECASE), code) for p, code in words]
        self.announced_patterns = [(re.compile(rf"\b{flexible(p)}\b", re.IGNORECASE), rule.code)
                                   for rule in symbols.announced_type_words for p in rule.phrases]
        # "Chiến lược quốc gia ... đặt mục tiêu": a document opening a clause as the subject of a
        # goal-setting verb (the page's stamp may come before it)
        setters = words + [(p, rule.code) for rule in symbols.goal_setter_type_words for p in rule.phrases]
        opening = rf"(?:^(?:{STORED_DATE.pattern})?|[.,;:\n|(\-–])\s*"
        verbs = _any(rules.frame.goal_setting_verbs)
        self.goal_setter_patterns = [(_setter(opening, p, verbs), code) for p, code in setters]
        # "HĐND phường Tân Hòa khóa X, nhiệm kỳ 2021 - 2026 tổ chức Kỳ họp thứ Tư": a council in session
        session = _whole(rules.frame.session_words)
        self.in_session = re.compile(rf"[^.;\n]{{0,{SESSION_REACH}}}?{session}", re.IGNORECASE)
        self.session = re.compile(session, re.IGNORECASE)
        self.in_meeting = re.compile(rf"[^.;\n]{{0,{SESSION_REACH}}}?{_whole(rules.frame.party_meeting_words)}", re.IGNORECASE)
        self.session_opening = re.compile(_whole(rules.frame.session_opening_words), re.IGNORECASE)
        self.session_closing = re.compile(_whole(rules.frame.session_closing_words), re.IGNORECASE)
        # "diễn ra trong 2 ngày", "sau 3 ngày làm việc": a session of several days
        self.days_counted = re.compile(rf"(?<![\d.,/-])\d+\s+(?:{_any(rules.calendar.day_words)})(?!\w)", re.IGNORECASE)
        # "Chiến lược quốc gia ... đặt mục tiêu": the same, named national right after its type word
        national = rf"\s+(?:{_any(rules.frame.national_document_words)})"
        self.national_setters = [_setter(opening, p, verbs, national) for p, _ in setters]
        # a text opening with a type word: a register's copy keeps a document's title and drops its header
        self.results = result_words(rules)
        self.title = re.compile(rf"^(?:{STORED_DATE.pattern})?\s*(?:{'|'.join(flexible(p) for p, _ in words)})(?!\w)", re.IGNORECASE)
        # a legal document's heading line names its type, whatever it is ("KẾ HOẠCH", "THÔNG BÁO", "BÁO CÁO")
        self._heading_types = [(re.compile(rf"\s*{flexible(p.upper())}\s*$"), rule.code) for rule in symbols.type_words for p in rule.phrases]
        self._heading_types += [(re.compile(rf"\s*{re.escape(p)}\s"), rule.code) for rule in symbols.subject_line_types for p in rule.phrases]
        self.sign_types = {a: r.code for r in symbols.sign_types for a in r.abbreviations}
        self.plan_types = frozenset(symbols.plan_types)
        self.letter_body = letter_body_re(symbols)
        self._goal_words(rules)
        self._territories(places, rules.frame, [p for rule in rules.cues.marks if rule.mark == "commit" for p in rule.phrases])
        # "UBND tỉnh ban hành Kế hoạch số ...": the symbol a sentence says was issued
        self.issuing = re.compile(rf"\b(?:{_issuing(symbols.issuing_verbs)})\b", re.IGNORECASE)
        # a document of a plan type approved (approving_verbs), up to its title's end
        self.approving = re.compile(rf"\b(?:{_any(symbols.approving_verbs)})\s+(?:{'|'.join(flexible(p) for p, _ in words)})\b", re.IGNORECASE)
        self.title_end = re.compile(r"\n\s*\n|[.;]")
        # "Căn cứ / Triển khai thực hiện Kế hoạch số ...": a cited symbol, not the page's plan
        self.basis_before = re.compile(rf"\b(?:{_any(symbols.basis_words)})\s+(?:\w+\s+){{0,3}}$", re.IGNORECASE)
        self.citing_before = re.compile(rf"\b(?:{_any(symbols.citing_words)})\s+(?:\w+\s+){{0,3}}$", re.IGNORECASE)
        self._frame(frame, calendar, symbols, rules.times, rules.clauses)
        self.against_plan = against_plan(rules)[0]  # a sentence weighing a result against a plan names no plan
        # "đạt và vượt 19/23 chỉ tiêu Nghị quyết Đại hội đề ra": goals told as exceeded, a plan that went by
        self.goals_exceeded = re.compile(rf"{_whole(rules.cues.exceeding_words)}[^.;:,()\n]{{0,{EXCEEDED_REACH}}}{_whole(frame.goal_nouns)}",
                                         re.IGNORECASE)
        self.names_plan = plan_headline(rules)  # "Chợ Đồn: Nghị quyết của HĐND huyện về nhiệm vụ ... năm 2012"

    def _goal_words(self, rules: Rules) -> None:
        marks = rules.cues.marks
        goals_above = [p for rule in marks if rule.mark == "goals_above" for p in rule.phrases]
        goal_words = [p for rule in marks if rule.mark == "commit" for p in rule.phrases]
        report_words = [p for rule in marks if rule.mark == "report" for p in rule.phrases]
        # "Để thực hiện các mục tiêu này, Quốc hội ..." (w047): the body that acts for the goals just stated
        self.goals_above = re.compile(rf"\b(?:{alternation(goals_above)})\b", re.IGNORECASE) if goals_above else None
        # what a body does when it sets targets or says what they are: the goal words, or the
        # reporting verbs of rules/cues.yaml, soon after the body in its sentence
        # a full stop ends the clause, a thousands point inside a number does not ("75.000 tỷ đồng")
        self.sets_targets = _soon_after(goal_words)
        self.tells_figures = _soon_after(report_words)
        # "Phường Xuân Phương phấn đấu ...", "Huyện Quản Bạ đặt mục tiêu ...": a unit as the subject of a commitment
        self.commits_after = commits_after(rules)

    def _territories(self, places, frame, commit_words: list[str]) -> None:
        # the territory a plan's targets speak of when no body names it: "tỉnh ta phấn đấu",
        # "toàn huyện có", "cả nước có", a level word opening a clause as the subject of a goal
        # verb ("Năm 2023, tỉnh phấn đấu"); a level word alone is as often what is counted ("số xã")
        levels = {key(p): r.code for r in places.levels for p in r.phrases}
        nation = {key(p): "national" for p in places.national_words.phrases}
        self._level_of = {**levels, **nation}
        level = alternation(levels)
        self.territory = re.compile(
            rf"(?<!\w)(?:(?:{_any(frame.territory_before_words)})\s+(?P<before>{level})"
            rf"|(?P<after>{level})\s+(?:{_any(frame.territory_after_words)})|(?P<nation>{alternation(nation)})"
            rf"|(?:^|(?<=[.,;:\n]))\s*(?P<subject>{level})(?=\s[^.,;:\n]{{0,{SUBJECT_REACH}}}?(?<!\w)(?:{alternation(commit_words)})(?!\w)))(?!\w)",
            re.IGNORECASE | re.MULTILINE,
        )

    def territory_level(self, match: re.Match) -> str:
        """The level a `territory` match names."""
        named = match.group("before") or match.group("after") or match.group("nation") or match.group("subject")
        return self._level_of[key(named)]

    def _frame(self, frame, calendar, symbols, times, clauses) -> None:
        day, of = _any(calendar.day_words), _any(frame.possessive_words)
        self.quoted_goal_rule = frame.plan_nouns.id  # what made a figure a goal a plan noun quotes
        # "theo chuẩn nghèo đa chiều giai đoạn 2022 - 2025": the phase of the standard a figure is measured
        # by; not one a verb gives ("theo chuẩn nghèo tiếp cận đa chiều áp dụng cho giai đoạn 2016-2020", w251)
        self.standard_before = re.compile(
            rf"(?<!\w)(?:{_any(clauses.standard_words)})(?:[^\S\n]+[^\W\d]+){{0,{STANDARD_NAME}}}\s*$", re.IGNORECASE)
        self.event_date_rule = calendar.event_time_words.id
        # "... do Thủ tướng Chính phủ ban hành" (w141): the issuing verb after the symbol, before a comma ends the clause
        self.issued_after = re.compile(
            rf"^[^,]{{0,160}}\b(?:{_any(frame.agent_words)})\s+[^,]{{0,40}}\b(?:{_issuing(symbols.issuing_verbs)})\b", re.IGNORECASE)
        self.according_to = re.compile(rf"\b(?:{_any(frame.according_words)})\s+$", re.IGNORECASE)
        self.drafting = re.compile(rf"\b(?:{_any(frame.drafting_verbs)})\s+$", re.IGNORECASE)
        self.study = re.compile(rf"\s+(?:{_any(frame.study_words)})\b", re.IGNORECASE)
        self.agency = re.compile(rf"\b(?:{_any(frame.agency_names)})\b", re.IGNORECASE)
        number = rf"(?i:{_any(frame.number_words)})"
        self.number_line = re.compile(rf"^\s*(?:\|\s*)?{number}\s*:", re.IGNORECASE)  # "Số: 4267/KH-UBND | Bến Tre, ngày ..."
        self.motto = re.compile(rf"{_any(frame.motto_words)}|{self.number_line.pattern}", re.IGNORECASE)
        # a page's date line ("Thứ Sáu, ngày 23 tháng 08 năm 2019, 09:25:27", w190) is no title
        self.date_line = re.compile(rf"^\W*(?:{_any(calendar.weekday_words)})\b|\b\d{{1,2}}:\d{{2}}\b", re.IGNORECASE)
        self.legal_basis = re.compile(rf"[\s\-–•]*(?:{_any(frame.legal_basis_words)})\b", re.IGNORECASE)
        self._header(frame, calendar, number, day)
        # "... số 147/KH-UBND ngày 31/5/2022 của ": what joins a cited symbol to its issuer
        self.cited_issuer = re.compile(rf"[^.;]{{0,60}}?\b(?:{of})\s*$", re.IGNORECASE)
        self.own_issuer_after = re.compile(
            rf"\s*,?\s*(?:(?:{day})\s+\d{{1,2}}\s*[/.-]\s*\d{{1,2}}(?:\s*[/.-]\s*\d{{2,4}})?\s*)?(?:{of})\s+", re.IGNORECASE)
        self._goals(frame, of)
        self.plan_noun = re.compile(rf"\b(?:{_any(frame.plan_nouns)})\b", re.IGNORECASE)
        self.full_text = re.compile(rf"\b(?:{_any(frame.full_text_words)})\b", re.IGNORECASE)
        self.issuer_label = re.compile(rf"(?:{_any(frame.issuer_label_words)})[^\n:]{{0,40}}:?\s*$", re.IGNORECASE)
        # "199/KH-UBND ngày 02/8/2022"; a legal header: "Số: 2356/KH-UBND | Kon Tum, ngày 18 ..." (w033)
        self.symbol_to_date = re.compile(rf"[\s,|]*(?:[^\d|,]{{0,25}},\s*)?(?:{day})?\s*", re.IGNORECASE)
        self.until = until_pattern(calendar)
        self.term = re.compile(rf"(?:{_any(calendar.term_words)})\b", re.IGNORECASE)
        # "Tính đến ngày 15/2/2023", "đến ngày 31/12": a moment figures are counted at or due by, no issue date
        self.until_date = re.compile(rf"(?<!\w)(?:{_any(calendar.until_words)})\s+(?:(?:{_any(calendar.day_words)})\s+)?$", re.IGNORECASE)
        # "tăng 13% so với năm 2022", "giá so sánh năm 2010": a year a figure is measured from
        self.base_before = re.compile(rf"(?<!\w)(?:{_any(times.base_words)})\s*$", re.IGNORECASE)

    def _header(self, frame, calendar, number: str, day: str) -> None:
        """The patterns of a legal header: its number line, its place-and-date line, an unnumbered one."""
        # the start of a header's number line: "Số" at the start of a line or table cell, or right after
        # the national motto of a two-column header read as one line (a scan's OCR may leave a stray
        # character before it: "Độc lập - Tự do - Hạnh phúc ị Số: 1740 /QĐ-UBND")
        # or after the issuing body's name in capitals, a Word header's cell read as one line ("ỦY BAN
        # NHÂN DÂN TỈNH LÂM ĐỒNG        Số:          /KH-UBND", Lâm Đồng 238-CAT)
        number_label = (rf"(?:(?:^|\n)|(?:{_any(frame.motto_words)})[^\n|]{{0,{MOTTO_TAIL}}}?|(?-i:[{_CAPITALS}]{{2}})[^\S\n])"
                        rf"[^\S\n]*(?:\S[^\S\n]+)?(?:\|\s*)?{number}")
        # "Số: 199/KH-UBND" in a legal header; "Số ký hiệu 101/2015/QH13" in a register's record (vbpl.vn),
        # its label and value in two cells of a row ("Số ký hiệu | 101/2015/QH13")
        self.header_symbol = re.compile(rf"{number_label}(?:\s*:|\s+(?P<label>{_any(frame.symbol_label_words)})\s*[:|]?)\s*$", re.IGNORECASE)
        # the Party's documents print their number line without the colon ("Số 05-CTr/HU", as the
        # Party Central Office's format guide sets it): read so before a party symbol only
        self.party_header_symbol = re.compile(rf"{number_label}[^\S\n]+$", re.IGNORECASE)
        # the header's place-and-date line, "Hà Tĩnh, ngày 13 tháng 10 năm 2017": a two-column header
        # read in stream order can put "Độc lập - Tự do - Hạnh phúc" between it and the "Số:" line
        place_comma = r"[^\W\d_][^\n,|]{1,30},\s*"  # "Hà Tĩnh, "
        self.header_dateline = re.compile(
            rf"(?:{place_comma}(?:(?:{day})\s*)?|(?:{_any(frame.issued_label_words)})\s*[:|]?\s*)$", re.IGNORECASE)
        # the same line read for its month and year, the day left blank for the signature or lost to
        # OCR ("Lâm Đồng, ngày       tháng 10 năm 2025", Lâm Đồng 238-CAT; "Lâm Đông, ngày99, tháng 10
        # năm 2025", Lâm Đồng 239/TTr-CAT): when the document was written
        month, year = _any(calendar.month_words), _any(calendar.year_words)
        self.header_month = re.compile(rf"{place_comma}(?:{day})[^\n]{{0,12}}?(?<!\w)(?:{month})\s*(?P<m>\d{{1,2}})"
                                       rf"\s*,?\s*(?:{year})\s*(?P<y>(?:19|20)\d\d)(?!\d)", re.IGNORECASE)
        # a header whose number is left blank for the signature ("Số: /KH-SNNMT"), handwritten past OCR
        # ("Số: 4é /KH-UBND", its slash lost too: "Số:44ƒ KH-UBND") or none ("Số: Không số"): the
        # document is itself, with a type, no symbol
        self.unnumbered_header = re.compile(
            rf"{number_label}\s*:(?:\s*(?i:{_any(frame.no_number_words)})\b"
            rf"|[\s.…]*[^\s/]{{0,4}}[\s.…]*(?:/\s*(?P<type>[A-ZĐ][A-Za-zĐđ&]{{0,9}})\b|\s(?P<bare_type>[A-ZĐ][A-Za-zĐđ&]{{0,9}})(?=-[A-ZĐ])))")

    def goals_owner_type(self, text: str) -> DocType | None:
        """The type of the document a sentence gives the goals of, named right after "của"."""
        for found in self.goals_owner.finditer(text):
            named = next((code for pattern, code in self.patterns if pattern.match(text, found.end())), None)
            if named:
                return named
        return None

    def _goals(self, frame, of: str) -> None:
        """A document's goals named: "mục tiêu của ..." anywhere, and a sentence opening with them
        ("Mục tiêu tổng quát của Kế hoạch là ...", w240; "Mục tiêu của đề án này là ...", w060;
        "Mục tiêu chung của kế hoạch là ...", w158)."""
        self.goal_of = re.compile(rf"\b(?:{_any(frame.goal_nouns)})\s+(?:(?:{of})\s+)?", re.IGNORECASE)
        self.goals_owner = re.compile(
            rf"(?:^|(?<=[.:\n]))[^\S\n]*(?:{_any(frame.goal_nouns)})(?:\s+[^\W\d_]+){{0,2}}?\s+(?:{of})\s+", re.IGNORECASE | re.MULTILINE)

    def heading_type(self, line: str) -> DocType | None:
        """The type a heading line of its own names ("QUYẾT ĐỊNH", "THÔNG BÁO") or a letter's summary
        line gives ("V/v ..."), else None."""
        return next((code for pattern, code in self._heading_types if pattern.match(line)), None)

    def _type_words(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, DocType]]:
        """Where the type words between `start` and `end` stand, with their types: not one naming
        the plan to study a document (rules/frame.yaml study_words), nor one inside an agency's
        or a field's name (agency_names)."""
        end = len(text) if end is None else end
        agencies = [a.span() for a in self.agency.finditer(text, start, end)]
        return [(m.start(), code) for pattern, code in self.patterns for m in pattern.finditer(text, start, end)
                if not self.study.match(text, m.end()) and not any(a <= m.start() < b for a, b in agencies)]

    def type_word(self, sentence: str) -> DocType | None:
        """The first type word of the sentence that names a document."""
        found = self._type_words(sentence)
        return min(found)[1] if found else None

    def only_counted(self, text: str, start: int, end: int) -> bool:
        """Every type word of the sentence is counted ("thông qua 22 nghị quyết quan trọng"): the
        sentence names how many documents, not one of them."""
        found = [at for at, _ in self._type_words(text, start, end)]
        return bool(found) and all(COUNT_BEFORE.search(text, max(start, at - COUNT_REACH), at) for at in found)

    def only_drafted(self, text: str, start: int, end: int) -> bool:
        """Every type word of the sentence names a document still to be drawn up ("chỉ đạo các xã
        xây dựng kế hoạch giảm nghèo")."""
        found = [at for at, _ in self._type_words(text, start, end)]
        return bool(found) and all(self.drafting.search(text, max(start, at - DRAFTING_REACH), at) for at in found)

    def announced_type(self, text: str, start: int, end: int) -> DocType | None:
        """The type of a document the sentence says was just issued, named by a word that names a
        plan only then ("Chương trình ... vừa được Chính phủ phê duyệt")."""
        for pattern, code in self.announced_patterns:
            for m in pattern.finditer(text, start, end):
                if self.issued_after.match(text[m.end() : end]):
                    return code
        return None

    def publishes(self, sentence: str) -> bool:
        """The sentence says the page prints a document whole ("trân trọng giới thiệu toàn văn Nghị quyết")."""
        return bool(self.full_text.search(sentence)) and self.type_word(sentence) is not None

    def goal_setter_type(self, sentence: str) -> DocType | None:
        """The type of a document the sentence names as the one setting the goals ("Quy hoạch
        tỉnh ... thời kỳ 2021-2030 đặt mục tiêu"), the first so named."""
        found = [(m.start(), code) for pattern, code in self.goal_setter_patterns if (m := pattern.search(sentence))]
        return min(found)[1] if found else None

    def national_goal_setter(self, sentence: str) -> bool:
        """The document setting the sentence's goals is named national ("Chiến lược quốc gia ... đặt mục tiêu")."""
        return any(pattern.search(sentence) for pattern in self.national_setters)

    def type_word_end(self, text: str, sentence: tuple[int, int] | None) -> int:
        if sentence is None:
            return 0
        ends = [m.end() for pattern, _ in self.patterns for m in pattern.finditer(text, sentence[0], sentence[1])]
        return min(ends) if ends else sentence[0]
