// CompanyWhere's own fields: each condition holds, or was not given (null). A
// condition on a value the company lacks does not hold (false, not null, so
// that NOT matches the company). $domains and $industries come lower-cased.
coalesce(($domains IS NULL OR {{company}}.domain IN $domains)
  AND ($industries IS NULL OR toLower({{company}}.industry) IN $industries)
  AND ($statuses IS NULL OR {{company}}.status IN $statuses)
  AND ($relationshipLevels IS NULL OR {{company}}.relationshipLevel IN $relationshipLevels)
  AND ($employeesMin IS NULL OR {{company}}.headcount >= $employeesMin)
  AND ($employeesMax IS NULL OR {{company}}.headcount <= $employeesMax), false)
