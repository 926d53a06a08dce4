/** Topic's hierarchy and the topics of content, through per-request loaders. */
import type { RequestContext } from "../context.js";
import type { Item } from "../loaders/keyed.js";

export const Topic = {
  aliases(topic: Item) {
    return topic.aliases ?? [];
  },

  broader(topic: Item, _: unknown, ctx: RequestContext) {
    return ctx.loaders.broaderTopics.load(topic.id as string);
  },

  narrower(topic: Item, _: unknown, ctx: RequestContext) {
    return ctx.loaders.narrowerTopics.load(topic.id as string);
  },
};

export const Content = {
  topics(content: Item, _: unknown, ctx: RequestContext) {
    return ctx.loaders.topicsOfContent.load(content.id as string);
  },
};
