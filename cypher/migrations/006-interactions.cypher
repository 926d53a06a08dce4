// Relationship intelligence (issue 17). A connection's strength now follows
// from its interactions (src/relationships/strength.ts) with the strength set
// by hand or imported as a floor: what was stored so far becomes the floor.
// Each interaction says which of its two people is on the team: for those
// recorded through the API that is the person who recorded it.
// The decay of derived strengths walks connections by derivedAt.
MATCH ()-[k:KNOWS]->() WHERE k.floor IS NULL AND k.derivedAt IS NULL
CALL (k) { SET k.floor = k.strength } IN TRANSACTIONS OF 10000 ROWS;
MATCH (i:Interaction)-[w:WITH]->(p:Person) WHERE w.side IS NULL
CALL (i, w, p) { SET w.side = CASE WHEN p.email = i.recordedBy THEN "team" ELSE "contact" END } IN TRANSACTIONS OF 10000 ROWS;
CREATE INDEX knows_derived_at IF NOT EXISTS FOR ()-[k:KNOWS]-() ON (k.derivedAt);
