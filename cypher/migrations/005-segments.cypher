// Segments (saved filters) and their snapshots (frozen member lists): found by
// id; a segment's name is unique in its workspace, so a list can be named.
CREATE CONSTRAINT segment_id IF NOT EXISTS FOR (s:Segment) REQUIRE s.id IS UNIQUE;
CREATE CONSTRAINT segment_name IF NOT EXISTS FOR (s:Segment) REQUIRE (s.workspace, s.name) IS UNIQUE;
CREATE CONSTRAINT snapshot_id IF NOT EXISTS FOR (s:Snapshot) REQUIRE s.id IS UNIQUE;
