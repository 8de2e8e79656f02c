"""Spoken English tidied for reading: fillers ("um", "uh"), set-off hedges (", you know,", ", like,"), words said
twice ("the the"), sentence-opening discourse markers ("Yeah,", "All right.", "Okay, so") and asides to the room
("Can everyone hear me?", "Give me a second.") are taken out; what the speaker says is otherwise left verbatim.
"""

from __future__ import annotations

import re

_FILLER = re.compile(r"(?:(?<=\s)|^)(?:u+h+m*|u+m+|e+r+m+|hm+|m{2,}h*|a+h+)(?:[,.…]+|\s*-{2,})?(?=\s|$)\s*", re.I)
_SET_OFF = re.compile(r",\s+(?:u+h+|u+m+|e+r+m+|you know|i mean|like|sort of|kind of|you see|basically|literally)\s*,\s*", re.I)
_OPENER = re.compile(
    r"^(?:(?:yeah|yes|yep|okay|ok|alright|all right|well|so|oh|now|right|anyhow|anyway|and so|and|but so|you know|"
    r"interesting|wow|cool|great|awesome|perfect|excellent|beautiful|fantastic|"
    r"i mean|like)\s*[,.]\s*)+",
    re.I,
)
#: A word said twice ("the the"); "had had" is English, and "it, it's" is two words ("a handedness to it, it's
#: different from its mirror image" lost its "it," in relay run 12).
_REPEAT = re.compile(r"\b(?!(?:had|that|is|do)\b)(\w+(?:['’]\w+)?)(?:[\s,]+\1\b(?!['’]\w))+", re.I)
_NUMBER = r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|hundred|thousand|\d+)"
_SELF_CORRECTION = re.compile(rf"\b{_NUMBER}--\s+(?={_NUMBER}\b)|\b(\w+)--\s+(?=\1\b)", re.I)  # "five-- four" -> "four"
_CONNECTIVE = (
    r"(?:and|or|but|so|then|because|when|if|while|whereas|than|as|times|plus|minus|equals|over|that|what|how|why"
    rf"|where|who|which|whether|{_NUMBER[3:-1]})\b|\d"
)
#: A false start the speaker begins again: "we were just taking we were to take" -> "we were to take", "if we if I
#: just" -> "if I just" (a pronoun and its verb, or a conjunction and its subject, said again within four words that
#: hold no connective: "it is 1 and it is 2" is two statements).
_RESTART = re.compile(
    rf"\b((?:i|we|you|it|they|he|she|there)(?:'\w+)? \w+)\b(?: (?!{_CONNECTIVE})\w+){{0,3}} (?=\1\b)"
    r"|\b(if|when|because|so|and) (?:we|you|i|it|they) (?=\2 (?:we|you|i|it|they)\b)",
    re.I,
)
_ASIDE = re.compile(
    r"^(?:(?:can|could) (?:everyone|everybody|you(?: all| guys)?|people|folks)(?: in the back)? (?:still )?(?:hear|see)"
    r" (?:me|this|that|it|ok|okay|all right)|is (?:this|the mic(?:rophone)?) (?:on|working)|(?:let me|give me|just) "
    r"(?:a|one) (?:second|sec|moment|minute)|(?:any|other) questions|(?:good|great|ok|okay) question|thank you|thanks"
    r"|sorry(?: for| about)?(?: the| that| my)?(?: [\w-]+){0,4}|all right|alright|okay|ok|yeah|yes|no|right|so|oh|wow|cool|nice|sure|um|uh)(?:\s*,?\s*(?:everyone|everybody|"
    r"guys|folks|so|then|now|here))*\s*[.?!…]*$",
    re.I,
)
_DOUBLE_SPACE = re.compile(r"\s{2,}")
_SPACE_PUNCT = re.compile(r"\s+([,.?!;:])")


def tidy_speech(text: str) -> str:
    """One spoken sentence tidied for reading; empty when it was only an aside, a filler or a marker."""
    if _ASIDE.match(text.strip()):
        return ""
    said = text
    text = _SET_OFF.sub(" ", text)
    text = _FILLER.sub("", text)
    text = _SELF_CORRECTION.sub("", text)
    text = _RESTART.sub("", text)
    text = _REPEAT.sub(r"\1", text)
    text = _OPENER.sub("", text.strip())
    text = _SPACE_PUNCT.sub(r"\1", _DOUBLE_SPACE.sub(" ", text)).strip(" ,")
    if not any(c.isalnum() for c in text) or _ASIDE.match(text):
        return ""
    return text if text == said else text[:1].upper() + text[1:]


