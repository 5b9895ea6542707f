"""Status answers read from commitment records: where a numbered commitment stands, and since when."""

# 'What is the status of Pledge 48?' answered from the commitment records (corpus/commitments.py): the
# status as of the newest paper that states it, its history said once, the newest row cited first. A
# date in the question picks the statement of that time. None where no record fits: the reader answers.

from __future__ import annotations

from corpus.commitments import KINDS
from corpus.sentences import split_sentences
from index.passage import Passage
from index.recordquery import Statement, statements
from index.store import Store
from qa.answer import Answer, Citation
from qa.facts import clip
from qa.query import Identifier
from qa.recordrows import status_summary, when
from qa.retriever import Retrieval

_ASKING = {"status", "history"}  # question intents a status record answers (qa/query.py)
_NOUNS = {kind.lower() for kind in KINDS.split("|")}
# Words of a narrative's leading sentences, and where they are clipped: the lead statement's, then each
# other paper's (the reader's own lengths, qa/composer.py).
_LEAD_WORDS, _LEAD_CLIP = 35, 45
_OTHER_WORDS, _OTHER_CLIP = 18, 22
_UNSTATED = "no status given"
_LIST_INTRO = (":", ";")  # a sentence ending so leads into items that follow it


def status_answer(
    store: Store, question: str, retrieval: Retrieval, top_k: int, answer_words: int
) -> Answer | None:
    """The asked commitment's status from its records, or None where the question asks no status of
    exactly one numbered commitment, no record of it is among the chunks retrieval may use, or none
    is as old as the time the question names. `top_k`: passages cited at least (the reader's rule);
    `answer_words`: the answer's length, past which older statements are left out."""
    query = retrieval.query
    asked = [i for i in query.identifiers if i.noun in _NOUNS and i.strict]
    if query.intent not in _ASKING or len(asked) != 1:
        return None
    found = _visible(store, asked[0], retrieval)
    if query.time is not None:  # 'as of 2019', 'in September 2019': what was said by then leads
        before = [s for s in found if s.date is not None and s.date <= query.time.end]
        found = before[:1] + [s for s in found if before and s is not before[0]]
    if not found:
        return None
    text, used = _phrased(found, answer_words)
    passages = _passages(store, used)
    if passages is None:
        return None
    return Answer(question, text, "answered", _citations(passages, retrieval, top_k))


def _visible(store: Store, asked: Identifier, retrieval: Retrieval) -> list[Statement]:
    """Statements of the key in chunks retrieval found holding it (so its filters and access hold),
    of the council whose paper ranks first (two councils may both number a 'Pledge 48'); newest first."""
    held = {cid for cid, ids in retrieval.matched.items() if asked in ids}
    key = f"{asked.noun.title()} {asked.number}"
    found = [s for s in statements(store.db, key, restricted=True) if s.chunk_id in held]
    rank = {p.chunk_id: i for i, p in enumerate(retrieval.passages)}
    if not found:
        return []
    first = min(found, key=lambda s: rank.get(s.chunk_id, len(rank)))
    return [s for s in found if s.council == first.council]


def _phrased(found: list[Statement], answer_words: int) -> tuple[str, list[Statement]]:
    """The lead statement first, phrased as the reader phrases status (qa/composer.py): a status
    unchanged over every older paper is said once, 'In Progress since … (still in …): narrative' (the
    track command's words, qa/recordrows.py); else 'As of …: status — narrative', then each other
    paper's 'Earlier/Later, as of …: …' while the answer stays within `answer_words`. A status said
    since an older paper cites that paper too: the lead gives 'still in', the older one 'since'."""
    lead = found[0]
    older = [s for s in found[1:] if lead.date and s.date and s.date < lead.date]
    same = [s for s in older if lead.status and (s.status or "").casefold() == lead.status.casefold()]
    if same and len(same) == len(older):
        body = clip(_lead_sentences(lead.narrative, _LEAD_WORDS), _LEAD_CLIP)
        said = f"{status_summary([lead, *same])}: {body}" if body else status_summary([lead, *same])
        return f"{said} [1][2]", [lead, same[-1]]
    sentences = [f"As of {when(lead)}: {clip(_said(lead, _LEAD_WORDS), _LEAD_CLIP)} [1]"]
    used = [lead]
    for run in _runs(lead, found[1:]):
        later = "Later" if lead.date and run[0].date and run[0].date > lead.date else "Earlier"
        said = clip(_said(run[0], _OTHER_WORDS), _OTHER_CLIP)
        if len(run) == 1:
            line = f"{later}, as of {when(run[0])}: {said} [{len(used) + 1}]"
        else:  # one status over several papers: said once, with its first and last dates
            narrative = clip(_lead_sentences(run[0].narrative, _OTHER_WORDS), _OTHER_CLIP)
            line = f"{later}: {status_summary(run)}: {narrative} [{len(used) + 1}][{len(used) + 2}]"
        if len(" ".join([*sentences, line]).split()) > answer_words:
            break
        sentences.append(line)
        used += [run[0]] if len(run) == 1 else [run[0], run[-1]]
    return " ".join(sentences), used


def _runs(lead: Statement, others: list[Statement]) -> list[list[Statement]]:
    """The other statements in order, papers in a row on one side of the lead that give one status
    grouped (newest first within each)."""
    runs: list[list[Statement]] = []
    for s in others:
        side = bool(lead.date and s.date and s.date > lead.date)
        last = runs[-1][-1] if runs else None
        if (
            last is not None
            and s.status
            and (last.status or "").casefold() == s.status.casefold()
            and bool(lead.date and last.date and last.date > lead.date) == side
        ):
            runs[-1].append(s)
        else:
            runs.append([s])
    return runs


def _said(statement: Statement, words: int) -> str:
    """'Completed — Trees were planted in every park.': the status, then the narrative's lead."""
    narrative = _lead_sentences(statement.narrative, words)
    return " — ".join(filter(None, (statement.status, narrative))) or _UNSTATED


def _citations(passages: list[Passage], retrieval: Retrieval, top_k: int) -> tuple[Citation, ...]:
    """The rows used, in order, then the best other passages up to `top_k` (as the reader cites)."""
    order = list(dict.fromkeys([p.chunk_id for p in passages] + [p.chunk_id for p in retrieval.passages]))
    by_id = {p.chunk_id: p for p in [*retrieval.passages, *passages]}
    return tuple(Citation.of(n, by_id[c]) for n, c in enumerate(order[: max(top_k, len(passages))], 1))


def _lead_sentences(narrative: str, words: int) -> str:
    """The narrative's leading sentences, as many as fit in `words` (at least one); a last sentence that
    introduces a list whose items are left out ('… two strands to our work:') ends in a full stop."""
    kept: list[str] = []
    for sentence in split_sentences(" ".join(narrative.split())):
        if kept and len(" ".join([*kept, sentence]).split()) > words:
            break
        kept.append(sentence)
    said = " ".join(kept)
    return said[:-1].rstrip() + "." if said.endswith(_LIST_INTRO) else said


def _passages(store: Store, cited: list[Statement]) -> list[Passage] | None:
    """The cited rows' chunks in citation order; None if any is gone (a store mid-rebuild)."""
    ids = [s.chunk_id for s in cited]
    if None in ids:
        return None
    by_id = {p.chunk_id: p for p in store.passages(ids)}
    return [by_id[i] for i in ids] if all(i in by_id for i in ids) else None
