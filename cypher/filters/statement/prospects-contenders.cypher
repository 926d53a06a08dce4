// Contenders of a ranking of the whole workspace that the filter holds for
// ({{matched}}), with their evidence bounds and reach: a first statement of
// Query.prospects without connectedTo when the filter matches many
// (src/services/prospect-ranking.ts). {{contenders}} gives them as rows of
// `person` and `reach`: common/contenders-reached (everyone within two
// connections of the viewer, as statement/prospects-reach reaches them) or
// common/contenders-by-evidence (everyone whose evidence is above the contender
// level: src/scoring.ts); the two run side by side. Anyone else scores at most
// nonContenderBound().
{{prelude}}
{{contenders}}
{{matched}}
RETURN collect(person.id) AS ids, collect([person.engagementBound, person.concernBound, person.employerEventBound]) AS bounds, collect(reach) AS reach
