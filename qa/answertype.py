"""What kind of answer a question asks for: a data table read top to bottom, first match wins."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from qa.asks import AUX

# The answer types the reader knows; spans (qa/spans.py) carry the same names.
KINDS = (
    "person",
    "role",
    "organisation",
    "place",
    "date",
    "time",
    "frequency",
    "number",
    "money",
    "percent",
    "decision",
    "status",
    "list",
    "reason",
    "description",
)
# Kinds answered by an account, the answering sentence's paragraph, rather than by one value or name.
ACCOUNT_KINDS = frozenset({"reason", "description"})
# Kinds answered by one name or value.
NAMED_OR_VALUED = frozenset(
    {"person", "role", "organisation", "place", "date", "time", "frequency", "number", "money", "percent"}
)

# What a council tracks the progress of: a question asking where one has got to asks how it stands.
_MATTER = (
    r"(?:pledges?|items?|motions?|actions?|commitments?|recommendations?|objectives?|projects?|schemes?"
    r"|programmes?|reviews?|plans?|strategy|strategies|applications?|consultations?|proposals?|works?"
    r"|refurbishment|repairs?|review|bids?|tenders?|contracts?|business case|policy|policies)"
)
# Words a sum asked for may carry before its noun ('the estimated cost', 'what annual cost', 'the
# not-to-exceed amount', 'the one-off cost').
_SUM_WORDS = (
    r"(?:estimated|annual|total|proposed|approximate|overall|final|expected|projected|net|gross|capital"
    r"|revenue|monthly|weekly|yearly|original|revised|agreed|current|new|likely|[a-z]+(?:-[a-z]+)+)"
)
# Who holds a post or plays a part: 'the name of the …' asks a person only when it ends in one of these.
_HOLDER = (
    r"(?:person|people|officers?|councillors?|members?|chair(?:man|woman|person)?|mayors?|clerks?|managers?"
    r"|directors?|heads?(?: of [\w ]{1,30}?)?|head ?teachers?|principals?|leaders?|champions?|candidates?"
    r"|authors?|speakers?|secretar(?:y|ies)|treasurers?|solicitors?|inspectors?|auditors?|administrators?"
    r"|co-?ordinators?|advis[oe]rs?|engineers?|planners?|commissioners?|trustees?|governors?|presidents?"
    r"|superintendents?|analysts?|caretakers?|applicants?|residents?|owners?|architects?|agents?|workers?"
    r"|lead|contact)"
)
# (answer type, pattern over the lower-cased question). Order matters: 'what time' before 'what',
# 'how much money' before 'how many', the noun after what/which/how many decides where there is one.
_TABLE: tuple[tuple[str, str], ...] = (
    (  # a span of time asked ('Over what time frame …?', 'What timescale …?'), before 'time', whose 'what
        # time' it begins with, and 'money', whose 'loan' it may name ('Over what period will the loan …')
        "date",
        r"\b(?:over|during|within) what (?:period|time[- ]?(?:frame|scale)|timeframe|timescale)\b"
        r"|\bwhat (?:(?:is|was|are|were) the (?:[\w-]+ )?)?(?:timescale|timeframe|time[- ]frame)s?\b",
    ),
    (  # before 'decision', whose 'was … approved' a 'Why was … approved?' also holds
        "reason",
        r"^\s*why\b|\bwhy (?:is|was|were|are|did|does|do|has|have|had|will|would|should|can|could)\b"
        r"|\bwhat (?:is|was|are|were) the (?:main )?reasons?\b|\bfor what reasons?\b|\bhow come\b"
        r"|\bwhat (?:caused|led to|prompted|triggered|drove|explains)\b",
    ),
    (
        "time",
        r"\bwhat (?:exact |precise )?time\b|\bwhat hour\b|\bstart(?:ed|s)? at\b|\bhow late\b"
        r"|^\s*when (?:did|does|will) .{0,80}\b(?:meeting|session|hearing)\b.{0,40}\b(?:start|begin"
        r"|finish|end|close|conclude|adjourn)\s*\??\s*$",
    ),
    (
        "percent",
        r"\bwhat (?:percentage|per cent|percent|proportion|share|fraction|rate(?! of pay))\b"
        r"|\bhow many per ?cent\b"
        r"|\bwhat %|\bby what percentage\b"
        r"|\bwhat (?:is|was|are|were) the (?:[\w-]+ )?(?:percentage|proportion|share|per ?cent)\b"
        # 'what was the 2017/18 actual for the percentage of …?': a table's figure for a share
        r"|\bwhat (?:is|was|are|were) the (?:[\w/-]+ ){1,3}for the"
        r" (?:percentage|proportion|share|per ?cent)\b"
        # 'What was the re-referral rate …?': a rate papers give as a share ('31.4%')
        r"|\bwhat (?:is|was|are|were) (?:the|[\w-]+['’]s) (?:[\w-]+ ){1,3}rate\b(?! of\b| per\b)"
        # 'What is Plymouth's current rate of permanent exclusions?', not a rate of pay
        r"|\bwhat (?:is|was|are|were) (?:the|[\w-]+['’]s) (?:[\w-]+ ){0,3}rates? of\b(?! pay\b)(?!.*\bper\b)"
        # 'What persistent absence rate … is quoted?', 'What vacancy rate was reported?'; not a rate of pay
        r"|\bwhat (?!(?:hourly|daily|weekly|pay|day|mileage|hire|tax|exchange)\b)(?:[\w-]+ ){1,2}rate\b"
        r"(?! of pay\b)(?!.*\bper\b)",
    ),
    (  # what was decided of a matter named by its sum: 'What was the vote on the budget?', 'What was the
        # San José City Council's decision on the precept?' ask a decision, not the budget's sum
        "decision",
        r"\bwhat (?:was|were|is|are) (?!(?:the )?(?:status|progress|position)\b)"
        r"(?:the |[\w'’.-]+ ){0,6}?(?:vote|decision|outcome|resolution)s?\b"
        r"(?=\s+(?:on|of|for|at|to|about|regarding|in|when)\b|\s*\?|\s*$)",
    ),
    (
        "money",
        r"\bhow much (?:money|funding|did .{0,40}(?:cost|spend|pay|receive|get|raise|award))\b"
        r"|\bfor how much\b|\bhow much\b.*\b(?:quote|tender|bid|offer|estimate)s?\b"
        # what a deal is worth: 'How much is the Black & Veatch agreement?'
        r"|(?<!\bby )\bhow much (?:is|was|are|were|will) (?:the )?(?:[\w&'’-]+ ){0,5}"
        r"(?:agreement|contract|deal|award|lease|purchase|invoice|bill|settlement|reward|voucher|prize|bonus|fine|penalty|fee|allowance|grant"
        r"|donation|levy|precept|subsidy|rent|contribution)s?\b"
        # 'by how much' asks a change, which a share may tell ('reduced by 50 percent'): a number's
        r"|(?<!\bby )\bhow much\b.*\b(?:cost|spend|spent|paid|pay|budget|fund|grant|worth|price|fee|charge"
        r"|financ|tax|loan|subsid|income|revenue|rent|raise|reclaim|refund|rebate|owe|invest)"
        # 'What is the estimated cost …', 'What annual cost did … propose?'
        rf"|\bwhat (?:was |is )?(?:the )?(?:{_SUM_WORDS} ){{0,2}}"
        r"(?:cost|budget|price|fee|amount|sum|value|salary|grant)\b"
        r"|\bwhat (?:is|was|are|were|will) .{0,60}\bpaid\b"  # 'What was a councillor paid before …?'
        r"|\bwhat (?:voucher|payment|grant)\b|\bhow large was\b.*\b(?:block|budget|fund)"
        # a rate of pay is a sum
        r"|\bwhat (?:(?:hourly|daily|weekly|pay|day|mileage|hire) rate|rate of pay)\b"
        # the verb asked: 'What will implementing the Pledge cost?', 'What did the scheme cost the council?'
        r"|\bwhat (?:will|would|does|did|do|could|might) (?:[\w'’-]+ ){1,8}cost\b"
        # 'What was said about the capital receipts reserve?' asks what was said, not a sum
        r"|\bwhat (?:is |was |are |were )?(?!(?:said|discussed|agreed|decided|noted|reported|raised|asked)\b)"
        r"(?:the )?"
        # 'total' as the noun asked ('What was the total?') or a sum's: 'total cost', not 'total reach'
        r"(?:[\w/'’-]+ ){0,5}(?:income|salary|budget|total(?!\s+(?!(?:cost|spend\w*|income|budget|funding"
        r"|amount|value|expenditure|bill|price|sum|of|for|on|in|was|is|were|are|did|does)\b)[a-z]+\b)"
        r"|estimate|expenditure"
        r"|surplus|deficit|precept|tax rate|allocation|contribution|balance|reserves?"
        r"|refund|rebate|reclaim|loan|subsidy|revenue|net assets|liabilities)\b",
    ),
    # after 'money', before 'number' ('how many times a year'); asked after a sum or a count, how often is
    # the second part ('How much is the voucher, and how often?')
    (
        "frequency",
        r"^(?:(?!\bhow (?:much|many)\b).)*(?:\bhow often\b|\bhow frequently\b)"
        r"|\bat what (?:frequency|intervals?)\b|\bwith what frequency\b"
        r"|\bwhat (?:is|was|are|were) the frequency\b|\bhow many times (?:a|per|each|every) "
        r"(?:day|week|fortnight|month|quarter|term|year)\b",
    ),
    (
        "number",
        r"\bhow many\b|\bwhat number of\b|\bhow much\b|\bhow (?:long|old|far|big|tall|high|wide|deep)\b"
        r"|\bwhat (?:is|was|are|were) the (?:maximum|minimum|average|permitted|allowed) (?:[\w-]+ ){0,2}"
        r"(?:height|width|depth|length|area|size|capacity|speed|distance|density|number|floor area)\b"
        r"|(?<!over )(?<!during )\bwhat (?:[\w-]+ ){0,2}(?:period|duration|length|time limit)\b"
        # 'the number of the by-law' is its reference, not a count
        r"|\bwhat (?:was|is) the (?:number(?! of (?:the|this|that|its)\b)|total|count|majority|turnout)\b"
        # a rate per so many ('the rate per 10,000 children'); a rate of something is a share (above)
        r"|\bwhat (?:is|was|are|were) (?:the|[\w-]+['’]s) (?:[\w-]+ ){0,3}rates? (?:of .{1,60})?per\b"
        # 'What total reach …' (a total of money is asked in the row above)
        r"|\bwhat total [a-z]+\b"
        # what a campaign or service counts people by: 'What reach did the campaign have?'
        r"|\bwhat (?:(?:was|is|were|are) (?:the |its |their )?)?(?:[\w-]+ ){0,2}"
        r"(?:reach|take-?up|uptake|footfall|turnout|headcount|caseload)\b"
        # a change asked by its noun: 'What net gain of foster carers is targeted?', 'What increase …?'
        r"|^\W*what (?:(?:was|is|were|are) (?:the )?)?(?:net |overall |total |annual )?"
        r"(?:gain|loss|increase|decrease|reduction|rise|fall|growth|drop)(?![\w-])"
        r"|\bhow large\b",
    ),
    (
        "date",
        r"^\s*when\b|\b(?:what|which) (?:exact |precise )?(?:date|day|year|month)\b"
        r"|\bby when\b|\bwhen (?:was|is|did|will|were|does|do|are)\b"
        r"|\bwhat (?:is |was )?the (?:\w+ )?(?:deadline|date)\b"
        # a period a plan names: 'Over what period …', 'In which term …', 'What timescale …'
        r"|\b(?:over|during) what (?:period|time)\b|\bwhat (?:timescale|timeframe|time frame)\b"
        r"|\b(?:what|which) (?:term|quarter|season|(?:academic|financial|school) year)\b"
        # the meeting something was done at is told by its date: 'At which City Council meeting did …?'
        r"|\b(?:at|in|during|by) (?:which|what) (?:[\w'’-]+ ){0,3}(?:meeting|session|hearing)s?\b",
    ),
    (  # how a matter stands, asked as a place: 'Where has Pledge 43 got to?', 'Where are we with the
        # library refurbishment?'; of a thing ('Where has the mobile camera got to?') it asks a place
        "status",
        rf"\bwhere (?:(?:has|have|had|is|are|was|were) .{{0,60}}\b{_MATTER}\b.{{0,60}}\bgot to\b"
        # 'where had the council got to on Pledge 42', 'where does Pledge 42 stand'
        rf"|(?:has|have|had) .{{0,60}}\bgot to\b.{{0,60}}\b{_MATTER}\b"
        rf"|(?:does|do|did|is|are) .{{0,80}}?\bstand\b"
        rf"|are we (?:with|on|at)\b.{{0,60}}\b{_MATTER}\b)|\bstate of play\b",
    ),
    (
        "place",
        r"^\s*where\b|\bwhere (?:was|is|will|were|did)\b|\bwhat (?:venue|room|place|location|address"
        r"|building)\b|\bwhich (?:venue|room|place|location|building|ward|town|village|street|site)\b",
    ),
    (
        "role",
        r"\bwhat (?:role|position|post|job|title|office|job title)\b"
        # 'Which Aliso Viejo positions were proposed to get …?': posts, named by their titles
        r"|\b(?:which|what) (?:[\w'’-]+ ){0,3}(?:positions|posts|roles|job titles|job classifications)\b"
        # 'a report from which post-holder?': the post, as its papers title it
        r"|\b(?:which|what) (?:post|office)[- ]?holders?\b"
        r"|\bwhat (?:is|was) [\w'’ .-]{1,40}['’]s (?:role|post|job title|title|position\b"
        r"(?!\s+(?:on|regarding|with|in relation|as regards|in respect|concerning|about|re)\b))\b"
        r"|\b(?:job title|role|position)\b(?!\s+(?:on|with|regarding|in relation|as regards)\b)"
        r".*\b(?:of|did|does|hold)\b|\bwhat (?:is|was) (?:\w+ ){1,3}(?:role|job title|position)\b"
        # 'What is the position on the Oakwood estate?' asks for an account, not a post
        r"(?!\s+(?:on|regarding|with|in relation|as regards|in respect|concerning|about|re)\b)",
    ),
    (
        "organisation",
        r"\bwhich (?:organi[sz]ations?|compan(?:y|ies)|charit(?:y|ies)|firms?|trusts?|bod(?:y|ies)"
        r"|partners?|contractors?|clubs?|stations?|agenc(?:y|ies)|providers?|authorit(?:y|ies)|councils?"
        r"|schools?|part(?:y|ies)|groups?|departments?|directorates?|teams?|business(?:es)?|consultants?"
        r"|developers?)\b"
        r"|\bwhat (?:organi[sz]ations?|compan(?:y|ies)|charit(?:y|ies)|firms?|agenc(?:y|ies)|providers?"
        r"|part(?:y|ies))\b"
        # 'Which local marketing company …?': a kind of business, qualified; not 'which items did the council'
        r"|\b(?:which|what) (?:(?!(?:did|does|do|was|were|is|are|has|have|had|will|would|can|could|the|a|an"
        r"|of|to|in|on|for|and)\b)[\w-]+ ){1,3}(?:organi[sz]ations?|compan(?:y|ies)|charit(?:y|ies)|firms?"
        r"|agenc(?:y|ies)|providers?|contractors?|consultan(?:ts?|cy|cies)|developers?|business(?:es)?"
        r"|teams?|directorates?)\b"
        # 'What is the name of the local marketing company …?'
        r"|\bname of (?:the |an? )?(?:[\w'’-]+ ){0,4}?(?:organi[sz]ation|company|charity|firm|agency|provider"
        r"|contractor|consultancy|business|trust|club|partnership|group|developer)\b"
        # a search typed as keywords: 'rehab grant contractor name'
        r"|\b(?:organi[sz]ation|company|charity|firm|agency|provider|contractor|consultancy|developer)['’]?s?"
        r" names?\b(?!\s+(?:the|a|an|it|its|them|this|that)\b)",
    ),
    (
        "person",
        r"\bwhich (?:[\w-]+ ){0,4}(?:councillors?|members?|commissioners?|officers?|directors?"
        r"|trustees?|governors?|candidates?)\b|^\s*who\b|\bwhose\b"
        r"|\bwho (?:was|is|were|chaired|wrote|signed|moved|seconded)\b|\bwhich (?:councillor"
        r"|member|officer|director|person|chair|mayor|candidate|clerk|manager|head|leader|cabinet member)\b"
        # the name of a post's holder ('the name of the Deputy City Clerk'), not of a thing (a brand, a
        # company: below)
        rf"|\bname of (?:the |an? |[\w'’-]+['’]s )?(?:[\w'’-]+ ){{0,5}}?{_HOLDER}\b"
        # keywords: 'parish council clerk name june 2025 minutes', 'director of … incumbent name'
        rf"|\b(?:{_HOLDER}|incumbents?)['’]?s? names?\b(?!\s+(?:the|a|an|it|its|them|this|that)\b)",
    ),
    (  # whether a piece of work has been done yet ('Has the MASH manager post been filled yet?'): how it
        # stands; not whether it was decided ('Has the budget been approved yet?') or what was done
        # ('Has the council applied to the fund?': the application told, not a status)
        "status",
        r"^\s*(?:has|have)\b(?!.*\b(?:approv|agree|adopt|pass|carri(?!ed\s+out)|refus|reject|decid|vot|resolv|accept|endors"
        r"|ratif|note|sign)\w*)(?:.{1,80}\bbeen\s+(?:\w+\s+)?(?:filled|completed|delivered|achieved|appointed"
        r"|implemented|introduced|launched|started|finished|done|built|opened|recruited|established|set up"
        r"|put in place|carried out|fixed|repaired|replaced)\b|.{1,80}\byet\W*$)",
    ),
    (
        "decision",
        r"^\s*(?:did|was|were|has|have|is)\b|\bwhat action\b"
        r"|\bwhat (?:was|were) (?:the )?(?:[\w'’-]+ ){0,3}(?:outcome|result|decision|resolution"
        r"|recommendation|vote)s?\b|\bwhat did .{1,60}"
        r"\b(?:decide|agree|resolve|approve|vote|recommend)\b|\bwhat happened to\b"
        r"|\bwas .{1,60}\b(?:approved|"
        r"agreed|carried(?! out)|refused|rejected|adopted|passed)\b|\bhow did .{1,40}\bvote\b"
        # a consultee's stance on an application: objects, supports, no objection
        r"|\b(?:view|views|stance|position|response|comments?|opinion)\b.{0,60}?\b(?:on|to|about|regarding)\s+"
        r"(?:the\s+|a\s+)?(?:[\w-]+\s+)?(?:planning\s+)?applications?\b",
    ),
    ("status", r"\bstatus\b|\bprogress\b|\bhas .{1,60}\b(?:been )?(?:completed|delivered|achieved)\b"),
    ("list", r"^\s*(?:list|name)\b|\bwhat are (?:the|all)\b|\bwhich .+ (?:are|were)\b|\ball (?:the )?\w+s\b"),
)
# A decision question that asks what came of a matter, which only minutes, not an agenda, can say.
_OUTCOME = re.compile(
    r"\b(?:approv\w*|decid\w*|decision|resol\w*|agreed?|vot\w*|adopt\w*|passed|carried(?! out)|refus\w*"
    r"|reject\w*|outcome|result|action)\b"
)
# The moment of a meeting a time question asks for, and the words that name it in a question or in the
# sentence giving the time ('The meeting closed at 4.25 pm'); a paper's masthead time is when it starts.
_EVENTS = {
    "finish": re.compile(
        # a 'Closed Meeting' or 'closed session' is held in private: it does not end the meeting
        r"\b(?:finish\w*|end(?:s|ed)?|clos(?:e|ed|es|ing)(?!\s+(?:meeting|session|part|to\s+the\s+public))"
        r"|conclud\w*|adjourn\w*|rose)\b",
        re.I,
    ),
    "start": re.compile(r"\b(?:start\w*|begin\w*|began|commenc\w*|open(?:s|ed)?)\b", re.I),
}
_COMPILED = tuple((kind, re.compile(pattern)) for kind, pattern in _TABLE)
# A search typed as keywords ('menlo park rfp issue date', 'mukund shah votes acton precinct') has no
# question word to read: the noun that names a value says what is asked. Read only when no row above
# matched and the query asks nothing in a question's words.
_KEYWORDS: tuple[tuple[str, str], ...] = (
    ("date", r"\b(?:date|deadline)s?\b(?<!up to date)"),
    ("time", r"\b(?:start|starting|finish|finishing|end|closing|opening|meeting) time\b"),
    ("percent", r"\b(?:percentage|per ?cent|percent|proportion)\b"),
    ("money", r"\b(?:amount|cost|costs|price|fees?|salary|spend|spent|paid)\b"),
    ("number", r"\b(?:number of|count|votes|total number)\b"),
    ("place", r"\b(?:venue|location|address)\b"),
    ("decision", r"\b(?:decision|decided|outcome|resolved|verdict)\b"),
)
_KEYWORDS_COMPILED = tuple((kind, re.compile(pattern)) for kind, pattern in _KEYWORDS)
# A keyword search is short and opens on what it is about; a written request ('for information of the typical
# cost of road marking …', 'that low cost safety measures be considered at …') is a sentence, not keywords.
KEYWORD_WORDS = 14
_REQUEST_OPENING = re.compile(r"^\W*(?:for|that|if|as|to|whether|regarding|re|in relation|i|we|please)\b")
_QUESTION_WORDS = re.compile(
    r"\b(?:who|whom|whose|what|whats|when|where|which|why|how)\b|\?|^\s*(?:is|are|was|were|did|does|do|has"
    r"|have|had|can|could|will|would|should|list|name|give|tell|show|describe|explain|summari[sz]e)\b"
)
_NOUN = re.compile(r"\b(?:what|which|how many)\s+((?:[a-z'-]+\s+){0,1}[a-z'-]+)")


@dataclass(frozen=True)
class Expectation:
    """The answer type a question asks for, and the noun after what/which/how many ('councillors')."""

    kind: str
    noun: str = ""


# 'What's the estimate …?' asks as 'What is the estimate …?' does; typed in haste, 'whats' too.
_CONTRACTED = re.compile(r"\b(what|who|where|when|how|which)(?:['’]s|(?<=what)s)\b", re.I)


def uncontracted(question: str) -> str:
    """The question with its question word's "'s" written out: "who's the city manager" → 'who is …'."""
    return _CONTRACTED.sub(r"\1 is", question)


