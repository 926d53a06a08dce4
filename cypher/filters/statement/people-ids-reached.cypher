// The ids of the people {{reached}} gives that the filter holds for
// ({{matched}}: src/filters/shortlist.ts), as people-count-reached counts
// them, with their evidence bound (prospect/evidence-bound): the first of the two statements of
// Query.prospects (as people-ids).
{{prelude}}
{{reached}}
{{matched}}
RETURN collect(person.id) AS ids, collect({{evidenceBound}}) AS evidence
