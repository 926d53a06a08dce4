// The contenders by evidence, as rows of `person` and `reach` (0: whoever the
// viewer reaches is a contender of common/contenders-reached), {{carried}}
// kept: the people whose score, without reach, may be above $floor and not
// above $above (src/scoring-contenders.ts). The index on (workspace,
// concernBound, engagementBound) gives, for each of $boxes, everyone in its
// range of concernBound above its engagementBound, with both bounds; those
// whose evidence part is above $level, and whose bound with their employers'
// events is in range, are the contenders.
UNWIND $boxes AS box_
MATCH (person:Person)
WHERE person.workspace = $workspace AND person.concernBound >= box_.concernFrom AND person.concernBound < box_.concernTo
  AND person.engagementBound > box_.engagementFrom
WITH person, $weights.engagement * (1 - exp(-person.engagementBound * $decays.engagement))
  + $weights.concern * (1 - exp(-person.concernBound * $decays.concern)) AS evidence_{{carried}}
WHERE evidence_ > $level
WITH person, evidence_ + $weights.interest + $weights.event * (1 - exp(-coalesce(person.employerEventBound, 0.0) * $decays.event)) AS bound_{{carried}}
WHERE $floor < bound_ <= $above
WITH person, 0.0 AS reach{{carried}}
