// Uniqueness for every natural key of the graph document, scoped to a
// workspace so two workspaces can hold the same email or domain, and for the
// opaque ids the API hands out. Each constraint also backs an index.
CREATE CONSTRAINT migration_name IF NOT EXISTS FOR (m:Migration) REQUIRE m.name IS UNIQUE;
CREATE CONSTRAINT person_key IF NOT EXISTS FOR (n:Person) REQUIRE (n.workspace, n.email) IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT company_key IF NOT EXISTS FOR (n:Company) REQUIRE (n.workspace, n.domain) IS UNIQUE;
CREATE CONSTRAINT company_id IF NOT EXISTS FOR (n:Company) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT topic_key IF NOT EXISTS FOR (n:Topic) REQUIRE (n.workspace, n.key) IS UNIQUE;
CREATE CONSTRAINT topic_id IF NOT EXISTS FOR (n:Topic) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT content_key IF NOT EXISTS FOR (n:Content) REQUIRE (n.workspace, n.url) IS UNIQUE;
CREATE CONSTRAINT content_id IF NOT EXISTS FOR (n:Content) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT concern_key IF NOT EXISTS FOR (n:Concern) REQUIRE (n.workspace, n.key) IS UNIQUE;
CREATE CONSTRAINT concern_id IF NOT EXISTS FOR (n:Concern) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_key IF NOT EXISTS FOR (n:CompanyEvent) REQUIRE (n.workspace, n.key) IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:CompanyEvent) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT promise_key IF NOT EXISTS FOR (n:Promise) REQUIRE (n.workspace, n.key) IS UNIQUE;
CREATE CONSTRAINT promise_id IF NOT EXISTS FOR (n:Promise) REQUIRE n.id IS UNIQUE;
