// Who a bearer API key signs in as, unless the key was revoked. The one
// statement without $workspace: the key is what decides the workspace.
// $hash: String (hex SHA-256 of the key)
// Returns: workspace, email, role (no row for an unknown or revoked key)
MATCH (k:ApiKey {hash: $hash})
WHERE k.revokedAt IS NULL
RETURN k.workspace AS workspace, k.email AS email, k.role AS role
