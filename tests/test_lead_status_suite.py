"""Planned and unsure lead events across the ways news leads say them (issue 24.4), scored as the eval scores them.

Every sentence here is the project's own (invented places, firms and people). Each stands as the first
paragraph of a short article, and the brief is made twice: by the rules alone (the ``none`` backend, as
``--ablation``) and from a scripted model answer that states the event plainly with status "confirmed", as
the embedded small model does (``summarize_from``: only the lead's answer is scripted). The lead event is
annotated as ``docs/annotation-guide.md`` says, and the brief passes when the topic set's scorer
(``evaluation/events.py``) would count it: an event whose evidence holds the annotated words, whose statement
shares a word with them, with a status the annotation allows (not "confirmed" for a planned or unsure one).
Negated and confirmed cases are controls: their event must keep the status they have.
"""

from __future__ import annotations

import json
from datetime import date
from functools import cache

import pytest

from summarizer.brief.engine import Summarizer
from summarizer.evaluation.annotations import GoldEvent
from summarizer.evaluation.events import expected, judges, planned_or_uncertain
from summarizer.evaluation.gold_topics import STATUS, locate
from summarizer.ingest.article import Article
from summarizer.schema import Brief
from tests.hostile_model_server import completion

PUBLISHED = date(2026, 3, 3)
FOLLOW_UP = {
    "en": "Residents reacted with surprise. More details were given to reporters later in the day.",
    "fr": "Les habitants ont réagi avec surprise. D'autres détails ont été donnés plus tard dans la journée.",
    "es": "Los vecinos reaccionaron con sorpresa. Otros detalles se dieron más tarde ese mismo día.",
    "de": "Die Anwohner reagierten überrascht. Weitere Einzelheiten wurden später am Tag bekannt.",
}
"""The article's second paragraph: plain past facts, so that only the lead can hold the event scored."""

# (lead sentence, the annotated event's words, its status, the model's plain statement)
Case = tuple[str, str, str, str]

