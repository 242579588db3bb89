"""Original seed content for the knowledge base, written for this project in plain Dutch (B1).

Articles live as text files in seed/articles/ (a few header lines, '---', the body, and an optional
'=== Meer weten ===' part). Topics, glossary terms and synonyms are below. Facts follow ../shared/DOMAIN.md.
"""

from __future__ import annotations

TOPICS: list[tuple[str, int, str, str]] = [
    # slug, tier, name, description
    ("school-kiezen", 1, "Een school kiezen", "Welke school past bij wat je kind nodig heeft?"),
    ("aanbod-van-scholen", 1, "Wat scholen bieden", "Het ondersteuningsprofiel en de soorten scholen."),
    ("samenwerken-met-school", 2, "Samenwerken met school", "Wie is wie, en hoe je een goed gesprek voert."),
    ("meepraten", 2, "Meepraten", "De MR en de OPR: zo praat je als ouder mee."),
    ("zorgplicht", 3, "Zorgplicht", "De school moet een passende plek zoeken."),
    ("extra-ondersteuning", 3, "Extra ondersteuning", "Basisondersteuning, arrangementen en hulp bij leren."),
    ("opp", 3, "Het OPP", "Het plan voor je kind en jouw instemming."),
    ("speciaal-onderwijs", 3, "Speciaal onderwijs en TLV", "De toelaatbaarheidsverklaring en bezwaar maken."),
    ("thuiszitten", 4, "Thuiszitten en verzuim", "Als je kind niet (meer) naar school gaat."),
    ("vastlopen", 4, "Als je vastloopt", "De stappen, de onderwijsconsulent en schorsing."),
    ("geschillen", 5, "Klachten en geschillen", "Een klacht, de GPO en bezwaar."),
    ("jeugdhulp", 5, "Onderwijs en jeugdhulp", "Hulp van de gemeente naast school."),
    ("in-je-regio", 5, "Hulp in je regio", "Het steunpunt, het samenwerkingsverband en de wet."),
]

GLOSSARY: list[tuple[str, str, str]] = [
    # slug, term, plain explanation
    (
        "zorgplicht",
        "zorgplicht",
        "De plicht van de school om een passende plek te zoeken voor een kind dat extra steun nodig heeft.",
    ),
    (
        "opp",
        "OPP",
        "Ontwikkelingsperspectief: een plan met doelen en steun voor een kind dat extra ondersteuning krijgt.",
    ),
    (
        "handelingsdeel",
        "handelingsdeel",
        "Het deel van het OPP waarin staat wat de school gaat doen. Hier moet je als ouder mee instemmen.",
    ),
    ("tlv", "TLV", "Toelaatbaarheidsverklaring: een besluit dat je kind naar het speciaal (basis)onderwijs mag."),
    ("sop", "schoolondersteuningsprofiel", "Een beschrijving van de steun die een school kan geven."),
    ("swv", "samenwerkingsverband", "De scholen in een regio die samen zorgen voor passend onderwijs."),
    ("basisondersteuning", "basisondersteuning", "De steun die elke school in het samenwerkingsverband moet geven."),
    (
        "extra-ondersteuning",
        "extra ondersteuning",
        "Steun die meer is dan de basisondersteuning, vaak in een arrangement.",
    ),
    ("arrangement", "arrangement", "Extra steun op maat voor één kind of een groep, bovenop de basisondersteuning."),
    ("ib-er", "IB'er", "Intern begeleider: de collega op de basisschool die de extra steun regelt."),
    ("zorgcoordinator", "zorgcoördinator", "De collega op de middelbare school die de extra steun regelt."),
    ("mr", "MR", "Medezeggenschapsraad: ouders en personeel die meepraten over de school."),
    (
        "opr",
        "OPR",
        "Ondersteuningsplanraad: ouders, leerlingen en personeel die meepraten over het samenwerkingsverband.",
    ),
    ("ondersteuningsplan", "ondersteuningsplan", "Het plan van het samenwerkingsverband voor vier jaar."),
    (
        "thuiszitter",
        "thuiszitter",
        "Een kind dat leerplichtig is en niet naar school gaat, of langer dan vier weken niet op school is.",
    ),
    ("verzuim", "verzuim", "Niet naar school gaan terwijl het wel moet."),
    ("leerplichtambtenaar", "leerplichtambtenaar", "Iemand van de gemeente die let op de leerplicht en verzuim."),
    ("vrijstelling", "vrijstelling", "Toestemming om niet naar school te gaan. Alleen in een paar situaties mogelijk."),
    (
        "onderwijsconsulent",
        "onderwijsconsulent",
        "Een gratis en onafhankelijke bemiddelaar als ouders en school vastlopen.",
    ),
    ("gpo", "GPO", "Geschillencommissie passend onderwijs: geeft gratis een oordeel bij een onenigheid met school."),
    ("lbt", "LBT", "Landelijke Bezwaaradviescommissie TLV: geeft advies als je bezwaar maakt tegen een TLV-besluit."),
    ("sbo", "SBO", "Speciaal basisonderwijs: een basisschool met kleine groepen en meer steun."),
    ("so", "SO", "Speciaal onderwijs: een school voor kinderen die veel extra steun nodig hebben."),
    ("vso", "VSO", "Voortgezet speciaal onderwijs: speciaal onderwijs voor de middelbareschoolleeftijd."),
    ("mdo", "MDO", "Multidisciplinair overleg: een gesprek met ouders, school en deskundigen samen."),
    ("jeugdhulp", "jeugdhulp", "Hulp voor kinderen en gezinnen, geregeld door de gemeente."),
    ("wijkteam", "wijkteam", "Het team van de gemeente waar je terecht kunt voor jeugdhulp. Soms heet het jeugdteam."),
    ("steunpunt", "steunpunt", "Het ouder- en jeugdsteunpunt in je regio. Onafhankelijk en gratis."),
    ("schorsing", "schorsing", "Je kind mag een paar dagen niet naar school. Dat mag hooguit een week per keer."),
    (
        "clientondersteuner",
        "cliëntondersteuner",
        "Iemand die gratis met je meedenkt over zorg en hulp, bijvoorbeeld van MEE.",
    ),
]

