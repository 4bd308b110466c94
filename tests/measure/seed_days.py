"""The seed program (data/program.txt, one day in one room) repeated day after day, and in more
rooms, so a rehearsal clock at high speed never runs out of sessions to show."""
import datetime
import os

SOURCE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SEED_DAY = "Mon 29 Aug"  # the one day the seed's sessions are on
SEED_ROOM = "Exhibit Hall A"


def seed_days(first_day, days, rooms=(SEED_ROOM,), title_suffix=""):
    """The seed's day page on `days` days from `first_day` (a datetime.date), each day in every
    room of `rooms`; `title_suffix` is added to one title, to make a new version."""
    with open(os.path.join(SOURCE, "data", "program.txt"), encoding="utf-8") as f:
        seed = f.read()
    seed = seed.replace("Outstanding Papers", "Outstanding Papers" + title_suffix, 1)
    out = []
    for d in range(days):
        dated = seed.replace(SEED_DAY, (first_day + datetime.timedelta(days=d)).strftime("%a %d %b"))
        out.extend(dated.replace(f"[ {SEED_ROOM} ]", f"[ {room} ]") for room in rooms)
    return "\n".join(out)
