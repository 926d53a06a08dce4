import type { StoryClock } from "./clock.js";

/**
 * What Maya's mailbox and calendar would say about two of her contacts, as
 * ingestion records it: Priya writes back and meets her (a strong, recent
 * relationship, on top of the strength Maya set by hand), Michael never
 * answered her last emails. Neither adds a connection that the story's
 * questions do not already have. At midnight, so that "N days ago" reads the
 * same whatever the time of day.
 */
export function demoInteractions({ daysAgoAt }: StoryClock) {
  const maya = "maya.chen@ourco.example";
  const email = (person: string, direction: "SENT" | "RECEIVED", days: number, ref: string) =>
    ({ user: maya, person, kind: "EMAIL", direction, at: daysAgoAt(days, "00:00"), ref });
  const priya = "priya.raman@lumorahealth.example";
  return [
    email(priya, "SENT", 40, "demo-1@mail.ourco.example"),
    email(priya, "RECEIVED", 39, "demo-2@mail.lumorahealth.example"),
    email(priya, "SENT", 20, "demo-3@mail.ourco.example"),
    email(priya, "RECEIVED", 19, "demo-4@mail.lumorahealth.example"),
    { user: maya, person: priya, kind: "MEETING", at: daysAgoAt(12, "00:00"), ref: `renewal-review@${daysAgoAt(12, "00:00")}` },
    email("michael.tran@lumorahealth.example", "SENT", 30, "demo-5@mail.ourco.example"),
    email("michael.tran@lumorahealth.example", "SENT", 16, "demo-6@mail.ourco.example"),
  ];
}
