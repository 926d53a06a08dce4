// Query.companies started from the companies that had an event in the window
// of the filter's top-level hadEvent ($withinDays days before now, of $types and
// $fundingStages when given), when they are fewer to test than the people an
// employs.connectedTo reaches (src/filters/start-choice.ts); then as
// companies-page: {{predicate}}, the whole filter, holds for the rest.
{{prelude}}
MATCH (event_:CompanyEvent)
WHERE datetime() - duration({days: $withinDays}) <= event_.occurredAt <= datetime() AND event_.workspace = $workspace
  AND ($types IS NULL OR event_.type IN $types) AND ($fundingStages IS NULL OR event_.stage IN $fundingStages)
MATCH (company:Company)-[:HAD_EVENT]->(event_)
WITH DISTINCT company{{carried}}
WHERE {{predicate}}
  AND ($afterKey IS NULL OR [{{sortKey}}, coalesce(company.domain, company.nameKey)] {{after}} [$afterValue, $afterKey])
RETURN company {.*} AS item, {{sortKey}} AS sortValue, null AS total
ORDER BY {{sortKey}} {{direction}}, coalesce(company.domain, company.nameKey) {{direction}}
LIMIT $limit
