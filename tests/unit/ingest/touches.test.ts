/**
 * What a message or a meeting is evidence of (src/ingest/touches.ts): who on
 * the team sent or received what from whom, or why nothing is recorded.
 */
import { describe, expect, it } from "vitest";
import type { Address, MailMessage, MeetingOccurrence } from "../../../src/ingest/records.js";
import { touchesOfMeeting, touchesOfMessage, type Team } from "../../../src/ingest/touches.js";

const team: Team = { users: new Set(["rep@ourco.example", "sam@ourco.example"]), owner: "rep@ourco.example" };
const at = new Date("2026-11-02T09:30:00Z");
const person = (email: string, name: string | null = null): Address => ({ email, name });
const position = { source: "inbox.mbox", index: 1, id: "m1@mail.example" };

function message(from: Address, to: Address[], extra: Partial<MailMessage> = {}): MailMessage {
  return { kind: "message", position, key: "m1@mail.example", at, from, to, cc: [], bcc: [], automated: null, ...extra };
}

describe("mail", () => {
  it("from a team member is SENT to each external recipient, colleagues left out", () => {
    const touches = touchesOfMessage(message(person("rep@ourco.example"), [person("chuck@northwind.io", "Chuck")], {
      cc: [person("sam@ourco.example"), person("dana@northwind.io")],
    }), team);
    expect(touches).toEqual({
      kind: "interactions",
      interactions: [
        { user: "rep@ourco.example", person: "chuck@northwind.io", kind: "EMAIL", direction: "SENT", at: at.toISOString(), ref: "m1@mail.example" },
        { user: "rep@ourco.example", person: "dana@northwind.io", kind: "EMAIL", direction: "SENT", at: at.toISOString(), ref: "m1@mail.example" },
      ],
      contacts: [{ email: "chuck@northwind.io", name: "Chuck" }, { email: "dana@northwind.io", name: null }],
    });
  });

  it("from outside is RECEIVED by each member it names, and by the mailbox's owner when it names none", () => {
    const toBoth = touchesOfMessage(message(person("chuck@northwind.io"), [person("sam@ourco.example")], { cc: [person("rep@ourco.example")] }), team);
    expect(toBoth.kind === "interactions" && toBoth.interactions.map((i) => [i.user, i.direction])).toEqual([
      ["sam@ourco.example", "RECEIVED"], ["rep@ourco.example", "RECEIVED"],
    ]);
    const viaAlias = touchesOfMessage(message(person("chuck@northwind.io"), [person("sales@ourco.example")]), team);
    expect(viaAlias.kind === "interactions" && viaAlias.interactions.map((i) => [i.user, i.person])).toEqual([["rep@ourco.example", "chuck@northwind.io"]]);
  });

  it("records nothing for automated mail or mail among colleagues only", () => {
    expect(touchesOfMessage(message(person("news@vendor.example"), [person("rep@ourco.example")], { automated: "List-Id header" }), team))
      .toEqual({ kind: "automated", reason: "List-Id header" });
    expect(touchesOfMessage(message(person("rep@ourco.example"), [person("sam@ourco.example")]), team)).toEqual({ kind: "no-team-contact" });
  });
});

describe("meetings", () => {
  const meeting = (organizer: Address | null, attendees: Address[]): MeetingOccurrence =>
    ({ kind: "meeting", position, key: `uid-1@${at.toISOString()}`, at, organizer, attendees });

  it("are two-way between each member and each outsider taking part", () => {
    const touches = touchesOfMeeting(meeting(person("sam@ourco.example"), [person("chuck@northwind.io"), person("rep@ourco.example"), person("erin@contoso.example")]), team);
    expect(touches.kind === "interactions" && touches.interactions.map((i) => [i.user, i.person, i.kind, i.direction])).toEqual([
      ["sam@ourco.example", "chuck@northwind.io", "MEETING", undefined],
      ["sam@ourco.example", "erin@contoso.example", "MEETING", undefined],
      ["rep@ourco.example", "chuck@northwind.io", "MEETING", undefined],
      ["rep@ourco.example", "erin@contoso.example", "MEETING", undefined],
    ]);
  });

  it("without a member taking part are no evidence, even in a member's own calendar", () => {
    expect(touchesOfMeeting(meeting(person("chuck@northwind.io"), [person("erin@contoso.example")]), team)).toEqual({ kind: "no-team-contact" });
    expect(touchesOfMeeting(meeting(null, []), team)).toEqual({ kind: "no-team-contact" });
  });
});
