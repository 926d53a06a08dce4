// The companies' event bounds a ranking of the whole workspace reads
// (src/scoring.ts), for the events written before they were kept: each
// company's eventBound is the sum over its events of 2^(days from 2020-01-01
// to the event / 90) — the numbers of SCORING, which the writers use
// (tests/integration/prospect-ranking.test.ts checks the two agree). Only
// companies without a bound are read, so it is safe to run again; a company
// without events keeps none.
MATCH (c:Company) WHERE c.eventBound IS NULL
CALL (c) {
  OPTIONAL MATCH (c)-[:HAD_EVENT]->(e:CompanyEvent)
  WITH c, sum(2.0 ^ ((e.occurredAt.epochMillis - 1577836800000) / 86400000.0 / 90)) AS events, count(e) AS count
  SET c.eventBound = CASE WHEN count > 0 THEN events END
} IN TRANSACTIONS OF 10000 ROWS;