PLANNED: list[Case] = [
    (
        "The owner of Calder City is in talks to sell a majority stake in the club to a group of investors.",
        "to sell a majority stake in the club",
        "planned",
        "Owner of Calder City in talks",
    ),
    (
        "The Queen of Orlin agreed on Monday to the request of the prime minister to suspend parliament for five "
        "weeks.",
        "to suspend parliament for five weeks",
        "planned",
        "Queen agreed to request of prime minister",
    ),
    (
        "Ann Orrel, the head of the Calder library, announced on Monday in an internal memo that she would be on "
        "leave until June.",
        "she would be on leave until June",
        "planned",
        "Ann Orrel announced in an internal memo",
    ),
    (
        "The Calder mayor is running for re-election next year, her office said.",
        "The Calder mayor is running for re-election next year",
        "planned",
        "Calder mayor runs for re-election",
    ),
    (
        "Voters in Orlin head to the polls on Sunday to elect a new council.",
        "Voters in Orlin head to the polls on Sunday",
        "planned",
        "Orlin voters head to the polls",
    ),
    (
        "The regional airline Skyhop will cut 300 jobs by the end of the year.",
        "Skyhop will cut 300 jobs",
        "planned",
        "Skyhop cuts 300 jobs",
    ),
    (
        "The Orlin city museum is to reopen its east wing in June after a two-year refit.",
        "museum is to reopen its east wing",
        "planned",
        "Orlin museum reopens east wing",
    ),
    (
        "Engineers are set to begin demolishing the old Varga bridge next month.",
        "Engineers are set to begin demolishing the old Varga bridge",
        "planned",
        "Engineers begin demolishing Varga bridge",
    ),
    (
        "The trial of former Brenton mayor Alan Fosse is due to start on Monday.",
        "The trial of former Brenton mayor Alan Fosse is due to start",
        "planned",
        "Trial of Alan Fosse starts Monday",
    ),
    (
        "The central bank of Norland is expected to raise interest rates on Thursday.",
        "The central bank of Norland is expected to raise interest rates",
        "planned",
        "Norland central bank raises interest rates",
    ),
    (
        "A mining company, Kestrel Metals, plans to open a lithium mine near Lake Arva.",
        "Kestrel Metals, plans to open a lithium mine",
        "planned",
        "Kestrel Metals opens lithium mine near Lake Arva",
    ),
    (
        "The health ministry of Tarvia intends to ban menthol cigarettes from next year.",
        "intends to ban menthol cigarettes",
        "planned",
        "Tarvia bans menthol cigarettes",
    ),
    (
        "Carmaker Velo Motors announced plans on Tuesday to build a battery plant in the north of the country.",
        "to build a battery plant",
        "planned",
        "Velo Motors builds battery plant",
    ),
    (
        "The launch of the Aurora-3 weather satellite is scheduled for Friday.",
        "The launch of the Aurora-3 weather satellite is scheduled",
        "planned",
        "Aurora-3 weather satellite launch on Friday",
    ),
    (
        "Elections to the Dunmore provincial assembly will be held on 12 May.",
        "Elections to the Dunmore provincial assembly will be held",
        "planned",
        "Dunmore assembly elections held on 12 May",
    ),
    (
        "Harwick Rovers are going to sell their stadium to the city council.",
        "Harwick Rovers are going to sell their stadium",
        "planned",
        "Harwick Rovers sell stadium to council",
    ),
    (
        "Governor Lena Ostrow has promised to rebuild every school damaged by the storm.",
        "promised to rebuild every school",
        "planned",
        "Lena Ostrow rebuilds every school damaged by storm",
    ),
    (
        "Residents of Pellham vowed on Sunday to fight the closure of their hospital in court.",
        "to fight the closure of their hospital",
        "planned",
        "Pellham residents fight hospital closure in court",
    ),
    (
        "A judge ordered the Crane Logistics company to pay two million dollars to former workers.",
        "to pay two million dollars to former workers",
        "planned",
        "Crane Logistics pays two million dollars to workers",
    ),
    (
        "A law setting lower speed limits near schools is set to take effect in March.",
        "is set to take effect",
        "planned",
        "Speed limit law takes effect in March",
    ),
    (
        "The transport minister of Esland said on Monday that the coastal rail line would reopen by the weekend.",
        "the coastal rail line would reopen",
        "planned",
        "Esland coastal rail line reopens by weekend",
    ),
    (
        "Dock workers at the port of Saltmere have threatened to strike over pay.",
        "threatened to strike",
        "planned",
        "Saltmere dock workers strike over pay",
    ),
    (
        "The Valdor city council approved a plan to build 500 homes on the former airfield.",
        "to build 500 homes",
        "planned",
        "Valdor builds 500 homes on former airfield",
    ),
    (
        "A second vaccination campaign against measles is planned for the autumn in the Kessel region.",
        "A second vaccination campaign against measles is planned",
        "planned",
        "Second measles vaccination campaign in autumn",
    ),
    (
        "Talks between the striking nurses and the hospital board are scheduled to resume on Wednesday.",
        "Talks between the striking nurses and the hospital board are scheduled to resume",
        "planned",
        "Talks between nurses and hospital board resume Wednesday",
    ),
    (
        "A decision on the Trelle wind farm is expected by the end of the month.",
        "A decision on the Trelle wind farm is expected",
        "planned",
        "Decision on Trelle wind farm by end of month",
    ),
    (
        "The leaders of Norland and Esland are to meet in Calder next month.",
        "The leaders of Norland and Esland are to meet",
        "planned",
        "Norland and Esland leaders meet in Calder",
    ),
    (
        "Strong winds are forecast to reach 120 kilometres per hour on the Marrow coast on Saturday.",
        "Strong winds are forecast to reach 120 kilometres per hour",
        "planned",
        "Strong winds reach 120 km/h on Marrow coast",
    ),
    (
        "The Ferris county government has proposed raising the property tax by two percent.",
        "proposed raising the property tax",
        "planned",
        "Ferris county raises property tax by two percent",
    ),
    (
        "Cyclist Mara Quill hopes to win the national title for a third time this summer.",
        "hopes to win the national title",
        "planned",
        "Mara Quill wins the national title",
    ),
    (
        "Brisk Bank is poised to buy its smaller rival Fenwick Savings for 800 million euros.",
        "Brisk Bank is poised to buy its smaller rival",
        "planned",
        "Brisk Bank buys Fenwick Savings",
    ),
    (
        "On Thursday, the Tarvian health ministry announced that it will begin vaccinating children next month.",
        "it will begin vaccinating children",
        "planned",
        "Tarvia begins vaccinating children",
    ),
    (
        "The Larkin festival opens next week in the old harbour of Castor.",
        "The Larkin festival opens next week",
        "planned",
        "Larkin festival opens in Castor harbour",
    ),
    (
        "The pop singer Dani Vell will headline the Summer Fields festival, organisers announced on Monday.",
        "Dani Vell will headline the Summer Fields festival",
        "planned",
        "Dani Vell headlines Summer Fields festival",
    ),
    (
        "Researchers at the University of Orlin aim to test the new malaria vaccine on 2,000 volunteers.",
        "aim to test the new malaria vaccine",
        "planned",
        "Orlin researchers test malaria vaccine on 2,000 volunteers",
    ),
    (
        "The ruling party's plan to merge the two northern provinces drew protests in both capitals on Saturday.",
        "plan to merge the two northern provinces",
        "planned",
        "Ruling party merges two northern provinces",
    ),
    (
        "Shareholders of Dorne Foods agreed to sell the company to a Danish dairy group.",
        "agreed to sell the company",
        "planned",
        "Dorne Foods shareholders sell company to Danish dairy group",
    ),
    (
        "The new Calder metro line is expected to carry 40,000 passengers a day when it opens in 2028.",
        "The new Calder metro line is expected to carry 40,000 passengers a day",
        "planned",
        "Calder metro line carries 40,000 passengers a day",
    ),
    (
        "The Esland football federation will appoint a new national coach before the spring qualifiers.",
        "will appoint a new national coach",
        "planned",
        "Esland federation appoints new national coach",
    ),
    # a participle that arranges its noun for a time, and what is to be done after "aimed at" (session 21)
    (
        "The Orlin council issued a summons for the harbour master, scheduled for next week.",
        "scheduled for next week",
        "planned",
        "Orlin council issues summons for harbour master",
    ),
    (
        "Varga Energy unveiled the Calder link, which is aimed at connecting the northern wind farms to the grid.",
        "connecting the northern wind farms to the grid",
        "planned",
        "Varga Energy unveils Calder link connecting wind farms to the grid",
    ),
]

