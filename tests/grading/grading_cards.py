"""Cards the grading tests share, built with the model's own constructors (no deck files)."""

from __future__ import annotations

from quiz.model import (
    Answer,
    Choice,
    ChoiceCard,
    ClozeCard,
    ClozeGap,
    DateAnswer,
    DateCard,
    FlashCard,
    MatchCard,
    MultiCard,
    NumericAnswer,
    NumericBound,
    NumericCard,
    OrderCard,
    PartialDate,
    ShortCard,
    TrueFalseCard,
)

PREMIER = ShortCard(
    id="premier",
    question="Which Chinese Premier did Putin meet?",
    answers=(
        Answer("Li Qiang"),
        Answer("Premier Li Qiang"),
        Answer("Li", 0.5, "Full name, please"),
        Answer("Li Keqiang", 0.0, "He was premier until 2023"),
    ),
)
STATEMENT = ShortCard(id="statement", question="What document?", answers=(Answer("a joint statement"),))
PARENS = ShortCard(id="parens", question="Who?", answers=(Answer("(Chinese) Premier Li Qiang"),))
CITY = ShortCard(
    id="city", question="Which city?", answers=(Answer("Harbin"), Answer("Peking", 0.0, "That is Beijing"))
)
SHORT_WORD = ShortCard(id="short-word", question="Which river?", answers=(Answer("Amur"),))
LONG_NAME = ShortCard(
    id="long-name", question="Which exposition?", answers=(Answer("trade and investment exposition"),)
)
CODE = ShortCard(id="code", question="Which group?", answers=(Answer("G20"),))
ACRONYM = ShortCard(id="acronym", question="Which bloc?", answers=(Answer("BRICS"),))
YEAR_TEXT = ShortCard(id="year-text", question="Which year?", answers=(Answer("1949"),))
EXACT = ShortCard(id="exact", question="Spell it exactly", answers=(Answer("Xi Jinping"),), exact=True)
CASED = ShortCard(id="cased", question="Chemical symbol?", answers=(Answer("Co"),), case_sensitive=True)
NO_TYPOS = ShortCard(id="no-typos", question="Name?", answers=(Answer("Vladimir Putin"),), typos=False)
LEADERS = ShortCard(id="leaders", question="Who?", answers=(Answer("Xi Jinping and Li Qiang"),), any_order=True)
PLACES = ShortCard(id="places", question="Where?", answers=(Answer("China and Hong Kong"),), any_order=True)
TERM = ShortCard(
    id="term", question="Which term?", answers=(Answer("fourth"), Answer("4th"), Answer("4"), Answer("fourth term"))
)

TRADE = NumericCard(
    id="trade",
    question="How large was trade in 2023?",
    answers=(NumericAnswer(value=240.1, tolerance=0.05),),
    unit="billion USD",
)
ENTITIES = NumericCard(
    id="entities",
    question="More than how many entities?",
    answers=(NumericAnswer(value=280),),
    unit="entities",
    bound=NumericBound.AT_LEAST,
)
ENTITIES_RANGE = NumericCard(
    id="entities-range", question="How many entities?", answers=(NumericAnswer(low=280),), unit="entities"
)
YEARS = NumericCard(id="years", question="How many years?", answers=(NumericAnswer(value=75),), unit="years")
SHARE = NumericCard(id="share", question="What share?", answers=(NumericAnswer(value=45, tolerance=1),), unit="%")
RANGE = NumericCard(id="range", question="Roughly?", answers=(NumericAnswer(low=10, high=20),))
AT_MOST = NumericCard(
    id="at-most", question="Up to?", answers=(NumericAnswer(value=50),), unit="people", bound=NumericBound.AT_MOST
)
WEIGHTED = NumericCard(
    id="weighted",
    question="Trade?",
    answers=(
        NumericAnswer(value=240.1, tolerance=0.05),
        NumericAnswer(value=240, tolerance=1, weight=0.5, feedback="Close: 240.1 exactly"),
        NumericAnswer(value=190, tolerance=1, weight=0.0, feedback="That was 2021"),
    ),
    unit="billion USD",
)
BIG = NumericCard(id="big", question="Population?", answers=(NumericAnswer(value=1000),))

