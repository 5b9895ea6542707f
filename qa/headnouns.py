"""Nouns that end a capitalised run naming a body, a place, a paper or a matter, never a person."""

from __future__ import annotations

# A run ending in a body's noun names the body ('Derby City Council', 'Granite Rock Company').
ORG_NOUN = (
    r"(?:Council|Trust|Club|FM|Partnership|Board|Committee|Group|Ltd|Limited|Inc|LLP|PLC|Company|Association"
    r"|Authority|Police|University|College|School|Academy|Department|Agency|Commission|Service|Services"
    r"|Society|Foundation|Alliance|Network|Bank|Corporation|Party|Charity|Forum|NHS|Hospital|Railway|Team"
    r"|Directorate|Unit|Union|Resources)"
)
# A run ending in a building's, a room's or a street's noun names a place ('Warspite Room'); a hub is where
# families or staff go ('their nearest Wellbeing Hub').
PLACE_NOUN = (
    r"(?:Rooms?|Chambers?|Hall|House|Centre|Center|Library|Building|Offices|Park|Stadium|Church|Pavilion|Suite"
    r"|Street|Road|Lane|Avenue|Square|Ground|Arena|Hotel|Theatre|Annex|Annexe|Hubs?|Rd|Ave|Blvd|Hwy|Drive"
    r"|Crescent|Boulevard|Highway|Parkway)"
)
# A street's noun, after its name and a house number ('10 Shilton Garth Close', '6109 Maple Street').
STREET_NOUN = (
    r"Street|St|Road|Rd|Lane|Ln|Avenue|Ave|Close|Drive|Dr|Way|Court|Ct|Crescent|Gardens|Terrace|Boulevard"
    r"|Blvd|Place|Grove|Row|Mews|Walk|Parkway|Highway|Hwy"
)
# A run ending in a meeting's or a paper's noun names an occasion or a document ('City Council Meetings').
PAPER_NOUN = r"Meetings?|Sessions?|Hearings?|Minutes|Agendas?|Reports?|Notices?|Bulletins?"
# A run ending in a noun of work, money or rules names a matter, as title-case agendas print their items
# ('Utility Improvements', 'Award Construction Contract'); none is a surname people commonly bear.
MATTER_NOUN = (
    r"Improvements?|Contracts?|Budgets?|Projects?|Programm?es?|Programs|Schemes?|Works|Polic(?:y|ies)"
    r"|Strateg(?:y|ies)|Procedures?|Agreements?|Updates?|Reviews?|Proposals?|Applications?|Statements?"
    r"|Funds?|Grants|Limits?|Appropriations?|Assessments?|Standards?|Regulations?|Resolutions?|Amendments?"
    r"|Ordinances?|Permits?|Licen[cs]es?|Requests?|Items?|Matters|Issues|Recommendations?|Approvals?"
    r"|Awards?|Purchases?|Plans?|Calendar|Estimates?|Forecasts?|Schedules?|Contributions?|Allocations?"
    r"|Priorities|Objectives?|Targets?|Indicators?|Outcomes?|Charges?|Fees|Taxes|Precepts?|Reserves?"
    r"|Expenditure|Income|Revenues?|Costs?|Payments?|Invoices?|Facilities|Infrastructure|Maintenance"
    r"|Repairs?|Upgrades?|Replacements?|Construction|Development|Studies|Analysis|Surveys?|Audits?"
    r"|Inspections?|Consultations?|Training|Safety|Security|Housing|Transportation|Parking|Lighting"
    r"|Drainage|Utilit(?:y|ies)|Equipment|Vehicles?|Systems?|Software"
)