UNSURE: list[Case] = [
    (
        "The Orlin car park has 2,000 spaces; reports said more than half of them were filled when the fire began.",
        "more than half of them were filled",
        "unclear",
        "Orlin car park has 2,000 spaces",
    ),
    (
        "Tom Varne faces up to ten years in prison if convicted of the Calder bank fraud.",
        "Tom Varne faces up to ten years in prison",
        "unclear",
        "Varne faces ten years in prison",
    ),
    (
        "Heavy rain may have caused the collapse of the old mill in Brenton.",
        "Heavy rain may have caused the collapse",
        "unclear",
        "Heavy rain caused collapse of old mill",
    ),
    (
        "The bird flu outbreak might spread to neighbouring farms, vets warned on Friday.",
        "The bird flu outbreak might spread to neighbouring farms",
        "unclear",
        "Bird flu outbreak spreads to neighbouring farms",
    ),
    (
        "The air traffic strike could delay thousands of flights across Esland this weekend.",
        "The air traffic strike could delay thousands of flights",
        "unclear",
        "Air traffic strike delays thousands of flights",
    ),
    (
        "The warehouse fire in Pellham was possibly started by a discarded cigarette.",
        "The warehouse fire in Pellham was possibly started",
        "unclear",
        "Warehouse fire started by discarded cigarette",
    ),
    (
        "Storm Ida is likely to reach the southern coast of Norland on Saturday.",
        "Storm Ida is likely to reach the southern coast",
        "unclear",
        "Storm Ida reaches southern coast of Norland",
    ),
    (
        "The stolen painting was probably taken to order by a private collector, police said.",
        "The stolen painting was probably taken to order",
        "unclear",
        "Stolen painting taken to order by collector",
    ),
    (
        "The driver of the bus appears to have lost control on the icy road near Varga.",
        "The driver of the bus appears to have lost control",
        "unclear",
        "Bus driver lost control on icy road",
    ),
    (
        "Police in Calder are investigating a suspected arson attack on a primary school.",
        "a suspected arson attack on a primary school",
        "unclear",
        "Arson attack on primary school in Calder",
    ),
    (
        "A former manager of Brisk Bank is accused of stealing four million euros from elderly clients.",
        "is accused of stealing four million euros",
        "alleged",
        "Former Brisk Bank manager stole four million euros",
    ),
    (
        "Two prison guards allegedly beat an inmate at the Saltmere jail last month.",
        "Two prison guards allegedly beat an inmate",
        "alleged",
        "Two prison guards beat an inmate at Saltmere jail",
    ),
    (
        "A 34-year-old man has been charged with setting fire to a church in Orlin.",
        "charged with setting fire to a church",
        "alleged",
        "Man set fire to church in Orlin",
    ),
    (
        "A nurse at a Kessel care home is suspected of poisoning three patients.",
        "is suspected of poisoning three patients",
        "alleged",
        "Kessel nurse poisoned three patients",
    ),
    (
        "Striker Tomas Reyne has reportedly agreed a move to a club in Spain.",
        "Tomas Reyne has reportedly agreed a move",
        "unclear",
        "Tomas Reyne agrees move to Spanish club",
    ),
    (
        "On Friday a man stabbed reportedly several shoppers at a market in Dorrin.",
        "a man stabbed reportedly several shoppers",
        "unclear",
        "Man stabbed several shoppers in Dorrin market",
    ),
    (
        "Dozens died in the blast at the Varno depot, reportedly set off by a gas leak.",
        "reportedly set off by a gas leak",
        "unclear",
        "Dozens died in blast at Varno depot",
    ),
    (
        "A man appeared in court in Orlin on Monday, charged with two counts of arson.",
        "charged with two counts of arson",
        "alleged",
        "Man appeared in court in Orlin",
    ),
    (
        "Fire officials in Kessel said they believed a faulty heater had started the blaze.",
        "a faulty heater had started the blaze",
        "unclear",
        "Faulty heater started Kessel blaze",
    ),
    (
        "Researchers at the Dorrin institute reported that the parasite may spread through tap water.",
        "the parasite may spread through tap water",
        "unclear",
        "Parasite spreads through tap water",
    ),
    (
        "By reports on Sunday, three of the Varna climbers died on the descent.",
        "three of the Varna climbers died",
        "unclear",
        "Three Varna climbers died on the descent",
    ),
    (
        "According to local media reports, the mayor of Castor resigned on Sunday evening.",
        "the mayor of Castor resigned",
        "unclear",
        "Castor mayor resigned on Sunday",
    ),
    (
        "Reports suggest the chemicals firm Aldane will close its plant in Ferris.",
        "Aldane will close its plant",
        "unclear",
        "Aldane closes Ferris plant",
    ),
    (
        "The singer Rosa Kell is said to be recovering in hospital after the crash.",
        "Rosa Kell is said to be recovering in hospital",
        "unclear",
        "Rosa Kell recovering in hospital",
    ),
    (
        "The gunman is believed to have fled across the border into Tarvia.",
        "The gunman is believed to have fled across the border",
        "unclear",
        "Gunman fled across border into Tarvia",
    ),
    (
        "The fire at the Dunmore town hall is thought to have started in the kitchen.",
        "The fire at the Dunmore town hall is thought to have started in the kitchen",
        "unclear",
        "Dunmore town hall fire started in kitchen",
    ),
    (
        "Unconfirmed reports said as many as 40 people were killed in the attack on the market.",
        "40 people were killed in the attack",
        "unclear",
        "40 people killed in market attack",
    ),
    (
        "At least 20 miners are feared trapped after a tunnel collapsed at the Grell mine.",
        "At least 20 miners are feared trapped",
        "unclear",
        "20 miners trapped at Grell mine",
    ),
    (
        "Five fishermen are feared dead after their boat capsized off Marrow Point.",
        "Five fishermen are feared dead",
        "unclear",
        "Five fishermen dead after boat capsized",
    ),
    (
        "The rebel group Red Dawn claimed responsibility for the bombing of a bridge near Varga.",
        "Red Dawn claimed responsibility for the bombing",
        "claimed",
        "Red Dawn responsible for bridge bombing",
    ),
    (
        "The airline Skyhop claimed that its planes had passed every safety check.",
        "its planes had passed every safety check",
        "claimed",
        "Skyhop planes passed every safety check",
    ),
    (
        "The Orlin tenants' association claims the new rent rules are unlawful.",
        "the new rent rules are unlawful",
        "claimed",
        "New rent rules unlawful, tenants say",
    ),
    (
        "Lawyers for the Calder council argued that the mayor had acted within her powers.",
        "the mayor had acted within her powers",
        "claimed",
        "Calder mayor acted within her powers",
    ),
    (
        "The Varnian government said the activist Ann Orrel was poisoned with a nerve agent. The Calder government "
        "dismissed the claim as groundless.",
        "the activist Ann Orrel was poisoned with a nerve agent",
        "claimed",
        "Ann Orrel poisoned with a nerve agent",
    ),
    (
        "Tom Varne, 23, pleaded not guilty on Tuesday to two counts of arson. According to police, Varne set fire to a "
        "warehouse in Orlin on May 2.",
        "Varne set fire to a warehouse in Orlin",
        "alleged",
        "Varne set fire to Orlin warehouse",
    ),
    (
        "The Varnian army called its strikes on the border posts defensive in nature.",
        "The Varnian army called its strikes on the border posts defensive",
        "claimed",
        "Varnian army called its strikes defensive",
    ),
    (
        "On Tuesday, Mayor Ann Orrel announced she had asked for the police chief's resignation. The chief gave a "
        "different account of events.",
        "she had asked for the police chief's resignation",
        "claimed",
        "Mayor asked for police chief's resignation",
    ),
    (
        "Reportedly, the Varga family said the singer was in intensive care after a fall.",
        "the singer was in intensive care after a fall",
        "unclear",
        "Singer in intensive care after a fall",
    ),
    (
        "Six of the region's towns were reportedly scheduled to send delegations to the Varne summit.",
        "were reportedly scheduled to send delegations to the Varne summit",
        "unclear",
        "Six towns send delegations to Varne summit",
    ),
    (
        "If the talks fail, the teachers' union will strike on Monday.",
        "the teachers' union will strike on Monday",
        "unclear",
        "Teachers' union strikes on Monday",
    ),
    (
        "A second runway would double the capacity of Calder airport, planners say.",
        "A second runway would double the capacity of Calder airport",
        "unclear",
        "Second runway doubles Calder airport capacity",
    ),
    (
        "Forecasters warned that the river Arva could burst its banks overnight.",
        "the river Arva could burst its banks",
        "unclear",
        "River Arva bursts its banks",
    ),
    (
        "The vote on the new stadium will likely be delayed until the spring.",
        "The vote on the new stadium will likely be delayed",
        "unclear",
        "Stadium vote delayed until spring",
    ),
    (
        "Former finance minister Karl Ebbe could face up to ten years in prison.",
        "Karl Ebbe could face up to ten years in prison",
        "unclear",
        "Karl Ebbe faces ten years in prison",
    ),
    (
        "Regulators are investigating whether Brisk Bank misled its investors.",
        "Brisk Bank misled its investors",
        "unclear",
        "Brisk Bank misled investors",
    ),
    (
        "The opposition accused the government of rigging the vote in three districts.",
        "rigging the vote in three districts",
        "alleged",
        "Government rigged the vote in three districts",
    ),
    (
        "Prosecutors allege that the firm Aldane hid losses from its auditors.",
        "the firm Aldane hid losses from its auditors",
        "alleged",
        "Aldane hid losses from auditors",
    ),
    (
        "Police said the man may have been armed when he entered the Calder bank.",
        "the man may have been armed",
        "unclear",
        "Man armed when entering Calder bank",
    ),
    (
        "The new drug seems to slow the progress of the disease in older patients, a study found.",
        "The new drug seems to slow the progress of the disease",
        "unclear",
        "New drug slows progress of disease",
    ),
    (
        "A cyberattack on the Norland tax office was apparently carried out by a foreign group.",
        "A cyberattack on the Norland tax office was apparently carried out",
        "unclear",
        "Cyberattack on Norland tax office carried out by foreign group",
    ),
    (
        "Two climbers are missing and presumed dead after an avalanche on Mount Kerr.",
        "presumed dead",
        "unclear",
        "Two climbers dead after avalanche",
    ),
    (
        "The Grell mine could reopen as early as next month, its owner said.",
        "The Grell mine could reopen",
        "unclear",
        "Grell mine reopens next month",
    ),
    # a hedge on a phrase with no verb of its own (session 20)
    (
        "The novelist Ada Brenn died on Sunday at her home in Calder, reportedly of heart failure.",
        "reportedly of heart failure",
        "unclear",
        "Novelist Ada Brenn died at home in Calder",
    ),
    (
        "The keeper was treated in hospital for burns over reportedly 40% of his body.",
        "reportedly 40% of his body",
        "unclear",
        "Keeper treated in hospital for burns",
    ),
    (
        "The former mayor of Orlin was jailed on Monday for taking allegedly illegal payments from builders.",
        "allegedly illegal payments from builders",
        "alleged",
        "Former Orlin mayor jailed for taking payments",
    ),
    (
        "The Varga ferry sank on Tuesday after a fire, apparently an electrical fault in its engine room.",
        "apparently an electrical fault in its engine room",
        "unclear",
        "Varga ferry sank after a fire",
    ),
    # what a thing might do, told in a relative clause with "could" or "may" (session 21)
    (
        "Orlin engineers unveiled a new road surface that could cut winter accidents by half.",
        "could cut winter accidents by half",
        "unclear",
        "Orlin engineers unveiled a new road surface",
    ),
    (
        "The court issued rulings which analysts say could change how Varga regulates ferries.",
        "could change how Varga regulates ferries",
        "unclear",
        "The court issued rulings",
    ),
    # a clause of purpose is what someone meant to bring about (session 20)
    (
        "The Orlin council raised parking fees on Monday so that it could repair the harbour roads.",
        "it could repair the harbour roads",
        "planned",
        "Orlin council raised parking fees",
    ),
    # what someone is suspected of is alleged; a hedged clause that shares its subject (session 20)
    (
        "A 40-year-old man was arrested on suspicion of arson after a fire at the Orlin library.",
        "on suspicion of arson",
        "alleged",
        "Man arrested after fire at Orlin library",
    ),
    (
        "Ann Brell, the suspect in a stabbing at a Calder bar, was released on bail on Friday.",
        "the suspect in a stabbing at a Calder bar",
        "alleged",
        "Ann Brell released on bail",
    ),
    (
        "The strike began at the port of Grell on Monday but has reportedly spread to two other ports.",
        "has reportedly spread to two other ports",
        "unclear",
        "Strike began at port of Grell",
    ),
    # what a noun's modifiers tell: a participle of charging or belief, a relative clause told as said, a noun
    # marked alleged after a preposition of inquiry, what a warning says is likely (session 23)
    (
        "A former nurse accused of poisoning four patients at the Orlin care home went on trial on Monday.",
        "accused of poisoning four patients",
        "alleged",
        "Former nurse went on trial",
    ),
    (
        "Officer Ray Holt was shot in Calder on Friday by a prisoner, suspected to be 23-year-old Tom Varne.",
        "suspected to be 23-year-old Tom Varne",
        "alleged",
        "Officer Ray Holt was shot",
    ),
    (
        "Nine people were taken to the Brenton hospital, where two are said to be in a critical condition.",
        "two are said to be in a critical condition",
        "unclear",
        "Nine people taken to hospital",
    ),
    (
        "The Calder council opened an inquiry into alleged fraud at the Orlin water board on Monday.",
        "alleged fraud",
        "alleged",
        "Council opened inquiry",
    ),
    (
        "Shares in Grell Mining fell on Wednesday after the company warned that profits were likely to fall.",
        "profits were likely to fall",
        "unclear",
        "Shares in Grell Mining fell",
    ),
    (
        "Hundreds of residents of Brenton, fearing the river would burst its banks, left their homes overnight.",
        "the river would burst its banks",
        "unclear",
        "Residents of Brenton left their homes",
    ),
    (
        "Shares in Calder fell sharply on Monday amid fears that the central bank would raise interest rates again.",
        "the central bank would raise interest rates again",
        "unclear",
        "Shares in Calder fell",
    ),
    (
        "Orlin City moved to the top of the table on Saturday and could clinch the title with a win next week.",
        "could clinch the title with a win next week",
        "unclear",
        "Orlin City moved to the top of the table",
    ),
    (
        "The knee injury means the Orlin captain could miss the start of the season.",
        "the Orlin captain could miss the start of the season",
        "unclear",
        "Orlin captain injured his knee",
    ),
    (
        "Two men believed to be brothers were detained at the Orlin border post on Sunday.",
        "believed to be brothers",
        "unclear",
        "Two men were detained at the Orlin border post",
    ),
]

