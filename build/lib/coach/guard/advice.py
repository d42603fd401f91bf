"""The guard's table of unwanted phrasing: advice, suggestion, instruction, judgement, information,
leading and promise, each a kind of wording with the exemptions that keep open questions out of it.
"""

from __future__ import annotations

import re

from coach.guard.text import _norm, _sentences

__all__ = ["ACTION", "ADVICE_PATTERNS", "PROPOSAL_PATTERNS", "REFLECTIVE", "advice_reasons"]

# Verbs a coach may use to ask the mentee to reflect or say more; anything else in the
# imperative, or after "could/should you", directs what they do with their career.
REFLECTIVE = (
    "say|tell|describe|explain|share|put|expand|add|change|name|sum|walk|clarify|elaborate|"
    "picture|imagine|think|remember|recall|give (?:me |an )?(?:an )?example|help me understand|"
    "take your time|talk (?:me )?(?:through|about)|go on|carry on|continue|keep going|"
    "pause|stop here|move on|let me|let's|say more|see"
)

# Common career actions; used to spot imperatives and suggestions phrased as questions.
ACTION = (
    "ask|apply|talk|speak|go|get|make|take|start|stop|try|focus|find|look|join|learn|build|"
    "read|write|update|set|keep|save|quit|leave|move|switch|negotiate|volunteer|reach|contact|"
    "email|call|book|schedule|prepare|practise|practice|pick|choose|do|be|become|aim|seek|"
    "shadow|study|train|attend|enrol|enroll|sign|register|network|meet|request|push|propose|"
    "pitch|accept|decline|turn|stay|wait|plan|research|explore|check|follow|send|submit|"
    "delegate|lead|manage|run|mentor|hire|resign|retrain|invest|spend|work|consider|"
    "transfer|relocate|list|note|track|record|journal|document|create|develop|improve|"
    "work on|sign up|put yourself|raise|bring up|tell your|say yes|say no|use|have"
)

# What the mentee thinks, feels or wants: "Why don't you want the promotion?" asks about them;
# any other verb after "why don't you" ("Why don't you draft a proposal?") proposes an action.
STATE = (
    "want|like|love|enjoy|feel|think|know|believe|see|care|mind|trust|agree|understand|need|wish|"
    "hope|expect|mean|remember|recall|notice|seem|fit|find it|imagine|picture|belong|deserve|qualify|"
    "matter|count"
)

_P = re.compile  # shorthand; all patterns run on _norm() text

# A short lead-in before the question proper: "Deep down, ", "Be honest, ", "So, ".
_PREAMBLE = r"(?:[a-z']+(?: [a-z']+){0,2}, )?"

# "Right" as a place or a moment ("where you are right now", "it's right there", "right in the
# middle of it") is no verdict; "you're right", "you're right about that" and "that's right on the
# money" are.
_RIGHT = (r"right(?! (?:now|then|here|there|away|after|before|back|up|down|into|through|next|by|beside|behind|"
          r"where|when|across|around|over|under|outside|inside|off|out|along|ahead|in (?:the|a|an|your|front|between)|"
          r"at (?:the|a|an|your)|on (?:the (?!money\b|mark\b|button\b|nose\b)|a|an|your))\b)")

