// Query.prospects' rows of people reached (`reachedRows`: [person, reach]),
// one per person again, kept when {{predicate}} holds for the person.
UNWIND reachedRows AS row_
WITH origin, row_[0] AS person, row_[1] AS reach, evidenceTopics{{carried}}
WHERE {{predicate}}