CONTROLS: list[Case] = [
    (
        "Sales at the Orlin brewery rose five percent last year if compared to the year before.",
        "Sales at the Orlin brewery rose five percent last year",
        "confirmed",
        "Orlin brewery sales rose five percent",
    ),
    (
        "The Orlin police are searching for the gunman who shot a guard at the Calder bank.",
        "The Orlin police are searching for the gunman",
        "confirmed",
        "Orlin police search for gunman",
    ),
    (
        "The Orlin football club called its new stadium the Orlin Arena.",
        "The Orlin football club called its new stadium the Orlin Arena",
        "confirmed",
        "Orlin club called its new stadium Orlin Arena",
    ),
    (
        "According to police, the bus driver Tom Varne was taken to hospital after the crash in Calder.",
        "the bus driver Tom Varne was taken to hospital",
        "confirmed",
        "Bus driver taken to hospital after Calder crash",
    ),
    (
        "The Orlin region has the most flu cases in the country, with the next highest region, Calder, far behind.",
        "The Orlin region has the most flu cases in the country",
        "confirmed",
        "Orlin region has most flu cases",
    ),
    (
        "The Varne Ferry company claims its new ferry will enter service in May.",
        "its new ferry will enter service in May",
        "planned",
        "Varne Ferry's new ferry enters service in May",
    ),
    (
        "The Orlin police said the two men fled the scene in a stolen van.",
        "the two men fled the scene in a stolen van",
        "confirmed",
        "Two men fled the scene in a stolen van",
    ),
    (
        "The injured driver was in intensive care at the Calder clinic on Tuesday.",
        "The injured driver was in intensive care",
        "confirmed",
        "Injured driver in intensive care",
    ),
    (
        "The Calder club signed a striker on Monday who could score twenty goals a season.",
        "The Calder club signed a striker",
        "confirmed",
        "Calder club signed a striker",
    ),
    (
        "The Varga ferry sank on Tuesday after a fire, an electrical fault in its engine room.",
        "The Varga ferry sank",
        "confirmed",
        "Varga ferry sank after a fire",
    ),
    (
        "No one was injured in the blaze at the Pellham warehouse.",
        "No one was injured",
        "denied",
        "No one injured in Pellham warehouse blaze",
    ),
    (
        "The minister denied that she had accepted gifts from the developer.",
        "she had accepted gifts from the developer",
        "denied",
        "Minister accepted gifts from developer",
    ),
    (
        "The Esland president will not attend the summit in Calder.",
        "The Esland president will not attend the summit",
        "denied",
        "Esland president skips Calder summit",
    ),
    (
        "Police in Orlin arrested a man who reportedly fled a checkpoint on Tuesday.",
        "Police in Orlin arrested a man",
        "confirmed",
        "Orlin police arrested a man",
    ),
    (
        "Police arrested a suspected drug dealer in Orlin on Tuesday.",
        "Police arrested a suspected drug dealer",
        "confirmed",
        "Police arrested drug dealer in Orlin",
    ),
    (
        "The union signed an agreement with the Dorne Foods board on Friday.",
        "The union signed an agreement",
        "confirmed",
        "Union signed agreement with Dorne Foods board",
    ),
    (
        "Ferry operator Blue Line said on Monday that 3,000 passengers travelled on its new route last month.",
        "3,000 passengers travelled on its new route",
        "confirmed",
        "3,000 passengers travelled on new route",
    ),
    (
        "The Harwick Rovers captain scored twice as his side won the cup final.",
        "The Harwick Rovers captain scored twice",
        "confirmed",
        "Harwick Rovers captain scored twice",
    ),
    (
        "The Calder city council voted on Tuesday to close two libraries, officials said.",
        "The Calder city council voted",
        "confirmed",
        "Calder council voted on library closures",
    ),
]

