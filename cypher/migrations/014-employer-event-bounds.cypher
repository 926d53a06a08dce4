// Each person's employerEventBound, the sum of their employers' eventBound
// (current or not: src/scoring.ts), for the graph as it stood before the
// writers of employments and company events kept it. A ranking reads it with
// the person's own bounds instead of walking to every employer. Only people
// without it are written, so it is safe to run again.
MATCH (p:Person)-[:WORKS_AT]->(employer:Company)
WHERE p.employerEventBound IS NULL AND employer.eventBound IS NOT NULL
WITH DISTINCT p
CALL (p) {
  SET p.employerEventBound = reduce(events_ = 0.0, bound_ IN [(p)-[:WORKS_AT]->(employer_:Company) WHERE employer_.eventBound IS NOT NULL | employer_.eventBound] | events_ + bound_)
} IN TRANSACTIONS OF 10000 ROWS;
