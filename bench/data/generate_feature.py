#!/usr/bin/env python3
"""Writes bench/data/feature.fountain: an original ~120-page feature screenplay used for benchmarks and tests.

Deterministic (fixed seed, no dependencies): run `python3 bench/data/generate_feature.py` from the repository root
and the same bytes come out. The story (directors fighting for their films on one studio lot) is assembled from
hand-written fragments so that every Fountain construct appears in realistic proportions.
"""
import random
import sys
from pathlib import Path

rng = random.Random(20261123)

DIRECTORS = ["MARGO VALE", "SILAS BRANDT", "IRENE OKAFOR"]
CREW = ["JUNE HALLORAN", "TEDDY MARSH", "NICO ABARA", "RUTH KEMPER", "PEARL", "DEXTER LOOMIS", "GRETA SOLL"]
PEOPLE = DIRECTORS + CREW
EXTENSIONS = ["(V.O.)", "(O.S.)", "(CONT'D)", "(O.C.)"]

INT_PLACES = ["SOUND STAGE D", "SOUND STAGE 9", "MARGO'S TRAILER", "EDITING BAY 3", "COMMISSARY",
              "PRODUCTION OFFICE", "PROP WAREHOUSE", "SCREENING ROOM", "SILAS'S BUNGALOW", "WARDROBE DEPARTMENT",
              "MIXING STAGE", "EXECUTIVE TOWER - TOP FLOOR", "MAKEUP TRAILER", "CASTING OFFICE"]
EXT_PLACES = ["STUDIO LOT - MAIN GATE", "BACKLOT - ITALIAN PIAZZA", "BACKLOT - WESTERN STREET", "PARKING STRUCTURE",
              "WATER TANK", "STUDIO LOT - ALLEY BEHIND STAGE 9", "HOLLYWOOD HILLS - LOOKOUT", "BACKLOT - NEW YORK STREET",
              "CRAFT SERVICE TENT", "ROOFTOP OF THE EXECUTIVE TOWER"]
TIMES = ["DAY", "NIGHT", "DAY", "NIGHT", "DUSK", "DAWN", "CONTINUOUS", "LATER", "MOMENTS LATER"]
PREFIXES = ["INT.", "EXT.", "INT.", "EXT.", "INT./EXT.", "I/E", "EST."]

SUBJECTS = ["A grip", "The camera crane", "A boom operator", "Two extras in togas", "A golf cart", "The wind",
            "A production assistant", "The studio tour tram", "A pigeon", "The generator truck", "A stand-in",
            "The key gaffer", "A line of dancers", "A security guard", "The catering van"]
VERBS = ["rolls past", "drifts across the frame", "stops dead", "hurries by with a coffee tray",
         "clatters into a C-stand", "waits for a cue that never comes", "swings overhead", "hums somewhere out of sight",
         "crosses behind the monitors", "argues quietly with a clipboard", "squints into the lights",
         "nearly flattens a cable run", "idles by the stage door"]
DETAILS = ["The painted sky behind them is peeling at one corner.", "Somebody has taped a lucky horseshoe to the slate.",
           "Palm trees throw long stripes of shadow across the asphalt.", "The smell of sawdust and burnt coffee hangs in the air.",
           "A fake fountain gurgles, then coughs, then stops.", "Forty people pretend not to listen.",
           "Every light on the stage is pointed at *one empty chair*.", "A call sheet skids across the floor. It reads: ***DAY 41 OF 38***.",
           "The red light over the door blinks on: ROLLING.", "Far off, a marching band rehearses the same four bars.",
           "The monitors show the same take, frozen on a blink.", "Rain towers hiss as they warm up.",
           "Someone laughs too loudly at the back of the room.", "The clock above the door is twenty minutes fast."]
ACTIONS = ["{p} studies the storyboard as if it might confess something.", "{p} pinches the bridge of {pos} nose.",
           "{p} paces a tight square around the camera.", "{p} folds the pages in half, then in half again.",
           "{p} sets down the coffee without drinking it.", "{p} turns to the crew and raises one hand. Silence.",
           "{p} crouches beside the dolly track and sights along it like a rifle.",
           "{p} reads the memo twice. The second time {pr} laughs.", "{p} looks at the sky and calculates the light.",
           "{p} pockets the keys and does not look back.", "{p} watches the playback with {pos} lips moving.",
           "{p} tears a page out of the script and hands it over.", "{p} steps over a sandbag, then another, then stops."]