# What a busy user types before the question itself, asking nothing ('omaha city council oct 16 2012 - who
# gave the invocation?', 'Councillor Murphy sent apologies to the July meeting. Who sat as vice chair?',
# 'At Guelph City Council on 26 May 2014, who voted against …?'):
# the question's type is read after it.
_LEAD_IN = re.compile(
    r"^(?:(?!\b(?:who|what|when|where|which|how|why)\b)[^?]){1,80}?(?:\s[-–—:]|[.,])\s+"
    # 'where' or 'when' before its subject opens a relative clause ('…, where the new Pledge was launched,
    # who …'), not the question
    r"(?=(?:who|what|which|how|why|is|are|was|were|did|does|do)\b"
    rf"|(?:when|where)\s+{AUX}\b)"
)


def _keywords(query: str) -> bool:
    """A search typed as keywords: a few words, no question word, not a written request."""
    return (
        len(query.split()) <= KEYWORD_WORDS
        and not _QUESTION_WORDS.search(query)
        and not _REQUEST_OPENING.match(query)
    )


@lru_cache(maxsize=1 << 10)  # asked several times per question (intent, reader, composer): read once
def expected(question: str) -> Expectation:
    """The first row of the table whose pattern the question matches; 'description' when none does."""
    q = _LEAD_IN.sub("", uncontracted(" ".join(question.lower().split())))
    noun = m.group(1) if (m := _NOUN.search(q)) else ""
    for kind, pattern in _COMPILED:
        if pattern.search(q):
            return Expectation(kind, noun)
    if _keywords(q):
        for kind, pattern in _KEYWORDS_COMPILED:
            if pattern.search(q):
                return Expectation(kind, noun)
    return Expectation("description", noun)