ADVICE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("advice", _P(r"\byou (?:really |probably |definitely |certainly |clearly |just )?"
                  r"(?:should|ought to|must|need to|have to|had better|'d better|better(?! than))\b")),
    ("advice", _P(r"\byou (?:really |just )?need (?:a|an|some|more|to)\b")),
    ("advice", _P(r"\b(?:i|i'd|i would|we) (?:strongly )?(?:recommend|advise|advice|suggest|urge)\w*")),
    ("advice", _P(r"\b(?:my|our) (?:advice|recommendation|suggestion|tip)\b")),
    ("advice", _P(r"\bif i were you\b|\bin your (?:position|shoes|place)\b|\bif i was you\b")),
    ("advice", _P(r"(?<!\bknow you're on )(?<!\bknow you are on )(?<!\bknow if you're on )"
                  r"(?<!\bwhether you're on )\bthe (?:best|smart|smartest|right|wise|only|obvious) "
                  r"(?:thing|move|way|option|choice|step|path|answer|approach|plan)\b")),
    ("advice", _P(r"\bthe (?:key|answer|trick|secret|solution) is\b")),
    ("advice", _P(r"\b(?:it's|it is|it'd be|it would be|it will be) "
                  r"(?:really |very |so |always )?(?:important|essential|vital|crucial|key|wise|smart|"
                  r"sensible|best|better|advisable|necessary|a good idea|worth|worthwhile|helpful)\b")),
    ("advice", _P(r"\byou(?:'d| would) (?:be better off|do well to)\b|\bbetter (?:off|to)\b")),
    ("advice", _P(r"\byour next (?:step|move) (?:should|is|would be|could be)\b")),
    ("advice", _P(r"\bwhat you (?:really |actually )?(?:need|should|must|have to)\b")),
    ("advice", _P(r"\b(?:recommend\w*|advis\w*|advice)\b")),
    # A reminder is an instruction: "Remember to ask for the band - how does that sound?"
    ("instruction", _P(r"(?:^|[;:,] |- )(?:(?:so|then|now|and|just|please|but)[, ]+)*(?:remember|do not forget|"
                       r"never forget) to \w+")),
    ("suggestion", _P(r"\bhave you (?:ever )?(?:thought about|thought of|considered|tried|looked at|"
                      r"looked into|explored|asked|talked|spoken)\b")),
    # "Have you had a look at ...?", "Have you reached out to ...?": an errand, asked after.
    ("suggestion", _P(r"\bhave you (?:ever |already |yet )?(?:(?:had|taken|given (?:it|that|them)) a (?:quick |"
                      r"proper |closer )?(?:look|go|chat|word|try|crack|stab|peek|shot)|"
                      r"reached out|checked out|approached|contacted|enquired|sounded out)\b")),
    ("suggestion", _P(r"\bwhy (?:not|don't you|do not you|wouldn't you|would you not) "
                      rf"(?:just )?(?:{ACTION})\b")),
    # "Why don't you draft a proposal?": any verb but a state of mind ("Why don't you want it?").
    ("suggestion", _P(r"\bwhy (?:do not you|do you not|would not you|would you not) (?:just |simply )?"
                      rf"(?!(?:{STATE}|(?:say|tell|talk|walk) (?:more|me|us)|describe|explain|expand|"
                      r"elaborate|sum)\b)[a-z]{2,}\b")),
    # "Any reason not to apply?", "Is there any mileage in asking?", "No harm in trying?"
    ("suggestion", _P(r"\b(?:any|no|a good) reason (?:not to|why not|why you (?:should|could|would|can) not|"
                      r"you (?:should|could|would|can) not)\b|\b(?:any|some|much|no) (?:mileage|point|harm) in "
                      r"\w+ing\b")),
    # "How would you feel about applying for the scheme?" puts a step, with its object, up for a
    # yes; "How would you feel about leaving?" or "... about being a manager?" asks how it sits.
    ("suggestion", _P(r"\bhow (?:would|might) you feel about (?!being\b|having\b|"
                      r"doing\b|getting\b|not\b|feeling\b)\w+ing (?:for|to|a|an|the|your|some|with|into|up|"
                      r"on|out|at|in|more|less|part)\b")),
    ("suggestion", _P(r"\b(?:how|what) about (?:\w+ing|a |an |the |some |your |going|asking)")),
    ("suggestion", _P(r"\bwhat if you (?!had\b|could\b|were\b|did not\b|didn't\b)\w+")),
    ("suggestion", _P(r"\bif you (?:tried|asked|talked|applied|took|started|moved|went|spoke|looked|"
                      r"considered|joined|volunteered|switched)\b")),
    ("suggestion", _P(r"\b(?:consider\w*)\b(?! (?:yourself|your|it|that|this|to be)\b)")),
    ("suggestion", _P(r"\btr(?:y|ied|ying) (?:\w+ing\b|out\b|to\b|a\b|an\b|the\b|some\b|your\b|and\b|"
                      r"something\b|another\b)")),
    ("suggestion", _P(r"\b(?:maybe|perhaps|possibly) you (?:could|might|can|should|may)\b")),
    ("suggestion", _P(r"\b(?:might|may|could|would) it (?:help|be worth|be good|be an idea|make sense|"
                      r"be useful|be wise|pay)\b")),
    ("suggestion", _P(r"\b(?:it|that|this|which) (?:might|may|could|would) (?:help|be worth|be good|"
                      r"be an idea|be a good|make sense|be useful|be wise|pay)\b|\b(?:might|may|could|would) "
                      r"(?:help (?:to|if|you)|be worth|be a good idea|make sense to|be wise)\b|"
                      r"\b(?:might|may|could|would) help\s*\?$")),
    ("suggestion", _P(r"\b(?:one|an|another|a good) (?:option|idea|possibility|first step|step|way "
                      r"forward) (?:would|could|might|is)\b")),
    ("suggestion", _P(r"\b(?:think|thought|thinking) (?:about|of) (?:\w+ing)\b|"
                      r"\blook(?:ed|ing)? (?:at|into) (?:\w+ing)\b")),
    # A yes/no question whose subject is a thing nobody named ("Might a secondment help?")
    # proposes that thing.
    ("suggestion", _P(r"^(?:would|could|might|should|will|can|may) (?:a|an|some|more|another) \w+")),
    ("suggestion", _P(r"\bsomething to (?:consider|think about|try|look into)\b")),
    # A proposal put to the mentee: "What would you say to taking the course?", "... to me calling?"
    # ... unless it is said to a person: "What would you say to a friend in the same situation?"
    ("suggestion", _P(r"\bwhat would you say to (?:me |us |\w+ing\b|(?:a|an|one|some) (?!(?:friend|colleague|"
                      r"person|peer|mentee|stranger|child|younger|new (?:hire|joiner|starter)|of)\b))")),
    # Something to do with someone else: "Can you tell your manager ...?", "say it to your boss".
    ("suggestion", _P(r"\b(?:can|could|would|will) you (?:tell|ask|email|message|show|call|write to) "
                      r"(?:your|the) \w+|\bsay (?:it|that|this|so|what [^?]{0,40}?) to (?:your|the) \w+")),
    # "Maybe it's time to look elsewhere?" proposes a move while sounding like a question.
    ("suggestion", _P(r"\b(?:it's|it is|is it|might it be|could it be|would it be|is not it|is it not|is now the) "
                      r"(?:high |about |finally |perhaps |maybe )?time (?:to|for)\b")),
    ("suggestion", _P(r"\b(?:is|would|might) it (?:be )?worth\b|\bworth (?:a try|trying|asking|"
                      r"considering|looking|exploring)\b|\bworth (?:a|another|a closer|a second) "
                      r"(?:look|shot|go|punt|try|thought)\b")),
    # A yes/no question whose subject is an action ("Could spending a week there help?", "Would
    # writing a proposal be a good start?") puts that action up for a yes.
    ("suggestion", _P(rf"^{_PREAMBLE}(?:would|could|might|will|can|may|should|shall) "
                      r"(?!(?:any|some|no|every)thing\b|during\b|morning\b|evening\b|bring\b|"
                      r"spring\b|string\b)\w{2,}ing\b")),
    ("suggestion", _P(r"\bcould (?:a|an|the|some|more) \w+(?: \w+)? (?:help|get|give)\b")),
    ("suggestion", _P(r"\bwould you (?:be )?(?:open to|willing to|up for)\b")),
    ("suggestion", _P(r"\bcould you see yourself\b")),
    ("suggestion", _P(r"\bperhaps (?:a|an|the|some)\b")),
    ("promise", _P(r"\b(?:i|i'll|i will|i can|i could|i'm going to|let me) (?:\w+ )?"
                   r"(?:help you|find you|get you|send you|put you|make sure|check in|talk to|"
                   r"recommend|give you|tell you exactly|find some|guarantee|promise)\b")),
    ("promise", _P(r"\bhow can i help\b|\bi can help\b|\bshall i\b|\blet me (?:find|recommend|give|"
                   r"send|suggest|help|get|show)\b")),
    ("promise", _P(r"\b(?:i promise|i guarantee|guaranteed|trust me|no doubt|for sure|i know it|"
                   r"there's no way|there is no way|no way they)\b")),
    ("promise", _P(r"\byou(?:'ll| will| are going to|'re going to) (?:definitely |certainly |surely |"
                   r"soon |never |always )?(?:get|be|love|find|succeed|make it|do|have|regret|"
                   r"enjoy|land|go far|thrive|end up)\b")),
    ("promise", _P(r"\b(?:it|everything|things|this) (?:will|is going to|'ll) "
                   r"(?:all )?(?:work out|be fine|be ok|be okay|be alright|be great)\b")),
    ("promise", _P(r"\byou are (?:certain|sure|bound|guaranteed) to\b")),
    ("promise", _P(r"\b(?:your|the) (?:manager|boss|director|mentor|team) will (?:definitely |"
                   r"certainly |surely )?(?:support|say yes|agree|help|promote)\b")),
    ("promise", _P(r"\bin no time\b")),
    # Asking for a commitment is setting a task: "Can you tell me you'll update your CV this week?"
    ("instruction", _P(r"\b(?:tell|promise|assure) me (?:that )?you(?:'ll| will| are going to|'re going to)\b")),
    ("judgement", _P(r"\blet (?:that|the|this|an?|your) (?:\w+ )?(?:chance|opportunity|offer) (?:slip|pass|go)\b")),
    ("judgement", _P(r"\b(?:that|this|it|which|your \w+(?: there| here)?)(?:'s| is| was| seems| sounds| looks| feels)"
                     r"(?: like)?(?: a| an| such a| such an)?(?: really| very| quite| rather| bit| a bit|"
                     r" pretty| so| too| not a| not very| not)*(?: \w+ly)? (?:great|good|excellent|"
                     r"wonderful|fantastic|brilliant|smart|wise|sensible|bad|poor|terrible|awful|"
                     r"unrealistic|realistic|naive|na\u00efve|admirable|impressive|strange|odd|silly|"
                     rf"selfish|shallow|wrong|{_RIGHT}|perfect|amazing|awesome|noble|lovely|nice|"
                     r"mistake|shame|pity|fit|unusual|weird|ambitious|risky|sound|reasonable|"
                     r"understandable|valid|healthy|unhealthy|mature|immature|worrying|solid)\b")),
    ("judgement", _P(r"\b(?:great|good|excellent|wonderful|fantastic|brilliant|smart|wise|sensible|"
                     r"bad|poor|terrible|awful|admirable|impressive|lovely|nice|interesting|"
                     r"unrealistic|ambitious|noble|worthy) (?:idea|goal|goals|choice|answer|plan|"
                     r"point|question|move|decision|instinct|attitude|ambition|aim|reason|thing to want|"
                     r"thought|insight|response|approach|aspiration)\b")),
    ("judgement", _P(r"^(?:great|good|excellent|wonderful|fantastic|brilliant|nice|perfect|lovely|"
                     r"impressive|awesome|amazing|well done|good for you|bravo|exactly|absolutely|"
                     r"indeed|correct|wow)\b")),
    # "What a great idea!" judges; "what a great day looks like for you" asks.
    ("judgement", _P(r"\bwhat an? (?:\w+ )?(?:great|good|excellent|wonderful|brilliant|shame|pity|"
                     r"lovely|nice|idea|thing|challenge|goal|answer)\b(?!(?: \w+){0,5} (?:looks?|would look) like\b)")),
    # "You're on the right path" judges; "How would you know you're on the right path?" asks.
    ("judgement", _P(r"(?<!\bknow )(?<!\bknow if )(?<!\bwhether )\byou(?:'re| are) (?:still |really |definitely |"
                     r"clearly |so |now )?on the (?:right|wrong) (?:path|track|lines)\b")),
    ("judgement", _P(rf"\byou(?:'re| are) (?:absolutely |quite |so |clearly |being |just )*(?:{_RIGHT}|"
                     r"wrong|correct|mistaken|a natural|clearly|too|being too|so good|talented|"
                     r"gifted|brave|courageous|lucky)\b")),
    ("judgement", _P(r"\byou (?:seem|sound|look|appear) (?:\w+ )?(?:too|very|so|really|quite|a bit)\b")),
    ("judgement", _P(r"\b(?:i|i really|i do) (?:love|like|agree|disagree|admire|am impressed|'m impressed)"
                     r"\b(?! (?:to|you to|it if)\b)|\bi'm impressed\b|\bi am impressed\b|\bi agree\b")),
    ("judgement", _P(r"\b(?:well done|good for you|good on you|congratulations|bravo|that takes courage)\b")),
    ("judgement", _P(r"\b(?:too|overly|a bit too|far too) (?:ambitious|cautious|hard|big|small|risky|"
                     r"safe|much|little|high|low|soon|late|young|old|idealistic|negative|positive)\b")),
    ("judgement", _P(r"\b(?:unrealistic|naive|na\u00efve|shallow|selfish|silly|foolish|irrational|"
                     r"admirable|commendable|impressive|wrong reason|right reason|a mistake)\b")),
    ("judgement", _P(r"\b(?:i don't|i do not) think (?:that's|that is|it's|it is)\b")),
    ("judgement", _P(r"\b(?:it's|it is) (?:good|great|nice|wonderful|brilliant) (?:that|to see)\b")),
    ("information", _P(r"\b(?:research|studies|study|surveys?|statistic\w*|data|evidence|experts?|"
                       r"figures) (?:shows?|suggests?|says?|finds?|found|indicates?|proves?)\b")),
    ("information", _P(r"\b(?:according to|on average|statistically|in general|generally speaking|"
                       r"the average|as a rule|it's well known|it is well known|it's a fact|"
                       r"the truth is|the reality is|in fact|in my experience|in reality|"
                       r"as research shows|did you know)\b")),
    ("information", _P(r"\b\d+ ?(?:%|percent|per cent)\b|\bpercent\b")),
    ("information", _P(r"\b(?:most|many|few|some|all) (?:people|managers|companies|employers|"
                       r"engineers|leaders|executives|designers|developers|directors|organisations|"
                       r"firms|careers|career changes|jobs|roles|workers|employees|of the time)\b")),
    ("information", _P(r"\b(?:managers|companies|employers|leaders|executives|directors|engineers|"
                       r"designers|developers|consultants|startups|people|organisations|firms|"
                       r"departments|salaries|jobs|roles|certificates|titles|leads|schemes|"
                       r"management|this role|that role|the role|that job|this job|the job)"
                       r"(?: in \w+(?: \w+)?)? (?:\w+ )?(?:tend to|usually|typically|"
                       r"generally|often|rarely|always|never|mostly|normally|commonly|pay|earn|work "
                       r"long|involves mostly|is mostly|are mostly|matter less|matter more|"
                       r"don't really matter|do not really matter)\b")),
    ("information", _P(r"\b(?:the )?(?:job )?market (?:is|for|has)\b|\b(?:is|are) (?:in|under) "
                       r"(?:high |low )?demand\b|\bwell[- ]paid\b|\bhighly paid\b|\bpay (?:less|more)\b|"
                       r"\bearn (?:less|more)\b")),
    ("information", _P(r"\b(?:usually|typically|generally|normally) (?:has|have|comes?|reports?|"
                       r"means?|involves?|requires?|handles?|handle|stop|lead|offer)\b")),
    ("information", _P(r"\b(?:you|one) (?:need|needs) (?:\w+ )?(?:years?|a degree|experience)\b")),
    ("leading", _P(r"^(?:don't|do not|doesn't|does not|wouldn't|would not|isn't|is not|aren't|"
                   r"are not|shouldn't|should not|couldn't|could not|won't|will not|can't|cannot|"
                   r"didn't|did not|haven't|have not) (?:you|it|that|this|a|an|the|management|"
                   r"leading|money|there)\b")),
    ("leading", _P(r"\b(?:wouldn't|would not|isn't|is not|aren't|are not|don't|do not|doesn't|"
                   r"does not|shouldn't|should not|didn't|did not|surely)\s*\?$|"
                   r"(?:,| -) (?:right|correct|yes|no|ok|okay|yeah|true|agreed|eh)\s*\?$")),
    # A tag after a statement asks for a yes: "..., haven't you?", "... - am I right?", "..., isn't
    # that it?". "..., do you think?" and "..., would you say?" ask for the mentee's view.
    ("leading", _P(r"\b(?:wouldn't|isn't|don't|doesn't|aren't|couldn't|shouldn't) (?:you|it|they|"
                   r"he|she)\s*\?$|(?:,| -) (?:would|is|do|does|did|are|was|were|could|should|will|can|have|"
                   r"has|had|am|might) (?:not )?(?:you|it|they|we|he|she|i|that|this)(?: not)?(?: (?:it|so|"
                   r"right|wrong|true|fair|the case))?\s*\?$")),
    # The coach's guess put for agreement: "Is it fair to say it's the money?", "I'm guessing it's
    # the pay?". (The flow's own check-back, "Am I right in thinking that X matters to you?",
    # plays back what the mentee said, so "am I right in thinking" is not on this list.)
    ("leading", _P(r"\b(?:is it|would it be|is that) (?:fair|safe|true|accurate) to "
                   r"(?:say|assume|conclude)\b|\b(?:correct|tell|stop) me if i'm wrong\b|\b(?:i'm|i am) "
                   r"(?:guessing|betting|assuming)\b|\bmy (?:guess|hunch|bet) is\b|\bi (?:bet|suspect)\b")),
    # A preference said for the mentee ("So you'd rather stay?", "... you'd prefer to stay
    # technical?"); "What would you rather do?" asks, "if you'd rather not say" offers a way out.
    ("leading", _P(r"\byou(?:'d| would) (?:much |really |actually |secretly |probably )?(?:rather|prefer)\b"
                   r"(?! not\b)")),
    ("leading", _P(r"\bsurely\b|\bobviously\b|\bclearly you\b|\bisn't it obvious\b|"
                   r"\bis it not obvious\b|\bare you sure you\b")),
    ("leading", _P(r"\b(?:do|don't) you (?:think|agree|feel) (?:that )?(?:you|it|a|an|the) "
                   r"(?:should|would|could|need|must|ought|'d)\b|\bdo you think you should\b|"
                   r"\bdon't you agree\b|\bdo not you agree\b")),
    ("leading", _P(r"\bwhat you (?:actually|really) want is\b|\bso what you (?:actually |really )?"
                   r"want\b|\bthe real (?:reason|problem|issue) (?:is|being)\b|"
                   r"\bis the real (?:reason|problem|issue)\b")),
    # A cleft that supplies the answer: "What's really stopping you is confidence", "... is
    # what's really driving this". "What's really stopping you?" asks.
    ("leading", _P(r"\bwhat(?:'s| is) (?:really |actually |truly )?\w+ing (?:you|this|it|that)(?: back| on| up)? "
                   r"is (?!it\b|what\b|that\b|this\b)\w+|\b(?:is|'s) what(?:'s| is) (?:really|actually|truly) "
                   r"\w+ing\b")),
    ("leading", _P(r"^is it because\b|^is it that you\b|^is that because\b")),
    # The answer put in the question: "how much better you'd feel if you finally left", "your
    # current job is holding you back", "what's actually making you so unhappy".
    ("leading", _P(r"\bhow much (?:better|happier|freer|more fulfilled|more satisfied|less stressed) "
                   r"(?:you(?:'d| would)|would you)\b|\bif you finally\b")),
    ("leading", _P(r"\byour (?:\w+ ){0,2}(?:is|are|'s) holding you back\b")),
    ("leading", _P(r"\b(?:actually|really) making you (?:so |this |that |feel )?(?:unhappy|miserable|stressed|"
                   r"anxious|angry|sad|frustrated|upset)\b")),
    ("leading", _P(r"^(?:would|could|might|should|will|can|do|does|did|is|are) "
                   r"(?:a|an|the|some|more) (?:job|role|move|startup|career|course|degree|change|"
                   r"position|promotion|transfer|certification|mentor|coach|salary)\b")),
    ("leading", _P(r"\bsound (?:more|less) (?:exciting|interesting|fulfilling|appealing)\b|"
                   r"\bmore (?:exciting|fulfilling|rewarding|appealing) than\b|\bsuit you better\b|"
                   r"\b(?:happier|more fulfilled|better off|more satisfied) (?:in|as|with|at|if)\b")),
)

