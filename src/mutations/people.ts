/**
 * People, companies and the connections between people: upsertPerson,
 * upsertCompany (keyed by email / domain, normalised as the importer does),
 * connectPeople, disconnectPeople and recordInteraction.
 */
import { z } from "zod";
import { checkProfileOwner, type KnownKeys } from "../graph-document/document-checks.js";
import { interactionKey, lower, profileKey } from "../graph-document/normalize.js";
import { CompanyFields, INTERACTION_KINDS, PersonFields, text, unitInterval } from "../graph-document/schema.js";
import { weighPairs } from "../relationships/pairs.js";
import { AppError, ErrorCode } from "../errors.js";
import { utcDateTime } from "../db/values.js";
import { domain, email, id, pastInstant } from "./inputs.js";
import { upsertRecords } from "../graph-document/upsert-records.js";
import { mutation, type Tx } from "./run-mutation.js";

/** A profile URL as an input: bounded like a url, since it is an indexed key. */
const profileUrl = z.string().max(2_000, "must be at most 2000 characters").pipe(PersonFields.shape.profileUrl.unwrap());

export const upsertPerson = mutation({
  name: "upsertPerson",
  argument: "input",
  input: PersonFields.extend({ email: email.optional(), profileUrl: profileUrl.optional(), company: domain.optional() })
    .refine((p) => p.email !== undefined || p.profileUrl !== undefined, { error: "needs an email, a profile URL or both", path: ["email"] }),
  references: (p) => ({ domains: p.company ? [lower(p.company)] : [], topics: (p.interests ?? []).map((i) => i.topic) }),
  async write(person, tx) {
    const url = person.profileUrl === undefined ? undefined : profileKey(person.profileUrl);
    if (person.email !== undefined && url !== undefined) await checkProfileFree(tx, lower(person.email), url);
    await upsertRecords(tx.run, { people: [person] }, tx.refs.topicKey);
    const [row] = person.email !== undefined
      ? await tx.run("person/by-emails", { keys: [lower(person.email)] })
      : await tx.run("person/by-profiles", { keys: [url as string] });
    return row!.item;
  },
});

/**
 * A profile URL is one person's: giving it with an email it is not known by
 * is refused, as the importer refuses it (document-checks.ts checkProfileOwner),
 * rather than merging two people silently.
 */
async function checkProfileFree(tx: Tx, email: string, url: string): Promise<void> {
  const [[owner], [byEmail]] = [await tx.run("person/by-profiles", { keys: [url] }), await tx.run("person/by-emails", { keys: [email] })];
  const known: KnownKeys = {
    emails: new Set(byEmail === undefined ? [] : [email]),
    profiles: new Map(owner === undefined ? [] : [[url, (owner.item.email as string | undefined) ?? null]]),
    domains: new Set(), companyNames: new Set(), contentUrls: new Set(), topicKeys: new Map(),
  };
  checkProfileOwner({ email, profileUrl: url }, known, (message) => {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `input.profileUrl: ${message}`, { path: ["input", "profileUrl"] });
  });
}

/** The Company type calls the document's `employees` headcount, and so does its input. */
const CompanyInput = CompanyFields.omit({ employees: true }).extend({ domain, headcount: CompanyFields.shape.employees })
  .transform(({ headcount, ...company }) => ({ ...company, employees: headcount }));

export const upsertCompany = mutation({
  name: "upsertCompany",
  argument: "input",
  input: CompanyInput,
  async write(company, tx) {
    await upsertRecords(tx.run, { companies: [company] }, tx.refs.topicKey);
    const [row] = await tx.run("company/by-domains", { keys: [lower(company.domain)] });
    return row!.item;
  },
});

/** Two people, a and b, who must differ (checked by `different`). */
const twoPeople = z.object({ a: id, b: id });
const different: [(p: { a: string; b: string }) => boolean, { message: string; path: string[] }] =
  [(p) => p.a !== p.b, { message: "must be another person than a", path: ["b"] }];

export const connectPeople = mutation({
  name: "connectPeople",
  input: twoPeople.extend({ strength: unitInterval, since: pastInstant.optional() }).refine(...different),
  references: ({ a, b }) => ({ people: [a, b] }),
  write: ({ a, b, strength, since }, tx) =>
    tx.item("mutation/connect-people", { a, b, strength, since: since === undefined ? null : utcDateTime(since) }),
});

export const disconnectPeople = mutation({
  name: "disconnectPeople",
  input: twoPeople.refine(...different),
  references: ({ a, b }) => ({ people: [a, b] }),
  async write({ a, b }, tx) {
    const [row] = await tx.run("mutation/disconnect-people", { a, b });
    return row?.item ?? null;
  },
});

export const recordInteraction = mutation({
  name: "recordInteraction",
  input: z.object({ with: id, kind: z.enum(INTERACTION_KINDS), at: pastInstant, notes: text.max(10_000, "must be at most 10000 characters").optional() }),
  async references(input, ctx) {
    const viewer = await ctx.viewerId();
    if (viewer === null) throw new AppError(ErrorCode.NOT_FOUND, `the signed-in ${ctx.identity.email} is no person in this workspace`);
    if (viewer === input.with) throw new AppError(ErrorCode.BAD_USER_INPUT, "with: must be someone other than the viewer", { path: ["with"] });
    return { people: [viewer, input.with] };
  },
  async write(input, tx, ctx) {
    const viewer = (await ctx.viewerId())!;
    const [user, person] = [tx.refs.personKey(viewer), tx.refs.personKey(input.with)];
    // A two-way interaction (no direction): the rep says it happened between them.
    await upsertRecords(tx.run, { interactions: [{ user, person, kind: input.kind, at: input.at, notes: input.notes }] }, tx.refs.topicKey);
    await weighPairs(tx.run, ctx.workspace, [{ team: user, contact: person }], { nowMs: Date.now(), halfLifeDays: ctx.relationships.halfLifeDays });
    // One interaction per pair, kind and instant: a retry finds it and the strength stays.
    return tx.item("mutation/record-interaction", { viewer, with: input.with, key: interactionKey(user, person, input.kind, input.at, undefined) });
  },
});
