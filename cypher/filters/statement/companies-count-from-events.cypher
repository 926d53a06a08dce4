// Query.companies' totalCount started from the companies that had an event in
// the window of the filter's top-level hadEvent, as in companies-page-from-events.
{{prelude}}
MATCH (event_:CompanyEvent)
WHERE datetime() - duration({days: $withinDays}) <= event_.occurredAt <= datetime() AND event_.workspace = $workspace
  AND ($types IS NULL OR event_.type IN $types) AND ($fundingStages IS NULL OR event_.stage IN $fundingStages)
MATCH (company:Company)-[:HAD_EVENT]->(event_)
WITH DISTINCT company{{carried}}
WHERE {{predicate}}
RETURN count(company) AS total
