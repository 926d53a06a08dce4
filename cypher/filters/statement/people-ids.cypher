// The ids of the people of the workspace the filter holds for, as people-count
// counts them: the first of the two statements of Query.prospects
// (src/filters/prospects.ts), whose shape is the filter's, while the second,
// which scores them, is one text per kind of ranking. With each id, the
// person's evidence bound at the ranking's instant (prospect/evidence-bound),
// by which a ranking of the whole workspace chooses whom to score. The lists
// come $piece entries a record (src/db/pieces.ts says why).
{{prelude}}
MATCH (person:Person {workspace: $workspace})
WHERE {{predicate}}
WITH collect(person.id) AS ids, collect({{evidenceBound}}) AS evidence
UNWIND range(0, size(ids) - 1, $piece) AS at_
RETURN ids[at_..at_ + $piece] AS ids, evidence[at_..at_ + $piece] AS evidence
