"""Subject from vocabulary, level from readability, study time from length."""

from __future__ import annotations

import re
from collections import Counter

from seekh_convert.model.guide import Level, Subject
from seekh_convert.text.lexicon import zipf
from seekh_convert.text.words import singular, surface_words

_LEXICON: dict[Subject, str] = {
    Subject.ASTRONOMY: """star planet galaxy orbit telescope solar universe cosmic moon comet asteroid nebula supernova
        astronomer luminosity redshift cosmology stellar celestial eclipse constellation exoplanet quasar pulsar
        spacecraft astronomy parallax interstellar sun earth mars venus jupiter saturn mercury kepler copernicus ptolemy
        heliocentric geocentric astronomical sky lunar ellipse perihelion aphelion""",
    Subject.BIOLOGY: """cell organism protein membrane gene dna rna species evolution enzyme nucleus organelle mitochondria
        chloroplast bacteria eukaryotic prokaryotic tissue ribosome cytoplasm photosynthesis chromosome plant animal
        vesicle lipid biology biologist genome mutation ecosystem metabolism microscope organ ecology ecological
        ecologist habitat predator prey pollinator pollination parasite herbivore biodiversity""",
    Subject.CHEMISTRY: """atom molecule electron reaction chemical bond compound mole orbital ion acid proton neutron
        periodic isotope valence electronegativity oxidation molar stoichiometry reactant chemistry chemist nucleus
        photon catalyst enthalpy thermochemistry exothermic endothermic calorimetry calorimeter combustion hess
        stoichiometric gas""",  # not "element", "solution", "product": a set's, an equation's (set 46's maths chapter)
    Subject.PHYSICS: """force motion velocity acceleration mass energy momentum newton gravity friction vector inertia
        tension torque kinematics dynamics displacement joule spring weight physics equilibrium magnitude physicist
        scalar quantum hamiltonian lagrangian oscillator wavefunction amplitude frequency electromagnetic magnetic
        relativity thermodynamics particle spin mechanics optics wave seismic seismology elastic refraction impedance""",
    Subject.PSYCHOLOGY: """memory behavior behaviour cognitive brain emotion perception learning psychologist psychology
        personality disorder therapy therapist mental recall stimulus conditioning consciousness amnesia participant
        hippocampus amygdala neuron client psychotherapy counseling""",
    Subject.HISTORY: """war century empire king revolution history historian treaty army battle colonial dynasty ancient
        medieval president nation siege soldier troop slavery slave emancipation confederate union colony abolition
        independence reign monarchy civil archaeology archaeologist archaeological excavation civilisation
        civilization inscription artefact artifact emperor sultan mughal traveller chronicle peasant""",
    Subject.PHILOSOPHY: """philosophy philosopher ethics moral argument knowledge truth metaphysics logic virtue existence
        belief epistemology socrates plato aristotle kant justice hume descartes ontology premise identity
        skepticism empiricism rationalism utilitarianism""",
    Subject.MATHEMATICS: """theorem proof lemma corollary axiom proposition integral derivative polynomial matrix algebra
        geometry triangle angle euclid calculus topology manifold homotopy isomorphism prime integer equation
        mathematics mathematician postulate circle line""",
    Subject.STATISTICS: """probability distribution variance regression sample median estimate estimator hypothesis
        deviation statistic statistics statistical correlation likelihood bayesian residual anova binomial poisson
        predictor covariate parameter confidence significance quantitative""",
    Subject.COMPUTER_SCIENCE: """algorithm program programming python code loop string array compiler software computer
        bit byte sort recursion binary java interpreter debug syntax integer boolean pseudocode runtime
        programmer debugging keyboard print script stack server database network encryption dataset
        classifier overfitting hyperparameter sklearn scikit kernel cpu mmu paging virtual thread scheduler cache
        bitmap""",
    Subject.LINGUISTICS: """language linguistic linguistics grammar phonology morphology semantics pragmatics phoneme
        vowel consonant dialect lexicon quantifier learnability utterance speaker morpheme syntactic verb noun""",
    Subject.ECONOMICS: """market price demand supply economy economic economics inflation gdp trade profit firm consumer
        monetary fiscal tax labor labour capital unemployment investment revenue""",
    Subject.BUSINESS: """business marketing customer brand management manager strategy sales advertising commerce
        e-business e-commerce entrepreneur entrepreneurship organisation organization stakeholder crm retail retailer
        accounting accountant shareholder startup branding campaign""",
    Subject.ENGINEERING: """engineering engineer circuit voltage resistor transistor signal sensor beam load stress
        actuator controller amplifier semiconductor fabrication setpoint pid feedback tuning disturbance overshoot
        damping""",
    Subject.MEDICINE: """patient disease clinical diagnosis treatment symptom drug medical hospital physician surgery
        infection dose nurse health cancer clinician medicine diagnostic""",
    Subject.LAW: """law legal court copyright judge statute constitution lawyer plaintiff defendant lawsuit liability
        contract infringement licence license licensing directive legislation offence precedent jurisdiction
        statutory tort defamation""",
    Subject.SOCIOLOGY: """society societal social sociology sociologist culture cultural socialisation socialization norm
        kinship caste ethnocentrism ethnicity ethnic community subculture stratification tribe tribal ritual
        custom tradition peer""",
    Subject.MUSIC: """music musical rhythm meter metre tempo beat pitch melody harmony chord chords scale clef staff
        notation note rest measure bar duple triple quadruple syncopation dotted quarter eighth sixteenth whole half
        composer symphony sonata octave interval cadence tonic dominant major minor""",
    Subject.POLITICAL_SCIENCE: """politics political government democracy democratic election parliament sovereignty
        sovereign citizen citizenship security policy state states governance diplomacy diplomatic alliance
        terrorism disarmament federalism legislature electoral liberty ideology nationalism""",
    Subject.GEOGRAPHY: """geography geographer geographical population census density migration migrant urban rural
        urbanisation urbanization climate rainfall monsoon latitude longitude continent region regional terrain river
        mountain plateau plain soil vegetation settlement map landform demographic demography fertility mortality
        literacy sex-ratio hemisphere coastline delta glacier erosion""",
    Subject.ENGLISH: """essay thesis paragraph draft drafting writer writing rhetoric rhetorical citation revise revision
        proofread narrative poem poetry poet novel novelist literature literary metaphor genre stanza prose fiction
        plot protagonist""",
}
_STEMS = {subject: frozenset(singular(w) for w in vocab.split()) for subject, vocab in _LEXICON.items()}
_VOWELS = re.compile(r"[aeiouy]+")
#: Share of a text's words that must come from a subject's vocabulary, and how far it must lead the runner-up.
_MIN_SHARE, _LEAD = 0.004, 1.3


