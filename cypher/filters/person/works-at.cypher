// PersonWhere.worksAt: a current employer (no end, or an end in the future) that matches.
EXISTS {
  MATCH ({{person}})-[job_:WORKS_AT]->(employer_:Company)
  WHERE (job_.until IS NULL OR job_.until > datetime()) AND {{where:employer_}}
}
