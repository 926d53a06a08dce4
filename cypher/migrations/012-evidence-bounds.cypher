// The evidence bounds a ranking of the whole workspace reads (src/scoring.ts)
// for the engagements and concerns written before they were kept: each
// person's engagementBound is the sum over their engagements of the action's
// weight times 2^(days from 2020-01-01 to the engagement / 30), and
// concernBound the sum over their concerns of severity / 5 (3 when not given)
// times 2^(days / 60) — the numbers of SCORING, which the writers use
// (tests/integration/prospect-ranking.test.ts checks the two agree). Only people
// without either bound are read, so it is safe to run again; a person without
// evidence keeps neither.
MATCH (p:Person) WHERE p.engagementBound IS NULL AND p.concernBound IS NULL
CALL (p) {
  OPTIONAL MATCH (p)-[e:ENGAGED]->()
  WITH p, sum(coalesce({ATTENDED: 1.0, DOWNLOADED: 0.8, SHARED: 0.8, COMMENTED: 0.7, READ: 0.6, LIKED: 0.3}[e.action], 0.5)
    * 2.0 ^ ((e.at.epochMillis - 1577836800000) / 86400000.0 / 30)) AS engagement, count(e) AS engagements
  OPTIONAL MATCH (p)-[:VOICED]->(k:Concern)
  WITH p, engagement, engagements, sum(coalesce(k.severity, 3) / 5.0
    * 2.0 ^ ((k.expressedAt.epochMillis - 1577836800000) / 86400000.0 / 60)) AS concern, count(k) AS concerns
  SET p.engagementBound = CASE WHEN engagements > 0 THEN engagement END,
      p.concernBound = CASE WHEN concerns > 0 THEN concern END
} IN TRANSACTIONS OF 10000 ROWS;
