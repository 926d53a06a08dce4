// How many people the filter holds for when the people to test come as rows
// from {{reached}}, as in people-page-reached (whose page carries its own
// total): the total of a ranking of the whole workspace that reads its
// contenders first (src/resolvers/prospects.ts), a topic condition
// shortlisting everyone.
{{prelude}}
{{reached}}
{{matched}}
RETURN count(person) AS total
