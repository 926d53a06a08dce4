// Settles an OPEN promise as KEPT or BROKEN, with when, a note and who said
// so. The status is read after the write lock is taken (by the first SET), so
// of two concurrent requests only one finds the promise OPEN.
// $workspace: String, $id: String, $status: String, $at: DateTime, $note: String or null, $recordedBy: String
// Returns: item (the promise after), was (its status before); no row when there is no such promise
MATCH (pr:Promise {workspace: $workspace, id: $id})
USING INDEX SEEK pr:Promise(id)
SET pr.statusLock = true
REMOVE pr.statusLock
WITH pr, pr.status AS was
CALL (pr, was) {
  WITH pr WHERE was = 'OPEN'
  SET pr.status = $status, pr.statusChangedAt = $at, pr.statusNote = $note, pr.statusChangedBy = $recordedBy
}
RETURN pr {.*} AS item, was
