-- limber schema 1: everything the commands need.
-- Instants are UTC epoch seconds; `day` is the local day (YYYY-MM-DD) a session belongs to,
-- computed once when it is recorded (zone in force + day_start) and never recomputed.

PRAGMA application_id = 1280131666;  -- 'LMBR'

-- Key/value settings (day_start, week_start, default_routine). Absent key = default.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

-- A routine is a saved plan. Re-planning a name replaces its items and parameters but keeps
-- created_day, where routine week 1 starts (DOMAIN.md R5).
CREATE TABLE routines (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE,
    level        TEXT NOT NULL CHECK (level IN ('beginner', 'intermediate', 'advanced')),
    constraints  TEXT NOT NULL DEFAULT '[]',        -- JSON array of constraint names
    equipment    TEXT NOT NULL DEFAULT '[]',        -- JSON array of equipment names
    minutes      INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 600),
    schedule     TEXT NOT NULL DEFAULT '{"kind":"daily"}',  -- JSON, as in the plan JSON
    age          INTEGER CHECK (age IS NULL OR age BETWEEN 1 AND 130),
    estimated_s  INTEGER NOT NULL DEFAULT 0,
    warnings     TEXT NOT NULL DEFAULT '[]',        -- JSON array of strings
    created_day  TEXT NOT NULL,                     -- local day routine week 1 starts
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL
) STRICT;

CREATE TABLE routine_items (
    routine_id  INTEGER NOT NULL REFERENCES routines(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,                   -- 0-based order in the routine
    exercise    TEXT NOT NULL,                      -- exercise id of the library
    phase       TEXT NOT NULL CHECK (phase IN ('warmup', 'stretch', 'strength', 'cooldown')),
    sided       INTEGER NOT NULL CHECK (sided IN (0, 1)),
    sets        INTEGER NOT NULL CHECK (sets >= 1),
    reps        INTEGER NOT NULL CHECK (reps >= 0),
    hold_s      INTEGER NOT NULL CHECK (hold_s >= 0),
    rest_s      INTEGER NOT NULL CHECK (rest_s >= 0),
    why         TEXT NOT NULL DEFAULT '',           -- why the planner chose it (plan --explain)
    PRIMARY KEY (routine_id, position)
) STRICT;

-- Sessions refer to their routine by name, so that history outlives a removed routine and
-- imports keep names this database does not know.
CREATE TABLE sessions (
    id           INTEGER PRIMARY KEY,               -- the short id users type
    uuid         TEXT NOT NULL UNIQUE,
    routine      TEXT NOT NULL,
    day          TEXT NOT NULL,                     -- stored local day, YYYY-MM-DD
    started_at   INTEGER NOT NULL,                  -- UTC epoch seconds
    ended_at     INTEGER,                           -- UTC epoch seconds; NULL while in progress
    duration_s   INTEGER CHECK (duration_s IS NULL OR duration_s >= 0),
    zone         TEXT NOT NULL,                     -- IANA zone in force when recorded
    status       TEXT NOT NULL CHECK (status IN ('in_progress', 'completed', 'partial', 'skipped')),
    pain_before  INTEGER CHECK (pain_before IS NULL OR pain_before BETWEEN 0 AND 10),
    pain_after   INTEGER CHECK (pain_after IS NULL OR pain_after BETWEEN 0 AND 10),
    note         TEXT,                              -- the note, or the reason of a skip
    source       TEXT NOT NULL CHECK (source IN ('guided', 'manual', 'import')),
    created_at   INTEGER NOT NULL
) STRICT;
CREATE INDEX sessions_routine_day ON sessions (routine, day);
CREATE INDEX sessions_day ON sessions (day, started_at);
CREATE INDEX sessions_status ON sessions (status) WHERE status = 'in_progress';

-- One row per finished hold (or set of repetitions), stored the moment it ends.
CREATE TABLE holds (
    session_id  INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,                   -- order within the session, from 0
    item        INTEGER,                            -- routine item position, when guided
    exercise    TEXT NOT NULL,
    side        TEXT NOT NULL DEFAULT '' CHECK (side IN ('', 'left', 'right')),
    rep         INTEGER NOT NULL CHECK (rep >= 1),
    target_s    INTEGER NOT NULL CHECK (target_s >= 0),
    held_s      INTEGER NOT NULL CHECK (held_s >= 0),
    ended_at    INTEGER,
    PRIMARY KEY (session_id, seq)
) STRICT, WITHOUT ROWID;

-- Days excused from every routine's target (illness, injury, travel).
CREATE TABLE pauses (
    id          INTEGER PRIMARY KEY,
    from_day    TEXT NOT NULL,
    to_day      TEXT NOT NULL,
    reason      TEXT,
    created_at  INTEGER NOT NULL,
    CHECK (to_day >= from_day)
) STRICT;
CREATE INDEX pauses_days ON pauses (from_day, to_day);
