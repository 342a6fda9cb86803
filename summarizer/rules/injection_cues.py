"""Per-language cue tables for the instruction detector (rules/injection.py).

Each table holds only the words a structure needs (who an AI system is, which
verbs say "report", which modal is the reader's "you must"); the structures
themselves are written once, in injection.py, for every language. Every entry
is a regular-expression fragment matched case-insensitively. Kept small on
purpose: a wording is caught by its shape (a heading naming an AI system, a
second-person order to report), not by being listed.
"""

from __future__ import annotations

from dataclasses import dataclass

NAMES = r"(?:Chat-?GPT|GPT(?:-?\d[\w.]*)?|Claude|Gemini|Copilot|LLaMA|Llama|Mistral|Grok|Bard|DeepSeek|Qwen|Perplexity)"
"""Assistants known by name; only ever an addressee when the structure addresses them."""


@dataclass(frozen=True)
class Cues:
    """The words one language lends to the detector's structures."""

    inherent: str
    """Nouns that name an AI system by themselves (AI, chatbot, LLM, summarizer)."""
    generic: str
    """Nouns that name one only with a qualifier (an *AI* model, a *virtual* assistant, *automated* systems)."""
    qualifier: str
    """The qualifiers that make a generic noun an AI system (before it in English and German, after it elsewhere)."""
    lead: str
    """Words that open a heading or vocative addressed to someone (note to, attention, dear, à l'attention des)."""
    filler: str
    """Function words allowed between the lead and the addressee (all, any, the, des, cualquier, alle)."""
    trail: str
    """What may follow the addressee before the colon (reading this page, qui lisez ce texte)."""
    you_are: str
    """Second person 'if you are (a)' before an addressee."""
    you_are_end: str
    """What closes that clause where the verb comes last (German 'wenn du eine KI bist')."""
    as_a: str
    """'As an ...' opening a sentence, before an addressee and a comma (the chatbot's own voice)."""
    imperative: str
    """Second-person orders that follow a vocative (write, say, résumez, schreib, riassumi), unambiguous in person."""
    modal: str
    """The reader's obligation in the second person (you must, vous devez, debes, Sie müssen, devi)."""
    report: str
    """Verbs of telling what happened (report, state, indiquer, informar, berichten, riportare)."""
    that: str
    """The complementizer that starts what is to be reported."""
    order: str
    """Orders to report, unambiguous in person, that take a 'that' clause (write that, écrivez que, schreiben Sie, dass)."""
    summary: str
    """What the model writes (summary, headline, résumé, titular, Zusammenfassung, riassunto)."""
    summary_modal: str
    """The third-person 'must/should' of 'the summary must state'."""
    yours: str
    """Second-person possessives (your, votre, tu, Ihre, tuo)."""
    override: str
    """Verbs that set instructions aside (ignore, oubliez, olvida, vergiss, dimentica)."""
    instructions: str
    """What is set aside (instructions, consignes, indicaciones, Anweisungen, regole)."""
    earlier: str
    """What marks them as the model's own (previous, above, your)."""
    everything_before: str
    """'Everything above' as the thing to forget."""
    new_instructions: str
    """A heading announcing instructions."""
    role_play: str
    """'From now on you are ...' and the like."""
    unbound: str
    """What a role-played model is said to be free of (no rules, sans filtre)."""
    respond: str
    """Verbs of answering, for 'respond only in JSON'."""
    said: str
    """Speech tags after direct speech without quotation marks ('..., the officer said')."""


