// A new API key. Only the SHA-256 of the key is stored; the key itself is
// shown once by the command that created it and kept nowhere.
// $id: String, $workspace: String, $email: String (lower-cased), $role: String, $hash: String (hex)
// Returns: id, workspace, email, role, createdAt
CREATE (k:ApiKey {id: $id, workspace: $workspace, email: $email, role: $role, hash: $hash, createdAt: datetime()})
RETURN k.id AS id, k.workspace AS workspace, k.email AS email, k.role AS role, k.createdAt AS createdAt
