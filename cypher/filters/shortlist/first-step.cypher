// The first shortlist step of a statement that tests everyone (`reached` is
// null, and the step reads its people from the topics' side) or that an
// estimate says reaches many (src/filters/start-choice.ts): keep in `reached`
// the people {{matching}} finds ({{found}}), whatever their number. Its
// condition is then tested no more, so the statement has neither a test of
// the number left nor a fallback test of each person for Neo4j to plan.
{{matching}}
WITH CASE WHEN reached IS NULL THEN {{found}} ELSE [candidate_ IN reached WHERE candidate_ IN {{found}}] END AS reached{{carried}}
