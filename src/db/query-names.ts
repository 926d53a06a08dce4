/**
 * Every named query the code may run: the relative path of its file under
 * cypher/, without the extension. The catalogue checks this list against the
 * files at boot.
 */
export const QUERY_NAMES = [
  "person/by-ids",
  "person/by-emails",
  "person/employment",
  "person/interests",
  "person/engagements",
  "person/concerns",
  "person/promises",
  "company/by-ids",
  "company/by-domains",
  "company/employees",
  "company/events",
  "company/promises",
  "topic/by-names",
  "topic/broader",
  "topic/narrower",
  "content/topics",
] as const;

export type QueryName = (typeof QUERY_NAMES)[number];
