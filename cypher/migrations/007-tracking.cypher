// The Segment tracking API: each message id is processed once per workspace
// (a replay finds its TrackedMessage and records nothing new); a workspace has
// one table of event names to engagement actions; a Segment userId that is not
// an email is remembered with the email an identify call gave it.
CREATE CONSTRAINT tracked_message IF NOT EXISTS FOR (m:TrackedMessage) REQUIRE (m.workspace, m.messageId) IS UNIQUE;
CREATE CONSTRAINT tracked_user IF NOT EXISTS FOR (u:TrackedUser) REQUIRE (u.workspace, u.userId) IS UNIQUE;
CREATE CONSTRAINT tracking_actions IF NOT EXISTS FOR (t:TrackingActions) REQUIRE t.workspace IS UNIQUE;