ENGLISH = Cues(
    inherent=rf"(?:(?-i:AI|A\.I\.)|artificial[\s-]+intelligences?|LLMs?|chat\s?bots?|bots|summari[sz]ers?|{NAMES})",
    generic=r"(?:systems?|models?|assistants?|tools?|agents?|programs?|readers?|crawlers?|scrapers?|writers?|engines?)",
    qualifier=r"(?:(?-i:AI|A\.I\.)|(?:large\s+)?language|automated|automatic|generative|virtual|digital|machine|(?-i:AI)[\s-]+news)",
    lead=r"(?:note|message|notice|instructions?|attention|reminder|warning|memo|p\.?s\.?|to|dear|hey|hi|hello|calling)",
    filler=r"(?:to|for|all|any|every|the|of|you|each)",
    trail=r"(?:\s+(?:reading|processing|summari[sz]ing|parsing|scanning|crawling|ingesting)\s+this\s+\w+)",
    you_are=r"(?:if\s+you\s+are|if\s+you['’]re|you\s+are(?:\s+now)?|you['’]re(?:\s+now)?)",
    you_are_end=r"",
    as_a=r"(?:as\s+an?)",
    imperative=(
        r"(?:please|write|say|report|state|list|output|respond|answer|reply|summari[sz]e|describe|tell|include|"
        r"mention|claim|ignore|disregard|forget|return|print|you\s+(?:must|should|will|are))"
    ),
    modal=r"(?:you\s+(?:must|should|shall|will|have\s+to|need\s+to|ought\s+to|are\s+(?:required|expected|asked|instructed)\s+to))",
    report=r"(?:report|write|say|state|mention|include|claim|describe|conclude|output|stress|note|add|tell\s+\w+)",
    that=r"(?:that|:)",
    order=r"(?:write|say|report|state|claim|mention|include|stress|tell\s+(?:\w+\s+){0,2}?)",
    summary=r"(?:summary|summaries|brief|headline|recap|digest|synopsis|takeaway)",
    summary_modal=r"(?:must|should|has\s+to|needs\s+to|shall|is\s+to|ought\s+to)",
    yours=r"(?:your)",
    override=r"(?:ignore|disregard|forget|override|discard|drop)",
    instructions=r"(?:instructions?|prompts?|rules|guidelines|directions|directives|orders|commands|context)",
    earlier=r"(?:previous|prior|above|earlier|preceding|original|initial|your|these|system)",
    everything_before=r"(?:everything\s+(?:above|before|so\s+far|you\s+were\s+told)|all\s+of\s+the\s+above|the\s+above)",
    new_instructions=r"(?:(?:new|updated|additional|revised|real)\s+instructions?)",
    role_play=r"(?:you\s+are\s+now|from\s+now\s+on,?\s+you(?:\s+are|['’]re|\s+will|\s+must)?|pretend\s+(?:to\s+be|you\s+are)|act\s+as)",
    unbound=r"(?:unfiltered|unrestricted|uncensored|jailbroken|(?-i:DAN)|(?:developer|jailbreak|god)\s+mode|without\s+(?:any\s+)?(?:rules|restrictions|limits|filters))",
    respond=r"(?:respond|answer|reply|output|return|format)",
    said=r"(?:said|says|told|tells|added|wrote|writes|asked|urged|warned|explained|insisted|reads|read|recalled)",
)

FRENCH = Cues(
    inherent=rf"(?:(?-i:IA|LLM)|intelligences?\s+artificielles?|chatbots?|bots|résumeurs?|{NAMES})",
    generic=r"(?:assistants?|modèles?|systèmes?|outils?|agents?|robots?|logiciels?|programmes?)",
    qualifier=(
        r"(?:d['’]\s*IA|IA|de\s+l['’]IA|d['’]intelligence\s+artificielle|de\s+langage|de\s+résumé|linguistiques?|"
        r"conversationnel(?:le)?s?|automatiques?|automatisée?s?|virtuel(?:le)?s?|générati(?:f|ve)s?)"
    ),
    lead=r"(?:note|message|avis|consignes?|instructions?|attention|rappel|avertissement|à|aux|pour|cher|chère|chers|salut|bonjour)",
    filler=r"(?:l['’]\s*attention|à|aux|des|du|de|les|la|le|tous|toutes|tout|chaque|destinée?s?|pour|votre|vous)",
    trail=r"(?:\s+qui\s+(?:lisez|lit|lisent|résumez|résume|résument|traitez|traite|traitent)\s+(?:ce|cet|cette)\s+\w+)",
    you_are=r"(?:si\s+(?:vous\s+êtes|tu\s+es)|(?:vous\s+êtes|tu\s+es)(?:\s+(?:maintenant|désormais))?)",
    you_are_end=r"",
    as_a=r"(?:en\s+tant\s+qu[e\'’]\s*(?:une?\s+)?)",
    imperative=(
        r"(?:écris|écrivez|dis|dites|résume|résumez|indiquez|mentionnez|affirmez|réponds|répondez|rédigez|ignorez|"
        r"oublie|oubliez|veuillez|précisez|signalez|annoncez|rapportez|vous\s+devez|tu\s+dois)"
    ),
    modal=r"(?:vous\s+devez|tu\s+dois|vous\s+devrez|tu\s+devras|il\s+(?:vous|te)\s+faut|veuillez|merci\s+de)",
    report=r"(?:indiquer|rapporter|signaler|écrire|dire|affirmer|mentionner|préciser|déclarer|annoncer|inclure|souligner|conclure)",
    that=r"(?:que|qu['’]|:)",
    order=r"(?:écris|écrivez|dis|dites|indiquez|mentionnez|affirmez|précisez|signalez|annoncez|rapportez|rédigez)",
    summary=r"(?:résumé|synthèse|titre|compte[\s-]rendu|chapeau)",
    summary_modal=r"(?:doit|devra|devrait)",
    yours=r"(?:votre|vos|ton|ta|tes)",
    override=r"(?:ignorez?|oubliez?|ne\s+tenez\s+pas\s+compte\s+d(?:es|e)|ne\s+tiens\s+pas\s+compte\s+d(?:es|e))",
    instructions=r"(?:instructions?|consignes?|directives?|règles|ordres|prompts?|indications)",
    earlier=r"(?:précédentes?|antérieures?|ci-dessus|initiales?|vos|tes|du\s+système)",
    everything_before=r"(?:tout\s+ce\s+qui\s+précède|ce\s+qui\s+précède|tout\s+ce\s+qu['’]on\s+vous\s+a\s+dit)",
    new_instructions=r"(?:nouvelles?\s+(?:instructions?|consignes?|directives?))",
    role_play=r"(?:(?:tu\s+es|vous\s+êtes)\s+(?:maintenant|désormais)|à\s+partir\s+de\s+maintenant,?\s+(?:tu|vous)|fai(?:s|tes)\s+comme\s+si)",
    unbound=r"(?:sans\s+(?:aucune?\s+)?(?:règles?|restrictions?|limites?|filtres?|censure))",
    respond=r"(?:réponds|répondez|répondre)",
    said=r"(?:a\s+(?:déclaré|dit|lancé|expliqué|ajouté|affirmé|indiqué|précisé|écrit|rappelé|insisté|demandé)|dit|rappelle|explique|affirme|ajoute|lance|écrit)",
)

