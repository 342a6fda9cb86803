"""Cue words of the digest's topics, per language, in matching form (accents dropped, casefolded, "ß" as "ss").

General news vocabulary of each language, not taken from any article
measured. A cue of five letters or more is a stem ("elect" -> election,
"gouvern" -> gouvernement); a shorter one takes only its language's endings.
A word that means another thing in common use ("partido": a party and a
match; "coup"; German "war", was) is left out. Names often keep their English
words ("Government Accountability Office"), so a brief's names are also read
with the English cues.
"""

from __future__ import annotations

TOPICS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "Politics": (
            "elect", "vote", "campaign", "president", "congress", "senat", "parliament", "minister", "party",
            "government", "republican", "democrat", "governor", "legislat", "policy", "lawmaker", "candidate", "mayor",
            "asylum", "refugee", "migra", "immigra", "secretary", "diplomat", "ambassador", "sanction", "treaty",
        ),
        "Conflict & security": (
            "war", "attack", "kill", "militar", "troop", "soldier", "coup", "arrest", "police", "terror", "bomb",
            "rebel", "army", "junta", "weapon", "shoot", "violen", "hostage", "destabil",
        ),
        "Accidents & disasters": (
            "accident", "crash", "capsiz", "sank", "sink", "flood", "earthquake", "fire", "storm", "hurricane",
            "disaster", "collaps", "derail", "rescu", "survivor", "wildfire", "landslide", "explosion",
        ),
        "Business & economy": (
            "econom", "market", "compan", "bank", "trade", "tariff", "inflation", "stock", "share", "profit",
            "budget", "tax", "industr", "job", "oil", "price", "invest",
        ),
        "Science & health": (
            "science", "scientist", "scientif", "research", "study", "health", "disease", "virus", "vaccin", "climate",
            "hospital", "species", "space", "medic", "patient", "environment",
        ),
        "Sports": (
            "match", "game", "team", "season", "league", "cup", "player", "coach", "tournament", "champion",
            "olymp", "football", "soccer", "stadium", "score", "goal", "fifa", "striker", "athlet", "medal",
        ),
        "Culture": (
            "film", "music", "art", "museum", "book", "festival", "concert", "theatre", "theater", "novel",
            "artist", "award", "exhibit",
        ),
        "Technology": ("internet", "hack", "software", "website", "online", "comput", "cyber", "digital", "app"),
    },
    "fr": {
        "Politics": (
            "electio", "electeur", "electoral", "vote", "scrutin", "campagne", "presiden", "gouvern", "ministr",
            "parlement", "depute", "senat", "maire", "diplomat", "ambassad", "sanction", "politi", "candidat",
            "refugi", "migra", "asile", "loi",
        ),
        "Conflict & security": (
            "guerre", "attaque", "attentat", "militair", "soldat", "troupe", "armee", "police", "policier",
            "arrestation", "interpell", "terror", "bombe", "rebelle", "otage", "violen", "fusillade", "meurtr",
        ),
        "Accidents & disasters": (
            "accident", "crash", "naufrag", "inond", "seisme", "incendi", "tempete", "ouragan", "catastroph",
            "effondr", "deraill", "secours", "survivant", "explosion", "glissement de terrain", "secheresse",
        ),
        "Business & economy": (
            "econom", "entrepris", "banque", "commerc", "tarif", "inflation", "bourse", "benefice", "budget",
            "impot", "industri", "emploi", "chomage", "petrol", "invest", "croissance", "licenci", "usine", "compagnie",
        ),
        "Science & health": (
            "scienti", "recherche", "etude", "sante", "maladie", "virus", "vaccin", "climat", "hopita", "espece",
            "spatia", "medic", "medecin", "patient", "environnement", "epidemi", "archeolog",
        ),
        "Sports": (
            "match", "equipe", "saison", "ligue", "coupe du monde", "joueur", "entraineur", "tournoi", "champion",
            "olymp", "football", "stade", "athlet", "medaille", "sport",
        ),
        "Culture": (
            "film", "musique", "musee", "romancier", "festival", "theatre", "artist", "exposition", "cinema", "chanteu",
            "album",
        ),
        "Technology": (
            "internet", "piratage", "logiciel", "site web", "en ligne", "informati", "cyber", "numerique",
            "intelligence artificielle", "technolog", "ordinateur", "smartphone", "telephon",
        ),
    },
    "es": {
        "Politics": (
            "elecci", "elector", "voto", "votacion", "campana", "presiden", "gobiern", "ministr", "parlament",
            "congres", "senad", "diputad", "alcald", "diplomat", "embajad", "sancion", "politic", "candidat",
            "refugiad", "migra", "asilo", "ley", "leyes",
        ),
        "Conflict & security": (
            "guerra", "ataque", "atentado", "militar", "soldad", "tropa", "ejercito", "policia", "detenid", "arrest",
            "terror", "bomba", "rebelde", "rehen", "violen", "golpe de estado", "tiroteo", "asesin",
        ),
        "Accidents & disasters": (
            "accidente", "naufragi", "inundaci", "terremoto", "sismo", "incendi", "tormenta", "huracan", "desastre",
            "catastrof", "derrumb", "descarril", "rescat", "sobrevivient", "explosion", "sequia",
        ),
        "Business & economy": (
            "econom", "mercado", "empresa", "banco", "comerci", "arancel", "inflacion", "bolsa", "beneficio",
            "presupuest", "impuest", "industri", "empleo", "desempleo", "petrole", "precio", "inversi", "despid",
            "fabrica", "compania", "contrato",
        ),
        "Science & health": (
            "cienci", "cientific", "estudio", "salud", "enfermedad", "virus", "vacun", "clima", "hospital", "especie",
            "espacial", "medic", "paciente", "medio ambiente", "ambiental", "epidemi", "arqueolog",
        ),
        "Sports": (
            "equipo", "temporada", "liga", "copa", "jugador", "entrenador", "torneo", "campeon", "olimpi", "futbol",
            "estadio", "gol", "goles", "atleta", "medalla", "deportiv", "deportes", "deportista",
        ),
        "Culture": (
            "pelicula", "cine", "musica", "museo", "libro", "novela", "festival", "concierto", "teatro", "artista",
            "exposici", "cantante", "album",
        ),
        "Technology": (
            "internet", "hacker", "software", "sitio web", "en linea", "informatic", "ciber", "digital",
            "inteligencia artificial", "tecnolog", "ordenador", "computador", "smartphone", "telefon",
        ),
    },
    "de": {
        "Politics": (
            "wahl", "wahlen", "abstimm", "prasident", "regierung", "minister", "partei", "parlament", "bundestag",
            "landtag", "abgeordnet", "senat", "burgermeister", "diplomat", "botschafter", "sanktion", "politi",
            "kandidat", "fluchtling", "migra", "asyl", "asylbewerber", "gesetz", "kanzler", "koalition",
        ),
        "Conflict & security": (
            "krieg", "angriff", "anschlag", "militar", "soldat", "truppe", "armee", "bundeswehr", "polizei",
            "festgenommen", "festnahme", "verhaft", "terror", "bombe", "rebell", "geisel", "gewalt", "putsch", "mord",
        ),
        "Accidents & disasters": (
            "unfall", "absturz", "abgesturzt", "gekentert", "uberschwemm", "hochwasser", "erdbeben", "feuer",
            "unwetter", "hurrikan", "katastroph", "einsturz", "entgleis", "rettung", "uberlebend", "explosion",
            "erdrutsch", "durre",
        ),
        "Business & economy": (
            "wirtschaft", "markt", "unternehm", "konzern", "bank", "zolle", "inflation", "borse", "aktie", "haushalt",
            "steuer", "industrie", "arbeitsplatz", "beschaftigt", "investi", "umsatz", "produktion", "stellenabbau",
        ),
        "Science & health": (
            "wissenschaft", "forsch", "studie", "gesundheit", "krankheit", "virus", "impfung", "impfstoff", "klima",
            "krankenhaus", "klinik", "raumfahrt", "medizin", "patient", "umwelt", "epidemi", "pandemi", "archaolog",
        ),
        "Sports": (
            "mannschaft", "saison", "liga", "bundesliga", "pokal", "spieler", "trainer", "turnier", "meisterschaft",
            "olympi", "fussball", "stadion", "athlet", "medaille", "sport",
        ),
        "Culture": (
            "film", "musik", "museum", "buch", "festival", "konzert", "theater", "kunstler", "ausstellung",
            "kino", "sanger", "album",
        ),
        "Technology": (
            "internet", "hacker", "software", "webseite", "website", "online", "computer", "cyber", "digital",
            "kunstliche intelligenz", "technolog", "smartphone", "telefon",
        ),
    },
}  # fmt: skip

ENDINGS: dict[str, str] = {
    "en": "s|d|ed|es|er|ers|ing|ings",
    "fr": "s|x|e|es",
    "es": "s|es|a|as",
    "de": "s|e|es|en|n|er|ern",
}
"""What a short cue may end with in each language ("war" -> wars, not warn)."""
