// Records a concern a person voiced, unique by key (person, topic, time and
// statement) as the importer's; who recorded it and when are kept from the first time.
// $workspace: String, $person: String (id), $topic: String (topic key), $key: String,
// $props: {text, expressedAt, source, severity, level}, $recordedBy: String (the caller's email),
// $bound: Float (what it adds to the person's concernBound when new or given a
// higher severity, as import/concerns.cypher: src/scoring.ts)
// Returns: item (the concern's properties and its topic)
MATCH (p:Person {workspace: $workspace, id: $person})
USING INDEX SEEK p:Person(id)
MATCH (t:Topic {workspace: $workspace, key: $topic})
USING INDEX SEEK t:Topic(workspace, key)
MERGE (k:Concern {workspace: $workspace, key: $key})
  ON CREATE SET k.id = randomUUID(), k.recordedBy = $recordedBy, k.recordedAt = datetime()
WITH p, t, k, k.expressedAt IS NULL OR $props.severity > coalesce(k.severity, 0) AS grows
SET k += $props
MERGE (p)-[:VOICED]->(k)
MERGE (k)-[:ABOUT]->(t)
WITH p, t, k, grows
CALL (p, grows) { WITH * WHERE grows SET p.concernBound = coalesce(p.concernBound, 0.0) + $bound }
RETURN k {.*, topic: t {.*}} AS item
