-- limber schema 2: session ids are never reused, and a guided session names its process.
-- Session ids are the short ids users type into `edit` and `rm`; AUTOINCREMENT keeps an id
-- from ever meaning another session after a removal. `owner` is "pid:start-ticks" of the
-- `limber start` process writing an in_progress session, so that the next command can tell a
-- live session from one left behind by a killed process.
-- The tables are rebuilt without ever dropping a table that another still references, so the
-- rows (and the holds' cascade) survive with foreign keys on.

CREATE TABLE sessions_v2 (
    id           INTEGER PRIMARY KEY AUTOINCREMENT, -- the short id users type; never reused
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
    created_at   INTEGER NOT NULL,
    owner        TEXT                               -- pid:start-ticks of a running `limber start`
) STRICT;
INSERT INTO sessions_v2 (id, uuid, routine, day, started_at, ended_at, duration_s, zone, status,
                         pain_before, pain_after, note, source, created_at)
    SELECT id, uuid, routine, day, started_at, ended_at, duration_s, zone, status,
           pain_before, pain_after, note, source, created_at FROM sessions;

CREATE TABLE holds_v2 (
    session_id  INTEGER NOT NULL REFERENCES sessions_v2(id) ON DELETE CASCADE,
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
INSERT INTO holds_v2 SELECT session_id, seq, item, exercise, side, rep, target_s, held_s, ended_at FROM holds;

DROP TABLE holds;
DROP TABLE sessions;
ALTER TABLE sessions_v2 RENAME TO sessions;  -- also renames the reference in holds_v2
ALTER TABLE holds_v2 RENAME TO holds;

CREATE INDEX sessions_routine_day ON sessions (routine, day);
CREATE INDEX sessions_day ON sessions (day, started_at);
CREATE INDEX sessions_status ON sessions (status) WHERE status = 'in_progress';
