// API keys: a request's bearer key is found by the SHA-256 of the key, so the
// hash is unique (and indexed); the id is what `npm run apikey -- revoke` names.
CREATE CONSTRAINT api_key_hash IF NOT EXISTS FOR (k:ApiKey) REQUIRE k.hash IS UNIQUE;
CREATE CONSTRAINT api_key_id IF NOT EXISTS FOR (k:ApiKey) REQUIRE k.id IS UNIQUE;
