#!/usr/bin/env python3
"""Writes a realistic stretching history in limber's JSON import format.

The output is what `limber export --format json` writes (schemas/export-sessions.schema.json):
an array of session objects, oldest first, laid out as limber lays it out (two-space indent,
members in limber's order), so that importing it and exporting it again gives the same bytes.

The history is one person's daily routine for N years ending on --end:
  * a guided session most days (morning on weekdays, later at weekends, sometimes in the
    evening, now and then a second one the same day), each with its holds: a warm-up, the
    stretches per side and per repetition, and strength sets at the more advanced levels;
  * the routine changes level every few years (beginner, intermediate, advanced, and back to
    beginner after a long injury); the weekly hold target grows by 5 s a week up to its cap
    (30 s, 60 s from 65 years of age), and the seconds actually held drift slowly upwards;
  * pain ratings before and after (not always both, sometimes none), falling over the first
    years and flaring up now and then;
  * some sessions logged by hand without holds, some skipped days (with or without a reason),
    some partial sessions cut short, plain missed days, occasional notes (with commas, quotes,
    line breaks and non-ASCII text, as people write them);
  * trips abroad, recorded in the zone of the trip;
  * pauses (illness, travel, injury) with no sessions at all: the import format has no pauses,
    so their spans go to --pauses FILE (one "FROM<TAB>TO<TAB>REASON" line each) for
    `limber pause --from FROM --to TO --reason REASON`.

Deterministic: the same arguments give the same bytes.
usage: gen_history.py --years N [--end YYYY-MM-DD] [--seed S] [--zone ZONE] [--routine NAME]
                      [--age-at-start Y] [--pauses FILE] [--compact] [-o FILE]
"""

import argparse
import datetime as dt
import json
import random
import sys
import uuid
from zoneinfo import ZoneInfo

# Exercise ids of limber's library (`limber exercises --json`), as the planner combines them.
# (exercise, sided, kind): kind "hold" is a timed hold repeated per side, "reps" a set of
# repetitions (stored with rep = the number of repetitions, target = 3 s each), "warmup" one
# timed march.
ROUTINES = {
    "beginner": {
        "start_s": 15,
        "items": [
            ("march-in-place", False, "warmup"),
            ("standing-hamstring", True, "hold"),
            ("standing-hip-flexor", True, "hold"),
            ("seated-knee-extension", True, "hold"),
        ],
    },
    "intermediate": {
        "start_s": 20,
        "items": [
            ("march-in-place", False, "warmup"),
            ("leg-swings", True, "reps"),
            ("standing-hamstring", True, "hold"),
            ("standing-hip-flexor", True, "hold"),
            ("standing-quad", True, "hold"),
            ("supine-strap", True, "hold"),
            ("glute-bridge", False, "reps"),
        ],
    },
    "advanced": {
        "start_s": 30,
        "items": [
            ("march-in-place", False, "warmup"),
            ("leg-swings", True, "reps"),
            ("standing-hamstring", True, "hold"),
            ("heel-on-table", True, "hold"),
            ("standing-hip-flexor", True, "hold"),
            ("kneeling-hip-flexor", True, "hold"),
            ("supine-leg-raise", True, "hold"),
            ("clamshell", True, "reps"),
            ("glute-bridge", False, "reps"),
            ("plank", False, "hold"),
        ],
    },
}
LEVEL_ORDER = ["beginner", "intermediate", "advanced"]
REST_S = 10
GET_READY_S = 5
SECONDS_PER_REP = 3
REPS = 10

NOTES = [
    "felt good",
    "tight after the long drive",
    "left hamstring tighter than the right",
    "did it before work, a bit rushed",
    "back sore in the morning, better after",
    "slept badly, went easy",
    "new shoes, calves tight",
    "gardening yesterday, lower back stiff",
    'physio said "no bouncing", kept it slow',
    "knee clicked on the right side, no pain",
    "cold room, longer warm-up",
    "genou gauche raide, ça va mieux après",
    "hip flexor: much looser than last month",
    "travelling, used the hotel chair",
    "stopped early: phone call\nfinished the stretches later",
    "50 min walk before, very loose",
    "pain 6 at first, 3 after; sciatica calmer",
    "Rücken besser 👍",
]
SKIP_REASONS = ["travel", "sick child", "late shift, no time", "rest day", "moving house", "wedding", "too tired"]
PAUSE_REASONS = ["flu", "travel", "covid", "hospital stay", "sprained ankle", "holiday without a chair", "back flare-up"]
TRIP_ZONES = ["America/New_York", "Asia/Tokyo", "Europe/London", "America/Los_Angeles", "Australia/Sydney"]