# 'When will the footpath be renewed?', 'when repairs are likely to be carried out': when something
# planned will happen, which a reply saying it is done also answers.
_PLANNED = re.compile(
    r"^\W*when\b(?!\s+(?:was|did|were|had)\b)"
    r".*\b(?:will|to be|going to|likely|expected|scheduled|due|planned)\b",
    re.I,
)


# What is to be done: the participle after 'be' ('be cleared', 'be carried out'), or a verb after 'will'.
_PLANNED_VERB = re.compile(r"\b(?:will|to|going to)\s+(?:[\w'’/-]+\s+){0,20}?be\s+([a-z]+)\b", re.I)


@dataclass(frozen=True)
class Plan:
    """What a 'when will …' question asks about: the work, in the question's lowercase words ('hedge',
    'cutting'), and what is to be done to it ('carried')."""

    verb: str
    work: tuple[str, ...]


_NOT_WORK = frozenset({"will", "is", "are", "to", "be", "going", "likely", "expected", "scheduled", "due"})


@lru_cache(maxsize=1 << 10)  # asked of every candidate the reader types
def asks_plan(question: str) -> Plan | None:
    """What a date question about something planned asks of ('When will the gullies be cleared?' →
    'cleared', ('gullies',)): when it will happen, not when it did; None for any other question, or
    when it names no participle after 'be'."""
    if expected(question).kind != "date" or not (when := _PLANNED.search(question)):
        return None
    if not (m := _PLANNED_VERB.search(question)):
        return None
    asked = re.findall(r"[A-Za-z][\w'’-]*", question[when.start() : m.start(1)])[1:]  # after 'when'
    return Plan(m.group(1).lower(), tuple(w for w in asked if w.islower() and w not in _NOT_WORK))


