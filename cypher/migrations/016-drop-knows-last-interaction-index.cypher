// No statement looks connections up by lastInteractionAt: the date is only
// returned with a connection that was found by its people. The index still
// cost a write for each connection that has the date (15 million at a million
// people), about a tenth of Neo4j's work in an import's connections (a Java
// Flight Recorder profile of a 100k-person import).
DROP INDEX knows_last_interaction IF EXISTS;
