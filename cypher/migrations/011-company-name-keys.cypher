// Companies written before name keys existed (010-contacts) have a name and
// no nameKey, so a contacts file or a document naming "Acme, Inc." would not
// find the workspace's "ACME Inc". Their key is computed here as
// companyNameKey (src/graph-document/normalize.ts) computes it: accents
// dropped (NFKD, marks removed), lower case, dots removed, "&" read as "and",
// any other run of non-letters and non-digits one space, trailing legal forms
// dropped unless nothing else is left (tests/integration/company-name-key-migration.test.ts
// checks the two agree). Only companies without a key are touched, so it is
// safe to run again.
MATCH (c:Company) WHERE c.nameKey IS NULL AND c.name IS NOT NULL
CALL (c) {
  WITH c, toLower(reduce(s = '', ch IN split(normalize(c.name, NFKD), '') | s + CASE WHEN ch =~ '\\p{M}' THEN '' ELSE ch END)) AS lowered
  WITH c, reduce(s = '', ch IN split(replace(lowered, '.', ''), '') |
    s + CASE WHEN ch = '&' THEN ' and ' WHEN ch =~ '[\\p{L}\\p{N}]' THEN ch ELSE ' ' END) AS spaced
  WITH c, [w IN split(spaced, ' ') WHERE w <> ''] AS words
  WITH c, words, reduce(kept = size(words), i IN range(size(words) - 1, 1, -1) |
    CASE WHEN kept = i + 1 AND words[i] IN ['inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'ltd', 'limited', 'llc', 'llp',
      'plc', 'lp', 'gmbh', 'ag', 'kg', 'sa', 'sas', 'sarl', 'srl', 'spa', 'bv', 'nv', 'oy', 'ab', 'pty', 'kk'] THEN i ELSE kept END) AS kept
  SET c.nameKey = reduce(s = '', w IN words[0..kept] | s + CASE WHEN s = '' THEN '' ELSE ' ' END + w)
} IN TRANSACTIONS OF 10000 ROWS;