OTHER_LANGUAGES: list[tuple[str, Case]] = [
    (
        "fr",
        (
            "La mairie de Vernac va fermer la piscine municipale en juin.",
            "va fermer la piscine",
            "planned",
            "La mairie de Vernac ferme la piscine municipale",
        ),
    ),
    (
        "fr",
        (
            "Le nouveau pont sur la Lisse sera inauguré le 3 avril.",
            "sera inauguré",
            "planned",
            "Le nouveau pont sur la Lisse inauguré le 3 avril",
        ),
    ),
    (
        "fr",
        (
            "Le suspect aurait tué deux personnes dans un bar de Vernac.",
            "aurait tué deux personnes",
            "alleged",
            "Le suspect a tué deux personnes",
        ),
    ),
    (
        "fr",
        (
            "La grève pourrait durer jusqu'à la fin du mois.",
            "La grève pourrait durer",
            "unclear",
            "La grève dure jusqu'à la fin du mois",
        ),
    ),
    (
        "fr",
        (
            "Le groupe Aldane prévoit de supprimer 200 emplois dans la région.",
            "supprimer 200 emplois",
            "planned",
            "Aldane supprime 200 emplois",
        ),
    ),
    (
        "es",
        (
            "El Gobierno de Tarvia subirá el salario mínimo en enero.",
            "subirá el salario mínimo",
            "planned",
            "El Gobierno de Tarvia sube el salario mínimo",
        ),
    ),
    (
        "es",
        (
            "La empresa Aldane va a cerrar su fábrica de Ferris el próximo año.",
            "va a cerrar su fábrica",
            "planned",
            "Aldane cierra su fábrica de Ferris",
        ),
    ),
    (
        "es",
        (
            "El incendio pudo haber sido provocado por un cortocircuito.",
            "pudo haber sido provocado",
            "unclear",
            "El incendio fue provocado por un cortocircuito",
        ),
    ),
    (
        "es",
        (
            "El exalcalde habría recibido sobornos de una constructora.",
            "habría recibido sobornos",
            "alleged",
            "El exalcalde recibió sobornos de una constructora",
        ),
    ),
    (
        "es",
        (
            "Nadie resultó herido en la explosión de la planta química.",
            "Nadie resultó herido",
            "denied",
            "Nadie herido en la explosión",
        ),
    ),
    (
        "de",
        (
            "Die Stadt Velden wird das alte Hallenbad im Herbst schließen.",
            "wird das alte Hallenbad im Herbst schließen",
            "planned",
            "Velden schließt das alte Hallenbad",
        ),
    ),
    (
        "de",
        (
            "Der Verdächtige soll zwei Autos gestohlen haben.",
            "soll zwei Autos gestohlen haben",
            "alleged",
            "Der Verdächtige hat zwei Autos gestohlen",
        ),
    ),
    (
        "de",
        (
            "Der Streik könnte bis Ende des Monats dauern.",
            "könnte bis Ende des Monats dauern",
            "unclear",
            "Der Streik dauert bis Ende des Monats",
        ),
    ),
    (
        "de",
        (
            "Niemand wurde bei dem Brand in der Fabrik verletzt.",
            "Niemand wurde bei dem Brand in der Fabrik verletzt",
            "denied",
            "Niemand wurde bei dem Brand verletzt",
        ),
    ),
]

