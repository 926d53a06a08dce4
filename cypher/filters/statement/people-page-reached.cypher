// Query.people when the people to test come as rows, from {{reached}}: the
// people within some hops of a person, when the filter's top level asks for
// connections of one (common/reached-from-anchor: it expands from that person
// instead of testing every person of the workspace for a path), or everyone,
// when a topic condition can shortlist them (common/everyone). {{matched}}
// keeps the people the rest of the filter holds for (src/filters/shortlist.ts);
// then as people-page.
{{prelude}}
{{reached}}
{{matched}}
WITH person{{carried}}
WHERE ($afterKey IS NULL OR [{{sortKey}}, coalesce(person.email, person.profileUrl)] {{after}} [$afterValue, $afterKey])
RETURN person {.*} AS item, {{sortKey}} AS sortValue
ORDER BY {{sortKey}} {{direction}}, coalesce(person.email, person.profileUrl) {{direction}}
LIMIT $limit
