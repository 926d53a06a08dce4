// CompanyWhere.hadEvent: one event that meets every condition given (null = not given).
EXISTS {
  MATCH ({{company}})-[:HAD_EVENT]->(event_:CompanyEvent)
  WHERE ($types IS NULL OR event_.type IN $types)
    AND ($fundingStages IS NULL OR event_.stage IN $fundingStages)
    AND ($withinDays IS NULL OR datetime() - duration({days: $withinDays}) <= event_.occurredAt <= datetime())
}