MIXED: list[Case] = [
    (
        "On Tuesday, the Esland rail authority announced a new timetable: night trains are to run between Calder "
        "and Orlin from June.",
        "night trains are to run between Calder and Orlin",
        "planned",
        "Esland rail authority announced a new timetable",
    ),
    (
        "The Brenton council approved its budget on Monday, and new parking fees will take effect in May.",
        "new parking fees will take effect",
        "planned",
        "Brenton council approved its budget",
    ),
    (
        "Police arrested two men in Varga on Sunday, while a third suspect is believed to have fled the country.",
        "a third suspect is believed to have fled the country",
        "unclear",
        "Police arrested two men in Varga",
    ),
    (
        "Dorne Foods reported record profits for the year, and the firm plans to open 40 new stores in 2027.",
        "the firm plans to open 40 new stores",
        "planned",
        "Dorne Foods reported record profits",
    ),
]
"""A sure event and a planned or unsure one in the same sentence; the model states only the sure one, as the small
model often does, and the other must still be the lead's."""

GRAMMAR: list[Case] = [
    (
        "The first hearing in the fraud case against Doran Pell is May 4.",
        "The first hearing in the fraud case against Doran Pell is May 4",
        "planned",
        "First hearing in Doran Pell fraud case",
    ),
    (
        "The final vote on the Calder harbour plan is on Thursday.",
        "The final vote on the Calder harbour plan is on Thursday",
        "planned",
        "Final vote on Calder harbour plan",
    ),
    (
        "The accusation of bribery was denied by Marta Kells, a lawyer for the Orlin council.",
        "The accusation of bribery was denied by Marta Kells",
        "denied",
        "Marta Kells and the accusation of bribery",
    ),
    (
        "A young hiker was reported missing by her family on Friday night near Lake Arva.",
        "A young hiker was reported missing by her family",
        "confirmed",
        "Hiker reported missing near Lake Arva",
    ),
    (
        "On Monday the Tarvian government ordered the broadcaster Radio Kell to stop transmitting.",
        "the Tarvian government ordered the broadcaster Radio Kell",
        "confirmed",
        "Tarvian government ordered Radio Kell",
    ),
    (
        "The Varga mayor is said to be considering a run for the national parliament.",
        "is said to be considering a run",
        "unclear",
        "Varga mayor considers run for parliament",
    ),
    (
        "Two climbers were feared dead after an avalanche on Mount Orlo.",
        "Two climbers were feared dead",
        "unclear",
        "Two climbers dead after avalanche on Mount Orlo",
    ),
    (
        "The injured driver has been moved to a clinic in Orlin and is stable, the report said.",
        "The injured driver has been moved to a clinic",
        "confirmed",
        "Injured driver moved to Orlin clinic",
    ),
    (
        "According to a report on Monday by Kestrel Labs, a security firm, three servers holding customer files of "
        "Dorne Foods were exposed online.",
        "three servers holding customer files of Dorne Foods were exposed online",
        "confirmed",
        "Three servers with Dorne Foods customer files exposed",
    ),
    (
        "According to local media reports, three servers holding customer files of Dorne Foods were exposed online.",
        "three servers holding customer files of Dorne Foods were exposed online",
        "unclear",
        "Three servers with Dorne Foods customer files exposed",
    ),
    (
        "On Monday the Tarvian transport minister announced that electric scooters would be banned from pavements. "
        "The ban, meant to protect walkers, would apply to rented scooters as well as private ones.",
        "The ban, meant to protect walkers, would apply to rented scooters",
        "planned",
        "Scooter ban applies to rented scooters",
    ),
    (
        "Electric scooters are popular with students in Calder. A ban would hurt the firms that rent them out.",
        "A ban would hurt the firms",
        "unclear",
        "Ban hurts scooter firms",
    ),
    (
        "The Brenton election was held on May 4.",
        "The Brenton election was held",
        "confirmed",
        "Brenton election held",
    ),
    (
        "Not even one candidate in the Varga mayoral race stood unopposed this year.",
        "Not even one candidate in the Varga mayoral race stood unopposed",
        "denied",
        "Candidate in Varga mayoral race stood unopposed",
    ),
    (
        "Not a single shot was fired during the six-hour standoff at the Calder depot.",
        "Not a single shot was fired",
        "denied",
        "Shot fired during Calder depot standoff",
    ),
    (
        "Police in Orlin detained a youth football coach on Sunday after an allegation he hit a player during training.",
        "he hit a player during training",
        "alleged",
        "Police in Orlin detained a youth football coach",
    ),
    (
        "The Kestrel cargo drone was built two years ago and could reportedly carry medical supplies to remote villages.",
        "could reportedly carry medical supplies to remote villages",
        "unclear",
        "The Kestrel cargo drone was built two years ago",
    ),
    (
        "Police in Orlin detained a youth football coach on Sunday after an allegation that was made by two parents.",
        "Police in Orlin detained a youth football coach",
        "confirmed",
        "Police in Orlin detained a youth football coach",
    ),
    (
        "Dorne Foods founder Lena Maris was sentenced by a Calder judge to four years in prison and to also repay "
        "2 million dollars to investors.",
        "to also repay 2 million dollars to investors",
        "planned",
        "Lena Maris sentenced to four years in prison",
    ),
    (
        "A Calder judge on Friday sentenced the Dorne Foods founder to repay 2 million dollars to investors.",
        "to repay 2 million dollars to investors",
        "planned",
        "Calder judge sentenced Dorne Foods founder",
    ),
    (
        "Dorne Foods founder Lena Maris was sentenced to four years in prison on Friday.",
        "Lena Maris was sentenced to four years in prison",
        "confirmed",
        "Lena Maris sentenced to four years in prison",
    ),
    (
        "Not all of the fishermen's claims against the Orlin port were upheld by the court.",
        "Not all of the fishermen's claims against the Orlin port were upheld",
        "confirmed",
        "Fishermen's claims against Orlin port upheld",
    ),
    (
        "The Varga reservoir was finished in May and can hold enough water for two dry summers.",
        "The Varga reservoir was finished in May",
        "confirmed",
        "Varga reservoir finished in May",
    ),
]
"""Grammar that marks or unmarks a status without a modal: a date given in the present tense ("is May 4") is still
to come; a passive denial with its denier denies its subject; a passive "report" of a state tells that the report
was made; a past order is done; a report whose author is named or that is already identified ("the report said")
vouches for what it tells; a "would" sentence that carries on a past report of a plan is still that plan; a negated
count before a party ("not even one candidate", "not a single shot") denies; the clause a noun of allegation holds ("an
allegation he hit") is alleged; a joined verb with a modal and a hedge ("and could reportedly carry") is unsure.
Controls: a hedging "is said to", a "feared dead", unsourced media reports, a "would" of condition after no report,
a past date, an allegation told of in a relative clause of its own, a joined modal of capacity with no hedge, a
prison term (the sentencing is done), "not all" (some were)."""