# A date asked of what is to come in other words ('On what date is the report scheduled?'), not of what was.
_AHEAD = re.compile(r"\b(?:will|scheduled|due|expected|planned|going to|next)\b", re.I)
_PAST = re.compile(r"\b(?:was|were|did|had|has|have)\b", re.I)
_SET_FOR = re.compile(r"\b(?:scheduled|planned|due|set|timetabled)\s+(?:for|back)\b", re.I)


def looks_ahead(question: str) -> bool:
    """A date question about what is to come ('When is the progress report scheduled for?', 'When will
    the gullies be cleared?', 'On what date is it due?'), not about what happened ('When was it due?')."""
    if expected(question).kind != "date":
        return False
    return bool(
        _PLANNED.search(question)
        or _SET_FOR.search(question)  # 'What date was the report scheduled for?': ahead of its scheduling
        or (_AHEAD.search(question) and not _PAST.search(question))
    )


def asks_outcome(question: str) -> bool:
    """A decision question about what was decided ('Did the council approve item 24?'), not a yes/no
    about what a paper says."""
    return expected(question).kind == "decision" and bool(_OUTCOME.search(question.lower()))


# A person's post or a person's act asked ('Who is the headteacher of …?', 'Who seconded …?', 'Which
# officer …?'): only a person answers it, not a body named beside the topic ('PTSA continue to lead …').
# A chair is left out: papers name one by a post's initials ('Chaired by the DCS'), read as a body's.
_POST_NOUN = (
    r"(?:head\s?teachers?|principals?|councillors?|mayors?|clerks?|officers?|directors?|managers?"
    r"|secretar(?:y|ies)|treasurers?)"
)
_PERSON_ONLY = re.compile(
    rf"\bwhich\s+(?:(?!(?:for|of|in|on|at|to|by|the)\b)[\w'’-]+\s+){{0,2}}?{_POST_NOUN}\b"
    rf"|\b(?:who|whom)\s+(?:is|was|were|are|will be|has been|had been)\s+"
    rf"(?:[\w'’-]+\s+){{0,6}}?{_POST_NOUN}\b"
    rf"|\bname of the\s+(?:[\w'’-]+\s+){{0,4}}?{_POST_NOUN}\b"
    rf"|\b(?:{_POST_NOUN}|incumbents?)['’]?s? names?\b"  # keywords: 'parish council clerk name'
    r"|\bwho\b[^?]{0,40}?\b(?:seconded|moved|signed)\b",
    re.I,
)


