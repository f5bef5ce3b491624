"""Word lists for news attribution: cue verbs, speaker roles, pronouns.

Kept as data so that detection and attribution rules stay short, and so that
a user can see (and extend) what counts as a cue.
"""

from __future__ import annotations

import re
from pathlib import Path


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _phrases(text: str) -> frozenset[str]:
    """Phrases separated by "|" or line ends, whitespace collapsed."""
    return frozenset(" ".join(p.split()) for p in re.split(r"[|\n]", text) if p.strip())


# Lemmas of verbs that introduce reported speech or thought in news.
SPEECH_CUES = _words("""
    say tell add argue claim note warn insist write tweet post state
    explain stress emphasize emphasise underscore underline point observe remark comment reply
    respond answer retort ask wonder suggest propose recommend urge demand believe
    think feel hope fear expect estimate forecast contend maintain assert allege accuse
    charge admit concede confirm reveal disclose indicate signal declare proclaim vow
    pledge promise threaten boast brag complain lament protest agree disagree recall recount
    describe testify caution advise repeat conclude continue counter
    joke quip muse speculate surmise calculate project figure reckon guess know
    learn understand want inform assure concur rule order instruct
    yell shout chant exclaim scream confess cry whisper mutter scoff snap plead interject
    marvel sigh gush bellow roar holler read
""")

# Verbs of stance and evidence whose object is the attributed content, clause
# or not: "the poll shows ...", "she called it a gift", "he criticized the deal",
# "Clinton acknowledged Sanders' success". Chosen on PolNeAR train: each verb
# here gains attributions on two slices of it (150 and 200 articles) and was
# then checked on a third (100); "support", "vote", "include" cost more than
# they gain, "back", "attack", "welcome" change nothing. Rarer stance verbs are
# left to the cue model (quotes/cue_model.py), which reads them in context.
STANCE_CUES = _words("""
    call show criticize criticise cite blast slam denounce condemn decry lambaste assail rebuke
    describe thank praise applaud endorse oppose express refuse decline compare
    report mention question deny announce acknowledge predict reiterate realize suspect
    defend reject dispute mock tout rail vouch advocate invoke reference recite imply deem
    press voice promote seek find discuss list like sign
""")

CUE_VERBS = SPEECH_CUES | STANCE_CUES

# Cues that only count with a clausal complement: "X knows that ..." reports a
# claim, but "X knows the senator" does not. ("want", "note" and "post" report
# their objects too: "wanted a candidate who ...", "noted her years as senator".)
WEAK_CUES = _words("""
    know learn understand continue figure rule order project calculate think feel
    counter charge fear hope expect
""")

# Verbs of appearance and expectation that report a claim about their own
# subject, held by nobody named: "the race appears closer in Ohio", "Trump is
# expected to win". PolNeAR annotates them, the subject within the content;
# "expect" only counts in the passive.
EVIDENTIAL_CUES = _words("seem appear expect")

# Wire agencies, as datelines name them: "KABUL (AFP) -", "New York (Reuters) -".
WIRE_AGENCIES = _words("AFP Reuters AP dpa Xinhua Bloomberg UPI ANSA EFE Kyodo Yonhap PTI IANS")

# Shares of a whole: a speaker ("Almost half said", "two-thirds of voters say")
# or the quantity a report opens with ("said about half of ...").
FRACTIONS = _words("half third thirds quarter quarters two-thirds three-quarters majority")

# Nouns and adjectives that report a claim when a "that" clause follows them:
# "Trump's suggestion that ...", "she made it clear that ...", "Cruz has been
# acutely aware that ...". Not "sure" ("make sure that"), nor "fact".
CLAIM_WORDS = _words("""
    claim assertion suggestion idea notion belief concern fear doubt complaint
    argument view hope warning insistence allegation accusation charge promise pledge assurance
    speculation assumption prediction impression conviction admission acknowledgment
    acknowledgement contention theory criticism demand
    clear convinced confident hopeful worried aware unaware certain skeptical adamant
    optimistic concerned afraid
""")

