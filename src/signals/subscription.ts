/**
 * Subscription.segmentChanges: the events a webhook of the segment would get,
 * as they happen, for as long as the client stays subscribed. The segment is
 * evaluated as its owner, like a watched segment, when the subscription
 * starts (who is in it then sends nothing), again after each batch of writes
 * this instance sees to the workspace, and every 30 s, which catches writes
 * made through other instances and what time alone changes. Nothing is
 * stored: a client that reconnects starts from who is in it then.
 */
import type { Identity } from "../auth/identity.js";
import type { RequestContext } from "../context.js";
import { AppError, ErrorCode } from "../errors.js";
import { changes, eventBody, membersOf, withoutForgotten, type Execute, type Member } from "./evaluate.js";
import type { Signals } from "./signals.js";

const RECHECK_MS = 30_000;

type Event = ReturnType<typeof eventBody>;

export function segmentChangesField(signals: Signals, execute: Execute) {
  return {
    subscribe: (_: unknown, args: { segment: string }, ctx: RequestContext) => segmentChanges(signals, execute, ctx, args.segment),
    resolve: (event: Event) => event,
  };
}

async function segmentChanges(signals: Signals, execute: Execute, ctx: RequestContext, id: string): Promise<AsyncIterableIterator<Event>> {
  const segment = await ctx.loaders.segmentById.load(id);
  if (!segment) throw new AppError(ErrorCode.NOT_FOUND, `not found in this workspace: segment ${id}`);
  const owner: Identity = { workspace: ctx.workspace, email: (segment.recordedBy as string | null) ?? "", role: "READER", via: "signals" };
  const described = { id, name: segment.name as string, owner: owner.email };
  let members = (await membersOf(execute, id, owner)) ?? [];

  const queue: Event[] = [];
  let waiting: { resolve: (result: IteratorResult<Event>) => void; reject: (error: unknown) => void } | undefined;
  let failure: unknown;
  let done = false;
  const finish = (error?: unknown) => {
    if (done) return;
    done = true;
    failure = error;
    stopListening();
    clearInterval(timer);
    if (error === undefined) waiting?.resolve({ value: undefined, done: true });
    else waiting?.reject(error);
    waiting = undefined;
  };
  const push = (event: Event) => {
    if (!waiting) return void queue.push(event);
    waiting.resolve({ value: event, done: false });
    waiting = undefined;
  };
  // One evaluation at a time, each compared with the one before.
  let evaluating = Promise.resolve();
  const check = () => {
    evaluating = evaluating.then(async () => {
      if (done) return;
      const current: Member[] | null = await membersOf(execute, id, owner);
      if (current === null) return finish();
      const occurredAt = new Date().toISOString();
      for (const { type, member } of await withoutForgotten(ctx.db, ctx.workspace, changes(members, current))) push(eventBody(type, described, member, occurredAt));
      members = current;
    }).catch(finish);
  };
  const stopListening = signals.listen(ctx.workspace, check);
  const timer = setInterval(check, RECHECK_MS);

  const iterator: AsyncIterableIterator<Event> = {
    next() {
      if (queue.length > 0) return Promise.resolve({ value: queue.shift()!, done: false });
      if (done) return failure === undefined ? Promise.resolve({ value: undefined, done: true }) : Promise.reject(failure);
      return new Promise((resolve, reject) => (waiting = { resolve, reject }));
    },
    return() {
      finish();
      return Promise.resolve({ value: undefined, done: true });
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}
