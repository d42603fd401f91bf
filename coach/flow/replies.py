"""What coach says by default when a flow's replies leave a line out: each key a flow may set under ``replies``."""

from __future__ import annotations

from typing import Any

DEFAULT_REPLIES: dict[str, Any] = {
    "advice": "I won't give advice here; you know your situation far better than I do.",
    "why_asking": "Fair question.",
    "distress": "Let's stop here.",
    "reask": ["Take your time. Could you say a little more?"],
    "reask_unsure": [
        "That's all right, it's a big question. A rough first thought is plenty, and it can change later."
    ],
    "yes_no": "Just so I'm sure: is that a yes or a no?",
    "move_on": "That's fine, let's move on.",
    "help": "Type an answer, or /skip, /back, /pause, /quit, /orig.",
    "paused": "Paused. Come back any time.",
    "resumed": "Welcome back. Let's carry on where we stopped.",
    "privacy": (
        "What you type stays in a file on this computer that only you can read. Nobody sees it unless you "
        "share it with coach share; coach delete erases a conversation completely."
    ),
    "clarify": "Whichever you have in mind; take the question the way that makes sense to you.",
    "simpler": "Sorry, that wasn't very clear. Let me ask it another way.",
    "plain_said": "In plain words: {words}",
    "plain_asked": "In plain words, I was asking: {words}",
    "delete": "Yes. coach delete erases a conversation completely, whenever you like; coach sessions lists them.",
    "saving": "Yes. What you type is saved as you go, your fixes too, and /summary shows what I have. It stays on "
              "this computer until you delete it, even after /quit; /pause lets you carry on later.",
    "skip": "Of course, we can leave that one.",
    "kept_yes": "Yes: what I have now says \"{words}\".",
    "kept_there": "It's in there: \"{words}\".",
    "edit_usage": ("Type /edit, the line, a colon and what it should say, e.g. \"/edit what drives me: meaning, being "
                   "useful\". The lines: where I'm heading, the job I'd pick, underneath it, what drives me, what "
                   "lights me up, what people come to me for, where they meet, the experiment. Nothing after the colon "
                   "empties the line."),
    "edit_done": "Done. {words}.",
    "edit_hint": ("If I keep getting a line wrong, you can set it exactly yourself: /edit, the line, a colon and your "
                  "words, e.g. \"/edit what lights me up: hiking, reading\". /summary shows what I have."),
    "said_before": "Last time, for {line}, you said: {words}.",
    "said_before_none": "I don't have anything kept from last time about that.",
    "repeat": "Of course.",
    "read_back_no": "All right. If anything in it doesn't fit after all, say so at any point and I'll change it.",
    "others": "I don't see anyone else's conversations, so I can't tell you what other people say or find. Your "
              "own answer is the one that counts here.",
    "therapy": "It isn't therapy. I only ask about your work and say back what I hear, so you can think it through; "
               "I don't diagnose or treat anything, and I don't tell you what to do. For support with how you feel, a "
               "counsellor or your doctor is the right person.",
    "forgot": "Done: nothing about \"{words}\" is kept for today's summary. Your own words stay in the transcripts, "
              "which only you can read; coach delete erases a whole conversation.",
    "rest_joke": "Ha, fair enough, rest counts too.",
    "forgot_idea": "Got it, I've left {words} out.",
    "words_out": "Done: I've taken {words} out of what I keep, and left the rest as it was.",
    "forgot_none": "Nothing I keep for your summary mentions \"{words}\". Your own words stay in the transcript, "
                   "which only you can read; coach delete erases a whole conversation.",
    "so_far": "Here's what I have so far. {words}.",
    "so_far_before": "From last time: {words}.",
    "so_far_none": "I haven't written anything down for that yet. Before we finish I'll read it all back, and you can "
                   "change any of it.",
    "kept_before": "Yes, from last time: \"{words}\". Today's summary will say it again if it still holds.",
    "recap_fixed": "Thank you, noted: for {line}, {words}. We'll come to that again today.",
    "kept_said": "Yes, you told me: \"{words}\".",
    "kept_not_before": "I keep only last time's summary, and \"{words}\" isn't in it. If it matters today, tell me "
                       "again.",
    "left_out": "Sorry I left that out.",
    "wrong_words": "Sorry, those words should not have been there.",
    "muddled": "Sorry, I made a muddle of that.",
    "parroting": "I say your words back so you can check I've heard them right. If something sounds off, tell me how "
                 "you'd put it.",
    "kept_heard": "I did: you said {words}.",
    "kept_no": "No, I don't have \"{words}\" in what I've noted.",
    "kept_this": "Yes, I've got that.",
    "left_out_kept": "Sorry, I left that out when I said it back. I do have it: {words}.",
    "kept_added": "No, it wasn't in. I've added {words} now, to what drives you.",
    "kept_add_now": "Tell me what to add and where, and I'll put it in.",
    "kept_add_later": "I'll read everything back before we finish, and you can add it then.",
    "kept_add_never": "What you said stays in the transcript in your own words (coach show prints it).",
    "source": "I took that from what you said: \"{words}\". If I read it wrongly, just say so.",
    "source_no": "I took that from what you said: \"{words}\". Thanks for putting me right; I'll leave it out.",
    "source_reading": "That was my own reading of your answers, and it may be wrong. If it doesn't fit, just say so.",
    "judgement": "There are no good or bad answers here. What matters is that it's true for you.",
    "too_late": "That's a fair thing to wonder about. I can't weigh it for you, but what you want counts here.",
    "optional": "No, nothing here has to be answered. Say 'pass' or type /skip and we'll move on.",
    "who": "The questions come from a conversation guide people wrote, following a well-known way of talking "
           "about careers. I follow it and only put the questions in other words.",
    "right_word": "The right word is the one that feels true to you. If another fits better, say it and I'll "
                  "use yours.",
    "sense": "Yes, that's clear.",
    "feeling_normal": "Lots of people feel that, and it makes sense to feel two things at once. It's welcome here, "
                      "and you can say as much or as little about it as you like.",
    "machine": "I'm a program on your computer, not a person. A small language model may put my questions in other "
               "words, but what I ask and what I say back come from fixed rules, and I never give advice.",
    "imagined": "Only imagined: nobody has really won or left anything. It's a way to think about what you'd pick if "
                "nothing stood in the way.",
    "memory": "I keep your earlier conversations on this computer, and each one can start from the last summary. "
              "coach sessions lists them; coach delete erases one.",
    "later": "Yes. I read everything back before we finish, and next time we start from this summary, so you can "
             "change it then too.",
    "other": "I'm a simple program that asks questions and plays back what you say; I don't judge or advise.",
    "missed": "Sorry, I missed your question there.",
    "misheard": "Sorry, I got that wrong. Could you say it again, in whatever words suit you?",
    "progress": "We're part of the way through; a whole conversation usually takes 20 to 40 minutes. Still to come: "
                "{left}. Short answers are fine, /skip passes on a question, and /pause lets you carry on later.",
    "progress_last": "Nearly done: this is the last part. You can /pause at any time and carry on later.",
    "progress_first": "We're just at the start: a whole conversation usually takes 20 to 40 minutes. Still to come: "
                      "{left}. Short answers are fine, and /pause stops for now so you can carry on later.",
    "own_drives": "I've noted {words} as what drives you, in your own words.",
    "all_named": "Fair enough, they can all count. If you had to pick the one or two that matter most, which would "
                 "they be?",
    "still_wrong": "Sorry I still haven't got that right. When I read everything back at the end, you can put it "
                   "right.",
    "still_wrong_read_back": "Sorry I still haven't got that right.",
    "wrap_up": "Of course. Let's wrap up with what I have.",
    "meta": "That has come up before, I know. Saying the same again is fine, and so is what's different now.",
    "hedge": "It doesn't have to be all or nothing. Which part of it fits you, and which part fits less well?",
    "hedge_start": "No pressure either way. We can start with one question and stop whenever you like; if you stop "
                   "now, nothing you typed is kept.",
    "unclear": "I'm not sure I followed that. Could you put it another way?",
    "unclear_example": "Thanks, that helps me picture it.",
    "experiment_heard": "Thank you for telling me how the experiment went.",
    "check_in": "That sounds really heavy. Are you safe right now?",
    "check_in_again": "Before we go on, I'd like to be sure: are you safe right now? A yes or no is enough.",
    "check_in_again_safe": "Thanks for saying. I'd still like to be sure, because of the rest of what you wrote: are "
                           "you safe right now? A yes or no is enough.",
    "news_heard": "Thank you for telling me: {words}.",
    "after_care": "Last time we stopped early because something you wrote sounded really hard. Before "
                  "anything else: how are you doing now? Are you safe right now?",
    "check_in_safe": "Thank you for telling me. We can carry on whenever you're ready, or /pause at any point.",
    "partly": "Partly, then: {words}. I'll leave it off the main list.",
    "part_fits": "Noted: {words} fits.",
    "partly_plain": "Partly, then. I'll leave {label} off the main list.",
    "own_word": "{words}, then, in your own words. I've noted it that way.",
    "noted_too": "I've noted {words} too.",
    "ranked": "Noted, {words} first.",
    "put_right": "Thanks for putting me right: {words}.",
    "fix_ask": "What would you put in place of \"{part}\"?",
    "fix_add": "What would you like me to add for \"{part}\"?",
    "fixed_yes": "Yes, I put those right: {words}.",
    "fixed_none": "No, I haven't changed anything yet.",
    "not_asking": "My mistake, sorry.",
    "kept_still": "Not yet: what I have still says \"{words}\".",
    "kept_now": "What I have now says \"{words}\". If it needs changing, tell me what it should say.",
    "kept_gone": "Yes: \"{words}\" isn't in what I've noted.",
    "works_alone": "Fair enough, if it's just you. Picture a workplace you know or could join instead: a studio, a "
                   "client's team, somewhere you've worked before.",
    "fix_noted": "Thank you, I've noted that: {words}.",
    "fix_which": "Sorry about that. Which part isn't right, and how would you put it?",
    "changed": "Thank you, I've noted what's different now: {words}.",
    "taken_out": "Thank you, I've taken {words} out of what I have from last time.",
    "marked_maybe": "Noted: {words} is a maybe for now.",
    "why_again": "Fair question. When you come back, I ask about last time's answers so you can tell me what still "
                 "holds and what has changed. Where nothing has, a yes is enough.",
    "heading_turned": "Changing your mind as you talk is part of this. Where you're heading, as I have it now: "
                      "{words}.",
}
