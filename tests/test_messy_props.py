"""Property test: whatever a mentee (new or returning) types, in the shapes real people put things right, the coach
answers and never raises.

Round 50 crashed on "the last line is rubbish" said at last time's recap (a line name the recap did not
know). The replies here are put together from the pieces testers typed: line names, judgements, requests to
add or take out, hedges, complaints, questions back and plain answers, joined the way people join them.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coach.authoring.flowtest import start_conversation
from coach.flow.spec import Flow, load_flow
from coach.resources import default_flow

FLOW: Flow = load_flow(default_flow())
PREVIOUS = {
    "goals": ["training", "the training managers"],
    "motivations": ["meaning", "compensation"],
    "bedrock": ["i want to teach people stuff without wrecking my body"],
    "passions": ["old bikes. i do them up in the shed", "sleep lol"],
    "strengths": ["sorting out problems on shift"],
    "sweet_spot": ["training the new lads", "scrap the money thing"],
    "experiment": "ask sharon when the budget comes back",
}
LINES = ["the last line", "the first bit", "the job bit", "underneath", "the overlap", "what lights me up",
         "the drives", "where im heading", "the end bit", "the because part", "that", "it", "the sentence"]
JUDGED = ["is rubbish", "is wrong", "is missing", "is a mess", "is repeated weirdly", "is fine", "is old",
          "should be coaching people", "should say: the shed", "isnt right", "is the wrong way round"]
ASKS = ["take {t} out", "add {t}", "whats {t} doing there?", "{t} is missing again", "put {t} back in",
        "just {t} and the shed", "not {t}, its coaching", "{t} yes, the rest no", "remove {t} from {l}",
        "change {l} to {t}", "you missed {t}", "{t} AND the shed", "forget the {t} thing"]
THINGS = ["the bikes", "scrap the money", "sleep", "training", "money", "sharon", "the lads", "meaning", "x"]
LEADS = ["", "no. ", "bits of it. ", "yeah mostly, ", "ugh ", "wait actually no, ", "i told you last time, ",
         "partly. ", "idk ", "lol "]
TAILS = ["", " lol", " pls", ", ive asked like 3 times", ". why do you ask?", ". what should i do?",
         ". what have you got written down?", " tbh", "?", ". otherwise yeah"]

piece = st.one_of(
    st.builds(lambda line, judged: f"{line} {judged}", st.sampled_from(LINES), st.sampled_from(JUDGED)),
    st.builds(lambda ask, thing, line: ask.format(t=thing, l=line), st.sampled_from(ASKS), st.sampled_from(THINGS),
              st.sampled_from(LINES)),
    st.sampled_from(["yes", "no", "yep", "not really", "sort of", "same as last time", "i literally just said",
                     "bikes and the shed", "coaching people, not just new starters", "dunno", "skip"]),
)
reply = st.builds(lambda lead, parts, tail: lead + ". ".join(parts) + tail, st.sampled_from(LEADS),
                  st.lists(piece, min_size=1, max_size=3), st.sampled_from(TAILS))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(replies=st.lists(reply, min_size=1, max_size=14), returning=st.booleans())
def test_no_messy_reply_makes_the_coach_raise(replies: list[str], returning: bool) -> None:
    conv = start_conversation(FLOW, "dave", previous=PREVIOUS if returning else None)
    conv.open()
    for text in replies if returning else ["yes", *replies]:  # a first talk needs its go-ahead to go on
        if conv.finished:
            break
        said = conv.reply(text)
        assert said, f"the coach said nothing to {text!r} at {conv.step}"
