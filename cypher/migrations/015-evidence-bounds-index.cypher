// The index by which a ranking of the whole workspace finds the people who
// may be on its page without reading everyone the filter matches
// (src/scoring-contenders.ts): ranges of concernBound, each with a lowest
// engagementBound, read with both bounds from the index alone.
CREATE INDEX person_evidence_bounds IF NOT EXISTS FOR (n:Person) ON (n.workspace, n.concernBound, n.engagementBound);
