/**
 * What a mail or calendar ingest writes in one transaction of a lane
 * (lanes.ts): interactions, each in the lane of its contact, and the
 * contacts they bring, each once.
 */
import { interactionKey, lower, toInstant } from "../graph-document/normalize.js";
import { InteractionRecord } from "../graph-document/schema.js";
import type { Lanes } from "./lanes.js";
import type { Contact, Touches } from "./touches.js";

export class MailBatch {
  readonly interactions = new Map<string, InteractionRecord>();
  readonly contacts = new Map<string, Contact>();

  get size(): number {
    return this.interactions.size;
  }
}

/** Adds the touches, each interaction to its contact's lane, or says why they are not valid records and adds nothing. */
export function addTouches(lanes: Lanes<MailBatch>, touches: Extract<Touches, { kind: "interactions" }>): string | null {
  const parsed: InteractionRecord[] = [];
  for (const interaction of touches.interactions) {
    const result = InteractionRecord.safeParse(interaction);
    if (!result.success) return `not a valid interaction: ${result.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`;
    parsed.push(result.data);
  }
  for (const r of parsed) {
    const person = lower(r.person);
    lanes.batchOf(person).interactions.set(interactionKey(lower(r.user), person, r.kind, toInstant(r.at), r.ref), r);
  }
  // A person is named by the first header that gives a display name.
  for (const contact of touches.contacts) {
    const contacts = lanes.batchOf(contact.email).contacts;
    if (!contacts.get(contact.email)?.name) contacts.set(contact.email, contact);
  }
  return null;
}
