"""The printed forms of each kind of span (qa/spans.py searches them), each kind's patterns and gates."""

from __future__ import annotations

import re

from corpus.blocks import BULLET
from qa.headnouns import ORG_NOUN, PLACE_NOUN
from qa.periods import DONE, HINT, MONTH, NUMBER_WORDS, PERIOD, YEAR, YEARS
from qa.stopwords import STOPWORDS

# a day of the month, its ordinal set apart where a superscript was read as a word ('June 24 th 2017')
_DAY = r"(?:\d{1,2}(?:\s?(?i:st|nd|rd|th)\b)?(?:\s*<sup>\w+</sup>)?)"
_CALENDAR = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar"
    r"|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
)
# Titles before a name, with those of American and Canadian councils and boards ('Councilmember Chris
# Jerram', 'Supervisor Chavez', 'Trustee Lee').
TITLE = (
    r"(?:Councillors?|Cllrs?\.?|Council ?(?:[Mm]ember|[Ww]oman|[Mm]an)|(?:Deputy |Vice )?Mayor|Alderm[ae]n"
    r"|Alderwoman|Commissioner|Supervisor|Trustee|Mr\.?|Mrs\.?|Ms\.?|Miss|Dr\.?|Prof\.?|Sir|Dame)"
)
# a name's word, with the capital inside some surnames take ('McCarthy', 'Carter-McDonald', 'DeShawn')
_NAME = r"[A-Z](?:[a-z]{1,2}[A-Z])?[a-z'’]+(?:-[a-z]+)*(?:-[A-Z](?:[a-z]{1,2}[A-Z])?[a-z]+)?"
ROLE_NOUN = (
    r"(?:Manager|Director|Officer|Member|Chair(?:man|woman|person)?|Vice[- ]Chair|Clerk|Leader"
    r"|Chief Executive|Advis[oe]r|Head|Mayor(?:\s+Pro\s+Tem(?:pore)?)?|Governor|Representative|Secretary"
    r"|Treasurer|Commissioner"
    r"|Trustee|Solicitor|Attorney|Auditor|Assessor|Comptroller|Recorder"
    r"|Administrator|Coordinator|Co-ordinator|Champion|Lead|Superintendent|President|Controller"
    r"|Analyst|Assistant|Supervisor|Specialist|Planner|Engineer|Inspector|Accountant|Technician"
    # a US post ('Planning Official', 'Chief Building Official'), not the adjective ('Official Plan')
    r"|(?<=[a-z]\s)Official(?!\s+[A-Z]))"
)
ROLE_LEAD = re.compile(r"(?:(?:of|and|the|for|&)\s+)*")
# A surname alone in a tally's list of votes: '9-0-1-1 (Cantrell Abstain, Ornelas-Wise Absent)'.
_VOTER = (
    r"(?:(?<=\()|(?<=[(,;]\s))"
    r"(?!(?:Members|Councillors|Councilmembers|Commissioners|Trustees|All|None|Chair|Mayor|Clerk|Motion)\b)"
    rf"{_NAME}"  # the vote word ends its entry: '(Motion no longer required)' holds no voter
    r"(?=\s+(?i:abstain(?:ed|ing|s)?|absent|recused|dissent(?:ed|ing)?|opposed|excused|nay|no)\s*(?:[,;)]|$))"
)
# A sum in pence under a money column of a table row ('Amount: 547.51', 'Budget 2016/17: 3140.00'): the
# column says it is money.
_MONEY_CELL = (
    r"(?i:\b(?:amount|cost|total|net|gross|vat|price|budget|payment|value|salary|fee|income|expenditure"
    r"|spend|paid)s?\b(?![^:;\n]*\b(?:hours?|days?|weeks?|months?|years|number|count|per ?cent|rate)\b)"
    r"[^:;\n]{0,30}?):\s+(?P<value>\d[\d,]*\.\d{2})\b(?!\s*(?i:hours?|hrs|days?|weeks?|months?|years?|km|miles?|%))"
)
# A year alone is a date after a word that dates it ('in 2019', 'since 2018') or before punctuation; never
# inside a reference ('By-law 2024-30') nor as a modifier ('the 2024 street paving contract'). The word
# is matched, and the span starts at the group 'value': a lookbehind for each word tried at every
# character cost more than all the other dates together.
_DATING = ("in", "since", "by", "during", "until", "from", "to", "of", "before", "after", "year", "for")
# ... or after a verb a fleet or asset plan dates with a bare year ('Replace 2035 with mini-pumper')
_DATING += ("replace", "replaced", "renew", "renewed", "retire", "retired", "expires", "expiring")
_YEAR_AFTER = rf"\b(?:{'|'.join(_DATING + tuple(w.title() for w in _DATING))}) (?P<value>{YEARS})"
_YEAR_ALONE = rf"(?<![-/\w]){YEARS}(?=\s*(?:[.,;:)]|$))"
# Work put in a year's programme, plan or budget is dated by that year ('forms part of the 2018 Roads
# Reconstruction Programme', 'included in the 2019/20 budget'); a year naming a contract or a plan's
# horizon is not ('the 2024 street paving contract', 'the Envision 2040 General Plan').
_YEAR_OF_PLAN = (
    rf"\b(?i:part\s+of|included\s+in|under|within)\s+the\s+(?P<value>{YEARS})"
    r"(?=\s+(?:[A-Za-z'’-]+\s+){0,3}(?i:programmes?|programs?|schemes?|plans?|budgets?|allocations?)\b)"
)
# A month alone is a date after a word that times it ('in January', 'by March', 'commencing June'), as
# a season is (qa/periods.py), with the day printed after it ('before August 1'); without one it may be
# a name or a heading's word.
_MONTH_TIMING = (
    *("in", "since", "by", "during", "until", "till", "from", "of", "before", "after", "through"),
    "throughout",
    *("commencing", "starting", "beginning", "due"),
)
_MONTH_AFTER = (
    rf"\b(?:{'|'.join(_MONTH_TIMING + tuple(w.title() for w in _MONTH_TIMING))})"
    rf" (?P<value>{MONTH}\b(?:\.?\s+{_DAY}\b)?)"
)
_LISTED = r"[A-Z][\w'’&.-]*(?:\s+(?:[A-Z][\w'’&.-]*|for|of|the|&)){0,4}"  # a named item of a list
# A sentence pointing to a list printed after it ('the persons whose names appear below were duly
# elected', 'the charges are as follows'): what a colon does.
BELOW = r"\b(?i:(?:appears?|are|is|listed|set out|shown|given|named|detailed) below|as follows)\b"
_LIST = rf"(?:\S+\s+){{0,3}}\S+[:;]\s*$|{_LISTED}(?:,\s+{_LISTED}){{2,}}|{BELOW}"
_CAPS = r"(?:[A-Z][\w'’&.-]*|of|and|the|for|&)"
# A heading's small words in capitals are no body's initials ('APOLOGIES FOR ABSENCE'); 'IT' may be one.
_CAPITAL_SMALL_WORDS = "|".join(sorted(w.upper() for w in STOPWORDS if w.isalpha() and w != "it"))
# A date's and a sum's printed forms; each holds a digit.
_DATE = (
    # months sharing the year printed after the last: 'between August and October 2019', 'Aug-Oct 2019'
    rf"\b(?:(?i:between|from)\s+)?{MONTH}\.?\s*(?:(?i:and|to|until|through)\s+|[-–—/]\s*){MONTH}\.?,?\s+{YEAR}\b|"
    rf"\b{_DAY}\s+(?i:day\s+of\s+|of\s+)?{MONTH}\.?,?\s+{YEAR}\b|\b{MONTH}\.?\s+{_DAY},?\s+{YEAR}\b"
    rf"|\b{_DAY}\s+{MONTH}\b|\b{MONTH}\.?\s+{YEAR}\b"
    # a cash sheet's day and month, its year the sheet's: '10-Jan Zurich Town & Parish Insurance'
    rf"|\b{_DAY}-{MONTH}\b(?!-\d)"
    # '12/05/2019', '1/2/19'; a slashed reference ('3/18/0725/FUL', 'ref 19/3/18') is no date
    rf"|(?<![/\w])\d{{1,2}}/\d{{1,2}}/(?:(?:19|20)\d{{2}}|\d{{2}})\b(?!/\w)"
    # '18.03.2019', '13.3.19', '18-03-2019': a day and a month in range, not a section's '2.1.14'
    rf"|(?<![\d.])(?<!paragraph )(?<!para )(?<!section )(?<!appendix )(?:0?[1-9]|[12]\d|3[01])"
    rf"(?P<sep>[.-])(?:0?[1-9]|1[0-2])(?P=sep)(?:(?:19|20)\d{{2}}|\d{{2}})\b(?![.-]\d)"
    rf"|\b{MONTH}\.?\s+\d{{2}}\b"
    rf"|{_YEAR_ALONE}"
)
_MONEY = (
    r"[£$€]\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:m|bn|k|million|billion|thousand)\b)?"
    r"|\b\d[\d,]*(?:\.\d+)?\s?(?:pounds|dollars|euros|pence)\b"
    rf"|{_MONEY_CELL}"
    # thousands grouped and pence, as accounts print sums with the currency in a heading: '10,000.00'
    r"|(?<![\d.,])\d{1,3}(?:,\d{3})+\.\d{2}\b(?![.,]\d|\s*(?i:hours?|hrs|days?|km|miles?|sq|acres?|hectares?|%))"
)
# What a form or a table labels as where ('Home Address: …', 'Venue: …'), up to the cell's end.
_PLACE_LABEL = r"(?i:(?:home |postal |registered |site |meeting )?address(?:es)?|venue|location)"
_LABELLED_PLACE = rf"\b{_PLACE_LABEL}\s*:\s*(?P<value>[A-Z0-9][^;|:\n]{{2,90}}?)(?=\s*(?:[;|\n]|$))"
# What a form or a table labels as whose name ('Name of Candidate (surname first): OAKHILL Nicholas',
# 'Proposer: …'), up to the cell's end: a name printed surname first, in capitals, is still a person's.
_PERSON_LABEL = (
    # a nomination statement's 'Surname: Bennett; Other Names: Ross' names its candidate by the surname
    r"(?i:surname|family\s+name|last\s+name"
    r"|(?:name\s+of\s+)?(?:candidate|councillor|proposer|seconder|applicant|agent|nominee)s?"
    r"(?:\s*\([^()]{0,24}\))?|(?:candidate|councillor|member)['’]?s?\s+(?:full\s+)?names?)"
)
_LABELLED_PERSON = rf"\b{_PERSON_LABEL}\s*:\s*(?P<value>[A-Z][^;|:\n\d]{{2,60}}?)(?=\s*(?:[;|\n]|$))"
DAYS_IN_MONTH = 31
YEAR_BOUNDS = (1900, 2100)  # a total in these bounds may be a year ('5/2019')
# (kind, pattern): each kind's printed forms. Money and percent claim their digits before 'number' does.
_PATTERNS: tuple[tuple[str, str], ...] = (
    (
        "time",
        r"\b\d{1,2}(?:[.:]\d{2})?\s?(?:am|pm|a\.m\.?|p\.m\.?)(?![a-z])|\b(?:[01]?\d|2[0-3]):[0-5]\d\b"
        # a 24-hour clock printed with a dot, as UK minutes do: 'HELD ON 9 MAY 2018 AT 19.30', not a rate
        # ('at 2.50 per cent')
        r"|(?<=\bat )(?:[01]?\d|2[0-3])\.[0-5]\d\b"
        r"(?![.,]?\d|\s?(?:%|per\b|each\b|pence\b|p\b|m\b|bn\b|million\b))"
        r"|\b(?:noon|midday|midnight)\b",
    ),
    # how often: 'fortnightly', 'three monthly' (quarterly), 'twice a year', 'every six weeks'
    (
        "frequency",
        rf"\b(?:(?:\d+|{NUMBER_WORDS})[- ](?=(?:weekly|monthly|yearly)\b))?"
        r"(?:daily|weekly|fortnightly|monthly|bi[- ]?monthly|bi[- ]?weekly|quarterly|half-yearly|termly"
        r"|annually|yearly|bi[- ]?annually)\b"
        rf"|\b(?:once|twice|\d+ times|(?:{NUMBER_WORDS}) times)\s+(?:a|per|each|every)\s+"
        r"(?:day|week|fortnight|month|quarter|term|year)\b"
        rf"|\b(?:every|each)\s+(?:(?:other|\d+|(?:{NUMBER_WORDS}))\s+)?"
        r"(?:days?|weeks?|fortnights?|months?|quarters?|terms?|years?)\b",
    ),
    ("date", PERIOD),  # searched only in sentences holding a period's word (HINT): it is costly
    ("date", _DATE),
    ("date", _YEAR_AFTER),
    ("date", _YEAR_OF_PLAN),
    ("date", _MONTH_AFTER),  # after the dates above, which claim a month with its day or year
    ("money", _MONEY),
    ("percent", r"\b\d+(?:\.\d+)?\s?(?:%|(?i:per ?cent|percentage points?)\b)"),  # 'PERCENT' in a title
    # a share in words: 'around half seen taking too long', 'two thirds of schools', 'one in five'; not a
    # period's half ('the second half of the year', 'half-term')
    (
        "percent",
        r"\b(?:(?:around|about|nearly|almost|roughly|over|under|more than|less than|just (?:over|under))\s+)?"
        r"(?:(?<!\bfirst )(?<!\bsecond )(?<!\bthe )half(?![- ](?:term|year|day|hour|time|way)s?\b)"
        # 'a third' of something, not 'a third reading'
        r"|(?:a|one)[- ](?:third|quarter|fifth)(?=\s+of\b)|two[- ]thirds|three[- ]quarters"
        r"|one in (?:two|three|four|five|six|ten|\d{1,3}))\b",
    ),
    ("done", DONE),  # said done: answers when a planned thing will happen
    # a count out of a total, as performance tables print it ('44/410' children not yet in a stable
    # placement): not a date's or minute's digits, which `_of_total` sets aside
    ("number", r"(?<![\w#/.-])\d{1,5}/\d{2,6}(?![\w/]|\.\d|[-–]\d)"),
    # a count or measure, never a reference's digits ('#C10-11-99', '2019-044') nor a tally's ('7-0')
    (
        "number",
        rf"(?<![\w#][-/])\b\d[\d,]*(?:\.\d+)?k?\b(?![-–/]\d)"
        rf"|\b(?i:(?:{NUMBER_WORDS})(?:[- ](?:{NUMBER_WORDS}))?)\b",
    ),
    ("person", _LABELLED_PERSON),
    # a forename, one dotted initial and a surname is a person's name by its shape, wherever it stands
    # ('the reappointment … of Karin M. Campbell as the museum curator representative')
    ("person", rf"\b{_NAME}\s+[A-Z]\.\s+{_NAME}\b"),
    (
        "person",
        rf"\b{TITLE}\s+(?:(?:Mrs|Mr|Dr)\.?\s+)?(?:[A-Z]\.\s?){{0,3}}{_NAME}(?:\s+{_NAME}){{0,2}}"
        # a name of initials and a surname ('N J Robertson', 'J. A. Smith') or of forename and surname
        # or of one initial, dotted, and a surname ('S. Foote, S. Kirkey:', a motion's mover and seconder)
        rf"|{_VOTER}|\b(?:(?:[A-Z]\.\s?|[A-Z]\s){{2,3}}|[A-Z]\.\s?|{_NAME}\s+(?:[A-Z]\.\s+)?){_NAME}"
        # the name ends where its post is printed after it ('Dawn Carter-McDonald Returning Officer'), or
        # where the way to reach them begins ('contact Stephen Knittel at (330) 643-2551')
        rf"(?=\s*(?:\(|,|\[|\||$|\s+-|\s+–)|\s+(?:[A-Z][a-z]+\s+)?{ROLE_NOUN}\b"
        r"|\s+(?:at|on)\s+(?:\(?\+?\d|[\w.-]+@)"
        # or where a post is given to it: 'That Mario Petricevic be appointed', 'Jo Bloggs was elected'
        r"|\s+(?:be|was|were|is|has been|had been)\s+(?:re-?)?(?:appointed|elected|nominated|co-opted|named"
        r"|confirmed)\b)",
    ),
    ("role", rf"\bin the Chair\b|(?:{_CAPS}\s+){{0,6}}{ROLE_NOUN}(?:\s+(?:of|for)(?:\s+{_CAPS}){{1,8}})?"),
    (
        "organisation",
        rf"\b(?:[A-Z][\w'’&.-]*\s+(?:of\s+|and\s+|&\s+|for\s+)?){{1,6}}{ORG_NOUN}\b"
        # not the name of a tracker's status scheme, Red / Amber / Green ('Status (RAG)'), nor a
        # reference's letters ('23/03504/TCA', 'SP20-004')
        # nor a project's code ('City Project No. OPW 50412')
        rf"|(?<![\d/])(?<!\d-)\b(?!(?:{_CAPITAL_SMALL_WORDS}|RAG)\b)[A-Z]{{2,6}}\b(?!\s?[/-]?\d)",
    ),
    # a body named in lower case after whom one works with or through ('Codesign local offer website with the
    # parent carer forum'): words before a body's noun; a bare 'the council' names none in particular
    (
        "organisation",
        r"(?:(?<=\bwith the )|(?<=\bby the )|(?<=\bvia the ))"
        r"(?!(?:wider|new|existing|whole|same|other|relevant|appropriate|current|above|said)\b)"
        r"(?:[a-z][a-z'’-]+ ){1,3}"
        r"(?:forum|board|group|partnership|panel|network|alliance|consortium|trust|association|federation)\b",
    ),
    # with its house number, when a street is given one ('6109 Maple Street'); not a range's last number
    # ('a 0-19 Family Hub'); a numbered street's ordinal ('4966 and 5030 South 155th Street')
    (
        "place",
        r"\b(?:(?<![-–/])(?<!Room )(?<!Suite )(?<!Floor )(?!(?:19|20)\d\d\b)\d{1,5}[A-Za-z]?\s+"
        r"(?:(?:and|&)\s+\d{1,5}[A-Za-z]?\s+)?)?"
        rf"(?:[A-Z][\w'’.-]*\s+|\d{{1,3}}(?:st|nd|rd|th)\s+){{1,4}}{PLACE_NOUN}\b"
        r"(?:,\s*(?:[A-Z][\w'’-]*\s*){1,3})?",
    ),
    # a corner of two streets, perhaps after a compass point: 'Northeast of 78th and Dodge Streets', '50th &
    # Ames Avenue'
    (
        "place",
        r"\b(?:(?i:(?:north|south)?(?:east|west)|north|south)\s+of\s+)?\d{1,3}(?:st|nd|rd|th)\s+(?:and|&)\s+"
        r"(?:[A-Z][\w'’-]*\s+|\d{1,3}(?:st|nd|rd|th)\s+){1,2}(?:Street|Avenue|Road|Boulevard)s?\b",
    ),
    # a numbered road: 'Hwy 522', 'Highway 7', 'Route 66'
    ("place", r"\b(?:Hwy|Highway|Route|Rte)\.?\s+\d{1,4}[A-Z]?\b"),
    # a region named by its compass point: 'in the south west', 'across the North East'
    (
        "place",
        r"\b(?i:in|across|to|throughout|within) the "
        r"(?P<value>(?i:(?:north|south)[- ]?(?:east|west)|north|south|east|west))\b(?![- ]?\w)",
    ),
    # a cell labelled as an address or venue, whole: 'Home Address: 30 West End Strensall York YO32 5UH'
    ("place", _LABELLED_PLACE),
    # a capitalised name not opening a sentence, nor a bullet's first word ('• Implement first Mockingbird
    # constellations'), nor inside an address ('Pervez.Akhtar@derby.gov.uk'); a month or weekday is a
    # date's word, never a name
    (
        "proper",
        rf"(?<![.!?]\s)(?<!^)(?<!^{BULLET})(?<!^{BULLET} )(?<![.@/])\b(?!{_CALENDAR}\b)"
        r"[A-Z][a-z'’]+(?:\s+[A-Z][a-z'’]+){0,3}\b"
        r"(?![.@/]\w)",
    ),
    # a list: a sentence's closing words before the colon (or the semicolon some papers print) that
    # introduces one ('These include:'), or three names in a row ('Notre Dame, St Boniface, PSCA')
    ("list", _LIST),
    # a cause given: what answers 'Why …?'; a purpose ('in order to deter tipping') is why something
    # else was done, and answers 'what for', so it is none
    (
        "reason",
        # 'due to start in May' is a date set, not a cause
        r"(?i:\b(?:because|due to(?! (?:be|start|begin|commence|open|close|finish|end|complete|report|meet"
        r"|expire|conclude|run|return|resume|launch|go|come|take place)\b)|owing to|thanks to"
        r"|as a (?:direct )?result of"
        r"|(?:is|was|are|were) the result of|result(?:ed|s)? from|caused by|driven by|prompted by"
        r"|in response to|on the grounds that"
        r"|attributed to|in light of|reasons? (?:for|why|being|is|was)"
        # the cause told before it: 'registration is voluntary, therefore it is not known how many …'
        r"|therefore|hence|consequently|as a consequence))\b",
    ),
    (  # an outcome, not a proposal: 'that the report be noted', 'should be approved' are none
        "decision",
        r"(?<!\bbe )(?<!\bbe it )\b(?:approved|agreed|carried(?! out)|resolved|refused|rejected|deferred"
        r"|withdrawn|adopted|unanimously|defeated|accepted|granted|declined|noted|endorsed|lost|passed|dismissed|upheld)\b"
        r"|(?<=[\s,(])\d{1,2}-\d{1,2}(?:-\d{1,2}){0,2}(?=\)|[.,;]?(?:\s|$))"  # a tally: 7-0, 9-0-1-1
        # a count of votes: 'Yeas 13, Nays 3', 'For: 7 Against: 2', '9 in favour, 2 against'
        r"|\b(?:yeas?|ayes?|for)\W{0,3}\d{1,3}\W{1,4}(?:nays?|noes|against)\W{0,3}\d{1,3}\b"
        r"|\b\d{1,3}\s+(?:votes?\s+)?(?:in favou?r|for)\W{1,4}\d{1,3}\s+(?:votes?\s+)?against\b"
        # a consultee's stance on an application: 'The Parish Council objects to this application'
        r"|\b(?:objects?|objected|(?:has|had|have|raised)\s+no\s+objections?|supports?|supported|opposes|opposed)"
        r"\s+(?:to\s+)?(?:this|the|these)\s+(?:application|proposal|scheme|plans?|development)s?\b"
        # or closing its row of a planning list: '… including vehicle charging. No objection'
        r"|\b[Nn]o\s+(?:objections?|comments?|observations?)(?=\s*[.;]?\s*$)",
    ),
)
# A pattern searched only in sentences its gate finds: a period's word; a closing colon, or two commas
# for three names in a row (the list pattern, tried at every word, is the costliest after periods); a
# digit for the dates and sums that print one.
_DIGIT = re.compile(r"\d")
GATES = {
    PERIOD: HINT,
    _LIST: re.compile(rf"[:;]\s*$|,[^,]*,|{BELOW}"),
    _LABELLED_PLACE: re.compile(rf"{_PLACE_LABEL}\s*:"),
} | dict.fromkeys((_DATE, _YEAR_AFTER, _YEAR_OF_PLAN, _MONEY), _DIGIT)
COMPILED = tuple(
    (kind, re.compile(p, re.I if kind in {"time", "decision", "frequency"} else 0)) for kind, p in _PATTERNS
)