# Verbs that report what the object of their preposition names: "talked about
# the economy", "pointed to the polls", "called for a ban", "railed against".
# Chosen on PolNeAR train: each pair's attributions are right (content and
# speaker) often enough to gain F1; "vote for", "ask about", "react to",
# "reply to" and "side with" were not. "focus on" gains, but names an
# activity, not a statement ("the insurgents focused on a campaign"). "put it"
# and "point out" frame what follows ("As Cornyn put it, ...").
PHRASAL_CUES = frozenset(p.replace(":", " ") for p in _words("""
    talk:about speak:about speak:of refer:to point:to respond:to comment:on call:for call:on
    rail:against advocate:for push:for allude:to complain:about warn:of argue:for argue:against
    lash:out weigh:in ask:for object:to hint:at put:it point:out
    believe:in call:out write:about boast:about lay:out speak:out hope:for agree:with
    worry:about describe:as boast:of talk:up warn:against touch:on apologize:for walk:back
"""))

# Irregular past forms of cue verbs, for text with no lemmatizer.
IRREGULAR = {"said": "say", "says": "say", "told": "tell", "wrote": "write", "written": "write",
             "thought": "think", "felt": "feel", "knew": "know", "known": "know",
             "understood": "understand", "spoke": "speak", "spoken": "speak"}

# Cue verbs whose object is the addressee, skipped before the content ("told reporters").
ADDRESSEE_CUES = frozenset({"tell", "assure", "inform", "warn", "remind", "advise", "urge", "ask"})

# Nouns that name a statement rather than a speaker ("a statement from the presidency said").
MESSAGE_NOUNS = _words("""
    count tally figures estimate estimates data survey poll study analysis records account website
    statement release communique communiqué report letter memo tweet post message spokesperson
    document filing announcement briefing transcript email note voicemail
""")

# Pictures, which show rather than say: "released its own footage of air strikes",
# "posted a video of the news conference" report no statement.
PICTURE_NOUNS = _words(
    "footage video videos clip clips photo photos photograph photographs picture pictures image images")

# Verbs whose subject is the author of the message they take as object ("sent
# the victim a text message that read"); not "received", "found", "showed".
SENDING_VERBS = _words("send leave write post publish issue deliver mail text email tweet pen draft sign")

# dashes that set off an aside; typists write an em dash as two hyphens
DASHES = ("—", "–", "--")

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"they", "them", "it", "we"})

# A general role noun and the titles (abbreviations expanded) it covers: "the
# lawmaker" may be the person an article calls "Rep. Adam Schiff", "the judge"
# a "Justice Frank Nervo".
_LAWMAKERS = _words("senator representative congressman congresswoman assemblyman assemblywoman mp")
ROLE_KINDS: dict[str, frozenset[str]] = {"lawmaker": _LAWMAKERS, "legislator": _LAWMAKERS, "judge": _words("justice")}

