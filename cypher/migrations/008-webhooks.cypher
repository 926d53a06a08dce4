// Webhooks on segments, the last evaluated membership of each watched
// segment, and the outbox of deliveries, found by what is due.
CREATE CONSTRAINT webhook_id IF NOT EXISTS FOR (h:Webhook) REQUIRE h.id IS UNIQUE;
CREATE CONSTRAINT segment_watch IF NOT EXISTS FOR (w:SegmentWatch) REQUIRE (w.workspace, w.segment) IS UNIQUE;
CREATE CONSTRAINT delivery_id IF NOT EXISTS FOR (d:Delivery) REQUIRE d.id IS UNIQUE;
CREATE INDEX delivery_due IF NOT EXISTS FOR (d:Delivery) ON (d.status, d.nextAttemptAt);