# "You could try ..." suggests; "What could you try?" asks. In an open question this only
# counts when a concrete action follows (a gerund, "to", or an object).
_YOU_COULD = _P(
    r"\byou (?:could|might|may|can) (?:also |always |perhaps |maybe |just )?"
    r"(?:want to|wish to|like to|try|consider|think about|look|ask|talk|speak|start|"
    r"go|get|take|join|apply|move|find|use|see if|volunteer|reach)\b"
)
_CONCRETE = _P(r"\s*(?:\w+ing\b|to\b|a\b|an\b|the\b|some\b|your\b|for\b|into\b|at\b|with\b)")
_WH_QUESTION = _P(r"^(?:(?:and|so|then|now|but)[, ]+)?(?:what|which|who|whose|whom|where|when|why|how)\b")
# "If you could ask anyone, who would it be?": an open question after a condition (one clause).
_WH_AFTER_CONDITION = _P(r"^(?:if|when|whenever|once|suppose|say)\b[^,?]*, (?:and |so )?(?:what|which|who|whose|"
                         r"whom|where|when|why|how)\b")

# "Would you say that's right?" asks for the mentee's judgement; it does not give one.
_ASKS_THEIR_VIEW = _P(r"\b(?:you|you'd|you would) (?:say|think|feel|find|call|agree)(?: that)?\s*$")

