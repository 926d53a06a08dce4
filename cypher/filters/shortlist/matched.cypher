// The people a statement reached (or, without connectedTo, everyone) that the filter holds for. When
// many people are reached, testing each of them for a topic-bound fact (a
// concern, an interest, an engagement) reads every such fact they have;
// reading the facts about the filter's topics, from the topics' side, reads
// only those that can match. So with fewer than $shortlistFrom people reached
// each is tested ({{predicate}}); with more, {{steps}} each keep in `reached`
// the people one top-level condition holds for and set its flag, and
// {{shortlistedPredicate}} tests the rest (src/filters/shortlist.ts).
// {{carriedOut}} is {{carried}} and the steps' flags.
WITH collect(DISTINCT person) AS everyone_{{carried}}
CALL (everyone_{{carried}}) {
  WITH everyone_{{carried}}
  WHERE size(everyone_) < $shortlistFrom
  UNWIND everyone_ AS person
  WITH person{{carried}}
  WHERE {{predicate}}
  RETURN person
  UNION ALL
  WITH everyone_ AS reached{{carried}}
  WHERE size(reached) >= $shortlistFrom
  {{steps}}
  UNWIND reached AS person
  WITH person{{carriedOut}}
  WHERE {{shortlistedPredicate}}
  RETURN person
}