LINES = ["We have the light for twenty more minutes. Use them or lose them.",
         "I don't need it to be perfect. I need it to be true.",
         "Tell the tower we're on schedule.", "We are not on schedule.",
         "Do you know what they said about my last picture? They said it was *brave*. That's what they say before they bury you.",
         "Move the key light two feet left. No. Your left.",
         "If the studio wants a happy ending they can shoot it themselves.",
         "She's not late. The sun is early.", "Again. From the top. Same energy, less shouting.",
         "I read your pages. I read them twice. I'm still deciding whether that's a compliment.",
         "You said ten minutes an hour ago.", "That wasn't a performance, that was a hostage video.",
         "The budget is a story we tell the bank. The picture is the story we tell everyone else.",
         "Nobody has ever been fired for _saying no_ to a crane shot.", "Is the camera rolling?", "It's always rolling.",
         "Print that. Print it twice.", "We lost the piazza. Wardrobe needs it back by Friday.",
         "I will not cut the scene with the lemons.", "What scene with the lemons?",
         "The one that makes the whole picture make sense.", "I've been on this lot for thirty years. It eats directors.",
         "Then it's going to need a bigger appetite.", "**Nobody** touches the final reel.",
         "Fine. Shoot it your way. Then shoot it mine, and we'll let the audience decide.",
         "Do you ever miss it? Just making something small?", "Every day.",
         "You're asking me to trust a man who storyboards his breakfast.", "It was a very good breakfast.",
         "The executives want to see dailies at six.", "Then they can watch me make them at five fifty-nine.",
         "I'm not angry. I'm directing.", "What happened to the ending?", "It walked off the set with our lead actor.",
         "Call it a wrap. No, wait. One more.", "We need the rain. Real rain, not the hose.",
         "The forecast says sun for a week.", "Then we wait a week.",
         "That's three hundred thousand dollars of waiting.", "Then it had better be beautiful waiting."]
PARENS = ["(quietly)", "(beat)", "(into the walkie)", "(not looking up)", "(to the crew)", "(smiling, dangerous)",
          "(under her breath)", "(reading)", "(a little too fast)", "(re: the storyboard)", "(beat; then)"]
TRANSITIONS = ["CUT TO:", "SMASH CUT TO:", "DISSOLVE TO:", "MATCH CUT TO:", "JUMP CUT TO:"]
SONG = ["~Lights on the lot and the long day is done,", "~somebody's film is the only real one,",
        "~sweep up the sawdust and dim every lamp,", "~tomorrow we'll build it again on the ramp."]
NOTES = ["[[Check with legal about the studio name on the water tower.]]", "[[Maybe too long? Trim in the next pass.]]",
         "[[Irene's line here came from the table read.]]", "[[Does June know about the memo yet? Keep it ambiguous.]]"]
ACTS = ["Act One - The Lot", "Act Two - The Picture", "Act Three - The Cut"]
SEQUENCES = ["Morning call", "The memo", "The piazza", "Rain days", "Dailies", "The rival", "The tower", "Night shoot",
             "Recut", "Premiere"]


def pronouns(name):
    return ("his", "he") if name in ("SILAS BRANDT", "TEDDY MARSH", "NICO ABARA", "DEXTER LOOMIS") else ("her", "she")


def display(name):
    return name.split()[0].title()


def action_paragraph(cast, sentences):
    out = []
    for _ in range(sentences):
        roll = rng.random()
        if roll < 0.4:
            p = rng.choice(cast)
            pos, pr = pronouns(p)
            out.append(rng.choice(ACTIONS).format(p=display(p), pos=pos, pr=pr))
        elif roll < 0.7:
            out.append(f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)}.")
        else:
            out.append(rng.choice(DETAILS))
    return " ".join(out)


