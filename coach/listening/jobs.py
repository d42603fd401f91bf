"""The job a reply names ("my manager's", "the head of science"), for a short reminder in a later question."""

from __future__ import annotations

import re

# "not the full educator job, more like a preceptor on the ward", "torn between preceptor and ward manager, ... maybe
# less torn, more preceptor" (round 87 kept the job turned down, then the one leaned away from): the pick is the later
_NOT_BUT_MORE = re.compile(r"(?i)(?:^|[,.;!?]\s*|\b(?:but|just)\s+)not "
                           r"(?P<n>(?:the |my |a |an |her |his )?[^,.;!?]{2,40}?)"
                           r"[,.;]\s*(?:but |just |it'?s |its )?(?:more|rather)(?: like| of)?\s+"
                           r"(?!(?:for|because|about|to|that|so|as)\b)(?P<x>[^.!?;,]{2,40})")
_TORN_LEANING = re.compile(r"(?i)\btorn between\b[^.!?]*?[,.;]\s*[^.!?]*?\b(?:more|leaning(?: towards?)?|mostly)\s+"
                           r"(?P<x>(?!torn\b)[\w' -]{2,30}?)(?=\s*(?:[.,!?;]|$|\s(?:ugh|idk|tbh|lol|now|i think)\b))")

# One word that names a role ("dispatcher", "foreman", "cto"): a whole answer to "whose job?".
ROLE = re.compile(r"(?i)^(?:the |a |an |my )?(?:[a-z]+(?:er|or|ist|ant|ent|ager|ian|man|woman|person|lead|head|chief)|"
                  r"boss|owner|nurse|chef|pilot|cto|ceo|cfo|coo|vp|director|founder|partner|principal|editor|"
                  r"foreman|supervisor|manager)s?[.!]?$")

CONTRACTED_IS = {"it's", "that's", "what's", "there's", "here's", "who's", "he's", "she's", "let's", "how's"}


# "Whose job would you want?": the job named, for a short reminder in a later question.
_SELF_REPAIR = re.compile(
    r"(?i)[.!?;]\s+(?:(?:wait[,.!]?\s+)?(?:scratch|scrap|forget) that[,.!]?|"  # "wait scratch that, ..." (round 43)
    r"no+[,.!]|no+ wait[,.!]?|actually[,.!]?|wait[,.!]?|or rather|well,? no[,.!]?|"
    r"ok,? (?:seriously|honestly)[,.!]?|(?:so |ok |hmm,? )?(?:maybe |actually |probably )?not(?: (?:hers|his|that one|"
    r"that|them|him|her))?[.!])\s+(?:(?:honestly|seriously|really|for real|hmm+)[,.!]?\s+)?"
)
# A change of pick said after the first (round 21).
_RATHER_NOW = re.compile(r"(?i)\b(?:but|though|tho|although)\s+(?:(?:honestly|tbh|actually|really|now|these days)"
                         r"[,]?\s+)*i'?d (?:much |probably |actually )?(?:rather|prefer to|sooner) "
                         r"(?:take|have|go for|pick|do|get)\s+(?P<x>[^.!?;]+)")
# A short pick, then another job mused on (round 32): "head of people. Though if I'm honest, the CFO's job appeals".
_FIRST_THEN_ASIDE = re.compile(r"(?i)^(?:(?:i think )?i'?ve (?:rather |already |just )?answered (?:that|this)"
                               r"[.,:;!-]*\s+)?(?P<x>[^.!?;,]{2,40}?)[.!;,]+\s+"
                               r"(?:though|tho|although|but|mind you)\b[^.!?]*"
                               r"\b(?:appeal|tempt|interest|attract|curious|fun|nice|cool)")
_CONTRACTION = CONTRACTED_IS | {"nobody's", "everybody's", "everyone's", "someone's", "somebody's", "anyone's",
                                  "no-one's", "name's"}  # "her name's priya": her name is
