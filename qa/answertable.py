"""The answer-type table: patterns over a lower-cased question, each with the kind of answer it asks for."""

from __future__ import annotations

# What a council tracks the progress of: a question asking where one has got to asks how it stands.
_MATTER = (
    r"(?:pledges?|items?|motions?|actions?|commitments?|recommendations?|objectives?|projects?|schemes?"
    r"|programmes?|reviews?|plans?|strategy|strategies|applications?|consultations?|proposals?|works?"
    r"|refurbishment|repairs?|review|bids?|tenders?|contracts?|business case|policy|policies|promises?"
    r"|undertakings?|initiatives?|priorit(?:y|ies)|milestones?|targets?)"
)
# What a consultee's stance is on: 'position … on application 3/18/0972/FUL', 'views on the application'.
_ON_APPLICATION = (
    r".{0,60}?\b(?:on|to|about|regarding)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+)?(?:planning\s+)?applications?\b"
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
# A meeting's day as a question prints it ('10 july 2019', 'monday 26 may 2014', 'may 26, 2014'), and a
# session of it ('open session', 'closed meeting', 'in camera'), for the time a meeting's moment is asked.
_DAY = (
    r"(?:[a-z]+\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+[a-z]+,?\s+\d{4}|[a-z]+\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})"
)
_SESSION = r"(?:(?:open|closed|public|private)\s+(?:session|meeting|part)|camera)"
# Minutes approved asked by the meeting they record: 'approve the minutes of which meeting?', 'signed off the
# minutes of which earlier meeting date?', 'Which meeting's minutes were confirmed?'. Its answer is that
# meeting's date, before the day of the meeting approving them that the question gives.
MINUTES_OF_WHICH = (
    r"\bminutes of (?:which|what) (?:[\w-]+ ){0,2}(?:meeting|session)s?\b"
    r"|\b(?:which|what) (?:[\w-]+ ){0,2}meeting['’]s minutes\b"
)
# (answer type, pattern over the lower-cased question). Order matters: 'what time' before 'what',
# 'how much money' before 'how many', the noun after what/which/how many decides where there is one.
TABLE: tuple[tuple[str, str], ...] = (
    (  # a span of time asked ('Over what time frame …?', 'What timescale …?'), before 'time', whose 'what
        # time' it begins with, and 'money', whose 'loan' it may name ('Over what period will the loan …')
        "date",
        r"\b(?:over|during|within|in|for) (?:what|which) "
        r"(?:period|time[- ]?(?:frame|scale)|timeframe|timescale)\b"
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
        # 'What start time is given for …?': the moment named before 'time'
        r"|\bwhat (?:start|starting|finish|finishing|end|ending|closing|opening) time\b"
        r"|^\s*when (?:did|does|will) .{0,80}\b(?:meeting|session|hearing|council|committee|panel|board"
        r"|cabinet)\b.{0,40}\b(?:start|begin|finish|end|close|conclude|adjourn|rise|reconvene|resume)"
        # what may follow the moment: the meeting's day ('… start on 10 July 2019?', '… of May 26, 2014?'),
        # and the session left or gone into ('… rise from the closed meeting?', '… reconvene in open session')
        rf"(?:\s+(?:on|of)\s+{_DAY}|\s+(?:in|into|from|out of)\s+(?:the\s+|its\s+)?(?:[a-z]+\s+)?{_SESSION})*"
        r"\s*\??\s*$",
    ),
    (
        "percent",
        r"\bwhat (?:percentage|per cent|percent|proportion|share|fraction|rate(?! of pay))\b"
        r"|\bhow many per ?cent\b"
        r"|\bwhat %|\bby what percentage\b"
        # 'What target does the plan set for the percentage of …?': a target's value, a share
        r"|\bwhat (?:target|goal|aim|ambition)\b[^?]{0,60}\b(?:percentage|per ?cent|proportion|share)\b"
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
        # not a day asked of a vote ('What is the deadline to register to vote …?')
        r"(?:(?!(?:deadline|date|day|time)\b)(?:the |[\w'’.-]+ )){0,6}?"
        r"(?:vote|decision|outcome|resolution)s?\b"
        r"(?=\s+(?:on|of|for|at|to|about|regarding|in|when)\b|\s*\?|\s*$)"
        # 'What decision did the parish council record on the application …?'
        r"|\bwhat (?:final )?(?:decision|outcome|resolution|verdict)s? "
        r"(?:did|does|do|was|were|has|have|had)\b",
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
        # a sum's noun after a few words, then the verb: 'What application fee did the commission charge
        # …?', 'What annual allowance does Councillor Wyatt receive …?', 'What closure costs are estimated
        # …?'; not 'What contingency for variable costs does …?', a share of them
        r"|\bwhat (?:(?!(?:for|of|on|in|to)\b)[\w'’-]+ ){0,3}(?:fee|allowance|stipend|salary|charge|levy|rent"
        # ('What annual licence fee per rental unit did …?': a sum's unit between them)
        r"|fine|price|cost|grant|honorarium|payment|contribution|subsidy|deposit|premium)s? "
        r"(?:(?:per|a|each|for each) [\w-]+ (?:[\w-]+ )?)?"
        r"(?:did|does|do|is|was|will|would|has|have|had|are|were|must"
        r"|shall|should|can|could)\b"
        r"|\bwhat (?:voucher|payment|grant)\b|\bhow large was\b.*\b(?:block|budget|fund)"
        # a sum told as what a thing came to: 'What did overall fundraising for the playground come to?'
        r"|\bwhat (?:did|does|do|will|would) .{1,60}\b(?:come|amount) to\b"
        # a property's or a deal's worth: 'What appraised value or offer price …?', 'What purchase price …?'
        r"|\bwhat (?:appraised|assessed|market|offer|purchase|sale|selling|asking|contract|rateable|fair)"
        r" (?:value|price|valuation)\b"
        # a rate of pay is a sum
        r"|\bwhat (?:(?:hourly|daily|weekly|pay|day|mileage|hire) rate|rate of pay)\b"
        # the verb asked: 'What will implementing the Pledge cost?', 'What did the scheme cost the council?'
        r"|\bwhat (?:will|would|does|did|do|could|might) (?:[\w'’-]+ ){1,8}cost\b"
        # 'What does Plymouth pay per week for …?', 'What did the council pay Zurich?': a payment's sum
        r"|\bwhat (?:will|would|does|did|do|could|might) "
        r"(?:(?!(?:say|said|think|about|on|of|to)\b)[\w'’-]+ ){1,4}(?:pay|charge|earn)\b(?! attention)"
        # 'What was said about the capital receipts reserve?' asks what was said, not a sum
        r"|\bwhat (?:is |was |are |were )?(?!(?:said|discussed|agreed|decided|noted|reported|raised|asked)\b)"
        r"(?:the )?"
        # 'total' as the noun asked ('What was the total?') or a sum's: 'total cost', not 'total reach'
        r"(?:[\w/'’-]+ ){0,5}(?:income|salary|budget|total(?!\s+(?!(?:cost|spend\w*|income|budget|funding"
        r"|amount|value|expenditure|bill|price|sum|payments?|receipts?|expenses|fees|charges|of|for|on|in|was|is"
        r"|were|are|did|does)\b)[a-z]+\b)"
        r"|estimate|expenditure"
        r"|surplus|deficit|overspend|underspend|precept|tax rate|allocation|contribution|balance|reserves?"
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
        # 'From what age should …?', 'What prioritisation score was given …?'
        r"|\bwhat age\b(?! range)|\bwhat (?:[\w-]+ )?score\b"
        r"|\bwhat (?:is|was|are|were) the (?:maximum|minimum|average|permitted|allowed) (?:[\w-]+ ){0,2}"
        r"(?:height|width|depth|length|area|size|capacity|speed|distance|density|number|floor area)\b"
        r"|(?<!over )(?<!during )\bwhat (?:[\w-]+ ){0,2}(?:period|duration|length|time limit)\b"
        # 'the number of the by-law' is its reference, not a count
        r"|\bwhat (?:was|is) the (?:number(?! of (?:the|this|that|its)\b)|total|count|majority|turnout)\b"
        # a rate per so many ('the rate per 10,000 children'); a rate of something is a share (above)
        r"|\bwhat (?:is|was|are|were) (?:the|[\w-]+['’]s) (?:[\w-]+ ){0,3}rates? (?:of .{1,60})?per\b"
        # 'What total reach …' (a total of money is asked in the row above)
        r"|\bwhat total [a-z]+\b"
        # a table's figure asked by that word: 'What was the Q2 2019/20 (end of September 2019) figure for
        # …?', "What was Plymouth's long-term placement stability figure for …?"
        r"|\bwhat (?:is|was|are|were) (?:the|[\w-]+['’]s) (?:[\w/()'’.-]+ ){0,8}?figures? (?:for|of|on)\b"
        # "What was Plymouth's 2019/20 target for care leavers in …?": a target's figure, not its date
        r"|\bwhat (?:is|was|are|were) (?:the|[\w-]+['’]s) (?:[\w/()'’.-]+ ){0,4}?targets?\b"
        r"(?!\s+(?:[\w-]+\s+)?(?:date|day|deadline)s?\b)"
        # 'What CAMHS waiting time target does the plan set?': the figure of a target named by its measure
        # ('What target did the council set for recycling?' may be told in words)
        r"|\bwhat (?:[\w/()'’.-]+ ){1,4}?target (?:does|did|do|has|had|is|was)\b"
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
        r"^\s*when\b|\b(?:what|which) (?:exact |precise )?(?:date|day|year|month)s?\b"
        # a date named by what it dates: 'which meeting date …?', 'What completion date …?'
        r"|\b(?:what|which) (?:[\w-]+ ){1,2}dates?\b"
        r"|\bby when\b|\bwhen (?:was|is|did|will|were|does|do|are)\b"
        # 'What was the application submittal deadline …?', not 'the reason for the deadline'
        r"|\bwhat (?:is |was )?the (?:(?!(?:of|for|to|on|in|about|behind|reason)\b)[\w-]+ ){0,3}"
        r"(?:deadline|date)\b"
        # a period a plan names: 'Over what period …', 'In which term …', 'What timescale …'
        r"|\b(?:over|during) what (?:period|time)\b|\bwhat (?:timescale|timeframe|time frame)\b"
        r"|\b(?:what|which) (?:term|quarter|season|(?:academic|financial|school) year)\b"
        # the meeting something was done at is told by its date: 'At which City Council meeting did …?'
        r"|\b(?:at|in|during|by|for) (?:which|what) (?:(?!(?:are|is|was|were|do|does|did|have|has|had)\b)"
        r"[\w'’-]+ ){0,3}(?:meeting|session|hearing)s?\b"
        # minutes approved are named by their meeting's date
        rf"|{MINUTES_OF_WHICH}"
        # the meeting after another is told by its date: 'Which meeting of the Committee follows the 8
        # January 2020 one?', 'What is the meeting after the December 19, 2019 meeting?'
        r"|\b(?:what|which) (?:(?:is|was) )?(?:the )?(?:next )?(?:[\w'’-]+ ){0,5}?meeting\b[^?]{0,120}?"
        r"\b(?:comes? after|came after|follows|followed|following|after)\b",
    ),
    (  # how a matter stands, asked as a place: 'Where has Pledge 43 got to?', 'Where are we with the
        # library refurbishment?'; of a thing ('Where has the mobile camera got to?') it asks a place
        "status",
        rf"\bwhere (?:(?:has|have|had|is|are|was|were) .{{0,60}}\b{_MATTER}\b.{{0,60}}\bgot to\b"
        # 'where had the council got to on Pledge 42', 'where does Pledge 42 stand'
        rf"|(?:has|have|had) .{{0,60}}\bgot to\b.{{0,60}}\b{_MATTER}\b"
        rf"|(?:does|do|did|is|are) .{{0,120}}?\bstand\b"
        rf"|are we (?:with|on|at)\b.{{0,60}}\b{_MATTER}\b)|\bstate of play\b",
    ),
    (
        # how to reach someone or join in: an email or web address, a telephone number, a webinar's ID
        "contact",
        r"\b(?:what|which)\s+(?:[\w-]+\s+){0,2}(?:e-?mail(?:\s+address)?|(?:tele)?phone\s+number|website"
        r"|web\s*site|web\s+address|url|(?:webinar|meeting|zoom)\s+id)\b"
        r"|\bwhat\s+number\s+(?:should|do|can|must)\s+\w+\s+(?:ring|call|phone|dial)\b",
    ),
    (
        "place",
        r"^\s*where\b|\bwhere (?:was|is|will|were|did)\b|\bwhat (?:venue|room|place|location|address"
        r"|building)\b|\bwhich (?:venue|room|place|location|building|ward|town|village|street|site"
        r"|region|county|neighbou?rhood)\b"
        # 'What was the venue of the meeting?', 'What is the address of the site?'
        r"|\bwhat (?:is|was|were|are|will be) the (?:venue|location|address)\b"
        # 'What home address is given for …?', 'What postcode …?'
        r"|\bwhat (?:[\w-]+ ){0,2}(?:address|postcode)\b|\bwhich postcode\b",
    ),
    (
        "role",
        r"\bwhat (?:(?:new|vacant|interim|additional|extra) )?"
        r"(?:role|position|post|job|title|office|job title)\b"
        # 'Which Aliso Viejo positions were proposed to get …?': posts, named by their titles
        r"|\b(?:which|what) (?:[\w'’-]+ ){0,5}(?:positions|posts|roles|job titles|job classifications)\b"
        # 'a report from which post-holder?': the post, as its papers title it
        r"|\b(?:which|what) (?:post|office)[- ]?holders?\b"
        # 'Which chamber office was Councillor Steen appointed to?': the office one was put in; not a stance
        # ('Which position on the budget did the committee take?')
        r"|\b(?:which|what) (?:[\w'’-]+ ){0,2}(?:office|post|role|position)s?\b"
        r"(?!\s+(?:on|regarding|about|concerning|in relation|as regards)\b)"
        r"(?=[^?]*\b(?:appoint|elect|nominat|named\b|hold|held|fill|serv|assign|given\b))"
        # 'Which position also serves as Acting City Manager?': a post, named by its title
        r"|\bwhich (?:role|position|post|job title)\b(?!\s+(?:on|regarding|with|in relation|as regards)\b)"
        r"|\bwhat (?:is|was) [\w'’ .-]{1,40}['’]s (?:role|post|job title|title|(?:cabinet )?portfolio"
        r"|position\b"
        r"(?!\s+(?:on|regarding|with|in relation|as regards|in respect|concerning|about|re)\b)"
        # a consultee's stance on an application, however far the words between ('position in May 2018 on')
        rf"(?!{_ON_APPLICATION}))\b"
        r"|\b(?:job title|role|position)\b(?!\s+(?:on|with|regarding|in relation|as regards)\b)"
        r".*\b(?:of|did|does|hold)\b|\bwhat (?:is|was) (?:\w+ ){1,3}(?:role|job title|position)\b"
        # 'What is the position on the Oakwood estate?' asks for an account, not a post
        r"(?!\s+(?:on|regarding|with|in relation|as regards|in respect|concerning|about|re)\b)"
        # 'What is Michelle Bigelow's position with the City of Morgan Hill?': a post held in a body
        r"|\bwhat (?:is|was) [\w'’ .-]{1,40}['’]s position (?:on|with|in|at) (?:the )?(?:[\w'’-]+ ){0,4}?"
        r"(?:council|committee|board|city|town|township|county|borough|commission|cabinet|authority)\b",
    ),
    (
        "organisation",
        r"\bwhich (?:organi[sz]ations?|compan(?:y|ies)|charit(?:y|ies)|firms?|trusts?|bod(?:y|ies)"
        r"|partners?|contractors?|clubs?|stations?|agenc(?:y|ies)|providers?|authorit(?:y|ies)"
        r"|councils?(?! ?members?\b)|schools?|part(?:y|ies)|groups?|departments?|directorates?|teams?"
        r"|business(?:es)?|consultants?"
        # who won a tender or supplies the goods: 'Which supplier won the request for proposal …?'
        r"|developers?|suppliers?|vendors?|bidders?|tenderers?|operators?)\b"
        r"|\bwhat (?:organi[sz]ations?|compan(?:y|ies)|charit(?:y|ies)|firms?|agenc(?:y|ies)|providers?"
        r"|part(?:y|ies))\b"
        # 'which two groups does the council say it will work with': so many bodies, counted
        r"|\bwhich (?:two|three|four|five|six|several|\d+) (?:groups|bodies|partners|organi[sz]ations"
        r"|charities|trusts|clubs|agencies|companies|firms)\b"
        # 'Which local marketing company …?': a kind of business, qualified; not 'which items did the council'
        r"|\b(?:which|what) (?:(?!(?:did|does|do|was|were|is|are|has|have|had|will|would|can|could|the|a|an"
        r"|of|to|in|on|for|and)\b)[\w-]+ ){1,3}(?:organi[sz]ations?|compan(?:y|ies)|charit(?:y|ies)|firms?"
        r"|agenc(?:y|ies)|providers?|contractors?|consultan(?:ts?|cy|cies)|developers?|business(?:es)?"
        r"|teams?|directorates?)\b"
        # what paid for a thing is its funder or fund: 'What paid for the two extra Personal Advisors?'
        r"|^\W*what (?:paid|pays|will pay|funded|funds|is funding|financed|pays for)\b"
        # 'What is the name of the local marketing company …?'
        r"|\bname of (?:the |an? )?(?:[\w'’-]+ ){0,4}?(?:organi[sz]ation|company|charity|firm|agency|provider"
        r"|contractor|consultancy|business|trust|club|partnership|group|developer)\b"
        # a search typed as keywords: 'rehab grant contractor name'
        r"|\b(?:organi[sz]ation|company|charity|firm|agency|provider|contractor|consultancy|developer)['’]?s?"
        r" names?\b(?!\s+(?:the|a|an|it|its|them|this|that)\b)",
    ),
    (
        "person",
        # US and Canadian councils' members: 'Which councilmember moved …?', 'Which alderman …?'
        r"\bwhich (?:[\w-]+ ){0,4}(?:councillors?|(?:council ?)?members?|commissioners?|officers?|directors?"
        r"|trustees?|governors?|candidates?|alder(?:man|men|persons?)|supervisors?|selectm[ae]n)\b"
        r"|^\s*who\b|\bwhose\b"
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
        r"|put in place|carried out|fixed|repaired|replaced)\b|.{1,80}\byet\W*$)"
        # asked in haste: 'Any take-up yet of the work experience offers?', 'Is there any progress yet …?'
        r"|^\s*(?:(?:is|are|has|have)\s+there\s+(?:been\s+)?)?any\b.{1,60}\byet\b",
    ),
    (
        "decision",
        r"^\s*(?:did|was|were|has|have|is)\b|\bwhat action\b"
        r"|\bwhat (?:was|were) (?:the )?(?:[\w'’-]+ ){0,5}(?:outcome|result|decision|resolution"
        r"|recommendation|vote)s?\b|\bwhat did .{1,60}"
        r"\b(?:decide|agree|resolve|approve|vote|recommend)\b|\bwhat happened to\b"
        r"|\bwas .{1,60}\b(?:approved|"
        r"agreed|carried(?! out)|refused|rejected|adopted|passed)\b|\bhow did .{1,40}\bvote\b"
        # 'By what vote did council award …?', 'What margin did it pass by?': the tally, a decision's
        r"|\b(?:by\s+)?(?:what|which)\s+(?:vote|margin|majority|tally)\b"
        # a consultee's stance on an application: objects, supports, no objection
        rf"|\b(?:view|views|stance|position|response|comments?|opinion)\b{_ON_APPLICATION}",
    ),
    (
        "status",
        r"\bstatus\b|\bprogress\b|\bhas .{1,60}\b(?:been )?(?:completed|delivered|achieved)\b"
        # 'How was the milestone rated?': a tracker's RAG rating ('SLIGHT SLIPPAGE', 'ON TRACK')
        r"|\bhow (?:was|is|were|are) .{1,150}\brated\b|\brag\b",
    ),
    (
        "list",
        r"^\s*(?:list|name)\b|\bwhat are (?:the|all)\b|\bwhich .+ (?:are|were)\b|\ball (?:the )?\w+s\b"
        # a noun that names several things asked by 'what': 'What common themes came out of …?'
        r"|\bwhat (?:(?:common|main|key|other|new)\s+)?(?:themes|priorities|actions|areas|issues|steps"
        r"|options|objectives|aims|risks)\b",
    ),
    # a percent sign naming the measure, not a figure's ('variance % above which an explanation is
    # required?', 'the % of care leavers in touch'): read last, as a ward or a name asked comes first
    ("percent", r"(?:^|\s)%(?=\W|$)"),
)

# A search typed as keywords ('menlo park rfp issue date', 'mukund shah votes acton precinct') has no
# question word to read: the noun that names a value says what is asked. Read only when no row above
# matched and the query asks nothing in a question's words.
KEYWORDS: tuple[tuple[str, str], ...] = (
    # 'polling day?' names a day as 'date' does; 'time the meeting adjourned?' a moment as 'start time'
    ("date", r"\b(?:date|deadline)s?\b(?<!up to date)|\b(?:polling|election|hearing|meeting) day\b"),
    (
        "time",
        r"\b(?:start|starting|finish|finishing|end|closing|opening|meeting) time\b|\btime "
        r"(?:the |that |it )?(?:[\w-]+ ){0,3}?"
        r"(?:adjourned|ended|finished|closed|started|began|commenced|opened)\b",
    ),
    ("percent", r"\b(?:percentage|per ?cent|percent|proportion)\b"),
    ("money", r"\b(?:amount|cost|costs|price|fees?|salary|spend|spent|paid)\b"),
    ("number", r"\b(?:number of|count|votes|total number)\b"),
    ("contact", r"\b(?:e-?mail|phone number|telephone|website|webinar id)\b"),
    ("place", r"\b(?:venue|location|address|ward)\b"),
    ("person", r"\b(?:mover|seconder|proposer)\b"),
    ("decision", r"\b(?:decision|decided|outcome|resolved|verdict)\b"),
)
