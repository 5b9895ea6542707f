"""Whether a paper writes numeric dates month first (3/5/2019 = 5 March) or day first."""

from __future__ import annotations

import re

from corpus.dates import numeric_orders

_STATES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii"
    "|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan"
    "|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico"
    "|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island"
    "|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia"
    "|Wisconsin|Wyoming"
)
_STATE_CODES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY"
    "|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC"
)
# Evidence that a paper is from the United States, the one English-speaking country that writes
# numeric dates month first: an address with a state and ZIP code, "City of X, California",
# US-only institutions, and the US spellings of council words.
_US = re.compile(
    rf"(?-i:\b(?:{_STATE_CODES})\b),? \d{{5}}(?:-\d{{4}})?\b"
    rf"|\b(?:City|County|Town|Village) of [A-Z][\w.' -]{{1,30}}, (?:{_STATES})\b"
    r"|\bboard of supervisors\b|\bcouncilmembers?\b|\bunified school district\b|\bzip code\b"
    r"|\b(?:honorable mayor|mayor pro tem|brown act|consent calendar)\b",
    re.I,
)
# Evidence of a day-first country: pounds and euros, UK postcodes, "Councillor" as a title.
_DAY_FIRST = re.compile(r"[£€]|(?-i:\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}\b)|\bcouncill?ors?\b", re.I)
# A paper that writes "March 5, 2019" rather than "5 March 2019" follows the month-first habit.
_MONTH_DAY = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? ?\d{1,2}(?:st|nd|rd|th)?, ?\d{4}", re.I
)
_DAY_MONTH = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,? \d{4}",
    re.I,
)


def month_first(text: str) -> bool:
    """True when `text` reads as a month-first (US) paper.

    In order, the first that decides: numeric dates in the paper that only read one way
    (20/10/14 or 10/20/14); evidence of the US against evidence of a day-first country; the
    order of the paper's written dates. Otherwise day first, the habit of every other
    English-speaking country.
    """
    day_votes, month_votes = numeric_orders(text)
    if day_votes != month_votes:
        return month_votes > day_votes
    us, elsewhere = len(_US.findall(text)), len(_DAY_FIRST.findall(text))
    if us != elsewhere and (us or elsewhere):
        return us > elsewhere
    return len(_MONTH_DAY.findall(text)) > len(_DAY_MONTH.findall(text))