_NOT_A_JOB = {"lol", "haha", "ha", "idk", "dunno", "ok", "okay", "hmm", "um", "well", "honestly", "nobody", "none",
              "no", "yes", "yeah", "maybe", "not", "nothing", "whatever", "pass", "same", "omg", "ugh", "oh",
              "now", "then", "still", "mate", "thinking", "actually", "tbh", "so",  # "now, thinking about it, ..."
              "prob", "probably", "perhaps", "possibly", "nah", "nope", "ngl"}  # "prob not ngl" (round 98)
_POSSESSIVE = re.compile(r"(?i)(?:\b(?:the|my|our|a|an|his|her|their)\s+)?(?:[\w&/-]+\s+){0,3}?"
                         r"([\w&/-]+(?:'s|s'))(?=\W|$)")
# "h&s manager", "R&D lead" (round 64 said back "s manager"): "&" and "/" join the words before the role
_ROLE = re.compile(
    r"(?i)\b(?:one of\s+)?(?:(?:the|my|our|a|an)\s+)?(?:[\w&/-]+\s+){0,2}(?:head|lead|manager|director|ceo|cto|cfo|"
    r"coo|chief|principal|founder|owner|partner|vp|president|boss|engineer|designer|teacher|nurse|"
    r"editor|chef|counsel|lawyer|solicitor|barrister|accountant|pharmacist|architect|doctor|surgeon|"
    r"consultant|analyst|scientist|librarian|curator|producer|developer|coordinator|officer|buyer|planner|"
    r"merchandiser|supervisor|trainer|lecturer|tutor|therapist|counsellor|specialist|educator|instructor|"
    r"administrator|receptionist|technician|assistant|advisor|adviser|practitioner|midwife|paramedic|"
    r"matron|sister|inspector|controller|coach|mentor|recruiter|clerk|driver|dispatcher|keeper|preceptor)s?\b(?:\s+(?:specialist|practitioner|educator|assistant|consultant|officer|coordinator|advisor|"
    r"adviser|analyst|architect|scientist|technician|developer|manager|lead|director)s?\b)?(?:\s+of\s+(?:the\s+)?[\w-]+(?:\s+(?:ops|operations|engineering|design|product|products|"
    r"sales|marketing|people|services|planning|support|development|research|data|technology|finance|care|"
    r"collections|studies|communications|admissions|events|facilities|programmes|programs|partnerships|logistics|"
    r"estates|acquisitions|archives|resources|affairs|standards|claims|accounts|payments|compliance|quality|"
    r"training|content|education|nursing|pharmacy|"
    r"learning|experience|success|relations|safety|security|strategy|analytics|science|sciences|platform|"
    r"infrastructure|governance|protection|insight|insights)\b)?)?"
)


_PERSON_NAMED = re.compile(r"(?i)(?:the|my|our) (?:[\w'-]+ ){0,2}[\w'-]+(?: (?:on|in|at|from|for) (?:the )?[\w'-]+"
                           r"(?: [\w'-]+)?| (?:who|that) (?:runs|leads|manages|heads|owns|does|looks after) "
                           r"(?:the |our |my )?[\w'-]+(?: [\w'-]+){0,2}(?: (?:at|in|on|for) (?:the |our |my )?[\w'-]+"
                           r"(?: [\w'-]+)?)?)"
                           r"(?<!\blol)(?<!\bhaha)(?<!\btbh)")
_TAKEN_BACK = re.compile(r"(?i)\?\s*(?:but |nah,? |no,? )?not really\b(?![^.!?]*\b(?:actually|maybe|or)\b)"
                         # "none of them. maybe the head of maths, but no, too many meetings" (round 85 kept it)
                         r"|\bnone of them\b[^?]*\bbut no\b(?![^.!?]*\b(?:actually|maybe|or)\b)")
