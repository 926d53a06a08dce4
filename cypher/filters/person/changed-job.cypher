// PersonWhere.changedJobWithinDays: a current employment that started within
// $days before now (a start still to come has not happened yet).
EXISTS {
  MATCH ({{person}})-[job_:WORKS_AT]->(:Company)
  WHERE (job_.until IS NULL OR job_.until > datetime()) AND datetime() - duration({days: $days}) <= job_.since <= datetime()
}
