// Indexes for what queries filter on: the workspace of every node (scans that
// have no natural key to start from), the dates behind every "within N days"
// filter, locations for "near", and one full-text index for search.
CREATE INDEX person_workspace IF NOT EXISTS FOR (n:Person) ON (n.workspace);
CREATE INDEX company_workspace IF NOT EXISTS FOR (n:Company) ON (n.workspace);
CREATE INDEX topic_workspace IF NOT EXISTS FOR (n:Topic) ON (n.workspace);
CREATE INDEX content_workspace IF NOT EXISTS FOR (n:Content) ON (n.workspace);
CREATE INDEX engaged_at IF NOT EXISTS FOR ()-[r:ENGAGED]-() ON (r.at);
CREATE INDEX concern_expressed_at IF NOT EXISTS FOR (n:Concern) ON (n.expressedAt);
CREATE INDEX event_occurred_at IF NOT EXISTS FOR (n:CompanyEvent) ON (n.occurredAt);
CREATE INDEX promise_due_at IF NOT EXISTS FOR (n:Promise) ON (n.dueAt);
CREATE INDEX works_at_since IF NOT EXISTS FOR ()-[r:WORKS_AT]-() ON (r.since);
CREATE INDEX knows_last_interaction IF NOT EXISTS FOR ()-[r:KNOWS]-() ON (r.lastInteractionAt);
CREATE POINT INDEX person_location IF NOT EXISTS FOR (n:Person) ON (n.location);
CREATE POINT INDEX company_location IF NOT EXISTS FOR (n:Company) ON (n.location);
CREATE FULLTEXT INDEX search IF NOT EXISTS FOR (n:Person|Company|Topic) ON EACH [n.name, n.title, n.aliases];
