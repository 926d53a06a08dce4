// A workspace's promises, soonest due first (no due date last): by status,
// due before an instant, and overdue (OPEN and due before now) or not.
// $workspace: String, $status: String or null, $dueBefore: DateTime or null, $overdue: Boolean or null, $limit: Integer
// Returns: item (the promise's properties)
MATCH (pr:Promise {workspace: $workspace})
WHERE ($status IS NULL OR pr.status = $status)
  AND ($dueBefore IS NULL OR pr.dueAt < $dueBefore)
  AND ($overdue IS NULL OR $overdue = coalesce(pr.status = 'OPEN' AND pr.dueAt < datetime(), false))
RETURN pr {.*} AS item
ORDER BY pr.dueAt IS NULL, pr.dueAt, pr.key
LIMIT $limit