# A negation just before an evaluative word or "advice" says what is *not* the case.
_NEGATED = _P(r"\b(?:not|no|never|nor|without|from|won't|will not)(?: \w+){0,3} $")
# "... so you can speak freely" states a purpose; it does not suggest an action.
_PURPOSE = _P(r"\b(?:so|so that|where|in which|that) $")

_YESNO_START = re.compile(
    r"^(?:could|should|would|might|will|can|shall|may) (?:you|we) (?:also |perhaps |maybe |not |"
    r"really |ever |still )?(.*)"
)
_YESNO_OK = re.compile(
    rf"^(?:{REFLECTIVE}|like to (?:{REFLECTIVE}|add|change|carry on|continue|go on|keep going|pause|"
    r"stop|move on|talk|say|tell|share|explore|come back|look back)|want to (?:{REFLECTIVE}|add|"
    r"change|carry on|continue|go on|explore|come back)|be |feel|describe|say|call|sum|"
    r"put|add|change|imagine|picture|recall|remember|think|tell|share|explain|expand|clarify|"
    r"elaborate|walk|talk me|help me|give (?:me|an)|go on|carry on|continue|keep going|begin|start"
    r" (?:now|here)|move on|pause)"
)
_IMPERATIVE = re.compile(
    rf"^(?:(?:so|then|now|first|just|maybe|perhaps|and|please|also|next|finally|honestly)"
    rf"[, ]+)*(?:don't |do not |never |always )?(?:{ACTION}|go and|be more|stop|focus)\b"
)
_IMPERATIVE_OK = re.compile(
    rf"^(?:(?:so|then|now|first|just|and|please|also)[, ]+)*(?:{REFLECTIVE}|think of|think about "
    r"(?:what|who|where|when|why|how|which|the|a|your|it|that|this)|look back|take a moment|"
    r"take your time|be honest with yourself|have a think|picture|imagine|keep in mind that "
    r"there's no|(?:do|does|did|have|has|had|is|are|was|were|will|would|could|can|should|shall|may|"
    r"might|am) (?:i|we|you|it|that|this|they|there|he|she|anything|anyone|something|someone))\b"
)