def asks_person_only(question: str) -> bool:
    """Whether a person question names a person's post or act, so that no body can answer it."""
    return expected(question).kind == "person" and bool(_PERSON_ONLY.search(uncontracted(question)))


@lru_cache(maxsize=1 << 10)  # asked per candidate (features, typematch)
def time_event(question: str) -> str | None:
    """'finish' or 'start' when a time question asks when a meeting ended or began, else None."""
    if expected(question).kind != "time":
        return None
    return next((event for event, words in _EVENTS.items() if words.search(question)), None)


def event_words(sentence: str, event: str) -> tuple[str, ...]:
    """The words of a sentence that tell the asked moment ('finished', 'closed' for an 'end' asked), so
    a time stands beside what is asked though the question says it in other words."""
    return tuple(m.group(0) for m in _EVENTS[event].finditer(sentence))


def at_event(sentence: str, event: str) -> bool:
    """Whether a sentence's time can be the asked moment: a finish time is told as one ('closed at'); a
    start time is any other, unless the sentence tells only of an ending."""
    if event == "finish":
        return bool(_EVENTS["finish"].search(sentence))
    return not _EVENTS["finish"].search(sentence) or bool(_EVENTS["start"].search(sentence))


# A question for a thing names it after its question word ('Which radio station …', 'What voucher …'); any
# other description question asks for an account ('Why …', 'What did the minister say …', 'What is the
# position on …', 'Can the Council repair …'), whose answer is the answering sentence's paragraph.
_THING = re.compile(
    r"^\s*(?:which|what)\s+(?!(?:is|was|are|were|did|does|do|has|have|had|will|would|could|should|can)\b)\w",
    re.I,
)