SPANISH = Cues(
    inherent=rf"(?:(?-i:IA|LLMs?)|inteligencias?\s+artificial(?:es)?|chatbots?|bots|resumidores?|{NAMES})",
    generic=r"(?:asistentes?|modelos?|sistemas?|herramientas?|agentes?|programas?|robots?)",
    qualifier=(
        r"(?:de\s+(?:la\s+)?(?:IA|inteligencia\s+artificial|lenguaje|resumen)|virtual(?:es)?|automátic[oa]s?|automatizad[oa]s?|"
        r"conversacional(?:es)?|generativ[oa]s?|IA|lingüístic[oa]s?)"
    ),
    lead=r"(?:nota|aviso|mensaje|instrucci(?:ón|ones)|atención|recordatorio|advertencia|a|para|querid[oa]s?|hola)",
    filler=r"(?:a|al|los|las|el|la|para|cualquier|todos|todas|todo|toda|cada|destinad[oa]s?)",
    trail=r"(?:\s+que\s+(?:lea|leas|lean|lee|procese|procesa|resuma|resume)\s+(?:este|esta)\s+\w+)",
    you_are=r"(?:si\s+(?:eres|es\s+usted)|(?:ahora\s+)?eres)",
    you_are_end=r"",
    as_a=r"(?:como\s+(?:un|una))",
    imperative=(
        r"(?:di|diga|decid|escribid|resumid|informad|indicad|responded|olvida|olvide|olvidad|por\s+favor|debes|tienes\s+que)"
    ),
    modal=r"(?:debes|deberás|deberías|debéis|tienes\s+que|tenéis\s+que|usted\s+debe|has\s+de|por\s+favor,?)",
    report=r"(?:informar|decir|escribir|indicar|afirmar|mencionar|señalar|incluir|reportar|asegurar|declarar|concluir)",
    that=r"(?:que|:)",
    order=r"(?:di|diga|decid|escribid|informad|indicad|afirmad|mencionad|escriba|informe|indique|afirme|mencione)",
    summary=r"(?:resumen|titular|síntesis)",
    summary_modal=r"(?:debe|deberá|debería|tiene\s+que|ha\s+de)",
    yours=r"(?:tu|tus|vuestro|vuestra)",
    override=r"(?:ignora|ignore|ignorad|olvida|olvide|olvidad|descarta|descarte|no\s+hagas\s+caso\s+a)",
    instructions=r"(?:instrucciones|indicaciones|órdenes|reglas|directrices|normas|prompts?)",
    earlier=r"(?:anteriores|previas|de\s+arriba|iniciales|tus|del\s+sistema)",
    everything_before=r"(?:todo\s+lo\s+(?:anterior|que\s+te\s+(?:han\s+)?dij\w+)|lo\s+anterior)",
    new_instructions=r"(?:nuevas\s+(?:instrucciones|indicaciones|órdenes))",
    role_play=r"(?:(?:a\s+partir\s+de\s+ahora|desde\s+ahora|ahora),?\s+(?:eres|serás|actúas)|finge\s+(?:que|ser)|haz\s+como\s+si)",
    unbound=r"(?:sin\s+(?:ninguna\s+)?(?:reglas|restricciones|límites|filtros|censura))",
    respond=r"(?:responde|responda|responded|contesta|conteste|devuelve)",
    said=r"(?:dijo|afirmó|explicó|añadió|escribió|señaló|advirtió|aseguró|recordó|insistió|dice|explica|afirma|recuerda)",
)