# A question that opens with a negated auxiliary ("Isn't stability what you're after?", "Deep
# down, don't you know?") already holds the answer it wants. Matched on the text with its
# contractions kept: "Is not knowing the hard part?" (spelt out, a gerund after it) asks.
_AUX = r"(?:do|does|did|is|are|was|were|have|has|had|would|could|should|will|can|might|must|may|shall)"
_NEGATED_OPENING = re.compile(
    rf"^{_PREAMBLE}(?:[a-z]+n't|cannot|{_AUX} not(?! \w+ing\b)|{_AUX} (?:you|it|that|this|they|there|we|"
    r"he|she) not)\b"
)

# Being of help: "helpful", "useful", "of help", "a help", "any use".
_OF_HELP = (r"(?:(?:(?:really|very|more|most|particularly|especially|at all) )?"
            r"(?:helpful|useful|beneficial|valuable)\b|(?:of |a |any |much |some )"
            r"(?:(?:any|some|much|real|more|great|big) )?(?:help|use|benefit|assistance|value)\b)")
# Subjects that name no help: pronouns ("Would that be helpful?" asks about what was said), an open
# "anyone"/"anything" (the mentee is to name one) and the mentee's own qualities ("Would your skills
# be useful in product?" asks how they see themselves).
_PRONOUN = r"you|we|i|it|that|this|these|those|they|he|she|there|them"
_OPEN_SUBJECT = r"(?:(?:any|no|every)(?:one|body|thing)?(?: else)?(?: of (?:this|that|these|those|it|them))?|no one)"
_THEIR_OWN = (r"(?:skills?|experience|strengths?|background|knowledge|expertise|talents?|abilities|ability|"
              r"qualities|perspective|ideas?|input|insights?|contribution|voice)")
