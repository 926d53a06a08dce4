// CompanyWhere.employs: at least one current employee matches.
EXISTS {
  MATCH (employee_:Person)-[job_:WORKS_AT]->({{company}})
  WHERE (job_.until IS NULL OR job_.until > datetime()) AND {{where:employee_}}
}