ENGLISH = PLANNED + UNSURE + CONTROLS + MIXED + GRAMMAR

KNOWN_MISSES = {
    "Le groupe Aldane prévoit de supprimer 200 emplois dans la région.": "the French parse takes 'Aldane prévoit' for "
    "a name, so 'supprimer' has no governing verb",
    "Nadie resultó herido en la explosión de la planta química.": "the statement names 'herido', an adjective; the "
    "Spanish reader anchors on verbs only",
}
"""Cases that still fail, each with why: strict, so a fix shows up as an unexpected pass."""


def _cases(cases: list[Case]) -> list[object]:
    return [
        pytest.param(*case, marks=pytest.mark.xfail(strict=True, reason=KNOWN_MISSES[case[0]]))
        if case[0] in KNOWN_MISSES
        else pytest.param(*case)
        for case in cases
    ]


def _languages() -> list[object]:
    return [
        pytest.param(language, case, marks=pytest.mark.xfail(strict=True, reason=KNOWN_MISSES[case[0]]))
        if case[0] in KNOWN_MISSES
        else pytest.param(language, case)
        for language, case in OTHER_LANGUAGES
    ]


@cache
def _engine() -> Summarizer:
    return Summarizer(model="none")


def _article(sentence: str, language: str) -> Article:
    return Article(text=f"{sentence}\n\n{FOLLOW_UP[language]}", language=language, published=PUBLISHED)