_NOT_THEIRS = re.compile(r"(?i)[^,.;!?]*[?.!]\s*(?:(?:god|hell|oh|lol|haha|ugh)[,]?\s+)?(?:no+|nope|nah|no way|never)"
                         r"(?=\W*$|[.!,?])[.!]*"
                         # "the head's job? god no. ... maybe the exams officer" (round 98 picked the head's)
                         r"|\b(?:i'?m|im|i am) (?:the|a|an) [^,.;!?]*?"
                         r"(?=\s+(?:so|and|but|because|cos|which)\b|[,.;!?]|$)"
                         r"|[^,.;!?]*\b(?:don'?t|dont|do not|wouldn'?t) (?:really )?(?:want|wanna)\b[^,.;!?]*"
                         # "at my work thats just the manager": what there is, not the pick
                         r"|\b(?:that'?s|thats|there'?s|theres) (?:just|only) (?:the|a|an|my|one) [^,.;!?]*"
                         # "its a school, the jobs are head teacher and the caretaker" (round 83 picked "the jobs are
                         # head"): the jobs there are, not the one picked
                         # ... "the jobs at a school are head, deputy, teachers" (round 88)
                         r"|\b(?:the|our) (?:only )?(?:jobs|roles) (?:(?:here|there|at|in|on) (?:[\w'-]+ ){0,3})?"
                         r"(?:are|is)\b[^.;!?]*"
                         r"|^\W*(?:(?:lol|so|well|um+)\W+)*(?:it'?s|its|it is) (?:just )?(?:a|an) [^,.;!?]*")


# A pick said first, in a few words after "the"/"my"/"our" ("the practice lead", "our bakery owner"), with any
# shrug after it; what follows the comma is why.
_HEDGED = re.compile(r"(?i)(?:\s+(?:i guess|i think|i suppose|probably|prob|maybe|lol|haha|tbh|ngl|honestly))+$")
_PICK = re.compile(r"(?i)(?:the|my|our) (?!(?:one|same|thing|way|place|job|idea|money|best|only|worst|answer|pay|"
                   r"salary|hours|people|team|work|office|company|kids|family|freedom|time|rest|other|whole|"
                   r"question)\b)[\w'-]+(?: [\w'-]+){0,2}")


# Said on the way to a pick: a question back ("lol everyone?"), a "nobody's" taken back by a maybe.
_ON_THE_WAY = re.compile(r"(?i)^(?:[^.?!]{1,30}\?+\s*|(?:(?:um+|uh+|honestly|hmm+|lol|tbh|well)[,.]?\s+)*"
                         r"(?:nobody'?s|no one'?s|noone'?s|nobody|none|everyone'?s|everyone|everybody|anyone|"
                         r"all of them)[.!,]+\s+)+"
                         r"(?:(?:maybe|perhaps|probably|prob)\s+)?")


# Their own job picked ("mine tbh", "id keep mine", "my current one"): said back as theirs, never in their words.
_OWN_PICK = re.compile(r"(?i)^(?:(?:honestly|tbh|prob|probably|i guess|i think|hmm+|um+|well|lol|haha|ok|so)[,.]?\s+)*"
                       r"(?:i'?d |id |i would )?(?:just )?(?:keep |stay (?:with |in )|stick (?:with |to ))?"
                       r"(?:mine|my (?:own|current|present)(?: (?:job|one|role))?|my (?:job|role)|"
                       r"the one i(?:'ve| have|'ve got| got)(?: now)?)"
                       r"(?:\s+(?:tbh|lol|haha|honestly|i guess|obviously|really|probably|ngl|i think))*$")


def rules_words(text: str) -> int:
    """How many words ``text`` has."""
    return len(re.findall(r"[\w']+", text))


# A role, not a name, before the "'s": "area manager's" (said "the area manager's"), never "sam's".
_ROLE_OWNS = re.compile(r"^(?:\w+ )+\w+(?:er|or|ist|ian|lead|head|chief|chef|nurse)'s$|(?:^|\s)(?:boss|owner|director|"
                        r"manager|officer|assistant|supervisor|engineer|designer|analyst|executive|exec|partner|"
                        r"principal|lead|head|chef|nurse|teacher|editor|founder|ceo|cto|cfo|coo|vp)'s$")


# The pick said in so many words, after other jobs were talked about: the job is what follows it
_SAID_PICK = re.compile(r"(?i)(?<!\bif )(?<!whether )\b(?:i suppose |i guess |i think |so )?"
                        r"i(?:'?d| would)(?: probably| actually| really)? "
                        r"(?:want|take|pick|choose|go for)\b(?! to\b)")


