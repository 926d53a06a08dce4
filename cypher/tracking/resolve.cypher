// What a batch of tracking messages refers to, read inside its transaction:
// which of its emails are people of the workspace, which Segment userIds an
// earlier identify tied to a person, which content urls exist, and the keys of
// the topics it names (by name or alias, lower-cased).
// $workspace: String, $emails: [String] (lower-cased), $userIds: [String], $urls: [String], $topics: [String]
// Returns: emails [String], users [{userId, email}], urls [String], topics [{wanted, key}]
CALL {
  MATCH (p:Person {workspace: $workspace})
  USING INDEX SEEK p:Person(workspace, email)
  WHERE p.email IN $emails
  RETURN collect(p.email) AS emails
}
CALL {
  MATCH (u:TrackedUser {workspace: $workspace}) WHERE u.userId IN $userIds
  MATCH (p:Person {workspace: $workspace, email: u.email})
  USING INDEX SEEK p:Person(workspace, email)
  RETURN collect({userId: u.userId, email: p.email}) AS users
}
CALL {
  MATCH (c:Content {workspace: $workspace})
  USING INDEX SEEK c:Content(workspace, url)
  WHERE c.url IN $urls
  RETURN collect(c.url) AS urls
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
RETURN emails, users, urls, topics