def _scripted(article: Article, statement: str) -> Brief:
    """The brief from a model answer that states the lead event plainly, as told, citing the lead sentence."""
    draft = {
        "h": statement[:70],
        "sm": statement,
        "ppl": [],
        "org": [],
        "plc": [],
        "what": [{"e": statement[:60], "st": "confirmed", "s": [1]}],
        "src": [],
        "tm": [],
    }
    return _engine().summarize_from(article, completion(json.dumps(draft), "scripted", 400)).brief


def _kept(brief: Brief, text: str, words: str, status: str) -> bool:
    """As the topic set's scorer counts it: an event judged by the annotated words, with a status they allow."""
    certainty, polarity, time = STATUS[status]
    mention = GoldEvent(
        **locate(text, words).model_dump(), certainty=certainty, polarity=polarity, time=time, verb=True
    )
    allowed = expected(mention) - ({"confirmed"} if planned_or_uncertain(mention) else set())
    return any(judges(event, [mention]) and str(event.status) in allowed for event in brief.what)


def _shown(brief: Brief) -> list[tuple[str, str]]:
    return [(e.description, str(e.status)) for e in brief.what]


@pytest.mark.parametrize(("sentence", "words", "status", "statement"), _cases(ENGLISH))
def test_rules_alone_keep_the_lead_event_with_its_status(
    sentence: str, words: str, status: str, statement: str
) -> None:
    article = _article(sentence, "en")
    brief = _engine().summarize(article)
    assert _kept(brief, article.text, words, status), _shown(brief)


@pytest.mark.parametrize(("sentence", "words", "status", "statement"), _cases(ENGLISH))
def test_a_plain_model_statement_gets_the_status_the_lead_gives(
    sentence: str, words: str, status: str, statement: str
) -> None:
    article = _article(sentence, "en")
    brief = _scripted(article, statement)
    assert _kept(brief, article.text, words, status), _shown(brief)


@pytest.mark.parametrize(("language", "case"), _languages())
def test_other_languages_read_the_status_of_a_plain_model_statement(language: str, case: Case) -> None:
    sentence, words, status, statement = case
    article = _article(sentence, language)
    brief = _scripted(article, statement)
    assert _kept(brief, article.text, words, status), _shown(brief)


def test_the_suite_is_broad() -> None:
    """At least 60 English leads, a third of them unsure or alleged, and a smaller set in each other language."""
    assert len(ENGLISH) >= 60 and len(UNSURE) >= 20
    assert {language for language, _ in OTHER_LANGUAGES} == {"fr", "es", "de"}
