-- limber schema 5: red flags (DOMAIN.md R27). A red-flag symptom is recorded with the day it
-- was reported for; while any flag that stopped is not cleared, every routine is suspended.
-- A clearance records that a clinician has cleared the person and clears every flag then in
-- force. A see-doctor symptom reported again after it was cleared only warns (stops = 0).

CREATE TABLE red_flags (
    id           INTEGER PRIMARY KEY,
    symptom      TEXT NOT NULL,                  -- the --symptom name (saddle-numbness, fever, …)
    tier         TEXT NOT NULL CHECK (tier IN ('emergency', 'see-doctor')),
    day          TEXT NOT NULL,                  -- the local day it was reported for
    recorded_at  INTEGER NOT NULL,               -- UTC epoch seconds
    source       TEXT NOT NULL CHECK (source IN ('plan', 'flag', 'start')),
    stops        INTEGER NOT NULL CHECK (stops IN (0, 1)),
    cleared_by   INTEGER REFERENCES flag_clearances(id)
) STRICT;

CREATE TABLE flag_clearances (
    id           INTEGER PRIMARY KEY,
    day          TEXT NOT NULL,                  -- the local day it was recorded
    recorded_at  INTEGER NOT NULL,
    note         TEXT                            -- NULL: none
) STRICT;

CREATE INDEX red_flags_in_force ON red_flags (cleared_by) WHERE stops = 1;
