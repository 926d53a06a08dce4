// Contenders of a ranking of the whole workspace that the filter holds for
// ({{matched}}), with their evidence bound (prospect/evidence-bound) and reach: the first statements of
// Query.prospects without connectedTo when the filter may match many
// (src/services/prospect-page.ts). {{contenders}} gives them as rows of
// `person` and `reach`: common/contenders-reached (everyone within two
// connections of the viewer, as statement/prospects-reach reaches them) or
// common/contenders-by-evidence (whoever may score above a floor without
// reach: src/scoring-contenders.ts), read side by side.
{{prelude}}
{{contenders}}
{{matched}}
RETURN collect(person.id) AS ids, collect({{evidenceBound}}) AS evidence, collect(reach) AS reach
