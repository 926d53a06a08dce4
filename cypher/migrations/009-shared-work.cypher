// Work the instances share. Each scheduled turn (the decay of strengths, the
// evaluation of watched segments) is claimed by one instance through its
// Schedule node; writes made outside any server (the command-line import and
// ingestion) are marked per workspace, for one instance to evaluate soon.
CREATE CONSTRAINT schedule_name IF NOT EXISTS FOR (s:Schedule) REQUIRE s.name IS UNIQUE;
CREATE CONSTRAINT workspace_writes IF NOT EXISTS FOR (w:WorkspaceWrites) REQUIRE w.workspace IS UNIQUE;
// Tracking message ids are kept for replays for a number of days, then
// removed oldest first (src/tracking/retention.ts), found by when they came.
CREATE INDEX tracked_message_received IF NOT EXISTS FOR (m:TrackedMessage) ON (m.receivedAt);