# Head nouns of roles, for reading "Pentagon spokesman John Kirby" or
# "Hamdullah, a 39-year-old shopkeeper".
ROLE_NOUNS = _words("""
    adviser advisor spokesman spokeswoman spokesperson minister president premier envoy
    ambassador commander general colonel major captain lieutenant sergeant officer official
    director chief head secretary senator representative congressman congresswoman governor
    mayor chairman chairwoman chair ceo founder leader candidate nominee governor judge justice
    lawyer attorney prosecutor analyst expert professor researcher scientist economist soldier
    shopkeeper resident witness doctor nurse teacher student farmer worker driver owner manager
    executive strategist aide adviser pollster consultant activist author editor correspondent
    reporter journalist commissioner administrator speaker king queen prince chancellor diplomat
    deputy member mp lawmaker legislator coordinator organizer organiser volunteer survivor
    victim father mother son daughter wife husband brother sister fan supporter voter critic
    militant fighter insurgent citizen villager policeman chief-of-staff economist historian
    negotiator mediator
    admiral superintendent inspector detective reverend pastor bishop cardinal pope rabbi imam
    narrator announcer host anchor commentator columnist pundit blogger writer producer publisher
    expert voter aide ally surrogate operative staffer insider delegate elector protester
    protestor demonstrator parent teacher businessman businesswoman entrepreneur investor banker
    physician surgeon psychiatrist psychologist environmentalist scholar academic regulator
    investigator observer developer physicist co-director chief-executive
    scientist engineer attorney-general officer agent trooper sheriff marshal
    ranger firefighter spokesperson representative congressman assemblyman councilman
    councilwoman alderman treasurer comptroller auditor clerk registrar nominee contender
    challenger incumbent frontrunner front-runner runner-up
    backer donor fundraiser bundler endorser advocate campaigner organizer lobbyist
    president-elect vice-president premier monarch emperor dictator
    manager coach player athlete star actor actress singer musician artist comedian celebrity
    cast veteran employee chairperson cochair co-chair fellow moderator panelist co-founder cofounder
    speechwriter
    partner associate assistant secretary-general secretary-treasurer
""")

# Titles of several words, kept whole as a role: "Secretary of State Mike Pompeo"
# is a secretary of state, not a secretary of an organization "State".
MULTIWORD_TITLES = _phrases("""
    secretary of state|secretary of defense|secretary of the treasury|secretary of homeland security
    chief of staff|deputy chief of staff|speaker of the house|director of communications
    prime minister|deputy prime minister|foreign minister|defense minister|finance minister
    attorney general|solicitor general|surgeon general|inspector general|secretary general
    press secretary|deputy press secretary|national security adviser|national security advisor
    vice president|lieutenant governor|majority leader|minority leader|majority whip|minority whip
    campaign manager|deputy campaign manager|campaign chairman|campaign chairwoman|campaign chair|campaign chief
    communications director|policy director|political director
    executive director|managing director|managing editor|executive editor
    chief executive|chief executive officer|chief operating officer
    chief financial officer|chief strategist|senior adviser|senior advisor|senior fellow
    presidential nominee|vice-presidential nominee|vice presidential nominee|presidential candidate
    vice-presidential candidate|presidential contender|district attorney|city attorney|county attorney
    state senator|state representative|ranking member|first lady
    chief justice|police chief|fire chief|special counsel|white house counsel|cast member
    lieutenant general|major general|brigadier general|lieutenant colonel|rear admiral|vice admiral
    home secretary|foreign secretary|shadow home secretary|shadow chancellor
    """)

# A government's portfolios: "Minister of Education" is one title, not a minister of a
# body "Education" (as "Secretary of State" is)
_PORTFOLIOS = _words("""
    education health defence defense finance justice labour labor agriculture interior environment
    energy transport transportation culture trade commerce housing treasury tourism immigration
    infrastructure communications industry economy welfare veterans fisheries sport sports
""")
MULTIWORD_TITLES |= {f"{title} of {field}" for title in ("minister", "secretary") for field in _PORTFOLIOS}

# Abbreviated titles before names, in full: "Sen." -> senator.
TITLE_ABBREVIATIONS = {
    "sen": "senator", "rep": "representative", "gov": "governor", "gen": "general", "lt": "lieutenant",
    "col": "colonel", "maj": "major", "capt": "captain", "sgt": "sergeant", "adm": "admiral",
    "cmdr": "commander", "pres": "president", "sec": "secretary", "atty": "attorney", "supt": "superintendent",
    "rev": "reverend", "cpl": "corporal", "amb": "ambassador", "insp": "inspector", "det": "detective",
    "prof": "professor", "del": "delegate", "sens": "senator", "reps": "representative",
    "ceo": "chief executive officer",
}

# Possessive endings as the tokenizer splits them: "Trump" "'s".
POSSESSIVES = ("'s", "’s", "'", "’")

