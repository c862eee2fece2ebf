"""Regression gate: pinned minimum scores on the bundled seeds and, when present, the dev set."""

from chitieu.batch import extract_outputs
from chitieu.evaluate import format_scores, load_gold_dir, score
from tests.conftest import CORPUS, shared_path


def evaluate_folder(docs, gold_dir):
    gold = load_gold_dir(gold_dir)
    predicted, failures = extract_outputs(sorted(p for p in docs.iterdir() if p.name in gold))
    assert not failures
    return score(gold, predicted)


def test_seed_corpus_gate():
    scores = evaluate_folder(CORPUS / "seeds", CORPUS / "gold")
    report = format_scores(scores, per_document=True)
    assert scores.targets.f1 >= 0.95, report
    assert all(value == 1.0 for value in scores.plan_fields.values()), report
    assert scores.references.f1 == 1.0, report
    for field in ("indicator", "scope", "change", "bound", "per_year", "year"):
        assert scores.target_fields[field] >= 0.95, report


# Pinned under what the general reading reaches (docs/reading.md), never above 0.95 for the dev
# set: the gate guards against regressions without rewarding rules fitted to its pages.
DEVSET_MINIMUM = {"targets_f1": 0.93, "fields": 0.90, "plan": 0.85, "references_f1": 0.98}


def test_devset_gate():
    scores = evaluate_folder(shared_path("devset", "docs"), shared_path("devset", "gold"))
    report = format_scores(scores)
    assert scores.targets.f1 >= DEVSET_MINIMUM["targets_f1"], report
    for field in ("indicator", "scope", "change", "bound", "per_year", "year"):
        assert scores.target_fields[field] >= DEVSET_MINIMUM["fields"], report
    for field, value in scores.plan_fields.items():
        assert value >= DEVSET_MINIMUM["plan"], f"{field}\n{report}"
    assert scores.references.f1 >= DEVSET_MINIMUM["references_f1"], report


WILD_MINIMUM = {"targets_f1": 0.89, "plan": 0.75}


def test_wild_gold_gate(tmp_path):
    """The 80 wild pages annotated while the general reading was built (corpus/wild-gold)."""
    docs = shared_path("wild", "docs")
    gold_dir = CORPUS / "wild-gold"
    for name in load_gold_dir(gold_dir):
        (tmp_path / name).symlink_to(docs / name)
    scores = evaluate_folder(tmp_path, gold_dir)
    report = format_scores(scores)
    assert scores.targets.f1 >= WILD_MINIMUM["targets_f1"], report
    for field, value in scores.plan_fields.items():
        assert value >= WILD_MINIMUM["plan"], f"{field}\n{report}"


FULLDOCS_MINIMUM = {"precision": 0.95, "recall": 0.88}


def test_whole_documents_gate(tmp_path):
    """The seven whole real documents of ../shared/realdocs with gold in ../shared/fulldocs."""
    realdocs = shared_path("realdocs")
    gold_dir = shared_path("fulldocs", "gold")
    for name in load_gold_dir(gold_dir):
        [source] = realdocs.rglob(name)
        (tmp_path / name).symlink_to(source)
    scores = evaluate_folder(tmp_path, gold_dir)
    report = format_scores(scores)
    assert scores.targets.precision >= FULLDOCS_MINIMUM["precision"], report
    assert scores.targets.recall >= FULLDOCS_MINIMUM["recall"], report


def test_reviewed_whole_documents_gate():
    """Twenty-seven whole documents, sixteen of them scans as OCR reads them (corpus/whole-review-gold): task
    lists, lettered items, flattened headers with lost numbers, reports with next year's figures or
    quoting the plan's goals beside its results, a national resolution of rankings and procedure
    times, a register's copy of a directive, letters, and regulations with no figure to reach.
    Pinned under what the reading reaches."""
    folder = CORPUS / "whole-review-gold"
    scores = evaluate_folder(folder / "docs", folder / "gold")
    report = format_scores(scores)
    assert scores.targets.precision >= 0.80 and scores.targets.recall >= 0.62, report
    assert min(scores.plan_fields.values()) >= 0.55, report


def test_reviewed_wild_pages_gate(tmp_path):
    """The wild pages reviewers read whole (corpus/wild-review-gold): targets only, as a third
    of their plans were never reviewed."""
    docs = shared_path("wild", "docs")
    gold_dir = CORPUS / "wild-review-gold"
    for name in load_gold_dir(gold_dir):
        (tmp_path / name).symlink_to(docs / name)
    scores = evaluate_folder(tmp_path, gold_dir)
    assert scores.targets.f1 >= 0.85, format_scores(scores)
