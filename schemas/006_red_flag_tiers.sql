-- limber schema 6: red flags in three tiers (DOMAIN.md R27 as revised): emergency, urgent (the
-- same day) and see-doctor. Back pain with a fever, weight loss, pain that rest does not ease
-- and a fall or knock are now urgent; a history of cancer and long-term steroids stay
-- see-doctor. The symptom names are those of --symptom, as before, so the flags recorded keep
-- their names; only the stored tier changes, and the table is rebuilt for its new CHECK (SQLite
-- cannot alter one). `stops` keeps what each flag did when it was reported: a flag recorded as
-- a warning stays a warning, so no suspension is made up after the fact.
-- Nothing references red_flags, so it can be dropped with foreign keys on; its reference to
-- flag_clearances is kept.

CREATE TABLE red_flags_v6 (
    id           INTEGER PRIMARY KEY,
    symptom      TEXT NOT NULL,                  -- the --symptom name (saddle-numbness, fever, …)
    tier         TEXT NOT NULL CHECK (tier IN ('emergency', 'urgent', 'see-doctor')),
    day          TEXT NOT NULL,                  -- the local day it was reported for
    recorded_at  INTEGER NOT NULL,               -- UTC epoch seconds
    source       TEXT NOT NULL CHECK (source IN ('plan', 'flag', 'start')),
    stops        INTEGER NOT NULL CHECK (stops IN (0, 1)),
    cleared_by   INTEGER REFERENCES flag_clearances(id)
) STRICT;
INSERT INTO red_flags_v6 (id, symptom, tier, day, recorded_at, source, stops, cleared_by)
    SELECT id, symptom,
           CASE WHEN symptom IN ('fever', 'weight-loss', 'night-pain', 'trauma') THEN 'urgent' ELSE tier END,
           day, recorded_at, source, stops, cleared_by
      FROM red_flags;

DROP TABLE red_flags;
ALTER TABLE red_flags_v6 RENAME TO red_flags;

CREATE INDEX red_flags_in_force ON red_flags (cleared_by) WHERE stops = 1;
