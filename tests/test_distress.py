"""Distress caught the way people say it: crisis, a gentle check, or an everyday idiom left alone."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from coach.listening.distress import distress_level, explain
from coach.listening.lexicon import load_lexicon
from coach.listening.rules import is_distress

LEX = load_lexicon()
DATA = Path(__file__).resolve().parent / "data"


def _rule_examples() -> list[Any]:
    out = []
    for item in LEX.raw["distress_rules"]:
        for i, ex in enumerate(item.get("examples") or []):
            out.append(pytest.param(item, ex, True, id=f"{item['id']}-ex{i}"))
        for i, ex in enumerate(item.get("not") or []):
            out.append(pytest.param(item, ex, False, id=f"{item['id']}-not{i}"))
    return out


@pytest.mark.parametrize(("rule", "example", "own"), _rule_examples())
def test_each_rule_reads_its_own_examples(rule: dict[str, Any], example: str, own: bool) -> None:
    level, rid = explain(example, LEX)
    sign = rule["kind"] in ("crisis", "check")
    if own:
        assert (level is not None) == sign  # a sign is caught; an idiom or another reason lets it go
    else:
        assert rid != rule["id"]
        if rule["kind"] in ("idiom", "over"):
            assert level is not None  # what the idiom (or the story told as over) must not swallow is still a sign


# Said to the coach by someone who never saw the lexicon (issue 12): each was missed before.
ISSUE_SIGNS = [
    "I want to go to sleep and not wake up",
    "i'm so done with life",
    "what's the point. nothing ever gets better for me, i feel completely hopeless",
    "nothing. i just want to disappear tbh",
    "I won't be around in 5 years. I've kind of made peace with that.",
    "I don't really see myself still being here in 5 years. What's the point of any of it.",
]


@pytest.mark.parametrize("text", ISSUE_SIGNS)
def test_signs_from_the_issue_are_caught(text: str) -> None:
    assert distress_level(text, LEX) is not None
    assert is_distress(text, LEX)


@pytest.mark.parametrize("text", [
    "i wnat to dye", "im gonna kil myslef", "suicdal again", "dont wanna b here anymore", "id rather b dead",
    "I WANT TO END IT ALL", "i'm thinking to finish my life", "Ich will nicht mehr leben",
])
def test_typos_case_and_other_voices_are_caught(text: str) -> None:
    assert distress_level(text, LEX) is not None


@pytest.mark.parametrize("text", [
    "i won't need a pension, put it that way", "nobody would notice if i stopped existing",
    "i've put my affairs in order", "they'd all be happier without me", "i wouldn't mind not waking up",
])
def test_understatement_is_caught(text: str) -> None:
    assert distress_level(text, LEX) is not None


@pytest.mark.parametrize("text", [
    "this deadline is killing me", "I'd kill for a coffee", "I'm dying to lead a project",
    "I'd rather die than do sales",
    "my laptop died again", "kill me now, another all-hands", "that launch was a suicide mission lol",
    "I won't be here much longer, I've accepted an offer elsewhere", "I'm done with management",
    "I want to disappear into a deep technical problem for a week", "i'm drowning in tickets this sprint lol",
    # Career talk that got "Are you safe right now?" in a real-terminal round: not a sign.
    "I can't see myself here in five years", "sorry I disappeared for two months, busy quarter",
    "I'm a bit lost to be honest, too many options",
    # round 42: a kind of work weighed aloud got "Are you safe right now?" from the learned reader
    "kinda. ngl ive been thinking game design more than UX lately. like indie games, i could do the art",
    "ive been thinking of UX", "been thinking about teaching a lot lately",
    # round 42: work done on one's own, said by an accountant in her second language, got the check-in twice
    "because in accounting i am alone with the numbers all day. i am working there since 2015",
    "mostly yes. but the main thing is i feel alone with the numbers, not only the routine",
    "i've been thinking about leaving this world of consulting for something slower",
])
def test_everyday_idioms_and_plans_pass(text: str) -> None:
    assert distress_level(text, LEX) is None


def test_thinking_about_ending_it_is_still_a_crisis_beside_career_talk() -> None:
    # The learned reader keeps quiet about a kind of work weighed aloud; the rules still read every sentence.
    assert distress_level("ive been thinking about teaching. and about ending it all", LEX) == "crisis"


def test_leaving_this_world_beside_a_job_is_still_a_crisis() -> None:
    # round 42's miss: the job beside it does not make "leaving this world" career talk.
    assert distress_level("ive been thinking about leaving this world and my job", LEX) == "crisis"
    assert distress_level("sometimes i think about just leaving this life", LEX) == "crisis"
    # alone with one's thoughts, unlike alone with the numbers, is still asked about
    assert distress_level("i am alone with my thoughts all day", LEX) == "check"


def test_not_wanting_to_get_out_of_bed_most_days_is_asked_about_but_a_monday_joke_is_not() -> None:
    assert distress_level("most days i just dont want to get out of bed", LEX) == "check"
    assert distress_level("lately i dont want to get out of bed, its been two years since ron died", LEX) == "check"
    assert distress_level("i dont want to get out of bed on mondays lol", LEX) is None


def test_a_bit_lost_in_a_me_sense_is_still_asked_about() -> None:
    # "a bit lost" is career talk, unless the mentee says it is not about work.
    assert distress_level("I'm a bit lost, to be honest. Not in a career sense. In a me sense.", LEX) == "check"
    assert distress_level("I don't really see myself still being here in 5 years", LEX) is not None


def test_a_clear_sign_is_a_crisis_and_a_vague_one_a_check() -> None:
    assert distress_level("I keep thinking about killing myself", LEX) == "crisis"
    assert distress_level("I've been really low", LEX) == "check"


def test_a_soft_sign_beside_work_words_is_asked_about_not_dropped() -> None:
    # "won't be around" could be about a job; with nothing but work words beside it, coach asks.
    assert distress_level("i won't be around to see the next planning review, trust me", LEX) == "check"


TUNE = [json.loads(line) for line in (DATA / "distress" / "tune.jsonl").read_text().splitlines() if line.strip()]


@pytest.mark.parametrize("row", TUNE, ids=lambda r: r["id"])
def test_the_tune_lines(row: dict[str, Any]) -> None:
    level = distress_level(row["text"], LEX)
    assert (level is not None) == (row["label"] in ("crisis", "check"))


@pytest.mark.parametrize("text", [
    "kms the client changed the brief for the 4th time 🙃", "my will to live left during the compliance training 💀",
    "the hiring process is so long i'll be dead before they reply lol",
    "linkedin influencers make me want to walk into the sea lmao",
    "tbh cold brew is the only thing keeping me alive during crunch lol",
])
def test_joking_hyperbole_about_something_passes(text: str) -> None:
    assert distress_level(text, LEX) is None


@pytest.mark.parametrize("text", [
    "gonna yeet myself off the bridge fr fr not a joke", "i bit my arm till it bled lol", "i want to die lol",
    "i keep saying 'jk' after i say i wanna die but i'm not jk",
])
def test_a_joke_marker_does_not_excuse_a_plan_means_or_a_bare_wish(text: str) -> None:
    assert distress_level(text, LEX) is not None


@pytest.mark.parametrize("text", [
    "I'm an ER nurse and I've treated a lot of overdoses, I want to move into addiction counselling",
    "My thesis was on suicide prevention policy, I want to work in public health",
    "I'm checking out of the company at the end of the quarter, new role lined up.",
    "i'm leaving the city for good, moving back home and working remote",
])
def test_others_dying_at_work_and_leaving_a_job_pass(text: str) -> None:
    assert distress_level(text, LEX) is None


def test_another_reason_excuses_only_the_sign_beside_it() -> None:
    # "got the job" three sentences earlier is no reason for the note.
    text = ("so yeah i did the bootcamp, got the job, the tech lead is nice. we do two week sprints. "
            "i like the people. anyway i wrote a note and its in my drafts folder")
    assert distress_level(text, LEX) is not None
    assert distress_level("I won't be here much longer, I've accepted an offer elsewhere", LEX) is None


@pytest.mark.parametrize(("text", "level"), [
    # Death slang set off by the small things of a working day: asked about, never a stop.
    ("im gonna kms if they schedule another meeting at 4:59 on a friday", "check"),
    ("lowkey want to die every time i open excel", "check"),
    # A date, a plan or plain words are no petty trigger.
    ("I'm going to kill myself after the audit finishes.", "crisis"),
    ("kms", "crisis"),
    # Letters typed over and over are read as the word.
    ("i jus want to go to sleep foreverrr not even joking", "crisis"),
    # A hard time told as over, nothing said of now: no sign; the same with now in it: asked about.
    ("i used to be in a bad place my freshman year, like really bad, but i got help and im good now", None),
    ("i used to be in a bad place my freshman year, and lately i'm back there", "check"),
    # A day named for "it" is still asked about, whatever the day (round 69 narrowed "do it on ...").
    ("going to do it on the 14th", "check"),
    ("i think i'll do it on my birthday", "check"),
    ("i cry in the loo at work most days", "check"),
])
def test_how_hard_a_reply_is_read(text: str, level: str | None) -> None:
    assert distress_level(text, LEX) == level


@pytest.mark.parametrize("text", [
    # Everyday hyperbole and plain career talk that once stopped the conversation as a crisis.
    "the head of network planning, because she decides where routes go",
    "Where do I see myself? Not here. Somewhere with a better pension and a shorter commute.",
    "jira is slowly killing my will to live lol",
    "I want to leave something behind, like a team that runs fine without me.",
    "I want to write the final chapter of my career in teaching, I'm 58",
    "Putting the old server to sleep for good this weekend. Nobody will mourn it.",
])
def test_career_talk_is_never_a_stop(text: str) -> None:
    assert distress_level(text, LEX) != "crisis"


@pytest.mark.parametrize("text", [
    # Round 8's false check-ins: something else that is dead, and an everyday idiom with a time of day.
    "reception. people screaming about bills while holding a dead hamster. can i skip the next one if its the same"
    " kind?",
    "quiet. i want to go home and not be dead inside by 6",
    # round 47: a late husband named in passing, matter-of-fact
    "freedom i suppose. and meaning. well, its funny, money used to matter when ron was alive and we had the "
    "mortgage, but that's paid now. what do you mean by growth though?",
    # round 49: a plan said to be still alive
    "wait actually, sharon said the budget got cut not that the job is crap. maybe training isnt dead. i still like "
    "training the lads",
    # round 50: the wish denied ("not disappear" as in not becoming invisible), and energy said to be there
    "fine. i want to rest but i don't want to disappear. that's my sentence",
    "oh goodness, yes i'm perfectly safe! i only meant i don't want to disappear as in, become invisible, sitting at"
    " home with nobody needing me. not anything dark. you gave me a bit of a fright there ha",
    "no, add that i never got to travel properly and i want to start ux research with energy, not on empty",
    # round 51: a place and "not anywhere" beside it (this one stopped the talk), the chat ended, a line named
    "mostly, but now it's more ux research here actually, at my company, since priya's team might hire. not anywhere",
    "i'm going to stop here. /quit",
    "also the underneath bit lost the running on empty part",
    # round 52: harm denied beside "i'm fine" (this one stopped the talk), and training people on the floor
    "what?? yes im fine mate, i said im crap at spelling not that im going to top myself. jesus",
    "more like a trainer on the floor, showing people how to do it hands on",
    # round 69: others crying (a mentor's work), and a plan to "do it on" something, not on a day
    "the bits where they cry in the loos. sorry, that sounds grim, its not usually",
    "if i can do it on climate data then its both things at once?? thats kind of the dream tbh",
    # round 70: work that vanishes, said of things
    "bc fast stuff disappears and i end up with nothing to show. slow stuff like a course or a loaf, i can see it",
    "lol yes im safe, im talking about pitch decks disappearing, not me",
    # round 78: a loss told, of a teacher long ago
    "um, that someone did it for me and i never really paid it back. Mrs Bell died before i could thank her "
    "properly. and, partly, with Ron gone, i want the days to be about somebody. there, i've said it",
    # round 77: showing three words' worth of people how to do it
    "i told you. knees. 25 years on concrete. and i like showing the young lads how to do it right so they dont end "
    "up like me",
    # round 89: a line of the summary that keeps vanishing (a nursing speciality in it), and a goodbye to the chat
    "kind of, take out the probably lol, its just baking. and wound care keeps vanishing, i do love wound care, and "
    "podcasts",
    "ok better. experiment... i think i ask Gary what assistant manager do exactly, the budget part. maybe next week. "
    "that is all, i must go, goodbye",
    "This time, um, maybe nothing, I just want to get through Thursday. Is that allowed? Goodbye anyway.",
])
def test_everyday_talk_gets_no_check_in(text: str) -> None:
    assert distress_level(text, LEX) is None


def test_harm_denied_without_saying_one_is_safe_and_a_method_looked_up_are_still_stops() -> None:
    assert distress_level("i'm not going to top myself", LEX) == "crisis"
    assert distress_level("im fine. i'm going to kill myself", LEX) == "crisis"
    assert distress_level("yes im fine but i looked up how to do it", LEX) == "crisis"


def test_not_being_anywhere_and_stopping_for_good_are_still_heard() -> None:
    assert distress_level("not anywhere", LEX) == "crisis"
    assert distress_level("i won't be anywhere in 5 years", LEX) == "crisis"
    assert distress_level("i'm going to stop here for good", LEX) is not None


def test_a_farewell_for_good_or_for_everything_is_still_heard() -> None:
    assert distress_level("i have to go now. goodbye forever", LEX) is not None
    assert distress_level("thank you for everything. goodbye", LEX) is not None
    assert distress_level("i feel like i keep disappearing", LEX) is not None


def test_the_wish_to_disappear_is_still_a_stop_when_it_is_made() -> None:
    assert distress_level("honestly i just want to disappear", LEX) == "crisis"
    assert distress_level("i dont want to disappear, i want to die", LEX) == "crisis"
    assert distress_level("i feel like im running on empty", LEX) == "check"


def test_feeling_dead_inside_is_still_asked_about() -> None:
    assert distress_level("i feel dead inside most days", LEX) == "check"


def test_being_alive_said_of_oneself_is_still_asked_about() -> None:
    assert distress_level("some days i dont want to be alive", LEX) is not None
    assert distress_level("i wish i wasnt alive", LEX) == "crisis"