_NOT_A_HELPER = (rf"(?:{_PRONOUN}|{_OPEN_SUBJECT}|{_THEIR_OWN}|what|which|who|whom|whatever|whichever|whoever|one|"
                 r"else|think|reckon|feel|guess|imagine|say|know|believe|suppose|expect)")

# Phrases that put an option up for a yes in a yes/no question or a statement ("Would a course
# be the sensible route?", "Has asking for more crossed your mind?"), but ask the mentee to
# name one in an open question ("What would be a good first step?", "What crossed your mind?").
PROPOSAL_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("suggestion", _P(r"\b(?:a|an|the) (?:good|great|sensible|smart|wise|natural|logical|obvious|useful|"
                      r"helpful|reasonable|better|easy|quick|safe|clever|realistic|practical) (?:first |next |"
                      r"initial )?(?:step|route|move|option|path|way forward|way in|place to start|"
                      r"starting point|bet|idea|choice)\b")),
    ("suggestion", _P(r"\bcross(?:ed|es)? your mind\b|\boccur(?:red|s)? to you\b")),
    # A person or resource put up as a help, asked inverted ("Might one of the coaches from the HR
    # pool be helpful here?", "Could someone in finance be of help?") or not ("Do you think a mentor
    # would be useful?"). "What would be helpful?" and "Who could be of help?" ask the mentee to name
    # one; "Was your mentor helpful?" and "How helpful was that?" ask about what happened.
    ("suggestion", _P(rf"\b(?:would|could|might|will|can|may|should) (?!{_OPEN_SUBJECT} be\b)"
                      rf"(?!(?:{_PRONOUN}|your (?:[\w'-]+ )?{_THEIR_OWN})\b)[\w'-]+(?: [\w'-]+){{0,8}}? "
                      rf"be {_OF_HELP}|\b(?!{_NOT_A_HELPER}\b)[\w'-]+ (?:would|could|might|may|will|can) "
                      rf"(?:really |also |perhaps |maybe |possibly |actually |definitely |probably )?be {_OF_HELP}")),
)
# The match sits in a clause that opens with a question word (no clause break since), or after
# "is there": the mentee is asked to name the option.
_ASKS_TO_NAME = _P(r"(?:(?:^|[;:,\-\"] )(?:(?:and|so|then|now|but) )?(?:what|which|who|whose|whom|where|when|"
                   r"why|how)\b[^;:,\-]*|\b(?:is|are) there (?:\w+ )?)$")
