/**
 * What one message or meeting means for the team: the interactions it is
 * evidence of, or why it is evidence of none. Pure; the rules:
 *
 * - automated mail (lists, bulk, auto-replies, no-reply senders) is never a
 *   relationship;
 * - mail from a team member is SENT to each external recipient (To, Cc, Bcc);
 * - mail from someone external is RECEIVED by each team member among its
 *   recipients — or, when none is named (a Bcc, an alias), by the member
 *   whose mailbox it was read from;
 * - a meeting is a two-way interaction between each team member and each
 *   external person taking part (organizer and attendees who did not
 *   decline); a member who is not listed did not take part;
 * - mail and meetings among team members only, or among outsiders only, are
 *   no evidence about the team's relationships.
 *
 * "Team" is the workspace's users; everyone else is external.
 */
import type { InteractionRecord } from "../graph-document/schema.js";
import type { Address, MailMessage, MeetingOccurrence } from "./records.js";

export interface Team {
  users: ReadonlySet<string>;
  /** The member whose mailbox or calendar is being read. */
  owner: string;
}

/** Someone external seen in a header, to be created when the graph does not know them yet. */
export interface Contact {
  email: string;
  name: string | null;
}

export type Touches =
  | { kind: "interactions"; interactions: InteractionRecord[]; contacts: Contact[] }
  | { kind: "automated"; reason: string }
  | { kind: "no-team-contact" };

export function touchesOfMessage(message: MailMessage, team: Team): Touches {
  if (message.automated !== null) return { kind: "automated", reason: message.automated };
  const recipients = [...message.to, ...message.cc, ...message.bcc];
  const at = message.at.toISOString();
  const email = (user: string, person: string, direction: "SENT" | "RECEIVED"): InteractionRecord =>
    ({ user, person, kind: "EMAIL", direction, at, ref: message.key });

  if (team.users.has(message.from.email)) {
    const outsiders = distinct(recipients.filter((r) => !team.users.has(r.email)));
    return found(outsiders.map((r) => email(message.from.email, r.email, "SENT")), outsiders);
  }
  const named = distinct(recipients.filter((r) => team.users.has(r.email))).map((r) => r.email);
  const members = named.length > 0 ? named : [team.owner];
  return found(members.map((member) => email(member, message.from.email, "RECEIVED")), [message.from]);
}

export function touchesOfMeeting(meeting: MeetingOccurrence, team: Team): Touches {
  const people = distinct([...(meeting.organizer ? [meeting.organizer] : []), ...meeting.attendees]);
  const members = people.filter((p) => team.users.has(p.email));
  const outsiders = people.filter((p) => !team.users.has(p.email));
  const at = meeting.at.toISOString();
  const interactions = members.flatMap((m) => outsiders.map((o): InteractionRecord =>
    ({ user: m.email, person: o.email, kind: "MEETING", at, ref: meeting.key })));
  return found(interactions, outsiders);
}

function found(interactions: InteractionRecord[], contacts: Address[]): Touches {
  if (interactions.length === 0) return { kind: "no-team-contact" };
  return { kind: "interactions", interactions, contacts: contacts.map(({ email, name }) => ({ email, name })) };
}

function distinct(addresses: Address[]): Address[] {
  const byEmail = new Map<string, Address>();
  for (const address of addresses) if (!byEmail.has(address.email)) byEmail.set(address.email, address);
  return [...byEmail.values()];
}
