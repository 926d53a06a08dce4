// People without an email are keyed by their profile URL, unique per
// workspace like emails; companies without a domain are found by the key of
// their name (src/graph-document/normalize.ts companyNameKey), which several
// companies with domains may share, so it is an index and not a constraint.
CREATE CONSTRAINT person_profile IF NOT EXISTS FOR (n:Person) REQUIRE (n.workspace, n.profileUrl) IS UNIQUE;
CREATE INDEX company_name_key IF NOT EXISTS FOR (n:Company) ON (n.workspace, n.nameKey);