GERMAN = Cues(
    inherent=(
        rf"(?:(?-i:KI)|künstlichen?\s+Intelligenz(?:en)?|KI-(?:Modell|Assistent|System|Zusammenfass|Tool|Bot|Chatbot|Agent|"
        rf"Programm|Werkzeug|Dienst|Leser|Crawler)\w*|LLMs?|Chatbots?|Bots|Sprachmodell\w*|Zusammenfasser\w*|{NAMES})"
    ),
    generic=r"(?:Assistent(?:en|in|innen)?|Modell(?:e|en)?|System(?:e|en)?|Programm(?:e|en)?|Werkzeug(?:e|en)?|Tools?|Agent(?:en)?)",
    qualifier=r"(?:(?:automatisiert|automatisch|digital|virtuell|generativ)e[nrsm]?|der\s+KI)",
    lead=r"(?:Hinweis|Nachricht|Notiz|Anweisungen?|Achtung|Warnung|Botschaft|an|für|liebe[rs]?|hallo|hey)",
    filler=r"(?:an|für|alle|jede[ns]?|die|den|das|der|dich|euch)",
    trail=r"(?:,?\s+(?:die|der|das)\s+(?:diesen|diese|dieses)\s+\w+\s+(?:liest|lesen|zusammenfasst|zusammenfassen|verarbeitet))",
    you_are=r"(?:(?:wenn|falls)\s+(?:du|Sie))",
    you_are_end=r"(?:\s+(?:bist|sind|seid))",
    as_a=r"(?:als)",
    imperative=(
        r"(?:schreib|schreibe|schreiben\s+Sie|sag|sage|sagen\s+Sie|fasse|fassen\s+Sie|berichte|berichten\s+Sie|gib|geben\s+Sie|"
        r"antworte|antworten\s+Sie|behaupte|erwähne|ignoriere|vergiss|vergesst|bitte|du\s+musst|Sie\s+müssen)"
    ),
    modal=r"(?-i:(?:Sie|du|Du|ihr|Ihr)\s+(?:müssen|musst|müsst|sollen|sollst|sollt|sollten|solltest|solltet))",
    report=(
        r"(?:berichten|schreiben|sagen|angeben|erwähnen|melden|behaupten|mitteilen|feststellen|betonen|"
        r"zusammenfassen|ausgeben|nennen|lauten)"
    ),
    that=r"(?:,?\s*dass|:)",
    order=r"(?:schreib|schreibe|sag|sage|berichte|behaupte|erwähne|melde|(?:schreiben|sagen|berichten|behaupten|erwähnen|melden)\s+Sie|(?:gib|geben\s+Sie)\s+an)",
    summary=r"(?:Zusammenfassung|Überschrift|Schlagzeile|Kurzfassung)",
    summary_modal=r"(?:muss|soll|sollte|müsste)",
    yours=r"(?:Ihre[rm]?|deine[rm]?|eure[rm]?)",
    override=r"(?:ignoriere|ignorieren\s+Sie|vergiss|vergesst|vergessen\s+Sie|missachte|verwirf)",
    instructions=r"(?:Anweisung(?:en)?|Instruktion(?:en)?|Befehle|Regeln|Vorgaben|Richtlinien|Prompts?)",
    earlier=r"(?:vorherigen|bisherigen|obigen|vorigen|früheren|ursprünglichen|deine|Ihre|eure|alle)",
    everything_before=r"(?:alles\s+(?:Vorherige|Bisherige|bisher\s+Gesagte|davor|oben\w*)|das\s+Obige)",
    new_instructions=r"(?:neue\s+(?:Anweisungen|Instruktionen|Befehle|Vorgaben))",
    role_play=r"(?:(?:du\s+bist|Sie\s+sind)\s+(?:jetzt|nun|ab\s+sofort|ab\s+jetzt)|ab\s+(?:jetzt|sofort)\s+bist\s+du|tu\s+so,?\s+als)",
    unbound=r"(?:ohne\s+(?:jede\s+|alle\s+)?(?:Regeln|Einschränkungen|Grenzen|Filter|Zensur))",
    respond=r"(?:antworte|antwortet|antworten\s+Sie|gib|geben\s+Sie)",
    said=r"(?:sagte|sagt|schrieb|schreibt|erklärte|erklärt|fügte|betonte|warnte|erinnerte|erinnert|rät|riet|teilte)",
)

