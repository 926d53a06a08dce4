// How many companies had an event within $withinDays before now (of $types and
// $fundingStages when given), and how many people work or worked there: the
// rows a statement started from those events tests. Reads at most $cap events,
// so that a window that holds many costs little to rule out.
// Returns: events, companies, employees
MATCH (event_:CompanyEvent)
WHERE datetime() - duration({days: $withinDays}) <= event_.occurredAt <= datetime() AND event_.workspace = $workspace
  AND ($types IS NULL OR event_.type IN $types) AND ($fundingStages IS NULL OR event_.stage IN $fundingStages)
WITH event_
LIMIT $cap
OPTIONAL MATCH (company_:Company)-[:HAD_EVENT]->(event_)
WITH count(event_) AS events, collect(DISTINCT company_) AS companies_
CALL (companies_) {
  UNWIND companies_ AS company_
  RETURN count(company_) AS companies, coalesce(sum(COUNT { (company_)<-[:WORKS_AT]-() }), 0) AS employees
}
RETURN events, companies, employees
