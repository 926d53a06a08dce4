// Which of a batch's keys a workspace knows already, for a contacts file's
// check (src/ingest/contacts/check-contacts.ts): only these keys are looked
// up, so checking a file costs the same whatever the workspace holds.
// $workspace: String, $emails, $profiles, $domains, $nameKeys: [String]
// Returns: emails, domains, companyNames (the name keys known) ([String]); profiles ([{url, email (null: none)}])
CALL {
  UNWIND $emails AS key
  MATCH (p:Person {workspace: $workspace, email: key})
  USING INDEX SEEK p:Person(workspace, email)
  RETURN collect(p.email) AS emails
}
CALL {
  UNWIND $profiles AS key
  MATCH (p:Person {workspace: $workspace, profileUrl: key})
  USING INDEX SEEK p:Person(workspace, profileUrl)
  RETURN collect({url: p.profileUrl, email: p.email}) AS profiles
}
CALL {
  UNWIND $domains AS key
  MATCH (c:Company {workspace: $workspace, domain: key})
  USING INDEX SEEK c:Company(workspace, domain)
  RETURN collect(c.domain) AS domains
}
CALL {
  UNWIND $nameKeys AS key
  MATCH (c:Company {workspace: $workspace, nameKey: key})
  USING INDEX SEEK c:Company(workspace, nameKey)
  RETURN collect(DISTINCT c.nameKey) AS companyNames
}
RETURN emails, profiles, domains, companyNames