def open_question(question: str) -> bool:
    """The question asks for an account ('What did the minister say about …?', 'What is the position on
    …?'), not one thing or value: a description question that names no thing after its question word."""
    return expected(question).kind in ACCOUNT_KINDS and not _THING.search(question)


# 'What is the price of the memorial bench for …': a value asked of a thing the question names, whose
# sentence must name it too ('£10k left in the Playground account' is not the bench's price).
# The words that end a thing's name in a question: a preposition, a relative, a participle.
_THING_ENDS = r"for|to|by|at|in|on|from|with|as|that|which|according|under|\w+ed"
_MEASURE_OF = re.compile(
    r"\bwhat (?:is|was|will be|are|were) the (?:[\w-]+ )?(?:price|cost|amount|value|fee|charge|salary)"
    # 'the salary range for the City Manager': a sum's range or scale is for a post
    r"(?: of| (?:range|scale|band) (?:of|for)) (?:the |a |an |its |their )?((?:[\w'’-]+ ){0,3}?[\w'’-]+?)"
    rf"(?= (?:{_THING_ENDS}|sent|paid|given|made|bought|built|held|spent|due|agreed)\b|[?,.]|$)",
    re.I,
)


# 'How much is the 100 Day Challenge reward that …?': the value of the thing the question names after 'is'
_HOW_MUCH_IS = re.compile(
    r"\bhow much (?:is|was|are|were|will be) (?:the |a |an |its |their |[A-Z][\w'’-]*['’]s )"
    rf"((?:[\w'’-]+ ){{0,4}}?[\w'’-]+?)(?= (?:{_THING_ENDS})\b|[?,.]|$)",
    re.I,
)


