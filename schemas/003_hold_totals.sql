-- limber schema 3: each session keeps the number and the seconds of its holds, kept in step by
-- triggers, so that totals over years of history sum the sessions instead of every hold.

ALTER TABLE sessions ADD COLUMN hold_count INTEGER NOT NULL DEFAULT 0 CHECK (hold_count >= 0);
ALTER TABLE sessions ADD COLUMN hold_seconds INTEGER NOT NULL DEFAULT 0 CHECK (hold_seconds >= 0);

UPDATE sessions SET hold_count = (SELECT count(*) FROM holds WHERE holds.session_id = sessions.id),
                    hold_seconds = (SELECT coalesce(sum(held_s), 0) FROM holds WHERE holds.session_id = sessions.id);

CREATE TRIGGER holds_added AFTER INSERT ON holds BEGIN
    UPDATE sessions SET hold_count = hold_count + 1, hold_seconds = hold_seconds + NEW.held_s
    WHERE id = NEW.session_id;
END;

CREATE TRIGGER holds_removed AFTER DELETE ON holds BEGIN
    UPDATE sessions SET hold_count = hold_count - 1, hold_seconds = hold_seconds - OLD.held_s
    WHERE id = OLD.session_id;
END;

CREATE TRIGGER holds_changed AFTER UPDATE OF session_id, held_s ON holds BEGIN
    UPDATE sessions SET hold_count = hold_count - 1, hold_seconds = hold_seconds - OLD.held_s
    WHERE id = OLD.session_id;
    UPDATE sessions SET hold_count = hold_count + 1, hold_seconds = hold_seconds + NEW.held_s
    WHERE id = NEW.session_id;
END;

-- What R5, streaks and stats read of a routine's sessions, in the order they read it, so that
-- those queries never touch the table itself.
DROP INDEX sessions_routine_day;
CREATE INDEX sessions_routine_day ON sessions (routine, day, started_at, status, pain_before, pain_after,
                                               duration_s, hold_count, hold_seconds);
