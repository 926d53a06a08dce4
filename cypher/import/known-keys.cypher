// The natural keys already in a workspace, so an import may refer to records
// it does not define itself.
// $workspace: String
// Returns: emails, domains, companyNames (name keys), urls ([String]); profiles ([{url, email (null: none)}]);
//   topics ([{key, aliasKeys}])
CALL { MATCH (p:Person {workspace: $workspace}) WHERE p.email IS NOT NULL RETURN collect(p.email) AS emails }
CALL { MATCH (p:Person {workspace: $workspace}) WHERE p.profileUrl IS NOT NULL RETURN collect({url: p.profileUrl, email: p.email}) AS profiles }
CALL { MATCH (c:Company {workspace: $workspace}) WHERE c.domain IS NOT NULL RETURN collect(c.domain) AS domains }
CALL { MATCH (c:Company {workspace: $workspace}) WHERE c.nameKey IS NOT NULL RETURN collect(DISTINCT c.nameKey) AS companyNames }
CALL { MATCH (c:Content {workspace: $workspace}) RETURN collect(c.url) AS urls }
CALL { MATCH (t:Topic {workspace: $workspace}) RETURN collect({key: t.key, aliasKeys: coalesce(t.aliasKeys, [])}) AS topics }
RETURN emails, profiles, domains, companyNames, urls, topics
