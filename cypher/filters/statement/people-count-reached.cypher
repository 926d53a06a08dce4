// Query.people's totalCount when the people to test come as rows from
// {{reached}}, as in people-page-reached.
{{prelude}}
{{reached}}
{{matched}}
RETURN count(person) AS total