# "What would help you ...?", "Who could help?": the question word is what would help, so the
# mentee is asked to name it; "Would it help ...?" names it for them, and so does a cleft
# ("What would help you is a mentor?").
_WH_SUBJECT = _P(r"^(?:(?:and|so|then|now|but)[, ]+)?(?:what|who|which)(?: else| \w+)? $")
_CLEFT = _P(r"\b(?:is|are|was|would be|might be|could be|will be) (?:to|a|an|the|some|more|\w+ing)\b")
# "What about your team would you take with you?", "What about the role appeals to you?": "what
# about X" is the thing asked about when the clause goes on to a verb before any break or relative
# word; "What about your network?" and "What about asking HR, would that work?" offer X.
_ASPECT_OF = _P(r"^(?:(?! - |\b(?:that|which|who|whom|where|when|if|whether|because|so)\b)[^,;:?])*?\b(?:"
                r"(?:do|does|did|would|could|can|will|might|should|is|are|was|were|has|have|had) (?:you|it|they|we|"
                r"he|she|that|this|there)|(?:makes?|made|appeals?|appealed|matters?|mattered|draws?|drew|attracts?|"
                r"excites?|interests?|worries|worried|bothers?|frustrates?|scares?|frightens?|pulls?|drives?|drains?|"
                r"energises?|stands? out|stood out|sits?|feels?|felt|gives?|gave|keeps?|kept|stops?|holds?|held|"
                r"struck|strikes)\b)")
# "How will you know when it's time to move on?", "What would tell you it's time?": the mentee's own
# judgement of the moment, asked in an open question; "Isn't it time to move on?" puts it for them.
_THEIR_JUDGEMENT = _P(r"\b(?:know|knew|tell|tells|told|decide|decides|decided|judge|sense|realise|realised|"
                      r"recognise|recognised|notice|noticed|feel|felt|think|thought|believe|signal|"
                      r"signals|show|shows|suggest|suggests|say|said|see|saw)(?: (?:you|me|yourself|us))?"
                      r"(?: (?:when|whether|if|that))? $")
# "... when you think about leaving" reflects on a thought the mentee has; it proposes nothing.
_WHEN_YOU = _P(r"\b(?:when|whenever|while|as) you (?:\w+ )?$")
# "How would you know you'd made the right choice?" asks about the mentee's own decision.
_THEIR_CHOICE = _P(r"\byou(?:'d|'ve| would have| have| had)? (?:made|found|picked|chose|chosen|took|taken|"
                   r"did|done) $")
# "What would you need to feel confident?": the auxiliary before "you" makes "you need to" a
# question about the mentee's needs, not an instruction.
_INVERTED = _P(r"\b(?:would|do|did|does|will|might|could|may) $")
# Advice the mentee seeks, gives or trusts ("Whose advice do you trust?", "Who would you ask for
# advice?", "What advice would you give a friend?") is asked about, not given.
_THEIR_ADVICE_BEFORE = _P(r"\b(?:for|whose) $")
_THEIR_ADVICE_AFTER = _P(r"^ (?:(?:would|do|did|have|has|might|could|will) (?:you|they|people) (?!like\b|want\b)|"
                         r"(?:you|they|people)(?:'ve|'d| have| had)? (?:\w+ ){0,2}(?:got|get|gave|give|given|took|"
                         r"take|taken|heard|trust|received|ignored|followed))")