ITALIAN = Cues(
    inherent=rf"(?:(?-i:IA|AI|LLM)|intelligenz[ae]\s+artificial[ei]|chatbot|bot|riassuntori|{NAMES})",
    generic=r"(?:assistent[ei]|modell[oi]|sistem[ai]|strument[oi]|agent[ei]|programm[ai]|robot)",
    qualifier=(
        r"(?:di\s+(?:IA|intelligenza\s+artificiale|linguaggio)|linguistic(?:[oai]|he)|virtual[ei]|automatic(?:[oai]|he)|"
        r"conversazional[ei]|generativ[oaie]|IA|AI)"
    ),
    lead=r"(?:nota|avviso|messaggio|istruzion[ei]|attenzione|promemoria|avvertenza|a|ai|agli|alle|per|car[oaie]|ciao)",
    filler=r"(?:a|ai|agli|alle|al|i|gli|le|il|la|l['’]|per|tutti|tutte|ogni|qualsiasi|qualunque|destinat[oaie])",
    trail=r"(?:\s+che\s+(?:legge|leggono|leggi|legga|riassume|riassumono|elabora)\s+(?:questo|questa|quest['’])\s*\w+)",
    you_are=r"(?:se\s+(?:sei|siete)|(?:ora|adesso)\s+sei)",
    you_are_end=r"",
    as_a=r"(?:in\s+quanto|come)(?:\s+(?:un|una|un[\'’]))?",
    imperative=(
        r"(?:scrivi|scrivete|di['’]|dite|riassumi|riassumete|riportate|indicate|affermate|rispondi|rispondete|"
        r"dimentica|dimenticate|per\s+favore|devi|dovete)"
    ),
    modal=r"(?:devi|dovete|dovrai|dovrete|dovresti|dovreste|hai\s+da|per\s+favore,?)",
    report=r"(?:riportare|scrivere|dire|affermare|indicare|menzionare|segnalare|includere|dichiarare|sostenere|riferire|concludere)",
    that=r"(?:che|:)",
    order=r"(?:scrivi|scrivete|di[\'’]|dite|riportate|indicate|affermate|menzionate|segnalate)",
    summary=r"(?:riassunto|sintesi|titolo)",
    summary_modal=r"(?:deve|dovrà|dovrebbe)",
    yours=r"(?:tuo|tua|tuoi|tue|vostro|vostra)",
    override=r"(?:ignora|ignorate|ignori|dimentica|dimenticate|dimentichi|trascura|trascurate)",
    instructions=r"(?:istruzioni|indicazioni|regole|direttive|ordini|prompt)",
    earlier=r"(?:precedenti|di\s+prima|sopra|iniziali|tue|vostre|del\s+sistema)",
    everything_before=r"(?:tutto\s+(?:quello|ciò)\s+che\s+precede|tutto\s+quanto\s+sopra|quanto\s+sopra)",
    new_instructions=r"(?:nuove\s+(?:istruzioni|indicazioni|direttive))",
    role_play=r"(?:(?:da\s+ora\s+in\s+poi|d['’]ora\s+in\s+poi|adesso|ora),?\s+(?:sei|agisci|rispondi)|fingi\s+di)",
    unbound=r"(?:senza\s+(?:alcuna\s+)?(?:regole|restrizioni|limiti|filtri|censura))",
    respond=r"(?:rispondi|rispondete|restituisci)",
    said=r"(?:ha\s+(?:detto|spiegato|aggiunto|scritto|dichiarato|affermato|ricordato|avvertito)|dice|spiega|afferma|ricorda|scrive)",
)

LANGUAGES: dict[str, Cues] = {"en": ENGLISH, "fr": FRENCH, "es": SPANISH, "de": GERMAN, "it": ITALIAN}
"""Every table is tried on every paragraph: an instruction need not be in the article's language."""
