// The people a statement reached (or, without connectedTo, everyone) that the filter holds for. When
// many people are reached, testing each of them for a topic-bound fact (a
// concern, an interest, an engagement) reads every such fact they have;
// reading the facts about the filter's topics, from the topics' side, reads
// only those that can match. So {{steps}} each keep in `reached` the people
// one top-level condition holds for and set its flag, while at least
// $shortlistFrom people are left (a step with fewer keeps them all and leaves
// its flag false), and {{shortlistedPredicate}} tests the rest
// (src/filters/shortlist.ts). One way for both, not a branch for each: every
// subquery in the text is one Neo4j plans for a filter shape it has not seen.
// Without connectedTo, {{reached}} is null, for everyone: the first step reads
// its people from the topics' side, and no one else of the workspace is read.
// {{carriedOut}} is {{carried}} and the steps' flags.
WITH {{reached}} AS reached{{carried}}
{{steps}}
UNWIND reached AS person
WITH person{{carriedOut}}
WHERE {{shortlistedPredicate}}
