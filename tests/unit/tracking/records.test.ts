/**
 * Tracking messages → records, without a database: who an event is about,
 * which employer a trait names, how content urls are keyed, which time an
 * event happened at, and what the action table says.
 */
import { describe, expect, it } from "vitest";
import { trackingTable } from "../../../src/tracking/actions.js";
import { MessageRefused, occurredAt, parseMessages, type Message } from "../../../src/tracking/messages.js";
import { planMessage, type Known } from "../../../src/tracking/records.js";

const received = new Date("2026-11-10T12:00:00Z");
const table = trackingTable([], []);
const known = (): Known => ({ emails: new Set(["dana@known.example"]), users: new Map(), urls: new Set(), topics: new Map([["crm", "crm"]]) });
const one = (message: Record<string, unknown>) => parseMessages({ batch: [message] }, undefined)[0]!;

describe("tracking records", () => {
  it("takes the employer from a company name at a company email, never at free mail", () => {
    const atWork = planMessage(one({ type: "identify", userId: "u1", traits: { email: "Ann@Acme.example", company: "Acme", firstName: "Ann", lastName: "Lee" } }), known(), table, received);
    expect(atWork.records).toEqual({ companies: [{ domain: "acme.example", name: "Acme" }], people: [{ email: "ann@acme.example", name: "Ann Lee", company: "acme.example" }] });
    expect(atWork.user).toEqual({ userId: "u1", email: "ann@acme.example" });
    const freeMail = planMessage(one({ type: "identify", userId: "bo@gmail.com", traits: { company: "Acme" } }), known(), table, received);
    expect(freeMail.records).toEqual({ companies: [], people: [{ email: "bo@gmail.com" }] });
  });

  it("keys content by its url without fragment or campaign parameters, and reads kind and topics", () => {
    const state = known();
    const planned = planMessage(one({
      type: "track", userId: "dana@known.example", event: "asset downloaded", timestamp: "2026-11-09T08:00:00Z",
      properties: { url: "https://example.com/a?id=7&utm_medium=mail&gclid=x#intro", kind: "Case Study", topics: "crm, Churn" },
    }), state, table, received);
    expect(planned.outcome).toBe("RECORDED");
    expect(planned.records.content).toEqual([{ url: "https://example.com/a?id=7", kind: "CASE_STUDY", topics: ["crm", "Churn"] }]);
    expect(planned.records.topics).toEqual([{ name: "Churn" }]);
    expect(planned.records.engagements).toEqual([{ person: "dana@known.example", content: "https://example.com/a?id=7", action: "DOWNLOADED", at: "2026-11-09T08:00:00.000Z" }]);
    // The content is known now: a second event does not define it again.
    const again = planMessage(one({ type: "page", userId: "dana@known.example", properties: { url: "https://example.com/a?id=7" } }), state, table, received);
    expect(again.records.content).toEqual([]);
  });

  it("says UNMATCHED for an unknown person and IGNORED for what names no engagement", () => {
    const outcome = (message: Record<string, unknown>) => planMessage(one(message), known(), table, received).outcome;
    expect(outcome({ type: "track", userId: "who@else.example", event: "Content Viewed", properties: { url: "https://x.example/" } })).toBe("UNMATCHED");
    expect(outcome({ type: "track", userId: "dana@known.example", event: "Signed Up", properties: { url: "https://x.example/" } })).toBe("IGNORED");
    expect(outcome({ type: "track", userId: "dana@known.example", event: "Content Viewed", properties: { url: "ftp://x.example/" } })).toBe("IGNORED");
    expect(outcome({ type: "group", userId: "dana@known.example", groupId: 7, traits: { name: "No domain" } })).toBe("IGNORED");
  });

  it("corrects a device's clock skew as Segment does, and never dates an event after it was received", () => {
    const at = (fields: Record<string, unknown>) => occurredAt(one({ type: "page", anonymousId: "a", ...fields }) as Message, received);
    expect(at({ originalTimestamp: "2026-11-10T13:00:00Z", sentAt: "2026-11-10T13:00:05Z" })).toBe("2026-11-10T11:59:55.000Z");
    expect(at({ timestamp: "2026-12-01T00:00:00Z" })).toBe(received.toISOString());
    expect(at({})).toBe(received.toISOString());
  });

  it("refuses a message over 32 KB and names the message of a batch that is wrong", () => {
    expect(() => parseMessages({ userId: "u", event: "x", properties: { pad: "x".repeat(33_000) } }, "track")).toThrow(MessageRefused);
    expect(() => parseMessages({ batch: [{ type: "track", userId: "u", event: "x" }, { type: "shout", userId: "u" }] }, undefined)).toThrow(/^batch\[1\]\.type/);
    expect(() => parseMessages({ batch: [] }, undefined)).toThrow(/batch: must hold at least one message/);
  });
});
