// The write API (issue 6). A mutation sent again with the same idempotency key
// finds the first one's result by (workspace, key): unique, so two concurrent
// requests with one key serialise on the MERGE instead of both writing.
// Interactions are facts with a natural key, like concerns, so a retried
// recordInteraction finds the first one instead of raising strength twice.
CREATE CONSTRAINT idempotent_result_key IF NOT EXISTS FOR (r:IdempotentResult) REQUIRE (r.workspace, r.key) IS UNIQUE;
CREATE CONSTRAINT interaction_key IF NOT EXISTS FOR (n:Interaction) REQUIRE (n.workspace, n.key) IS UNIQUE;
CREATE CONSTRAINT interaction_id IF NOT EXISTS FOR (n:Interaction) REQUIRE n.id IS UNIQUE;
