// The workspace's tracking messages by outcome, of those whose ids are still
// kept (src/tracking/retention.ts); replays are not stored, so not counted.
// $workspace: String
// Returns: messages, recorded, unmatched, ignored (Integer), lastReceivedAt (DateTime or null)
MATCH (m:TrackedMessage {workspace: $workspace})
RETURN count(m) AS messages,
       count(CASE WHEN m.outcome = 'RECORDED' THEN 1 END) AS recorded,
       count(CASE WHEN m.outcome = 'UNMATCHED' THEN 1 END) AS unmatched,
       count(CASE WHEN m.outcome = 'IGNORED' THEN 1 END) AS ignored,
       max(m.receivedAt) AS lastReceivedAt
