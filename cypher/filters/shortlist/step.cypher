// A shortlist step (src/filters/shortlist.ts): keep in `reached` the people
// {{matching}} finds ({{found}}), and set {{flag}}. Taken only when at least
// $shortlistFrom people are left: below that, testing each one costs less,
// and the step keeps them all and leaves its flag false. With `reached` null
// (everyone, not read) it keeps the people it finds.
OPTIONAL CALL (reached) {
  WITH reached
  WHERE reached IS NULL OR size(reached) >= $shortlistFrom
  {{matching}}
  RETURN CASE WHEN reached IS NULL THEN {{found}} ELSE [candidate_ IN reached WHERE candidate_ IN {{found}}] END AS shortlist_
}
WITH coalesce(shortlist_, reached) AS reached, shortlist_ IS NOT NULL AS {{flag}}{{carried}}