def measured(question: str) -> str | None:
    """The noun a value question asks the value of ('What is the price of the memorial bench for Sue
    Bolton?' → 'bench', 'How much is the 100 Day Challenge reward …?' → 'reward'); None when the question
    names none that way."""
    m = _MEASURE_OF.search(question) or _HOW_MUCH_IS.search(question)
    return m.group(1).split()[-1].lower() if m else None


# 'What was Souldern Parish Council's precept for 2016/17?': the sum a question names by its own noun, which
# a table prints as its row's name. Not a cost or a budget, which tables print as columns ('Total £s').
_SUM_NAMED = re.compile(
    r"\bwhat (?:is|was|are|were|will be) (?:the |[\w'’ -]{0,40}?['’]s )?(?:[\w-]+ ){0,2}?"
    r"(precept|income|salar|surplus|deficit|allocation|contribution|balance|reserve|refund|rebate|grant|fee"
    r"|charge|rent|lev)(?:s|y|ies)?\b",
    re.I,
)


def sum_named(question: str) -> str | None:
    """The noun naming the sum a question asks, as far as its plural keeps it ('precept', 'salar' of
    'salaries'), or None."""
    m = _SUM_NAMED.search(question)
    return m.group(1).lower() if m else None


# 'What percentage of Plymouth pupils achieved grade 5 in English and maths?': a share of a group (the
# words after 'of', to its verb) that does something (the rest, which a sentence giving the share names).
_SHARE_OF = re.compile(
    r"\bwhat (?:(?:is|was) the )?(?:percentage|per ?cent|proportion|share|fraction) of (.+)", re.I
)
# Where the question says the share is told ('…, according to the written plans section of the report'):
# no part of what the group did.
_SOURCE_CLAUSE = re.compile(
    r"\b(?:according to|as (?:reported|stated|shown|set out|given) (?:in|by))\b", re.I
)
_GROUP_ENDS = re.compile(
    r"(?:were|was|are|is|did|do|does|have|has|had|who|that|which|went|got|get|go|gain\w*|took|made"
    r"|\w+ed)$",
    re.I,
)
_WHEN_WORDS = re.compile(r"(?:\d{4}(?:/\d{2,4})?|end|start|quarter|year|month|week)$", re.I)


def share_predicate(question: str) -> tuple[str, ...]:
    """The words of what a share question's group did or was ('achieved grade 5 in English and maths'),
    without when it was ('in 2019'); empty when the question is no 'what percentage of …' or its group
    has no verb to part it from the rest."""
    m = _SHARE_OF.search(question.rstrip("?"))
    group = _SOURCE_CLAUSE.split(m.group(1), maxsplit=1)[0] if m else ""  # not the paper that says it
    words = re.findall(r"[\w/'’-]+", group)
    at = next((i for i, w in enumerate(words) if i and _GROUP_ENDS.match(w)), None)
    return tuple(w for w in words[at:] if not _WHEN_WORDS.match(w)) if at is not None else ()
