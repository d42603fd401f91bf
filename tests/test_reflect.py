"""Reflection without a model: the mentee's words played back, pronouns swapped, reasons chained."""

from __future__ import annotations

import pytest

from coach.listening.chain import play_back_chain, reason
from coach.listening.playback import key_phrase, play_back, swap_pronouns

SWAPS = {
    "manager_job": ("I want my manager's job", "You want your manager's job"),
    "lower_i": ("i want my own team", "you want your own team"),
    "i_am": ("I am tired of being told what to do", "You are tired of being told what to do"),
    "im": ("I'm happiest when I'm building things", "You're happiest when you're building things"),
    "i_was": ("I was never given the chance", "You were never given the chance"),
    "i_wasnt": ("I wasn't given the chance", "You weren't given the chance"),
    "ive": ("I've always loved teaching", "You've always loved teaching"),
    "id": ("I'd like to be a lead", "You'd like to be a lead"),
    "ill": ("I'll be honest", "You'll be honest"),
    "object_me": ("It makes me feel useful", "It makes you feel useful"),
    "come_to_me": ("People come to me for help", "People come to you for help"),
    "myself": ("I want to prove myself", "You want to prove yourself"),
    "by_myself": ("I like working by myself", "You like working by yourself"),
    "mine": ("That project was mine", "That project was yours"),
    "friend_of_mine": ("a friend of mine runs a bakery", "a friend of yours runs a bakery"),
    "me_and_my_team": ("me and my team ship fast", "you and your team ship fast"),
    "my_own_business": ("I want my own business", "You want your own business"),
    "told_me": ("my boss told me I'm good at it", "your boss told you you're good at it"),
    "we": ("we're a small team and our roadmap is full", "you're a small team and your roadmap is full"),
    "us": ("nobody tells us why", "nobody tells you why"),
    "am_i": ("am I ambitious enough?", "are you ambitious enough?"),
    "your_job": ("I want your job", "You want my job"),
    "you_subject": ("You know what I mean", "I know what you mean"),
    "you_object": ("I told you already", "You told me already"),
    "want_you": ("I want you to listen", "You want me to listen"),
    "you_are": ("you are right about that", "I am right about that"),
    "are_you": ("are you sure?", "am I sure?"),
    "youre": ("you're asking a lot", "I'm asking a lot"),
    "yourself": ("you said it yourself", "I said it myself"),
    # No "I" anywhere and no "you" opening the words: "you" is anyone, and stays (round 9).
    "generic_you": ("being senior means people listen to you", "being senior means people listen to you"),
    "generic_when_you": ("it feels good when you fix something nobody else could",
                         "it feels good when you fix something nobody else could"),
    "multi_clause": (
        "I think I'm ready, but my manager doesn't see me that way",
        "You think you're ready, but your manager doesn't see you that way",
    ),
    "curly_apostrophe": ("I\u2019m not sure I\u2019m ready", "You're not sure you're ready"),
    "no_pronoun": ("Leading the platform team", "Leading the platform team"),
    "idea_not_i": ("Ideas interest me", "Ideas interest you"),
    "shouting": ("I WANT MY FREEDOM", "YOU WANT YOUR FREEDOM"),
}


@pytest.mark.parametrize(("said", "played"), list(SWAPS.values()), ids=list(SWAPS))
def test_pronouns_are_swapped_so_the_coach_can_say_it_back(said: str, played: str) -> None:
    assert swap_pronouns(said) == played


PLAYBACKS = {
    "first_clause": ("I love puzzles. Always have.", "you love puzzles"),
    "filler": ("Well, honestly I want to teach", "you want to teach"),
    "because_clause_cut": ("I want to lead, because I like people", "you want to lead"),
    "names_kept": ("Maria's job in Lisbon", "Maria's job in Lisbon"),
    "sentence_opener_lowered": ("Seeing people succeed", "seeing people succeed"),
    "acronym_kept": ("CTO of a startup", "CTO of a startup"),
    # round 80 said "jess says you're good at ..." back to Sasha, who had typed "Jess"
    "name_before_says_kept": ("Jess says im good at making juniors feel less stupid",
                              "Jess says you're good at making juniors feel less stupid"),
    "pronoun_before_says_lowered": ("He says im good at it", "he says you're good at it"),
    "long_answer_cut_at_comma": (
        "I believe things go better when someone takes responsibility, I need that clarity and calm",
        "you believe things go better when someone takes responsibility",
    ),
    "long_answer_trimmed": (
        "I would like to be running a small studio of my own with three or four people",
        "you would like to be running a small studio of your own",
    ),
}


