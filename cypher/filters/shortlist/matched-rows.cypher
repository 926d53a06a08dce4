// Query.prospects' rows of people reached (`reachedRows`: [person, reach]),
// kept when the filter holds for the person: {{matched}} (shortlist/matched)
// runs on the people alone, and the rows of the people it keeps go on.
CALL (reachedRows{{carried}}) {
  UNWIND reachedRows AS row_
  WITH row_[0] AS person{{carried}}
  {{matched}}
  RETURN collect(person) AS matching_
}
UNWIND reachedRows AS row_
WITH origin, row_[0] AS person, row_[1] AS reach, evidenceTopics{{carried}}
WHERE person IN matching_