# Nouns that tell how a person stands to another, not a function: "my father" states no role.
KINSHIP = _words("father mother son daughter wife husband brother sister fan friend")

# Verbs that make their subject a body's head: "X, who heads the Center for ..." is its head.
# Not "lead": "who leads Bernie Sanders" in the polls.
LEADING_VERBS = {"head": "head", "run": "head", "chair": "chair", "direct": "director", "helm": "head",
                 "found": "founder"}

# Quantities and collectives whose "of" object is the source: "a majority of voters".
COLLECTIVES = _words("""
    majority group groups number percent share handful couple dozens hundreds one some many most all coalition
""")

# Staff titles that, after a person's name, make the organization that person's
# campaign ("Clinton spokesman Nick Merrill" speaks for the Clinton campaign).
STAFF_ROLES = _words("""
    spokesman spokeswoman spokesperson aide adviser advisor strategist pollster surrogate operative
    staffer campaign-manager
""") | frozenset({"campaign manager", "campaign chairman", "campaign chairwoman", "campaign chief", "press secretary",
                  "deputy campaign manager", "communications director", "senior adviser", "senior advisor",
                  "chief strategist", "campaign spokesman", "campaign spokeswoman", "policy director",
                  "political director", "deputy press secretary", "communication director"})

# Words before a role that say when or how, not what: "former President Bill Clinton" is a president.
ROLE_MODIFIERS_DROPPED = _words("""
    former top longtime long-time then then- current acting interim new retired veteran prominent
    leading local black white hispanic latino young old other major key many some several two three
    four both all few one own possible potential likely would-be eventual fellow independent
    conservative liberal progressive moderate female male influential powerful well-known famed noted
    renowned outspoken vocal staunch avid early die-hard loyal ardent strong big biggest high-ranking
    highest-ranking state unnamed anonymous certain numerous various federal outside emeritus
""")

# Party labels: "Republican nominee", "(R-Texas)", "GOP" speak for a party.
PARTIES = {
    "republican": "Republican Party", "gop": "Republican Party", "r": "Republican Party",
    "democrat": "Democratic Party", "democratic": "Democratic Party", "d": "Democratic Party",
    "libertarian": "Libertarian Party", "green": "Green Party",
}

# Last words of bodies' names that NER may tag as places ("White House", "Capitol Hill").
BODY_WORDS = _words("house hill street hall palace office")

# Last words of institutions' names: "Marion Avenue Baptist Church" is a body.
INSTITUTION_HEADS = _words("center centre church cathedral hospital school college museum university institute")
# Last words of names of places and buildings, never of a person's name ("Johnson Space Center").
PLACE_HEADS = INSTITUTION_HEADS | _words("airport airfield base avenue square stadium station bridge")

# Places that are no organization even where NER misses them: the US states and
# capitals news puts before a title ("Texas Gov. Greg Abbott").
PLACES = _words("""
    alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii
    idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan
    minnesota mississippi missouri montana nebraska nevada hampshire jersey mexico york carolina
    dakota ohio oklahoma oregon pennsylvania rhode island tennessee texas utah vermont virginia
    washington wisconsin wyoming america u.s. us britain uk u.k. russia china iran israel france
    germany syria iraq afghanistan pakistan canada ukraine japan korea chicago houston boston
    philadelphia atlanta denver dallas miami detroit cleveland
""")

# Nouns of time: "Last month, X said", "a poll in June showed" name no speaker.
# Days, which name no one even when they stand between a subject and its verb
# ("Priebus later Thursday told").
DAYS = _words("today yesterday tonight monday tuesday wednesday thursday friday saturday sunday")
TIME_WORDS = DAYS | _words("""
    moment minute hour morning afternoon evening night day week weekend month year decade
    time season spring summer fall autumn winter
    january february march april may june july august september october november december
""")

# Pronouns that stand as a subject: never part of an addressee ("told the Post
# he ..."), and a speaker even with no tags.
SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})