SYNONYMS: list[list[str]] = [
    ["opp", "ontwikkelingsperspectief", "ontwikkelingsperspectiefplan", "handelingsplan"],
    ["tlv", "toelaatbaarheidsverklaring", "toelaatbaarheid"],
    ["ib'er", "iber", "ib", "ib er", "intern begeleider", "interne begeleider", "interne begeleiding"],
    ["zorgcoordinator", "zorgcoördinator", "ondersteuningscoordinator"],
    ["thuiszitter", "thuiszitten", "thuis zitten", "verzuim", "schoolverzuim", "zit thuis"],
    ["swv", "samenwerkingsverband"],
    ["sop", "schoolondersteuningsprofiel", "ondersteuningsprofiel"],
    ["mr", "medezeggenschapsraad", "medezeggenschap"],
    ["opr", "ondersteuningsplanraad"],
    ["gpo", "geschillencommissie", "geschillencommissie passend onderwijs", "geschil"],
    ["lbt", "bezwaaradviescommissie"],
    ["sbo", "speciaal basisonderwijs"],
    ["vso", "voortgezet speciaal onderwijs"],
    ["pro", "praktijkonderwijs"],
    ["adhd", "add", "concentratie", "aandacht"],
    ["dyslexie", "leesproblemen", "leesstoornis"],
    ["dyscalculie", "rekenproblemen"],
    ["tos", "taalontwikkelingsstoornis"],
    ["mdo", "multidisciplinair overleg", "ondersteuningsteam", "zorgteam"],
    ["steunpunt", "oudersteunpunt", "ouder en jeugdsteunpunt", "ojsp", "ouderplatform"],
    ["leerplichtambtenaar", "leerplicht", "leerplichtconsulent"],
    ["wijkteam", "jeugdteam", "buurtteam", "sociaal team"],
    ["vrijstelling", "ontheffing"],
    ["hoogbegaafd", "hoogbegaafdheid", "begaafd", "plusklas"],
    ["schorsing", "geschorst", "schorsen"],
    ["verwijdering", "verwijderd", "van school gestuurd", "van school sturen", "weggestuurd", "van school af"],
    ["klacht", "klachtencommissie", "klagen"],
    ["cliëntondersteuner", "clientondersteuning", "cliëntondersteuning"],
]
