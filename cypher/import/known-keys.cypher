// The natural keys already in a workspace, so an import may refer to records
// it does not define itself.
// $workspace: String
// Returns: emails, domains, urls ([String]); topics ([{key, aliasKeys}])
CALL { MATCH (p:Person {workspace: $workspace}) RETURN collect(p.email) AS emails }
CALL { MATCH (c:Company {workspace: $workspace}) RETURN collect(c.domain) AS domains }
CALL { MATCH (c:Content {workspace: $workspace}) RETURN collect(c.url) AS urls }
CALL { MATCH (t:Topic {workspace: $workspace}) RETURN collect({key: t.key, aliasKeys: coalesce(t.aliasKeys, [])}) AS topics }
RETURN emails, domains, urls, topics