def parse_day(text):
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {text!r}; use YYYY-MM-DD")


def years_before(day, years):
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def instant(at):
    return at.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class Person:
    """The slowly changing state behind the history."""

    def __init__(self, rng, first_day, age_at_start):
        self.rng = rng
        self.first_day = first_day
        self.age_at_start = age_at_start
        self.level = "beginner"
        self.level_since = first_day
        self.next_change = first_day + dt.timedelta(days=rng.randint(500, 1500))
        self.target_s = ROUTINES["beginner"]["start_s"]
        self.week_done = 0
        self.week_due = 0
        self.ease = 0.0  # seconds held beyond the target, drifting up with the years
        self.pain = rng.uniform(4.5, 6.5)

    def age(self, day):
        return self.age_at_start + (day - self.first_day).days / 365.25

    def cap(self, day):
        return 60 if self.age(day) >= 65 else 30

    def start_hold(self, day):
        return 30 if self.age(day) >= 65 else ROUTINES[self.level]["start_s"]

    def new_week(self, day):
        """R5: the hold grows 5 s after a week whose due days were all done, up to the cap."""
        if self.week_due > 0 and self.week_done >= self.week_due:
            self.target_s = min(self.target_s + 5, self.cap(day))
        elif self.week_due > 0 and self.week_done < self.week_due // 2:
            self.target_s = max(self.target_s - 5, self.start_hold(day))
        self.target_s = max(min(self.target_s, self.cap(day)), min(self.start_hold(day), self.cap(day)))
        self.week_done = 0
        self.week_due = 0
        self.ease = min(self.ease + self.rng.uniform(0.0, 0.05), 8.0)
        # Pain falls over the first years towards a floor, with noise.
        self.pain += (1.8 - self.pain) * 0.01 + self.rng.uniform(-0.15, 0.15)
        self.pain = min(max(self.pain, 0.0), 9.0)

    def maybe_change_level(self, day, after_injury):
        if after_injury and self.level != "beginner":
            self.level, self.level_since = "beginner", day
            self.target_s = self.start_hold(day)
            self.pain = min(self.pain + 2.5, 9.0)
            self.next_change = day + dt.timedelta(days=self.rng.randint(300, 900))
            return
        if day < self.next_change:
            return
        index = LEVEL_ORDER.index(self.level)
        if index + 1 < len(LEVEL_ORDER):
            self.level = LEVEL_ORDER[index + 1]
        self.level_since = day
        self.target_s = self.start_hold(day)
        self.next_change = day + dt.timedelta(days=self.rng.randint(700, 2000))


def plan_pauses(rng, first_day, end_day):
    """Spans of excused days: a few short ones a year, a long injury every few years."""
    spans = []
    day = first_day + dt.timedelta(days=rng.randint(40, 200))
    while day < end_day - dt.timedelta(days=30):
        if rng.random() < 0.12:
            length, reason = rng.randint(35, 75), "back flare-up" if rng.random() < 0.5 else "sprained ankle"
        else:
            length, reason = rng.randint(3, 16), rng.choice(PAUSE_REASONS)
        last = day + dt.timedelta(days=length - 1)
        spans.append((day, last, reason if rng.random() < 0.9 else ""))
        day = last + dt.timedelta(days=rng.randint(60, 260))
    return spans


def plan_trips(rng, first_day, end_day, pauses):
    """Week-long trips abroad (not paused): sessions there are recorded in the trip's zone."""
    trips = []
    day = first_day + dt.timedelta(days=rng.randint(100, 400))
    while day < end_day - dt.timedelta(days=20):
        last = day + dt.timedelta(days=rng.randint(4, 12))
        if not any(p[0] <= last and day <= p[1] for p in pauses):
            trips.append((day, last, rng.choice(TRIP_ZONES)))
        day = last + dt.timedelta(days=rng.randint(200, 500))
    return trips