def job_named(answer: str) -> str:
    """The job an answer names ("my manager's", "the head of science"), "" when none is clear.

    A self-repair counts ("the office plant's. no, honestly, one of the senior designers"): the
    job is looked for after it. Reactions and asides ("that's fun", "nobody's at school") are no job."""
    if _TAKEN_BACK.search(answer):  # "i guess her job? but not really, i dont wanna run a cafe": no job picked
        return ""
    instead = _NOT_BUT_MORE.search(answer)
    if instead and not (_ROLE.search(instead["n"]) or re.search(r"(?i)\b(?:job|role|position|one)\b", instead["n"])):
        instead = None  # "not for the money, more the teaching": a reason put right, not the pick
    instead = instead or _TORN_LEANING.search(answer)
    if instead:  # "not the full educator job, more like a preceptor on the ward" (round 87 kept the educator)
        return job_named(instead["x"]) or instead["x"].strip()
    pieces = _SELF_REPAIR.split(answer)
    if len(pieces) > 1 and re.match(r"(?i)(?:no+[,.]?\s+)?not\b", job_named(pieces[-1])):
        # "the trainers job i spose. ... gets to boss the new lot about. wait no not boss, show them how" (round 63
        # took "not boss" for the job): a word of the reason put right, not the pick
        return job_named(" ".join(pieces[:-1]))
    text = " ".join(pieces[-1].split())
    # "lol everyone? um honestly nobodys. maybe the guy who does the design ..." (round 41): a question back and a
    # "nobody" on the way, then the pick, its hedge said first
    text = _ON_THE_WAY.sub("", text) if rules_words(_ON_THE_WAY.sub("", text)) >= 2 else text
    picked = _FIRST_THEN_ASIDE.match(text)
    if picked and job_named(picked.group("x")):  # "head of people. Though the CFO's job appeals": the first pick
        return job_named(picked.group("x"))
    said = _SAID_PICK.search(text)  # "the head's job looks awful ... i suppose i'd want the TA's job" (round 57)
    if said and said.start() > 0 and (after := job_named(text[said.end():])):
        return after
    rather = _RATHER_NOW.search(text)
    if rather:  # "same answer i guess, my VP's, but honestly now i'd rather take the L&D lead's job": the later pick
        text = rather.group("x")
    # "..., or maybe the pastry chef": the later pick
    text = re.split(r"(?i),?\s+or (?:maybe|perhaps|actually) (?=(?:the|my|our|a|an)\b)", text)[-1]
    if _OWN_PICK.match(re.split(r"[.,;!?]", text, maxsplit=1)[0].strip()):
        return "mine"  # "mine tbh. i like what i do", "id keep mine": their own job, said as "mine"
    text = _NOT_THEIRS.sub(" ", text)  # "Im the head chef", "I dont want his job": not the job they would pick
    # "the job of Marek, site manager" (round 97 said back "the Marek"): a person by name, Marek's job
    text = re.sub(r"(?:\b[Tt]he |\b[Aa] )?\b(?:[Jj]ob|[Rr]ole|[Pp]osition) of "
                  r"(?!(?:Head|Manager|Director|Chief|Lead|Senior|Deputy|Assistant|Area|Site|Shift|Store|Ward|Team|"
                  r"General|Operations|Sales|Charge|Practice)\b)"
                  r"(?P<name>[A-Z][a-z]+)\b(?!['-]| of\b)",
                  lambda m: f"{m['name']}'s job", text)
    # "the job of X": X; "the job of our trainer in HR": our trainer, never "the our trainer" (round 42)
    text = re.sub(r"(?i)\b(?:the |a )?(?:job|role|position) of (?:(?P<own>our|my|his|her|their) |the |a |an )?",
                  lambda m: f"{m['own']} " if m["own"] else "the ", text)
    for m in _POSSESSIVE.finditer(text):
        if m.group(1).lower() not in _CONTRACTION:
            phrase = re.sub(r"(?i)^(?:(?:maybe|probably|perhaps|possibly|prob|definitely|hmm+|yeah|so|well)\s+)+", "",
                            m.group(0).strip())  # "Maybe our creative director's": the job, not the hedge
            det = re.search(r"(?i)\b(?:the|my|our|a|an|his|her|their)\b", phrase)
            phrase = phrase[det.start():] if det else phrase  # "i'd take the owner's": from "the" on
            titled = re.search(r"(?i)\b(?:mrs|mr|ms|miss|dr)\.?\s+\w", phrase)
            phrase = phrase[titled.start():] if titled and not det else phrase  # "id want mrs okafor's": a name
            if det is None and not titled and phrase.islower() and _ROLE_OWNS.search(phrase):
                phrase = f"the {phrase}"  # "area manager's i reckon": the area manager's, never "(area manager's)"
            phrase = phrase if len(phrase.split()) <= 5 else m.group(1)
            noun = re.match(r"(?i)\s+(?:job|role|position|seat|chair)\b", text[m.end():])
            return phrase + noun.group(0) if noun else phrase
    first_said = _HEDGED.sub("", re.split(r"[.,;!?]", text, maxsplit=1)[0]).strip()
    if not _ROLE.search(first_said) and _PICK.fullmatch(first_said):
        return first_said  # "the practice educator i guess, she teaches the new nurses": the pick, not the nurses
    role = _ROLE.search(text)
    if not role:
        # A short answer names the job itself ("product owner", "mine"); an aside does not.
        first = re.split(r"[.,;!?]", text, maxsplit=1)[0].strip()
        head = first.split(" ", 1)[0].lower() if first else ""
        short = 0 < len(first.split()) <= 3 and head not in _CONTRACTION and head not in _NOT_A_JOB \
            and head not in ("at", "in", "on", "for", "from", "with")  # "at my work": where, not whose
        # "the staff eng on payments", "the lady who runs the counselling service": a person named at more length
        short = short or _PERSON_NAMED.fullmatch(first) is not None
        # "knees are shot": something said about themselves, not a job
        said = re.search(r"(?i)\b(?:is|are|was|were|am|feel|feels|got|hurts?|aches?|sucks?)\b", first)
        return first if short and not said else ""
    phrase = re.sub(r"(?i)^(?:(?:or|and|but|maybe|like|then)\s+)+", "", role.group(0).strip())  # "HR or h&s manager"
    # "analyst on the sustainability team" (round 74 kept "analyst" three times): the team is part of the job
    team = re.match(r"(?i)\s+(?:on|in|for) (?:the |our |my |a )?[\w&'-]+(?: [\w&'-]+){0,2} (?:team|department|dept|"
                    r"side|unit|group|squad|desk)\b|\s+(?:on|in) (?:the|our|my) (?:ward|unit|floor|shop floor|site)\b"
                    r"(?! +[a-z])", text[role.end():])  # "a preceptor on the ward", never "the manager in the site"
    det = re.search(r"(?i)\b(?:one of|the|my|our|a|an) ", phrase)  # "be the boss": from "the" on
    if det is None and re.fullmatch(r"(?i)(?:line )?(?:boss|manager|supervisor)", phrase):
        return f"my {phrase}"  # "boss": said back as "your boss"
    return (phrase[det.start():] if det else phrase) + (team.group(0) if team else "")


# No organisation of their own to picture: "i'm self-employed", "freelance", "its just me", "my own shop" (round 29).
_ALONE = re.compile(
    r"(?i)\b(?:i'?m|im|i am|being|been|went|gone|going) (?:a |fully |now |still )?"
    r"(?:freelance|freelancer|self[- ]employed|a sole trader|a contractor|a one[- ](?:wo)?man band)\b"
    r"|\bi (?:work|am working) (?:alone|on my own|by myself|for myself|four myself|solo)"
    r"(?=\s*(?:[.,!?;]|$|lol|haha|tbh|now|these days|mostly|really|though|tho))"
    r"|\b(?:its|it'?s|it is) just me\b|\bthere(?:'?s| is) (?:nobody|no one|noone) else\b"
    r"|\b(?:my own|i run (?:a|my)) (?:little |small )?(?:business|company|firm|shop|studio|practice|van|courier)\b"
    r"|\bmy (?:little |small |\w+ )?business\b|\bi(?:'?m| am) my own boss\b")


def works_alone(text: str) -> bool:
    """Does ``text`` say the mentee has no organisation around them (self-employed, freelance, on their own)?"""
    return _ALONE.search(text) is not None
