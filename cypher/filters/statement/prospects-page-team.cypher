// Query.prospects when the filter's top level asks for our connections
// (connectedTo with team): expand from all the users of the workspace at once
// ({{reached}}: common/reached-from-team) and keep, as `matching`, the people
// reached that the rest of the filter holds for ({{matched}}:
// src/filters/shortlist.ts). Then {{reach}} gives each of them `reach`, the
// strength of the strongest path from any user (prospect/team-reach-*), and as
// prospects-page, {{score}} ranks, its path starting at the best-connected user.
{{prelude}}
{{evidence}}
{{reached}}
{{matched}}
WITH evidenceTopics, evidenceContent{{carried}}, collect(person) AS matching
{{reach}}
WITH person, reach, evidenceTopics, evidenceContent{{carried}}
{{score}}