def session_start(rng, day, zone):
    weekend = day.weekday() >= 5
    roll = rng.random()
    if roll < 0.15:
        minutes = rng.randint(19 * 60, 21 * 60 + 30)  # evening
    elif weekend:
        minutes = rng.randint(8 * 60 + 30, 11 * 60)
    else:
        minutes = rng.randint(6 * 60 + 30, 8 * 60 + 15)
    local = dt.datetime.combine(day, dt.time(minutes // 60, minutes % 60, rng.randint(0, 59)), ZoneInfo(zone))
    # A wall time skipped by a clock change does not exist; the fold-0 reading is still fine,
    # but the stored day must be the local day of the real instant.
    return local.astimezone(dt.timezone.utc)


def holds_of(rng, person, cut):
    """The holds of one guided session, and the seconds it lasted (holds, rests, get-ready)."""
    holds = []
    elapsed = 0
    for exercise, sided, kind in ROUTINES[person.level]["items"]:
        sides = ["left", "right"] if sided else [""]
        elapsed += GET_READY_S
        if kind == "warmup":
            target = rng.choice([60, 60, 90, 120])
            held = target if rng.random() < 0.9 else rng.randint(target // 2, target)
            holds.append((exercise, "", 1, target, held))
            elapsed += held
            continue
        for side in sides:
            if kind == "reps":
                sets = 3 if exercise in ("glute-bridge", "clamshell") else 1
                for _ in range(sets):
                    target = REPS * SECONDS_PER_REP
                    held = max(0, target + rng.randint(-4, 3))
                    holds.append((exercise, side, REPS, target, held))
                    elapsed += held + REST_S
            else:
                target = person.target_s if exercise != "plank" else min(person.target_s, 20)
                reps = min(max((60 + target - 1) // target, 2), 4)
                for rep in range(1, reps + 1):
                    wobble = rng.gauss(person.ease * 0.3, 2.0)
                    held = int(round(target + wobble))
                    if rng.random() < 0.04:
                        held = rng.randint(target // 3, target)  # came out early
                    holds.append((exercise, side, rep, target, max(held, 0)))
                    elapsed += max(held, 0) + REST_S
        if cut is not None and len(holds) >= cut:
            return holds[:cut], elapsed
    return holds, elapsed


def pain_pair(rng, person, flare):
    level = person.pain + (3 if flare else 0) + rng.gauss(0, 1.0)
    before = min(max(int(round(level)), 0), 10)
    after = min(max(before - rng.choice([0, 1, 1, 2, 2, 3]), 0), 10)
    roll = rng.random()
    if roll < 0.72:
        return before, after
    if roll < 0.82:
        return before, None
    if roll < 0.85:
        return None, after
    return None, None


def new_uuid(rng):
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def session_object(uuid_text, day, started, ended, duration, routine, status, pain, holds, note, source, zone):
    return {
        "uuid": uuid_text,
        "date": day.isoformat(),
        "started_at": instant(started),
        "ended_at": instant(ended) if ended is not None else None,
        "duration_s": duration,
        "routine": routine,
        "status": status,
        "pain_before": pain[0],
        "pain_after": pain[1],
        "holds": [
            {"exercise": e, "side": s, "rep": r, "target_s": t, "held_s": h} for (e, s, r, t, h) in holds
        ],
        "hold_seconds": sum(h[4] for h in holds),
        "note": note,
        "source": source,
        "zone": zone,
    }


def generate(args, write):
    rng = random.Random(args.seed)
    end_day = args.end
    first_day = years_before(end_day, args.years)
    person = Person(rng, first_day, args.age_at_start)
    pauses = plan_pauses(rng, first_day, end_day)
    trips = plan_trips(rng, first_day, end_day, pauses)
    pause_days = {}
    for start, last, _ in pauses:
        d = start
        while d <= last:
            pause_days[d] = last
            d += dt.timedelta(days=1)
    trip_zone = {}
    for start, last, zone in trips:
        d = start
        while d <= last:
            trip_zone[d] = zone
            d += dt.timedelta(days=1)

    counts = {"sessions": 0, "completed": 0, "partial": 0, "skipped": 0, "manual": 0, "holds": 0, "missed": 0}
    flare_until = first_day - dt.timedelta(days=1)
    coming_back = False
    day = first_day
    while day <= end_day:
        if day.weekday() == 0 or day == first_day:
            person.new_week(day)
        if day in pause_days:
            coming_back = coming_back or (pause_days[day] - day).days >= 30
            day += dt.timedelta(days=1)
            continue
        if coming_back:
            person.maybe_change_level(day, after_injury=True)
            coming_back = False
            flare_until = day + dt.timedelta(days=rng.randint(5, 20))
        person.maybe_change_level(day, after_injury=False)
        if rng.random() < 0.004:
            flare_until = day + dt.timedelta(days=rng.randint(2, 10))
        person.week_due += 1
        zone = trip_zone.get(day, args.zone)
        roll = rng.random()
        if roll < 0.035:  # missed: nothing recorded
            counts["missed"] += 1
            day += dt.timedelta(days=1)
            continue
        sessions_today = 2 if rng.random() < 0.01 else 1
        today = []
        for n in range(sessions_today):
            kind_roll = rng.random()
            if n == 0 and roll < 0.065:
                # A skip: stored at local noon, lasting nothing, the reason as its note.
                started = dt.datetime.combine(day, dt.time(12, 0), ZoneInfo(zone)).astimezone(dt.timezone.utc)
                reason = rng.choice(SKIP_REASONS) if rng.random() < 0.7 else None
                obj = session_object(new_uuid(rng), day, started, started, 0, args.routine, "skipped",
                                     (None, None), [], reason, "manual", zone)
                counts["skipped"] += 1
                person.week_due -= 1
            else:
                started = session_start(rng, day, zone)
                if n == 1:  # a second session the same day, in the afternoon
                    local = dt.time(rng.randint(13, 17), rng.randint(0, 59), rng.randint(0, 59))
                    started = dt.datetime.combine(day, local, ZoneInfo(zone)).astimezone(dt.timezone.utc)
                # The stored day is the local day of the start, in the zone of that day.
                local_day = started.astimezone(ZoneInfo(zone)).date()
                partial = kind_roll < 0.05
                manual = not partial and kind_roll < 0.14
                pain = pain_pair(rng, person, day <= flare_until)
                if manual:
                    holds = []
                    duration = rng.choice([5, 8, 10, 10, 12, 15, 20]) * 60
                    source = "manual"
                    counts["manual"] += 1
                else:
                    items = len(ROUTINES[person.level]["items"])
                    cut = rng.randint(1, items * 3) if partial else None
                    holds, duration = holds_of(rng, person, cut)
                    duration += rng.randint(0, 40)
                    source = "guided"
                if partial:
                    pain = (pain[0], None)
                note = None
                if rng.random() < 0.05:
                    note = rng.choice(NOTES)
                ended = started + dt.timedelta(seconds=duration)
                status = "partial" if partial else "completed"
                obj = session_object(new_uuid(rng), local_day, started, ended, duration, args.routine, status,
                                     pain, holds, note, source, zone)
                counts[status] += 1
                counts["holds"] += len(holds)
                if status == "completed" and n == 0:
                    person.week_done += 1
            counts["sessions"] += 1
            today.append(obj)
        # limber exports a day's sessions in the order they started.
        for obj in sorted(today, key=lambda o: o["started_at"]):
            write(obj)
        day += dt.timedelta(days=1)
    return first_day, pauses, counts


def main():
    parser = argparse.ArgumentParser(description="Writes a realistic limber history (JSON import format).")
    parser.add_argument("--years", type=int, required=True, help="years of daily sessions")
    parser.add_argument("--end", type=parse_day, default=dt.date(2026, 11, 21), help="last day (YYYY-MM-DD)")
    parser.add_argument("--seed", type=int, default=9, help="random seed (default 9)")
    parser.add_argument("--zone", default="Europe/Paris", help="IANA zone of home (default Europe/Paris)")
    parser.add_argument("--routine", default="default", help="routine name of the sessions (default 'default')")
    parser.add_argument("--age-at-start", type=int, default=35, help="age on the first day (default 35)")
    parser.add_argument("--pauses", help="write the pause spans here, FROM<TAB>TO<TAB>REASON a line")
    parser.add_argument("--compact", action="store_true", help="no indentation (smaller, still importable)")
    parser.add_argument("-o", "--output", default="-", help="output file (default stdout)")
    args = parser.parse_args()
    if args.years < 1 or args.years > 200:
        parser.error("--years must be 1..200")
    ZoneInfo(args.zone)  # refuse an unknown zone early

    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8", newline="\n")
    first = [True]

    def write(obj):
        if args.compact:
            text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
            out.write(("[" if first[0] else ",\n") + text)
        else:
            # limber's layout: the array's elements indented by two, each element as dump(2).
            text = json.dumps(obj, ensure_ascii=False, indent=2).replace("\n", "\n  ")
            out.write(("[\n  " if first[0] else ",\n  ") + text)
        first[0] = False

    first_day, pauses, counts = generate(args, write)
    if first[0]:
        out.write("[]\n")
    else:
        out.write("]\n" if args.compact else "\n]\n")
    if out is not sys.stdout:
        out.close()
    if args.pauses:
        with open(args.pauses, "w", encoding="utf-8", newline="\n") as f:
            for start, last, reason in pauses:
                f.write(f"{start.isoformat()}\t{last.isoformat()}\t{reason}\n")
    print(
        f"{args.years} years from {first_day} to {args.end}: {counts['sessions']} sessions "
        f"({counts['completed']} completed, {counts['partial']} partial, {counts['skipped']} skipped, "
        f"{counts['manual']} logged by hand), {counts['holds']} holds, {counts['missed']} missed days, "
        f"{len(pauses)} pauses",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
