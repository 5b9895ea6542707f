"""A sentence saying the asked fact was not yet known is the papers' word that they do not answer it."""

from __future__ import annotations

import pytest

from qa.unknowns import not_yet_known

GCSE = "The GCSE results for the city are not yet known at the time of writing."


@pytest.mark.parametrize(
    ("sentence", "kind", "unknown"),
    [
        (GCSE, "description", True),
        (GCSE, "number", True),
        (GCSE, "decision", True),  # 'What were the results?': nothing decided, nothing told
        ("The date of the next meeting is to be confirmed.", "date", True),
        ("Venue: TBC", "place", True),
        ("The final cost has not yet been determined.", "money", True),
        ("The budget is yet to be agreed.", "decision", False),  # whether it was agreed: not yet
        ("The strategy has not yet been published.", "status", False),  # how it stands: not yet
        ("It was delayed because funding was not yet confirmed.", "reason", False),
        ("The results are well known to members: 68% passed.", "percent", False),
        ("The new service went live in March 2020.", "date", False),
        # what a thing is to be known as names it: 'is located Northeast of 78th and Dodge Streets'
        (
            "The Subdivision is to be known as Bucky's Crossroads Plaza Addition and is located Northeast of 78th and Dodge Streets.",
            "place",
            False,
        ),
        ("The venue is to be known later.", "place", True),
    ],
)
def test_not_yet_known(sentence, kind, unknown):
    assert not_yet_known(sentence, kind) is unknown
