// The ids of the people {{reached}} gives that the filter holds for
// ({{matched}}: src/filters/shortlist.ts), as people-page-reached pages
// them, with their evidence bound (prospect/evidence-bound): the first of the two statements of
// Query.prospects (as people-ids), in records of $piece entries.
{{prelude}}
{{reached}}
{{matched}}
WITH collect(person.id) AS ids, collect({{evidenceBound}}) AS evidence
UNWIND range(0, size(ids) - 1, $piece) AS at_
RETURN ids[at_..at_ + $piece] AS ids, evidence[at_..at_ + $piece] AS evidence
