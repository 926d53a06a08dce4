// PersonWhere.changedJobWithinDays: a current employment that started within $days of now.
EXISTS {
  MATCH ({{person}})-[job_:WORKS_AT]->(:Company)
  WHERE (job_.until IS NULL OR job_.until > datetime()) AND job_.since >= datetime() - duration({days: $days})
}
