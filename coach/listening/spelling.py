"""Chat shorthand and slips of the keyboard, put right when the mentee's words are said back.

The words stay theirs: "rn" is said as "at the moment" and "teh" as "the", because a playback that repeats a
typo reads as mockery or as a broken machine (round 40 heard "(teh training manager)").
"""

from __future__ import annotations

import re

__all__ = ["spelled_out"]

# Chat shorthand, said back in full words ("rn nobody does" -> "at the moment nobody does").
_SHORTHAND = {
    "rn": "at the moment", "ppl": "people", "u": "you", "ur": "your", "obvs": "obviously", "smth": "something",
    "sth": "something", "abt": "about", "b4": "before", "bc": "because", "cuz": "because", "coz": "because",
    "probs": "probably", "prob": "probably", "tho": "though", "thru": "through", "yrs": "years", "ppls": "people's",
    "bf": "boyfriend", "gf": "girlfriend", "w/": "with", "w/o": "without", "irl": "in real life",
    "esp": "especially", "defo": "definitely", "wanna": "want to",
}
# Slips of the keyboard, put right when said back (round 40 heard "(teh training manager)" echoed). The
# mentee's words stay theirs; a playback that repeats a typo reads as mockery or as a broken machine.
_TYPOS = {
    "teh": "the", "hte": "the", "taht": "that", "thta": "that", "adn": "and", "becuase": "because",
    "becasue": "because", "beacuse": "because", "becase": "because", "becuse": "because", "bcause": "because",
    "waht": "what", "jsut": "just", "realy": "really", "relaly": "really", "definately": "definitely",
    "definatly": "definitely", "wiht": "with", "wtih": "with", "thier": "their", "alot": "a lot", "knwo": "know",
    "konw": "know", "untill": "until", "seperate": "separate", "managment": "management",
    "mangement": "management", "manger": "manager", "mangaer": "manager", "manageer": "manager",
    "buisness": "business", "bussiness": "business", "busness": "business", "proffesional": "professional",
    "profesional": "professional", "experiance": "experience", "expirience": "experience",
    "oppurtunity": "opportunity", "oportunity": "opportunity", "freind": "friend", "freinds": "friends",
    "peopel": "people", "poeple": "people", "pepole": "people", "somthing": "something", "someting": "something",
    "beleive": "believe", "belive": "believe", "probaly": "probably", "wierd": "weird", "whcih": "which",
    "woudl": "would", "coudl": "could", "shoudl": "should", "thnk": "think", "thikn": "think", "wnat": "want",
    "wokr": "work", "wrok": "work", "teh's": "the", "collegues": "colleagues", "colleages": "colleagues",
    "enviroment": "environment", "familly": "family", "finacial": "financial", "intrested": "interested",
    "intresting": "interesting", "importnat": "important", "imporant": "important", "mony": "money",
    "moeny": "money", "somethign": "something",
    "trianing": "training", "traning": "training", "nurisng": "nursing", "ppeople": "people",
    # apostrophes left out ("shes not always with my mum"): said back with them
    "shes": "she's", "theyre": "they're", "thats": "that's", "whats": "what's", "dont": "don't",
    "doesnt": "doesn't", "didnt": "didn't", "cant": "can't", "isnt": "isn't", "wasnt": "wasn't",
    "wouldnt": "wouldn't", "couldnt": "couldn't", "shouldnt": "shouldn't", "havent": "haven't",
    "hasnt": "hasn't", "arent": "aren't", "theres": "there's", "elses": "else's", "wont": "won't", "hes": "he's",
    "youre": "you're", "werent": "weren't", "aint": "ain't",
}
_TYPO = re.compile(r"(?i)(?<![\w'])(?:" + "|".join(re.escape(k) for k in _TYPOS) + r")(?![\w'])")
# "nursign", "trainign": the last two letters swapped; real words ending in -ign stay as they are.
_IGN = re.compile(r"(?i)\b(?!(?:design|resign|assign|consign|cosign|countersign|redesign|ensign|align|realign|malign|"
                  r"benign|campaign|foreign|sovereign)\b)([a-z]{3,})ign\b")


# "its still building stuff", "its creative": "it's", unless what follows is something "belonging to it" ("its own
# team", "its culture"); people chatting type "its" for "it's" far more often (round 41 heard "And its safer").
_ITS = re.compile(r"(?i)(?<![\w'])its(?= (?!(?:own|name|way|value|values|job|people|staff|team|teams|culture|customers|"
                  r"clients|place|purpose|products?|members|work|workers|users|goal|goals|mission|history|size|shape|"
                  r"parts?|owner|owners|head|leader|leaders|budget|price|cost|role|core|heart|employees|managers|"
                  r"own|doors|office|offices|systems?|rules|board|ceo|founder|founders|money|reputation|brand)\b)\w)")


def _spelled(text: str) -> str:
    """``text`` with the commonest slips of the keyboard put right."""
    text = _ITS.sub(lambda m: "It's" if m.group(0)[0] == "I" else "it's", text)
    return _IGN.sub(r"\1ing", _TYPO.sub(lambda m: _TYPOS[m.group(0).lower()], text))


_SHORT_WORD = re.compile(r"(?i)(?<![\w'/])(?:" + "|".join(re.escape(k) for k in _SHORTHAND) + r")(?![\w'/])")


def spelled_out(text: str) -> str:
    """``text`` with chat shorthand in full words and the commonest typos put right."""
    return _spelled(_SHORT_WORD.sub(lambda m: _SHORTHAND[m.group(0).lower()], text))