# Pronouns that open a relative clause: ", who garnered ...", "a nurse who works nights".
RELATIVE_PRONOUNS = frozenset({"who", "whom", "whose", "which"})
# the pronouns that stand as a relative clause's subject ("a video that said")
RELATIVE_SUBJECTS = frozenset({"who", "which", "that"})

# Sentence adverbs the compact tagger may read as names: "Indeed, X said" names X.
SENTENCE_ADVERBS = _words("""
    indeed however still meanwhile instead moreover nevertheless nonetheless besides separately
    likewise similarly also yet now then overall meantime additionally furthermore finally
    ultimately fortunately unfortunately ironically notably importantly interestingly clearly
    obviously apparently earlier later again otherwise thus hence therefore regardless
""")

# Words in titles that stay capitalised but are not part of a name.
HONORIFICS = _words("""
    mr mrs ms miss dr prof sir dame lord lady gen col maj capt lt sgt sen rep gov rev fr
""")

# Words before a period that ends no sentence (initials are checked apart).
ABBREVIATIONS = HONORIFICS | _words("""
    jr sr st inc co corp ltd no vs adm gov gen jan feb aug sept sep oct nov dec mt ft
""")


def cue_lemma(word: str) -> str:
    """Lower-case; undo regular inflection where that yields a cue verb.

    Examples
    --------
    >>> cue_lemma("chanting"), cue_lemma("told"), cue_lemma("meeting")
    ('chant', 'tell', 'meeting')
    """
    w = word.lower()
    if w in IRREGULAR:
        return IRREGULAR[w]
    for suffix, repl in (("ied", "y"), ("ies", "y"), ("ed", ""), ("ed", "e"), ("es", ""), ("s", ""),
                         ("ing", ""), ("ing", "e")):
        if w.endswith(suffix) and w[: -len(suffix)] + repl in CUE_VERBS:
            return w[: -len(suffix)] + repl
    return w


def is_abbreviation(word: str, following: str = "") -> bool:
    """Is ``word`` (without its period) an initial, a title or, when the text
    goes on in lower case (``following``), a dotted abbreviation ("H" of "Paul H.
    Chipok", "Sen", "U.S" of "U.S. and European rates")?"""
    return ((len(word) == 1 and word.isupper()) or word.lower() in ABBREVIATIONS
            or ("." in word and following[:1].islower()))

# Words that open a "Label: text" line that reports nobody ("Update: ...").
LABELS = _words("""
    update note editor editors related watch read photo photos video correction source sources
    credit see also more live breaking exclusive opinion analysis
""")

# Nouns heading an organisation when used as a speaker ("the group said").
ORG_NOUNS = _words("""
    group government ministry military army police company firm agency department office
    organization organisation party campaign committee council court administration presidency
    palace embassy bank union association coalition alliance team network newspaper channel
    commission authority authorities board institute university command force forces pentagon
    panel caucus division foundation pac
""")


# Word lists of the detection rules (quotes/detect/) and the speaker rules
# (quotes/attribute.py).

# Forms of "say" and "tell" that are verbs whatever the tagger says ("Bush Says
# ..." in a headline); after the "said" forms a noun phrase opens the clause,
# after "told" it is the addressee.
SAY_FORMS = frozenset({"say", "says", "said", "told", "tells"})
SAID_FORMS = SAY_FORMS - {"told", "tells"}

# Cues whose "to"-infinitive is a report: "vowed to fight", "asked the court to act".
INFINITIVE_CUES = _words("""
    vow pledge promise threaten agree refuse decline ask urge tell call order advise warn instruct demand
    want expect hope seek decide vote offer prefer claim push
""")

# Conjunctions of a subordinate clause whose report ends at the main clause's
# comma ("While he said A, B"), and that end a stance object ("touted his win as
# he urged ...").
FRONTING_CONJUNCTIONS = _words("while although though because since when whereas if once after before as")

