// Pairs of people who may be one person recorded twice, never merged
// silently: the same name (case and surrounding spaces aside) and the same
// current employer, or the same name with one known by email alone and the
// other by profile URL alone (a CRM row and a LinkedIn row, most often).
// Each pair once, the lower id first, in id order after the cursor.
// $workspace: String, $afterA, $afterB: String or null (the last pair's ids), $limit: Integer
// Returns: a, b (the people's properties), reasons ([String])
MATCH (p:Person {workspace: $workspace})
WHERE p.name IS NOT NULL
WITH toLower(trim(p.name)) AS name, collect(p) AS people
WHERE size(people) > 1
UNWIND people AS a
UNWIND people AS b
WITH a, b
WHERE a.id < b.id AND ($afterA IS NULL OR [a.id, b.id] > [$afterA, $afterB])
WITH a, b,
     EXISTS {
       MATCH (a)-[wa:WORKS_AT]->(:Company)<-[wb:WORKS_AT]-(b)
       WHERE (wa.until IS NULL OR wa.until > datetime()) AND (wb.until IS NULL OR wb.until > datetime())
     } AS sameEmployer,
     (a.email IS NOT NULL AND a.profileUrl IS NULL AND b.email IS NULL AND b.profileUrl IS NOT NULL)
       OR (a.email IS NULL AND a.profileUrl IS NOT NULL AND b.email IS NOT NULL AND b.profileUrl IS NULL) AS emailAndProfile
WITH a, b, [reason IN [
       CASE WHEN sameEmployer THEN "same name at the same company" END,
       CASE WHEN emailAndProfile THEN "same name, one known by email and the other by profile URL" END
     ] WHERE reason IS NOT NULL] AS reasons
WHERE size(reasons) > 0
RETURN a {.*} AS a, b {.*} AS b, reasons
ORDER BY a.id, b.id
LIMIT $limit