def subject_of(text: str, title: str = "") -> Subject:
    """The subject whose vocabulary covers most of ``text`` (the title counts ten times), if it covers enough and
    clearly leads; OTHER otherwise (security, machine learning, law...)."""
    counts = Counter(singular(w) for w in surface_words(text))
    for w in surface_words(title):
        counts[singular(w)] += 10
    total = max(sum(counts.values()), 1)
    scores = sorted(
        ((sum(counts[s] for s in stems), -order, subject) for order, (subject, stems) in enumerate(_STEMS.items())),
        reverse=True,
    )
    (hits, _, best), (second, _, _) = scores[0], scores[1]
    if hits / total >= _MIN_SHARE and hits >= 5 and hits >= _LEAD * second:
        return best
    return Subject.OTHER


def syllables(word: str) -> int:
    """Syllables of an English word, by vowel groups (silent final e discounted)."""
    w = word.lower().strip("'’-")
    if not w:
        return 0
    count = len(_VOWELS.findall(w))
    if w.endswith("e") and not w.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1
    return max(count, 1)


_INTRO = re.compile(
    r"\b(?:introduction|introductory|introduce[sd]?|basics?|fundamentals?|beginners?|overview|for the first time"
    r"|in this (?:video|lecture|chapter)|what is|let's start|simple example)\b",
    re.IGNORECASE,
)
_ADVANCED = re.compile(
    r"\b(?:theorem|lemma|corollary|proof|proposition|satz|beweis|definition \d|q\.e\.d|et al\.|isomorph\w*"
    r"|homotop\w*|eigen\w*|derivative|integral|asymptotic|manifold)\b",
    re.IGNORECASE,
)
_MATH = re.compile(r"[=∑∫∂≤≥→∈∀∃λπσ]|\b[a-z]\s*[\^_]\s*\w")


def level_score(text: str, sentence_count: int) -> float:
    """How advanced ``text`` reads: readability (sentences capped at 25 words, so unpunctuated transcripts do not
    count as one endless sentence), rare vocabulary, formulas and proofs raise it; introductory talk lowers it."""
    ws = surface_words(text)
    if not ws:
        return 0.0
    per_sentence = min(len(ws) / max(sentence_count, 1), 25.0)
    syl = sum(syllables(w) for w in ws) / len(ws)
    readability = 0.39 * per_sentence + 11.8 * syl - 15.59
    content = [w.lower() for w in ws if len(w) > 3]
    rare = sum(1 for w in content if zipf(w) < 3.0) / max(len(content), 1)
    per_k = 1000 / len(ws)
    advanced = len(_ADVANCED.findall(text)) * per_k
    intro = len(_INTRO.findall(text)) * per_k
    math = len(_MATH.findall(text)) * per_k
    vocabulary = min((rare - 0.06) * 5, 1.0)
    return (readability - 11.0) / 3 + vocabulary + min(advanced, 10) * 0.15 + min(math, 30) * 0.03 - min(intro, 6) * 0.2


def level_of(text: str, sentence_count: int, document_score: float | None = None) -> Level:
    """Beginner, intermediate or advanced from ``level_score``, half the topic's own and half its document's."""
    score = level_score(text, sentence_count)
    if document_score is not None:
        score = (score + document_score) / 2
    if score < -0.15:
        return Level.BEGINNER  # introductory material: textbooks' first chapters, intro lectures, slides
    if score <= 1.2:
        return Level.INTERMEDIATE
    return Level.ADVANCED  # proofs, formulas, rare vocabulary: graduate lecture notes


def study_minutes(word_count: int) -> int:
    """Reading at ~200 words a minute, times three for study, rounded to 5 minutes (5 at least)."""
    minutes = word_count / 200 * 3
    return int(min(max(5, 5 * round(minutes / 5)), 24 * 60))
