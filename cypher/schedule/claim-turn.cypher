// Claims the next turn of a scheduled job that the instances share, so that
// it runs on one of them rather than on each. The schedule is locked before
// its next turn is read again: a second instance waits for the first to
// commit, then finds the turn taken. A turn is due when none was ever taken
// or the gap since the last one has passed.
// $name: String, $gapMs: Integer (the least time between two turns)
// Returns: claimed (Boolean)
MERGE (s:Schedule {name: $name})
SET s.lock = true
WITH s, s.nextAt IS NULL OR s.nextAt <= datetime() AS due
SET s.nextAt = CASE WHEN due THEN datetime() + duration({milliseconds: $gapMs}) ELSE s.nextAt END
REMOVE s.lock
RETURN due AS claimed
