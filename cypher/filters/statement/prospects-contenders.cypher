// Contenders of a ranking of the whole workspace that the filter holds for
// ({{matched}}), with their evidence bound (prospect/evidence-bound) and reach: the first statements of
// Query.prospects without connectedTo when the filter may match many
// (src/services/prospect-page.ts). {{contenders}} gives them as rows of
// `person` and `reach`: common/contenders-reached (everyone within two
// connections of the viewer, as statement/prospects-reach reaches them) or
// common/contenders-by-evidence (whoever may score above a floor without
// reach: src/scoring-contenders.ts), read side by side. The lists come
// $piece entries a record (src/db/pieces.ts says why).
{{prelude}}
{{contenders}}
{{matched}}
WITH collect(person.id) AS ids, collect({{evidenceBound}}) AS evidence, collect(reach) AS reach
UNWIND range(0, size(ids) - 1, $piece) AS at_
RETURN ids[at_..at_ + $piece] AS ids, evidence[at_..at_ + $piece] AS evidence, reach[at_..at_ + $piece] AS reach
