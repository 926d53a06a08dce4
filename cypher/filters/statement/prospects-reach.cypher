// Query.prospects without connectedTo, before any scoring: the id and `reach`
// of every person within two connections of $origin (the viewer), the
// strength of their strongest path ({{widening}}: prospect/reach-by-widening),
// each link at least $minStrength strong. Everyone else's reach is 0. With
// each matching person's evidence bound it gives the most their score can be
// (src/services/prospect-ranking.ts). One text for every filter. The pairs
// come $piece a record (src/db/pieces.ts says why).
MATCH (origin:Person {workspace: $workspace, id: $origin})
WITH origin, null AS matching
{{widening}}
WITH collect([person.id, reach]) AS reached
UNWIND range(0, size(reached) - 1, $piece) AS at_
RETURN reached[at_..at_ + $piece] AS reached
