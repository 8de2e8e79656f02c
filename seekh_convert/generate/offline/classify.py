"""Subject from vocabulary, level from readability, study time from length."""

from __future__ import annotations

import re
from collections import Counter

from seekh_convert.model.guide import Level, Subject
from seekh_convert.text.words import singular, surface_words

_LEXICON: dict[Subject, str] = {
    Subject.ASTRONOMY: """star planet galaxy orbit telescope solar universe cosmic moon comet asteroid nebula
        supernova astronomer luminosity redshift cosmology stellar celestial eclipse constellation""",
    Subject.BIOLOGY: """cell organism protein membrane gene dna rna species evolution enzyme nucleus organelle
        mitochondria chloroplast bacteria eukaryotic prokaryotic tissue ribosome cytoplasm photosynthesis
        chromosome plant animal vesicle lipid""",
    Subject.CHEMISTRY: """atom molecule electron reaction chemical bond element compound mole orbital ion acid
        base solution proton neutron periodic isotope valence electronegativity oxidation molar stoichiometry
        reactant quantum wavelength photon""",
    Subject.PHYSICS: """force motion velocity acceleration mass energy momentum newton gravity friction vector
        inertia tension torque kinematics dynamics displacement joule spring weight physics equilibrium
        magnitude""",
    Subject.PSYCHOLOGY: """memory behavior behaviour cognitive brain emotion perception learning psychologist
        psychology personality disorder therapy mental recall stimulus conditioning consciousness amnesia
        participant hippocampus amygdala neuron""",
    Subject.HISTORY: """war century empire king revolution history historian treaty army battle colonial
        dynasty ancient medieval government president nation siege soldier troop""",
    Subject.PHILOSOPHY: """philosophy philosopher ethics moral argument knowledge truth metaphysics logic reason
        virtue existence belief epistemology socrates plato aristotle kant justice""",
}
_STEMS = {subject: frozenset(singular(w) for w in vocab.split()) for subject, vocab in _LEXICON.items()}
_VOWELS = re.compile(r"[aeiouy]+")


def subject_of(text: str) -> Subject:
    """The subject whose vocabulary covers most of ``text``; OTHER when none stands out."""
    counts = Counter(singular(w) for w in surface_words(text))
    total = max(sum(counts.values()), 1)
    scores = []
    for order, (subject, stems) in enumerate(_STEMS.items()):
        hits = sum(counts[s] for s in stems)
        scores.append((hits, -order, subject))
    hits, _, best = max(scores)
    return best if hits / total >= 0.004 and hits >= 5 else Subject.OTHER


def syllables(word: str) -> int:
    """Syllables of an English word, by vowel groups (silent final e discounted)."""
    w = word.lower().strip("'’-")
    if not w:
        return 0
    count = len(_VOWELS.findall(w))
    if w.endswith("e") and not w.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1
    return max(count, 1)


def grade(text: str, sentence_count: int) -> float:
    """Flesch-Kincaid grade level of ``text``."""
    ws = surface_words(text)
    if not ws:
        return 0.0
    syl = sum(syllables(w) for w in ws)
    return 0.39 * len(ws) / max(sentence_count, 1) + 11.8 * syl / len(ws) - 15.59


def level_of(text: str, sentence_count: int) -> Level:
    """Beginner below grade 10, intermediate to 13, advanced above."""
    g = grade(text, sentence_count)
    if g < 10:
        return Level.BEGINNER
    if g <= 13:
        return Level.INTERMEDIATE
    return Level.ADVANCED


def study_minutes(word_count: int) -> int:
    """Reading at ~200 words a minute, times three for study, rounded to 5 minutes (5 at least)."""
    minutes = word_count / 200 * 3
    return int(min(max(5, 5 * round(minutes / 5)), 24 * 60))