#: Course logistics anywhere in a sentence: the chat, polls, links, channels, homework, the next/last lecture.
_LOGISTICS = re.compile(
    r"\b(?:in the chat|the chat|polls?|polling|the description|subscribe|twitter|hashtag|patreon|livestream|live stream"
    r"|slash live|\w+\.(?:com|co|org|io)\b|pause (?:the video|and ponder)|ponder music|see you (?:next|all|guys|in|on|later)"
    r"|(?:next|last|previous|today's|this) (?:lecture|lesson|video|class|episode|session)s?|homework|office hours"
    r"|problem sets?|the audience|from the audience|answers? (?:are|is) rolling|(?:great|good|excellent) question"
    r"|drink of water|welcome (?:back|to|everyone|everybody)|raise your hand|thanks? (?:you )?for (?:watching|coming|joining)"
    r"|participate|t-shirt|my people"
    r"|(?:most |second most |least )?common answer|(?:the )?(?:correct|right|wrong) answer|answered|responses"
    r"|the question (?:about|asks|is asking)|options? (?:here|are|is)|let's see|our paper|(?:for )?(?:the|this) evening|tonight"
    r"|(?:wind-down|warm-up) questions?|questions? of sorts|mic(?:rophone)?|the camera|the screen|on the board|the blackboard|scroll (?:up|down))\b",
    re.I,
)
#: Narration: the speaker saying what they do, want, think or remember ("I'm going to pull up...", "Let me show you",
#: "We're going to do a poll", "Today we are going to talk about..."), rather than what is so.
_NARRATION = re.compile(
    r"^(?:(?:and|but|so|now|okay|well|then|here|first|next|again|also|actually|honestly|just)[, ]+)*"
    r"(?:(?:right now|for that|for this|at this point|with that|in that case|all right|alright|okay|so)\s*,\s*)?"
    r"(?:i\b(?!\.e\.)|i'(?:m|ll|ve|d)\b|me\b|my\b|let me\b|let's (?:go|take|pull|jump|look|start|see|move|turn|get|"
    r"do|talk|think|build|have|be|try|come|head|switch|bring|open|import|write|type|just|actually|now|kick|wrap|gauge|"
    r"emphasi[sz]e|step|pause|quickly|first)\b|today\b|as you can see\b|you can see\b"
    r"|(?:we|you)(?:'re| are) going to (?:do|take|pull|talk|look|see|start|go|jump|spend|get|walk|have|need)\b"
    r"|(?:we|you)'ll (?:see|talk|look|get|do|come|start|spend|need|walk)\b|we (?:will|can) (?:see|talk|look)\b)",
    re.I,
)


#: Spoken asides that are no statement: a clause cut off from its sentence ("Which was to assume...", "Because it
#: looks like..." without a main clause after a comma), hedged talk ("this is kind of a confusing thing", "needless to say", "okay?").
_ASIDE_TALK = re.compile(
    r"^(?:which|whether|because(?=[^,]*$)|whereas|needless to say|believe it or not|long story short|fun fact|spoiler)\b"
    r"|\b(?:kind|sort) of (?:a|an|like|just|happens|feels|looks|goes|going|weird|confusing|funny|cool|fun|nice|neat)\b"
    r"|\bpeople (?:are|were) (?:changing|saying|answering|voting|asking|typing)\b|\ba little bit in the past\b"
    r"|\b(?:or something|or whatever|and stuff|blah|on and on|okay\?|right\?|you know\?|way fun|i guess|i mean)\b",
    re.I,
)


#: Someone in the audience quoted by name ("Crispin Simmons says three is included...").
_VIEWER = re.compile(r"\b[A-Z][a-z]+ [A-Z][a-z]+ (?:says|said|asks|asked|writes|wrote|points out|mentions|suggests)\b")


def is_narration(text: str) -> bool:
    """True for a sentence about the lecture rather than its subject: course logistics (the chat, a poll, homework,
    "see you next time"), or the speaker narrating what they do, want or think ("I'm going to pull up some Python",
    "Let me show you", "Today we are going to talk about..."), or hedged talk and clauses cut off from their sentence
    ("this is kind of a confusing thing", "Which was to assume..."). Such sentences stay in the transcript as context;
    no summary, takeaway, card or question is made of them."""
    text = text.strip()
    return bool(_LOGISTICS.search(text) or _NARRATION.match(text) or _ASIDE_TALK.search(text) or _VIEWER.search(text))


#: Where a spoken run-on turns from its point to the speaker: ", and I always remember...", ", but let me...".
_TURN = re.compile(r",\s+(?:and|but|so)\s+(?=(?:I|I'm|I'd|I've|I'll|let me|let's)\b)")


def split_turns(text: str) -> list[str]:
    """A spoken sentence cut where it turns from a statement to the speaker ("E is a special constant of nature, and
    I always remember in high school, ..." -> the statement, then the aside), so the statement can be used on its own
    and the aside is narration. Only punctuation changes; a part under five words stays joined."""
    m = _TURN.search(text)
    if m is None or len(text[: m.start()].split()) < 5:
        return [text]
    rest = text[m.end() :]
    return [text[: m.start()] + ".", rest[:1].upper() + rest[1:]]
