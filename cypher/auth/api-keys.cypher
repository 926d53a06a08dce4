// The API keys of one workspace, or of all when $workspace is null; never their hashes.
// $workspace: String or null
// Returns: id, workspace, email, role, createdAt, revokedAt
MATCH (k:ApiKey)
WHERE $workspace IS NULL OR k.workspace = $workspace
RETURN k.id AS id, k.workspace AS workspace, k.email AS email, k.role AS role, k.createdAt AS createdAt, k.revokedAt AS revokedAt
ORDER BY k.workspace, k.createdAt, k.id
