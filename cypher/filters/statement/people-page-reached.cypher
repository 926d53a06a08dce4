// Query.people when the people to test come as rows, from {{reached}}: the
// people within some hops of a person, when the filter's top level asks for
// connections of one (common/reached-from-anchor: it expands from that person
// instead of testing every person of the workspace for a path), or everyone,
// when a topic condition can shortlist them (common/everyone). {{matched}}
// keeps the people the rest of the filter holds for (src/filters/shortlist.ts);
// then a page as people-page, and how many matched in all: the page and its
// total are one statement, planned and read once (the people reached are held
// in a list anyway). No page row (a cursor past the end) is one row whose
// item is null.
{{prelude}}
{{reached}}
{{matched}}
WITH collect(person) AS matched_
OPTIONAL CALL (matched_) {
  UNWIND matched_ AS person
  WITH person
  WHERE ($afterKey IS NULL OR [{{sortKey}}, coalesce(person.email, person.profileUrl)] {{after}} [$afterValue, $afterKey])
  RETURN person {.*} AS item, {{sortKey}} AS sortValue
  ORDER BY {{sortKey}} {{direction}}, coalesce(person.email, person.profileUrl) {{direction}}
  LIMIT $limit
}
RETURN item, sortValue, size(matched_) AS total
