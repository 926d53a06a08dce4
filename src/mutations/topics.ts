/**
 * upsertTopic and upsertContent: the vocabulary facts are about. A topic's
 * name and aliases must not name another topic (lookups by name or alias would
 * become ambiguous), and its broader topics must not make the hierarchy a
 * cycle (every "narrower topics" expansion would loop).
 */
import { z } from "zod";
import { topicKey } from "../graph-document/normalize.js";
import { ContentRecord } from "../graph-document/schema.js";
import { AppError, ErrorCode } from "../errors.js";
import { name, pastInstant, url } from "./inputs.js";
import { upsertRecords } from "../graph-document/upsert-records.js";
import { mutation } from "./run-mutation.js";

export const upsertTopic = mutation({
  name: "upsertTopic",
  input: z.object({ name, aliases: z.array(name).optional(), broader: z.array(name).optional() }),
  references: ({ broader }) => ({ topics: broader ?? [] }),
  async write(topic, tx) {
    const key = topicKey(topic.name);
    const names = [key, ...(topic.aliases ?? []).map(topicKey)];
    const broader = (topic.broader ?? []).map(tx.refs.topicKey);
    const [row] = await tx.run("mutation/topic-conflicts", { key, names, broader });
    const clashes = row!.clashes;
    const clash = names.findIndex((candidate) => clashes.includes(candidate));
    if (clash >= 0) {
      const path = clash === 0 ? ["name"] : ["aliases", clash - 1];
      throw new AppError(ErrorCode.BAD_USER_INPUT, `${path.join(".")}: already the name or an alias of another topic`, { path });
    }
    const cycle = broader.findIndex((candidate) => row!.cycles.includes(candidate));
    if (cycle >= 0) {
      throw new AppError(ErrorCode.BAD_USER_INPUT, `broader.${cycle}: is this topic or narrower than it, which would make a cycle`, { path: ["broader", cycle] });
    }
    await upsertRecords(tx.run, { topics: [topic] }, tx.refs.topicKey);
    const [written] = await tx.run("topic/by-names", { keys: [key] });
    return written!.item;
  },
});

export const upsertContent = mutation({
  name: "upsertContent",
  input: ContentRecord.extend({ url, publishedAt: pastInstant.optional(), topics: z.array(name).optional() }),
  references: ({ topics }) => ({ topics: topics ?? [] }),
  async write(content, tx) {
    await upsertRecords(tx.run, { content: [content] }, tx.refs.topicKey);
    return tx.item("mutation/content-by-url", { url: content.url });
  },
});
