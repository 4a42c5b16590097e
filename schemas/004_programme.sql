-- limber schema 4: the programme of DOMAIN.md R19–R28. A routine keeps the two choices the
-- planner now takes (the flexion opt-in, R21, and the floor at 80 and over, R26), and each item
-- the sessions it is on (R23: every session, only those with the strength block, or the others).
-- A routine saved before keeps its request; the planner fits it again when it is shown or run,
-- so its strength days and cautions appear without planning it again.

ALTER TABLE routines ADD COLUMN allow_flexion INTEGER NOT NULL DEFAULT 0 CHECK (allow_flexion IN (0, 1));
ALTER TABLE routines ADD COLUMN floor_ok INTEGER NOT NULL DEFAULT 0 CHECK (floor_ok IN (0, 1));
ALTER TABLE routine_items ADD COLUMN days TEXT NOT NULL DEFAULT 'every' CHECK (days IN ('every', 'strength', 'other'));