VISIT_DAYS = DateCard(
    id="visit-days",
    question="Which dates?",
    answer=DateAnswer(PartialDate(None, 5, 16), PartialDate(None, 5, 17)),
)
VISIT_DAYS_2024 = DateCard(
    id="visit-2024",
    question="Which dates?",
    answer=DateAnswer(PartialDate(2024, 5, 16), PartialDate(2024, 5, 17)),
)
NO_LIMITS = DateCard(id="no-limits", question="Which month?", answer=DateAnswer(PartialDate(2022, 2)))
RECOGNITION = DateCard(id="recognition", question="Which year?", answer=DateAnswer(PartialDate(1949)))
DAY = DateCard(id="day", question="Which day?", answer=DateAnswer(PartialDate(2024, 4, 3)))
BIRTHDAY = DateCard(id="birthday", question="Which day of the year?", answer=DateAnswer(PartialDate(None, 10, 7)))

CITY_CHOICE = ChoiceCard(
    id="city-choice",
    question="Which city?",
    choices=(
        Choice("Harbin", 1.0),
        Choice("Shanghai"),
        Choice("Dalian"),
        Choice("Beijing", 0.0, "Beijing is the capital"),
    ),
)
NEAR_CHOICES = ChoiceCard(
    id="near-choices", question="Who?", choices=(Choice("Li Qiang", 1.0), Choice("Li Keqiang"), Choice("Xi Jinping"))
)
YEAR_CHOICES = ChoiceCard(
    id="year-choices", question="When?", choices=(Choice("1991"), Choice("1949", 1.0), Choice("1950"))
)
PARTIAL_CHOICE = ChoiceCard(
    id="partial-choice", question="Best?", choices=(Choice("best", 1.0), Choice("good", 0.5, "Nearly"), Choice("bad"))
)
AGENDA = MultiCard(
    id="agenda",
    question="Which apply?",
    choices=(
        Choice("bilateral relations", 1 / 3),
        Choice("cooperation across various sectors", 1 / 3),
        Choice("global and regional issues", 1 / 3),
        Choice("a new arms treaty", -1 / 3, "Not on the agenda"),
        Choice("a space mission", -1 / 3),
    ),
)
FREE_WRONG = MultiCard(
    id="free-wrong",
    question="Which apply?",
    choices=(Choice("right one", 0.5), Choice("right two", 0.5), Choice("no cost")),
)
FELL = TrueFalseCard(
    id="fell", question="Trade fell in 2023.", answer=False, feedback_correct="Indeed", feedback_wrong="It rose"
)
FIRST_TRIP = TrueFalseCard(id="first-trip", question="It was his first trip.", answer=True)

TIMELINE = OrderCard(
    id="timeline",
    question="Earliest first",
    items=("recognition 1949", "no limits 2022", "record trade 2023", "visit 2024"),
)
ROLES = MatchCard(
    id="roles",
    question="Match",
    pairs=(
        ("Vladimir Putin", "Russian President"),
        ("Xi Jinping", "Chinese President"),
        ("Li Qiang", "Chinese Premier"),
    ),
    distractors=("Foreign Minister",),
)
TRADE_CLOZE = ClozeCard(
    id="trade-cloze",
    question="Fill in the gaps.",
    text=(
        "Trade reached {{$240.1 billion}} in {{2023}}; Russia became the top {{crude oil|oil}} supplier"
        " after {{February 2022}}."
    ),
    gaps=(
        ClozeGap(1, "$240.1 billion"),
        ClozeGap(2, "2023"),
        ClozeGap(3, "crude oil", ("oil",)),
        ClozeGap(4, "February 2022"),
    ),
)
PREMIER_CLOZE = ClozeCard(
    id="premier-cloze", question="", text="Putin met {{Li Qiang}}.", gaps=(ClozeGap(1, "Li Qiang"),)
)
NO_LIMITS_FLASH = FlashCard(
    id="no-limits-flash", question="The “no limits” partnership", back="Declared in February 2022", reverse=True
)

ALL_CARDS = (
    PREMIER, STATEMENT, PARENS, CITY, SHORT_WORD, LONG_NAME, CODE, ACRONYM, YEAR_TEXT, EXACT, CASED, NO_TYPOS, LEADERS,
    PLACES, TERM, TRADE, ENTITIES, ENTITIES_RANGE, YEARS, SHARE, RANGE, AT_MOST, WEIGHTED, BIG, VISIT_DAYS,
    VISIT_DAYS_2024, NO_LIMITS, RECOGNITION, DAY, BIRTHDAY, CITY_CHOICE, NEAR_CHOICES, YEAR_CHOICES, PARTIAL_CHOICE,
    AGENDA, FREE_WRONG, FELL, FIRST_TRIP, TIMELINE, ROLES, TRADE_CLOZE, PREMIER_CLOZE, NO_LIMITS_FLASH,
)  # fmt: skip
