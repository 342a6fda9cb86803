"""Who said what in French, Spanish and German: reporting cues, as the English parse gives for English.

News in these languages credits a source the same few ways: a preposition
before it ("selon", "según", "laut", "nach Angaben"), a reporting verb after a
quote or a comma with the source after it ("», a déclaré Claire Vasseur",
"dijo Romero", "sagte Hafenchefin Katrin Albers"), or the source as the
sentence's subject before the verb ("Une source proche du dossier a indiqué",
"Su portavoz, Andrés Molina, afirmó"). A source whose phrase holds no name
("une source proche du dossier", "die Behörde") is anonymous.

What is not a source, by the grammar of each language rather than by lists of
names: a phrase that opens with a preposition ("en una entrevista que",
"Lors de la conférence") or with a conjunction, adverb or pronoun
("También", "Aunque", "Se dice", "Er sagte"); the object of a verb that
introduces no quote ("Apple anunció un nuevo teléfono"); and, after a
preposition cue, a demonstrative phrase, which points back at figures or
documents in the text ("según esas cifras", "selon ces chiffres"). A fronted
phrase before the subject is skipped ("Mardi, Paul Dubois a déclaré"), and a
German verb after a fronted phrase has its subject after it ("Am Montag sagte
der Minister").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

LANGUAGES = frozenset({"fr", "es", "de"})

_VERBS = {
    "fr": r"(?:a|ont)(?:-t-(?:il|elle)|-(?:ils|elles))?\s+(?:déclaré|indiqué|annoncé|affirmé|expliqué|précisé|assuré|ajouté|dit|estimé|souligné|confirmé|"
    r"averti|reconnu|démenti|jugé|dénoncé|rappelé)|(?:déclare|indique|affirme|explique|précise|estime|souligne)",
    "es": r"(?:dijo|dijeron|afirmó|afirmaron|aseguró|aseguraron|declaró|declararon|explicó|señaló|indicó|informó|"
    r"informaron|añadió|anunció|advirtió|confirmó|reconoció|negó|denunció|sostuvo|dice|afirma|asegura)",
    "de": r"(?:sagte|sagten|erklärte|erklärten|betonte|warnte|warnten|berichtete|bestätigte|kritisierte|räumte|"
    r"sagt|erklärt|teilte|teilten)",
}
_QUOTING_VERBS = {
    "fr": r"(?:a|ont|avait|avaient)(?:-t-(?:il|elle)|-(?:ils|elles))?\s+(?:martelé|commenté|regretté|insisté|admis|répondu|raconté|noté|observé|prévenu|"
    r"promis|répété|résumé|concédé|confié|déploré|salué|critiqué|plaidé|fait\s+valoir|fait\s+savoir)|"
    r"(?:avait|avaient)\s+(?:déclaré|indiqué|affirmé|expliqué|précisé|assuré|ajouté|dit|estimé|souligné|confirmé)|"
    r"(?:ajoute|assure|rappelle|dénonce|insiste|reconnaît|martèle|regrette|prévient|raconte|commente|confie|déplore)",
    "es": r"(?:explicaron|señalaron|indicaron|agregó|agregaron|advirtieron|subrayó|destacó|destacaron|comentó|expresó|"
    r"manifestó|apuntó|precisó|insistió|admitió|reiteró|puntualizó|aseveró|recordó|relató|criticó|lamentó|respondió|"
    r"matizó|detalló|explica|señala|indica|destaca|subraya|advierte|agrega|añade|insiste)",
    "de": r"(?:betonten|berichteten|bestätigten|kritisierten|meinte|meinten|ergänzte|ergänzten|versicherte|versicherten|"
    r"bekräftigte|unterstrich|erläuterte|erläuterten|nannte|nannten|schrieb|schrieben|fügte|fügten|beklagte|"
    r"kommentierte|antwortete|mahnte|versprach|behauptete|bestritt|dementierte|erzählte|betont|meint|warnt|berichtet|"
    r"bestätigt|kritisiert)",
}
"""Verbs that also mean something else ("destacó en la segunda parte", "schrieb rote Zahlen", "a salué le public"):
they credit a source only beside a quote or a reported clause ("», subrayó el ministro", "meinte, dass", "nannte
die Pläne „…“")."""
_PRONOUNS = {"fr": {"il", "elle", "ils", "elles"}, "es": {"él", "ella", "ellos", "ellas"}, "de": {"er", "sie"}}
"""Subject pronouns after an inverted verb: the speaker named last."""
_INVERTED_PRONOUN = re.compile(r"-t-(?:il|elle)|-(?:ils|elles)", re.I)
_QUOTE_MARKS = re.compile(r"[«»“”„\"]")
_PREPOSITIONS = {
    "fr": r"selon",
    "es": r"según(?:\s+(?:(?:ha|han|había|habían)\s+\w+(?:ado|ido)|informó|informaron|informa|informan|indicó|"
    r"indica|dijo|dice|señaló|señala|afirmó|afirma|explicó))?",
    "de": r"laut|nach\s+Angaben",
}
_DETERMINERS = {
    "fr": {"le", "la", "les", "l'", "un", "une", "des", "sa", "son", "ses", "leur", "leurs", "du", "de"},
    "es": {"el", "la", "los", "las", "un", "una", "unos", "unas", "su", "sus", "del", "de"},
    "de": {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "ihr", "ihre", "sein", "seine"},
}
_GRAMMAR = {
    # Prepositions: a phrase opening with one is an adjunct ("en una entrevista", "lors de"), never a source.
    "prepositions": {
        "fr": "à au aux après avant avec chez contre dans depuis derrière devant durant en entre envers hors lors "
        "malgré par parmi pendant pour sans selon sous sur vers d'après",
        "es": "a al ante bajo con contra de del desde durante en entre hacia hasta mediante para por sin sobre tras "
        "según",
        "de": "an am auf aus bei beim bis durch für gegen hinter im in ins mit nach neben ohne seit trotz über um "
        "unter vom von vor während wegen zu zum zur zwischen laut",
    },
    # Conjunctions, adverbs and pronouns: no name, and a subject phrase that is only these is no source.
    "function": {
        "fr": "aussi également ensuite puis alors hier aujourd'hui demain déjà encore ainsi toutefois cependant "
        "pourtant néanmoins enfin mais et ou ni car donc or quand lorsque si comme bien que qui il elle ils elles "
        "on je nous vous lui eux moi toi soi leur ce cela ça y en ne pas",
        "es": "también tampoco además asimismo entonces luego después antes ahora hoy ayer mañana ya aún todavía así "
        "incluso finalmente posteriormente anteriormente recientemente pero y e o u ni aunque mientras cuando si "
        "porque pues como cómo donde que qué quien él ella ellos ellas yo usted ustedes nosotros se lo le les me "
        "te nos no sí",
        "de": "auch dann danach zudem außerdem ebenfalls gestern heute morgen bereits schon noch so aber und oder "
        "doch jedoch denn wenn als weil obwohl dass wie er sie es man ich wir nicht",
    },
    # Demonstratives: after a preposition cue they point back at figures or documents, not at a speaker.
    "demonstratives": {
        "fr": "ce cet cette ces ceci cela",
        "es": "este esta estos estas ese esa esos esas aquel aquella aquellos aquellas dicho dicha dichos dichas tal "
        "tales",
        "de": "dies dieser diese dieses diesen diesem jener jene jenes jenen jenem solche solchen",
    },
}
_WORDS = {kind: {lang: frozenset(words.split()) for lang, words in table.items()} for kind, table in _GRAMMAR.items()}
_WORDS["determiners"] = {language: frozenset(words) for language, words in _DETERMINERS.items()}
"""A determiner standing alone before the verb is a pronoun: "Das sagte der Minister" (the object comes first)."""
_INVERSION = {"fr": {"comme"}, "es": {"como"}, "de": {"wie"}}
"""A word before the verb that puts its subject after it ("como afirma Apple", "comme l'a dit")."""
_IMPERSONAL = {"fr": {"on"}, "es": {"se"}, "de": {"man"}}
"""A pronoun right before the verb that makes it passive or impersonal ("se dice", "on dit", "man sagt")."""
_GERMAN_PASSIVE = re.compile(r"\b(?:wird|werden|wurde|wurden|worden)\b", re.I)
_UPPER = "A-ZÀ-ÖØ-Þ"
_NAME = re.compile(rf"[{_UPPER}][\w'’-]+(?:\s+(?:(?:de|del|la|van|von|du)\s+)?[{_UPPER}][\w'’-]+)+")
_APPOSITION = re.compile(rf",\s*([{_UPPER}][\w'’-]+(?:\s+[{_UPPER}][\w'’-]+)+)\s*(?=[,.;]|$)")
_RELATIVE = re.compile(r",\s*(?:que|qui|quien|quienes|der|die|das)\s[^,]*,")
_CONTENT_AFTER = re.compile(r"\s*(?:que\b|qu['’]|dass\b|[,:]|$)", re.I)
_QUOTE_BEFORE = re.compile(r"[»”\"“]\s*,?\s*$")
_PHRASE_END = re.compile(r"[,.;:!?«»\"“”„()\n]")
_GERMAN_PHRASE = re.compile(
    rf"\s*(?:(?:der|die|das|den|dem|des|ein|eine|einer|ihr|ihre|sein|seine)\s+)?(?:[{_UPPER}][\w'’-]*\s*)+"
)
MAX_SOURCE_WORDS = 9
"""A longer phrase beside a reporting verb is a clause, not who spoke. Chosen by hand, not measured."""


@dataclass(frozen=True)
class Cue:
    """A credited source in a sentence: offsets of the source phrase and of the cue, and whether it is unnamed."""

    source: tuple[int, int]
    cue: tuple[int, int]
    anonymous: bool
    pronoun: bool = False
    """The source is a personal pronoun or unsaid ("», a-t-il ajouté", "», sagte er", "», añadió."): the speaker
    named last is meant."""


def reports_speech(sentence: str, language: str) -> bool:
    """Whether a sentence reports what someone said ("a déclaré", "según", "sagte"); True outside LANGUAGES, where
    no rule can tell."""
    if language not in LANGUAGES:
        return True
    verbs = rf"(?<!\w)(?:{_PREPOSITIONS[language]}|{_VERBS[language]}|{_QUOTING_VERBS[language]})(?!\w)"
    return re.search(verbs, sentence, re.IGNORECASE) is not None


def find_cues(sentence: str, language: str) -> list[Cue]:
    """The sources ``sentence`` credits (offsets into it); none for a language outside LANGUAGES."""
    if language not in LANGUAGES:
        return []
    found: list[Cue | None] = []
    for match in re.finditer(rf"(?<!\w)(?:{_PREPOSITIONS[language]})(?!\w)", sentence, re.I):
        found.append(_after(sentence, language, match.span(), preposition=True))
    for match in re.finditer(rf"(?<!\w)(?:{_VERBS[language]})(?!\w)", sentence, re.I):
        found.append(_for_verb(sentence, language, match.span()))
    for match in re.finditer(rf"(?<!\w)(?:{_QUOTING_VERBS[language]})(?!\w)", sentence, re.I):
        if _reports(sentence, language, match.span()):
            found.append(_for_verb(sentence, language, match.span()))
    unique: dict[tuple[int, int], Cue] = {}
    for cue in found:
        if cue is not None and not any(c.source[0] <= cue.source[0] < c.source[1] for c in unique.values()):
            unique[cue.source] = cue
    return list(unique.values())


def _for_verb(sentence: str, language: str, verb: tuple[int, int]) -> Cue | None:
    """The source of a reporting verb: after it when inverted ("», dijo Romero"), else its subject before it."""
    before = sentence[: verb[0]].rstrip()
    words = before.split()
    if words and words[-1].lower() in _IMPERSONAL[language]:
        return None  # "se anunció el acuerdo", "man sagt": passive or impersonal, nobody speaks
    if language == "de" and _german_passive(sentence, before, verb):
        return None  # "Die Wahl wird für ungültig erklärt.": a participle with "werden" is passive
    quoted = _QUOTE_BEFORE.search(sentence, 0, verb[0]) is not None
    if quoted or before.endswith(","):
        resolved = _pronoun(sentence, language, verb)
        if resolved is not None:
            return resolved
    if quoted or (words and words[-1].lower() in _INVERSION[language]):
        return _after(sentence, language, verb)
    if language == "de" and words and "," not in before:
        pronoun = len(words) == 1 and _opens_with(words[0], language, "demonstratives", "determiners")
        if pronoun or _opens_with(words[0], language, "prepositions", "function"):
            return _after(
                sentence, language, verb
            )  # the verb comes second: "Am Montag sagte der Minister", "Das sagte"
        return _before(sentence, language, verb)
    if _CONTENT_AFTER.match(sentence, verb[1]):
        return _before(sentence, language, verb)
    if before.endswith(","):
        return _after(sentence, language, verb)  # "El problema está resuelto, dijo Romero."
    following = sentence[verb[1] :].split()
    if following and _opens_with(following[0], language, "prepositions"):
        return _before(sentence, language, verb)  # "dijo en una entrevista que": the subject said it
    return None  # "Apple anunció un nuevo teléfono": an object, not a speaker


def _reports(sentence: str, language: str, verb: tuple[int, int]) -> bool:
    """Whether the verb stands beside what was said: a quote or a reported clause before it, a clause or quote after.

    A phrase before the comma that opens with a preposition is fronted, not
    reported ("Entre estas aplicaciones, destacaron ...").
    """
    before = sentence[: verb[0]].rstrip()
    after = sentence[verb[1] :]
    content = re.match(r"\s*(?:que\b|qu['’]|dass\b|[,:])", after, re.I)
    clause = before[:-1].split()
    reported = before.endswith(",") and bool(clause) and not _opens_with(clause[0], language, "prepositions")
    return bool(reported or _QUOTE_MARKS.search(sentence) or content)


def _pronoun(sentence: str, language: str, verb: tuple[int, int]) -> Cue | None:
    """An inverted verb whose subject is a pronoun ("a-t-elle ajouté", "sagte er") or, in Spanish, unsaid ("añadió.")."""
    inverted = _INVERTED_PRONOUN.search(sentence, verb[0], verb[1])
    if inverted:
        return Cue(inverted.span(), verb, anonymous=False, pronoun=True)
    following = re.match(r"\s*(\w+)", sentence[verb[1] :])
    if following and following.group(1).lower() in _PRONOUNS[language]:
        start = verb[1] + following.start(1)
        return Cue((start, verb[1] + following.end(1)), verb, anonymous=False, pronoun=True)
    if language == "es" and re.match(r"\s*[.;]?\s*$", sentence[verb[1] :]):
        return Cue(verb, verb, anonymous=False, pronoun=True)
    return None


def _german_passive(sentence: str, before: str, verb: tuple[int, int]) -> bool:
    """A participle ("erklärt", not the past "sagte") after a form of "werden" in its own clause, not in a quote."""
    clause = re.split(r"[,;:»«“”„\"]", before)[-1]
    written = sentence[verb[0] : verb[1]].lower()
    return not written.endswith(("te", "ten")) and _GERMAN_PASSIVE.search(clause) is not None


def _opens_with(word: str, language: str, *kinds: str) -> bool:
    bare = word.lower().strip("\"'«»“”„()-")
    return any(bare in _WORDS[kind][language] for kind in kinds)


def _after(sentence: str, language: str, cue: tuple[int, int], preposition: bool = False) -> Cue | None:
    """The source written after its cue ("selon son porte-parole, Julien Marchand", "dijo Romero")."""
    start = cue[1]
    if language == "de":
        match = _GERMAN_PHRASE.match(sentence, start)
        end = match.end() if match else start
    else:
        stop = _PHRASE_END.search(sentence, start)
        end = stop.start() if stop else len(sentence)
    words = sentence[start:end].split()
    kinds = ("prepositions", "function", "demonstratives") if preposition else ("prepositions", "function")
    if words and _opens_with(words[0], language, *kinds) and (preposition or not _NAME.search(sentence, start, end)):
        return None  # "según esas cifras"; but "», dijo con entusiasmo Ana García" names its speaker
    return _narrowed(sentence, language, start, end, cue)


def _before(sentence: str, language: str, cue: tuple[int, int]) -> Cue | None:
    """The source written as the subject before its verb ("Une source proche du dossier a indiqué que").

    The subject is the phrase right before the verb, after any fronted phrase
    and its comma ("Mardi, Paul Dubois a déclaré"); with a comma right before
    the verb, it is the first phrase that opens with no preposition, adverb or
    conjunction ("El primer ministro, en su discurso, dijo").
    """
    opening = max(sentence.rfind(mark, 0, cue[0]) for mark in ("»", "”", '"', ";", ":"))
    blank = _RELATIVE.sub(lambda m: "," + " " * (len(m.group()) - 1), sentence[: cue[0]])  # relative clauses out
    segments = [(opening + 1 + m.start(), opening + 1 + m.end()) for m in re.finditer(r"[^,]+", blank[opening + 1 :])]
    if not segments:
        return None
    last = _subject(blank, language, *segments[-1])
    if last is not None:
        return _narrowed(sentence, language, *last, cue, subject=True)
    if any(w.lower() not in _WORDS["function"][language] for w in blank[slice(*segments[-1])].split()):
        return None  # "Este cambio, según dijo,": the verb's own phrase has no subject
    for start, end in segments[:-1]:
        words = blank[start:end].split()
        if words and not _opens_with(words[0], language, "prepositions", "function"):
            return _narrowed(sentence, language, start, end, cue, subject=True)
    return None


def _subject(sentence: str, language: str, start: int, end: int) -> tuple[int, int] | None:
    """The phrase without the conjunctions and adverbs around it ("Aunque Gallois", "Jobs también"), if any is left."""
    words = list(re.finditer(r"\S+", sentence[start:end]))
    function = _WORDS["function"][language]
    while words and words[-1].group().lower() in function:
        words.pop()
    while words and words[0].group().lower() in function:
        words.pop(0)
    if not words or _opens_with(words[0].group(), language, "prepositions"):
        return None
    return start + words[0].start(), start + words[-1].end()


def _narrowed(
    sentence: str, language: str, start: int, end: int, cue: tuple[int, int], subject: bool = False
) -> Cue | None:
    """The phrase narrowed to the name it holds ("sa présidente, Claire Vasseur" -> "Claire Vasseur"), else as written."""
    apposed = _APPOSITION.search(sentence, start, min(len(sentence), end + 60))
    if apposed and apposed.start() <= end + 1:
        return Cue(apposed.span(1), cue, anonymous=False)
    phrase = _RELATIVE.sub(",", sentence[start:end]).split(",")[0]
    skipped = len(phrase) - len(phrase.lstrip())
    phrase = phrase.strip()
    words = phrase.split()
    if not words or len(words) > MAX_SOURCE_WORDS:
        return None
    start += skipped
    names = list(_NAME.finditer(phrase))
    if names:  # the longest name, without the determiner before it
        name = max(names, key=lambda m: len(m.group()))
        offset, written = name.start(), name.group()
        first = written.split()[0]
        if first.lower() in _DETERMINERS[language]:
            offset += len(first) + 1
        if not (language == "de" and " " not in phrase[offset : name.end()]):  # "Die Behörde": a German noun
            return Cue((start + offset, start + name.end()), cue, anonymous=False)
    leading = 0
    while leading < len(words) and words[leading].lower() in _DETERMINERS[language]:
        leading += 1
    capitalised = [i for i, w in enumerate(words) if w[:1].isupper() and i >= leading]
    sentence_start = subject and start == len(sentence) - len(sentence.lstrip())
    if language != "de" and capitalised and not (sentence_start and capitalised == [0] and len(words) > 1):
        if capitalised[0] == leading and (not sentence_start or len(words) == 1):
            word = words[leading]
            offset = phrase.index(word)
            return Cue((start + offset, start + offset + len(word)), cue, anonymous=False)
        return Cue((start, start + len(phrase)), cue, anonymous=False)
    return Cue((start, start + len(phrase)), cue, anonymous=True)
