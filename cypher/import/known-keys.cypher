// The natural keys already in a workspace, so an import may refer to records
// it does not define itself. Lookups by profile URL or name key say which
// index to seek (here and in every import statement): planned while those
// indexes are nearly empty, Neo4j chose to scan them whole, and kept doing so
// once they were large (measured: 100,000 LinkedIn rows went from 2,098 to
// 3,376 rows/s with `npm run bench -- contacts`).
// $workspace: String
// Returns: emails, domains, companyNames (name keys), urls ([String]); profiles ([{url, email (null: none)}]);
//   topics ([{key, aliasKeys}])
CALL { MATCH (p:Person {workspace: $workspace}) WHERE p.email IS NOT NULL RETURN collect(p.email) AS emails }
CALL { MATCH (p:Person {workspace: $workspace}) USING INDEX SEEK p:Person(workspace, profileUrl) WHERE p.profileUrl IS NOT NULL RETURN collect({url: p.profileUrl, email: p.email}) AS profiles }
CALL { MATCH (c:Company {workspace: $workspace}) WHERE c.domain IS NOT NULL RETURN collect(c.domain) AS domains }
CALL { MATCH (c:Company {workspace: $workspace}) WHERE c.nameKey IS NOT NULL RETURN collect(DISTINCT c.nameKey) AS companyNames }
CALL { MATCH (c:Content {workspace: $workspace}) RETURN collect(c.url) AS urls }
CALL { MATCH (t:Topic {workspace: $workspace}) RETURN collect({key: t.key, aliasKeys: coalesce(t.aliasKeys, [])}) AS topics }
RETURN emails, profiles, domains, companyNames, urls, topics
