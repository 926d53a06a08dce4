// Resolves what a mutation refers to, inside its transaction: people and
// companies by id or domain, topics by name or alias (lower-cased), content by url.
// Each list holds what was found; the caller reports the rest as NOT_FOUND.
// $workspace: String, $people: [String] (ids), $companies: [String] (ids), $domains: [String] (lower-cased),
// $topics: [String] (lower-cased names or aliases), $contents: [String] (urls)
// Returns: people [{id, email (else profile URL)}], companies [{id, domain (else name key)}], domains [String], topics [{wanted, key}], contents [String]
CALL {
  MATCH (p:Person {workspace: $workspace})
  USING INDEX SEEK p:Person(id)
  WHERE p.id IN $people
  RETURN collect({id: p.id, email: coalesce(p.email, p.profileUrl)}) AS people
}
CALL {
  MATCH (c:Company {workspace: $workspace})
  USING INDEX SEEK c:Company(id)
  WHERE c.id IN $companies
  RETURN collect({id: c.id, domain: coalesce(c.domain, c.nameKey)}) AS companies
}
CALL {
  MATCH (c:Company {workspace: $workspace})
  USING INDEX SEEK c:Company(workspace, domain)
  WHERE c.domain IN $domains
  RETURN collect(c.domain) AS domains
}
CALL {
  UNWIND $topics AS wanted
  CALL (wanted) {
    MATCH (t:Topic {workspace: $workspace, key: wanted})
    USING INDEX SEEK t:Topic(workspace, key)
    RETURN t
    UNION
    // No index finds a value in a list: aliases are looked for among the workspace's topics.
    MATCH (t:Topic {workspace: $workspace})
    WHERE wanted IN t.aliasKeys
    RETURN t
  }
  WITH wanted, t ORDER BY t.key = wanted DESC
  WITH wanted, head(collect(t.key)) AS key
  RETURN collect({wanted: wanted, key: key}) AS topics
}
CALL {
  MATCH (c:Content {workspace: $workspace})
  USING INDEX SEEK c:Content(workspace, url)
  WHERE c.url IN $contents
  RETURN collect(c.url) AS contents
}
RETURN people, companies, domains, topics, contents
