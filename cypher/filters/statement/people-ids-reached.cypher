// The ids of the people {{reached}} gives that the filter holds for
// ({{matched}}: src/filters/shortlist.ts), as people-count-reached counts
// them: the first of the two statements of Query.prospects.
{{prelude}}
{{reached}}
{{matched}}
RETURN collect(person.id) AS ids