# Conjunctions of contrast that open the writer's next clause after a report
# ("A, the military added, while an official said B"; "said A but warned that B").
CONTRAST_CONJUNCTIONS = _words("but while whereas although though")

# Words that open a short time or place phrase ("on Tuesday", "late last week").
TIME_OPENERS = _words("on in at during late last early earlier this")

# Verbs whose quoted object is a name given to something ('what he calls "real
# solutions"'): news annotators count the clause as mixed, not direct.
NAMING_VERBS = _words("call name dub term label brand nickname title")

# Words that may open a reported clause although tagged ADP or SCONJ.
CLAUSE_OPENERS = _words("to that whether if how why what when where who")

# Relative pronouns that can be a report's subject ("which Democrats say could ...").
RELATIVE_SUBJECTS = _words("which that who what")

# Verbs of belief: "as many believe" and "a system they believe is rigged" name
# nobody's report.
BELIEF_VERBS = _words("""
    believe think feel hope fear expect know understand want speculate suspect guess reckon surmise figure learn
""")

# Words that open a quantity as a report's first word ("reported at least six
# planes", "said about half of ..."). Not the same list as SHARE_APPROXIMATORS:
# each was tuned with its own rule.
QUANTITY_OPENERS = _words("about around nearly almost roughly at over more fewer less")

# Words after a QUANTITY_OPENERS word that make it a quantity.
QUANTITY_WORDS = _words("least most than dozen hundred hundreds thousand thousands million millions percent") \
    | FRACTIONS

# Hedges before a number or fraction in a share of people that speaks, which the
# tagger reads as adverbs ("Almost half said", "about four in 10 say"): part of
# the speaker's noun phrase. Not the same list as QUANTITY_OPENERS.
SHARE_APPROXIMATORS = _words("about almost nearly roughly around only just over under")

# Reflexive pronouns: "found itself" reports no finding.
REFLEXIVES = _words("myself yourself himself herself itself ourselves themselves")

# Words that open the concession a writer adds after a report (", though they blame ...").
CONCESSIONS = _words("though although even however")

# Determiners that take a part of a group as a speaker ("some of the voters").
PARTITIVES = _words("some many most all several few each both any none half much")

# Adjective and preposition pairs inside a speaker ("people familiar with the talks").
IN_THE_KNOW = frozenset({("familiar", "with"), ("close", "to")})

# Words that open no speaker noun phrase although tagged DET or PRON.
NOT_SPEAKERS = _words("that which who whom this these what there")

# Prepositions a speaker's noun phrase runs on through ("envoy to Afghanistan",
# "one of the soldiers").
SPEAKER_LINKS = _words("of to for from at")

# Nouns of "X in a statement said": the phrase between a speaker and its cue.
SAID_IN_NOUNS = MESSAGE_NOUNS | {"interview", "speech"}

# Modifiers of a time phrase that ends a speaker ("Priebus last week said").
TIME_MODIFIERS = _words("last this next late early earlier the that each every first same a")


# documents and proceedings that state findings ("a state audit found", "the indictment says")
DOCUMENT_NOUNS = _words("""
    audit review inquiry investigation ruling verdict judgment complaint lawsuit suit indictment affidavit
    testimony census assessment evaluation forecast projection finding findings
""")


def _source_heads() -> frozenset[str]:
    path = Path(__file__).parent / "models" / "source_heads.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    listed = frozenset(w for w in lines if w and not w.startswith("#"))
    return listed | ROLE_NOUNS | ORG_NOUNS | MESSAGE_NOUNS | DOCUMENT_NOUNS


# Common nouns that can head a source ("the official", "a statement", "the poll"): those
# of source_heads.txt (PolNeAR train's source heads and WordNet's nouns of people, groups,
# places, messages and knowledge), and every role, organization, message and document noun. A speaker phrase
# headed by another common noun ("a brave face", "turn", "the militants' rapid gains") is
# no source.
SOURCE_HEADS = _source_heads()