# "If you could ask anyone ..., who would it be?": a wish over an open choice names no option;
# "If you could ask your manager for a raise, ..." names one.
_OPEN_WISH_BEFORE = _P(r"\bif $")
_OPEN_WISH_AFTER = _P(r"^ (?:\w+ ){0,2}(?:any|anyone|anybody|anything|anywhere|whoever|whatever|wherever|one)\b")
# Words quoted after "you said", "you mentioned", "you called it" are the mentee's own, played
# back; the coach is not saying them ('You said you'd "try anything once" - what first?').
_REPORTED = _P(r"\b(?:you(?:'ve| have)? (?:said|say|mentioned|told me|called|call|described|put it|wrote|"
               r"used|keep saying)|your (?:own )?words)\b(?: [\w']+){0,4} ?$")


def _their_words(norm: str) -> list[tuple[int, int]]:
    """Spans of ``norm`` in double quotes that report what the mentee said."""
    return [(m.start(), m.end()) for m in re.finditer(r'"[^"]*"', norm) if _REPORTED.search(norm[: m.start()])]


def _inside(m: re.Match[str], spans: list[tuple[int, int]]) -> bool:
    return any(start < m.start() and m.end() < end for start, end in spans)


def _exempt(kind: str, m: re.Match[str], norm: str, question: bool, wh_question: bool, open_question: bool) -> bool:
    """Whether the match ``m`` of a ``kind`` pattern asks about the mentee rather than advising."""
    before, after, found = norm[: m.start()], norm[m.end():], m.group(0)
    if kind == "judgement":
        return bool(_ASKS_THEIR_VIEW.search(before) or _NEGATED.search(before))
    if kind == "advice" and found.startswith(("advi", "recommend")):
        if _NEGATED.search(before):
            return True  # "not an adviser", "hold back from advice": saying what it won't do
        return found == "advice" and open_question and bool(
            _THEIR_ADVICE_BEFORE.search(before) or _THEIR_ADVICE_AFTER.match(after))
    if kind == "advice" and found.startswith("the "):
        return wh_question and bool(_THEIR_CHOICE.search(before))
    if kind == "advice" and found.startswith("you ") and found.endswith((" need to", " have to", " need more",
                                                                          " need a", " need an", " need some")):
        return open_question and bool(_INVERTED.search(before))
    if kind == "leading" and found.startswith("you") and found.endswith(("rather", "prefer")):
        return open_question
    if kind == "suggestion" and found.startswith(("might", "may", "could", "would")):
        return question and bool(_WH_SUBJECT.match(before)) and not _CLEFT.search(after)
    if kind == "suggestion" and found.startswith("what about"):
        return question and bool(_ASPECT_OF.match(after))
    if kind == "suggestion" and found.startswith(("it's", "it is")):
        return open_question and bool(_THEIR_JUDGEMENT.search(before))
    if kind == "suggestion" and found.startswith(("think", "thought", "look")):
        return bool(_WHEN_YOU.search(before))
    return False


def advice_reasons(text: str) -> list[str]:
    """Why ``text`` advises, suggests, instructs, judges, informs or promises; empty if it doesn't."""
    reasons: list[str] = []
    seen: set[str] = set()

    def add(kind: str, found: str) -> None:
        reason = f"{kind}: {found.strip(' ,?')!r}"
        if reason not in seen:
            seen.add(reason)
            reasons.append(reason)

    for sentence in _sentences(text):
        norm = _norm(sentence)
        question = norm.endswith("?")
        # Imperatives open a sentence or a clause after a colon, semicolon or dash; a verb after
        # a comma usually continues a list ("I'll ask, listen, and check").
        for clause in re.split(r"(?:[;:]| - )\s*", norm):
            clause = clause.strip()
            if not clause:
                continue
            if _IMPERATIVE.match(clause) and not _IMPERATIVE_OK.match(clause):
                add("instruction", " ".join(clause.split()[:4]))
        quoted = _their_words(norm)
        wh_question = question and _WH_QUESTION.match(norm) is not None
        # The exemptions added with the dev3 set also take an open question after a condition.
        open_question = wh_question or (question and _WH_AFTER_CONDITION.match(norm) is not None)
        for kind, pattern in ADVICE_PATTERNS:
            for found in pattern.finditer(norm):
                if not _inside(found, quoted) and not _exempt(kind, found, norm, question, wh_question,
                                                              open_question):
                    add(kind, found.group(0))
                    break
        for kind, pattern in PROPOSAL_PATTERNS:
            m = pattern.search(norm)
            if m and not _inside(m, quoted) and not _ASKS_TO_NAME.search(norm[: m.start()]):
                add(kind, m.group(0))
        m = _NEGATED_OPENING.match(" ".join(sentence.lower().replace("\u2019", "'").split()))
        if m and question and not any(r.startswith("leading") for r in reasons):
            add("leading", m.group(0))
        m = _YOU_COULD.search(norm)
        if m and not (
            wh_question and not _CONCRETE.match(norm[m.end():])
        ) and not _PURPOSE.search(norm[: m.start()]) and not (
            question and _OPEN_WISH_BEFORE.search(norm[: m.start()]) and _OPEN_WISH_AFTER.match(norm[m.end():])
        ) and not _inside(m, quoted):
            add("suggestion", m.group(0))
        m = _YESNO_START.match(norm)
        if m and not _YESNO_OK.match(m.group(1)):
            add("suggestion", m.group(0))
    return reasons