@pytest.mark.parametrize(("said", "played"), list(PLAYBACKS.values()), ids=list(PLAYBACKS))
def test_play_back_is_the_key_phrase_in_the_second_person(said: str, played: str) -> None:
    assert play_back(said) == played


def test_a_huge_single_word_is_cut_short() -> None:
    assert len(key_phrase("a" * 5000)) <= 125


REASONS = {
    "after_because": ("I want to lead a team because I like helping people grow", "you like helping people grow"),
    "leading_because": ("Because I want to see people succeed", "you want to see people succeed"),
    "deepest_because": (
        "I like it because it's hard, because hard things keep me from getting bored",
        "hard things keep you from getting bored",
    ),
    "so_that": ("I want more say so that my team gets heard", "your team gets heard"),
    "no_because": ("It gives me a sense of purpose", "it gives you a sense of purpose"),
    "noun_phrase": ("Independence", "independence"),
    "its_is_not_a_name": ("It's less about fame", "it's less about fame"),
    "acronym_kept": ("CTO, because they decide", "they decide"),
}


@pytest.mark.parametrize(("said", "rung"), list(REASONS.values()), ids=list(REASONS))
def test_the_next_why_asks_about_the_deepest_reason(said: str, rung: str) -> None:
    assert reason(said) == rung


def test_the_chain_plays_each_rung_back_as_its_reason_without_repeating() -> None:
    # The mentee restates the goal at every rung: each is said back once, as its reason.
    rungs = [
        "I want to lead a team",
        "I want to lead a team because I like helping people grow",
        "because I like helping people grow, because I want to see people succeed",
        "I just love helping people",
    ]
    assert play_back_chain(rungs) == (
        "you want to lead a team, because you like helping people grow, "
        "because you want to see people succeed, because you just love helping people"
    )


def test_the_chain_leaves_out_dont_knows_and_blanks() -> None:
    rungs = ["I want to start my own studio", "", "Because I need freedom", "I don't know"]
    assert play_back_chain(rungs) == "you want to start your own studio, because you need freedom"


def test_the_chain_drops_a_reason_said_again_only_stronger() -> None:
    # a terse mentee: "money", then "more money" is the same reason, not a second one
    assert play_back_chain(["promotion", "money", "more money", "cos rent"]) == (
        "promotion, because money matters to you, because rent matters to you")


def test_the_chain_drops_a_reason_said_again_in_other_order() -> None:
    rungs = ["I want to teach", "because I love explaining things", "because explaining things, I love it"]
    assert play_back_chain(rungs) == "you want to teach, because you love explaining things"


@pytest.mark.parametrize(
    ("answer", "played"),
    [
        ("not sure, maybe teaching", "teaching"),
        ("I'm not sure. I like teaching kids", "you like teaching kids"),
        ("I don't know, helping people mostly", "helping people mostly"),
    ],
    ids=["not-sure-maybe", "im-not-sure-sentence", "dont-know-comma"],
)
def test_a_hedge_at_the_start_is_not_played_back(answer: str, played: str) -> None:
    # "You said not sure, maybe teaching" would play the hedge back instead of the content.
    assert play_back(answer) == played


@pytest.mark.parametrize(("items", "said"), [
    (["board games", "behavioural economics"], "board games and behavioural economics"),
    (["climbing", "cooking", "climbing in the morning"], "climbing in the morning and cooking"),
    (["typography", "a letterpress workshop, or hiking"], "typography; a letterpress workshop, or hiking"),
    (["art", "starting a company"], "art and starting a company"),  # "art" is not inside "starting"
])
def test_a_list_in_a_summary_reads_as_a_person_would_say_it(items: list[str], said: str) -> None:
    from coach.flow.template import render

    assert render("{{ xs | listing }}", {"xs": items}) == said