def dialogue_block(speaker, used_before):
    lines = []
    ext = ""
    r = rng.random()
    if r < 0.12:
        ext = " " + rng.choice(EXTENSIONS[:2])
    elif used_before and r < 0.22:
        ext = " (CONT'D)"
    lines.append(speaker + ext)
    if rng.random() < 0.3:
        lines.append(rng.choice(PARENS))
    speech = " ".join(rng.choice(LINES) for _ in range(rng.choice([1, 1, 1, 2, 2, 3])))
    lines.append(speech)
    if rng.random() < 0.03:
        lines.append("  ")  # two spaces: a blank line kept inside the speech
        lines.append(rng.choice(LINES))
    if rng.random() < 0.15:
        lines.append(rng.choice(PARENS))
        lines.append(rng.choice(LINES))
    return "\n".join(lines)


def heading(number):
    prefix = rng.choice(PREFIXES)
    place = rng.choice(EXT_PLACES if prefix in ("EXT.", "EST.") else INT_PLACES + EXT_PLACES[:3])
    time = rng.choice(TIMES)
    text = f"{prefix} {place} - {time}"
    if rng.random() < 0.05:
        text = "." + text.split(" ", 1)[1].title().replace(" - ", " - ")  # forced heading, any case
    if rng.random() < 0.25:
        text += f" #{number}#"
    return text


def scene(number):
    parts = [heading(number)]
    if rng.random() < 0.2:
        parts.append(f"= {display(rng.choice(DIRECTORS))} {rng.choice(['loses', 'wins', 'trades', 'hides'])} "
                     f"{rng.choice(['a day', 'the light', 'an actor', 'the memo', 'the ending'])}.")
    cast = rng.sample(PEOPLE, rng.choice([2, 2, 3, 3, 4]))
    parts.append(action_paragraph(cast, rng.choice([1, 2, 3, 4, 6])))
    spoken = set()
    beats = rng.choice([4, 5, 6, 8, 10, 12])
    for _ in range(beats):
        roll = rng.random()
        if roll < 0.55:
            speaker = rng.choice(cast)
            parts.append(dialogue_block(speaker, speaker in spoken))
            spoken.add(speaker)
        elif roll < 0.62 and len(cast) >= 2:
            a, b = rng.sample(cast, 2)
            parts.append(f"{a}\n{rng.choice(LINES)}")
            parts.append(f"{b} ^\n{rng.choice(LINES)}")
        elif roll < 0.64:
            parts.append("@" + rng.choice(["McCALLISTER", "Tour Guide", "von Strack"]) + "\n" + rng.choice(LINES))
        elif roll < 0.66:
            parts.append(rng.choice(NOTES))
        elif roll < 0.67:
            parts.append("\t" + action_paragraph(cast, 1))  # indented action keeps its tab
        elif roll < 0.68:
            parts.append("!" + rng.choice(["SILENCE.", "THE LIGHTS DIE."]))  # forced action
        else:
            parts.append(action_paragraph(cast, rng.choice([1, 1, 2, 3])))
    if rng.random() < 0.03:
        parts.append("/* An older version of this beat, kept for the director's cut:\n\n"
                     + action_paragraph(cast, 2) + "\n\n" + dialogue_block(cast[0], False) + "\n*/")
    if rng.random() < 0.02:
        parts.append("\n".join(SONG))
    if rng.random() < 0.35:
        parts.append(rng.choice(TRANSITIONS) if rng.random() < 0.9 else "> FADE TO BLACK.")
    return parts


def main():
    parts = ["Title: *THE LONG TAKE*\nCredit: Written by\nAuthor: The Screenplay Project\n"
             "Source: An original story\nDraft date: November 2026\n"
             "Contact:\n    screenplay@example.org\n    Studio Lot, Stage D",
             "FADE IN:"]
    number = 1
    for act_index, act in enumerate(ACTS):
        parts.append(f"# {act}")
        for seq in rng.sample(SEQUENCES, 5):
            parts.append(f"## {seq}")
            for _ in range(rng.choice([9, 10, 11, 12])):
                parts.extend(scene(number))
                number += 1
        if act_index < len(ACTS) - 1:
            parts.append(">INTERMISSION CARD<")
            parts.append("===")
    parts.append("> THE END <")
    sys.stdout.reconfigure(newline="\n")
    text = "\n\n".join(parts) + "\n"
    Path(__file__).with_name("feature.fountain").write_text(text, encoding="utf-8", newline="\n")
    print(f"{len(text)} chars, {text.count(chr(10))} lines, {number - 1} scenes")


main()
