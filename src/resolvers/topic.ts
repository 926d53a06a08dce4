/** Topic's hierarchy and the topics of content, through per-request loaders. */
import type { RequestContext } from "../context.js";
import type { ContentItem, TopicItem } from "../db/rows.js";

export const Topic = {
  aliases(topic: TopicItem) {
    return topic.aliases ?? [];
  },

  broader(topic: TopicItem, _: unknown, ctx: RequestContext) {
    return ctx.loaders.broaderTopics.load(topic.id);
  },

  narrower(topic: TopicItem, _: unknown, ctx: RequestContext) {
    return ctx.loaders.narrowerTopics.load(topic.id);
  },
};

export const Content = {
  topics(content: ContentItem, _: unknown, ctx: RequestContext) {
    return ctx.loaders.topicsOfContent.load(content.id);
  },
};
