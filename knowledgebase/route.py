"""The support-route guide ('Het gaat niet goed op school. Wat nu?'): answers in, a personal route out.

Nothing is stored. The answers travel as short codes in the query string (s=po&w=thuis&d=lang&o=nee&e=weet&g=l&g=i)
so that the result has a shareable, printable URL without any personal data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.http import QueryDict
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

QUESTIONS: dict[str, tuple[Promise, list[tuple[str, Promise]]]] = {
    "s": (
        _("Naar welke school gaat je kind?"),
        [("po", _("Basisschool (primair onderwijs)")), ("vo", _("Middelbare school (voortgezet onderwijs)"))],
    ),
    "w": (
        _("Gaat je kind nu naar school?"),
        [
            ("school", _("Ja, mijn kind gaat naar school")),
            ("deels", _("Soms, mijn kind gaat een deel van de tijd")),
            ("thuis", _("Nee, mijn kind zit thuis")),
        ],
    ),
    "d": (
        _("Hoe lang is je kind al (deels) thuis?"),
        [("kort", _("Vier weken of korter")), ("lang", _("Langer dan vier weken"))],
    ),
    "o": (
        _("Heeft je kind een OPP (ontwikkelingsperspectief)?"),
        [("ja", _("Ja")), ("nee", _("Nee")), ("weet", _("Dat weet ik niet"))],
    ),
    "e": (
        _("Heeft de school extra ondersteuning aangevraagd, zoals een arrangement of een TLV?"),
        [("ja", _("Ja")), ("nee", _("Nee")), ("weet", _("Dat weet ik niet"))],
    ),
    "g": (
        _("Met wie heb je al gepraat of wat heb je al gedaan?"),
        [
            ("l", _("Met de leraar of mentor")),
            ("i", _("Met de IB'er of zorgcoördinator")),
            ("d", _("Met de directeur")),
            ("b", _("Met het schoolbestuur")),
            ("s", _("Met het samenwerkingsverband")),
            ("c", _("Met een onderwijsconsulent")),
            ("k", _("Naar de GPO, bezwaar tegen een TLV of een klacht")),
            ("0", _("Nog niets")),
        ],
    ),
}
ORDER = ["s", "w", "d", "o", "e", "g"]
MULTIPLE = {"g"}

# The ondersteuningsroute of DOMAIN.md, in order; the code links each step to the 'what did you try' answer.
ROUTE: list[tuple[str, Promise, Promise, str]] = [
    (
        "l",
        _("Praat met de leraar of mentor"),
        _("Vertel wat je ziet en vraag wat de school ziet."),
        "wie-is-wie-op-school",
    ),
    (
        "i",
        _("Praat met de IB'er of zorgcoördinator"),
        _("Die regelt de extra steun op school."),
        "wie-is-wie-op-school",
    ),
    ("d", _("Praat met de directeur"), _("Vraag om een plan met afspraken en data."), "gesprek-voorbereiden"),
    ("b", _("Stap naar het schoolbestuur"), _("Het bestuur heeft de zorgplicht."), "zorgplicht"),
    (
        "s",
        _("Vraag hulp van het samenwerkingsverband"),
        _("Bijvoorbeeld een consulent of een overleg met deskundigen."),
        "samenwerkingsverband",
    ),
    ("c", _("Bel een onderwijsconsulent"), _("Gratis en onafhankelijk, als jullie vastzitten."), "onderwijsconsulent"),
    ("k", _("GPO, bezwaar of klacht"), _("Laat een onafhankelijke commissie ernaar kijken."), "geschillencommissie"),
    ("r", _("De rechter"), _("Als laatste stap."), "stappen-als-het-niet-goed-gaat"),
]


def parse(query: QueryDict) -> dict[str, list[str]]:
    """Keep only known codes; unknown or tampered values are dropped, never trusted."""
    answers: dict[str, list[str]] = {}
    for key in ORDER:
        allowed = {code for code, _label in QUESTIONS[key][1]}
        values = [v for v in query.getlist(key) if v in allowed]
        if key not in MULTIPLE:
            values = values[:1]
        elif "0" in values:
            values = ["0"]
        if values:
            answers[key] = list(dict.fromkeys(values))
    if answers.get("w") == ["school"]:
        answers.pop("d", None)
    return answers


def needed(answers: dict[str, list[str]]) -> list[str]:
    """The questions this parent has to answer (the 'how long' question only when the child is at home)."""
    return [key for key in ORDER if key != "d" or answers.get("w") != ["school"]]


def next_question(answers: dict[str, list[str]]) -> str | None:
    return next((key for key in needed(answers) if key not in answers), None)


def encode(answers: dict[str, list[str]]) -> str:
    return urlencode([(key, value) for key in ORDER for value in answers.get(key, [])])


@dataclass(frozen=True)
class RouteStep:
    code: str
    title: str
    text: str
    article_slug: str
    state: str  # "done", "current" or "later"


@dataclass(frozen=True)
class Deadline:
    title: str
    text: str
    article_slug: str


@dataclass
class RouteResult:
    steps: list[RouteStep]
    urgent: bool
    long_at_home: bool
    first_contact: str  # "support_point" or "consultant"
    deadlines: list[Deadline] = field(default_factory=list)
    advice: list[str] = field(default_factory=list)
    article_slugs: list[str] = field(default_factory=list)

    @property
    def current(self) -> RouteStep | None:
        return next((step for step in self.steps if step.state == "current"), None)


def build(answers: dict[str, list[str]]) -> RouteResult:
    """The personal route: where the parent stands in the ondersteuningsroute, what comes next, what applies."""
    tried = set(answers.get("g", [])) - {"0"}
    where = answers["w"][0]
    urgent = where != "school"
    long_at_home = urgent and answers.get("d") == ["lang"]
    codes = [code for code, *_rest in ROUTE]
    reached = max((codes.index(code) for code in tried), default=-1)
    current = reached + 1
    if long_at_home and "c" not in tried:
        # More than four weeks at home: an onderwijsconsulent right away, whatever was tried before.
        current = max(current, codes.index("c"))
    current = min(current, len(codes) - 1)
    steps = [
        RouteStep(code, str(title), str(text), slug, "done" if i < current else "current" if i == current else "later")
        for i, (code, title, text, slug) in enumerate(ROUTE)
    ]
    result = RouteResult(
        steps=steps,
        urgent=urgent,
        long_at_home=long_at_home,
        first_contact="consultant" if long_at_home else "support_point",
    )
    _add_terms(result, answers)
    return result


def _add_terms(result: RouteResult, answers: dict[str, list[str]]) -> None:
    opp, extra = answers["o"][0], answers["e"][0]
    slugs = ["stappen-als-het-niet-goed-gaat"]
    if result.urgent:
        result.deadlines.append(
            Deadline(
                str(_("Thuiszitten: langer dan vier weken")),
                str(
                    _(
                        "Is je kind langer dan vier weken niet op school? Dan is het een thuiszitter. Dat is altijd "
                        "dringend. De school moet de leerplichtambtenaar inlichten."
                    )
                ),
                "thuiszitter",
            )
        )
        slugs += ["thuiszitten-week-1", "leerplichtambtenaar"]
    result.deadlines.append(
        Deadline(
            str(_("Zorgplicht: zes weken, soms vier weken langer")),
            str(
                _(
                    "Heeft je kind extra steun nodig? Dan moet de school binnen zes weken een passende plek bieden. "
                    "De school mag dat één keer met vier weken verlengen."
                )
            ),
            "zorgplicht",
        )
    )
    slugs.append("zorgplicht")
    if extra != "ja":
        result.advice.append(
            str(_("Vraag de school schriftelijk om extra ondersteuning. Bewaar een kopie van je brief of mail."))
        )
        slugs.append("basisondersteuning-en-extra-ondersteuning")
    if opp == "ja":
        result.advice.append(
            str(_("Lees het OPP goed. Je moet instemmen met het deel waarin staat wat de school doet."))
        )
        slugs.append("opp-instemmen")
    elif extra == "ja":
        result.advice.append(
            str(_("Krijgt je kind extra ondersteuning? Dan hoort er binnen zes weken een OPP te zijn."))
        )
        slugs.append("opp")
    result.deadlines.append(
        Deadline(
            str(_("Geschillencommissie (GPO): zes weken")),
            str(
                _(
                    "Niet eens met toelating, verwijdering of het OPP? Dien binnen zes weken na het besluit een "
                    "verzoek in bij de GPO. Die geeft binnen tien weken een oordeel."
                )
            ),
            "geschillencommissie",
        )
    )
    slugs.append("geschillencommissie")
    if extra == "ja":
        result.deadlines.append(
            Deadline(
                str(_("Bezwaar tegen een TLV-besluit: zes weken")),
                str(
                    _(
                        "Niet eens met het besluit over een TLV? Maak binnen zes weken bezwaar bij het "
                        "samenwerkingsverband."
                    )
                ),
                "bezwaar-tegen-tlv",
            )
        )
        slugs.append("bezwaar-tegen-tlv")
    slugs += ["onderwijsconsulent", "het-steunpunt"]
    result.article_slugs = list(dict.fromkeys(slugs))
