/**
 * The largest values the resolvers and the Cypher are written for, in one
 * place. The settings may lower them (RAPPORT_MAX_FIRST, RAPPORT_MAX_HOPS,
 * RAPPORT_MAX_BATCH; config.ts) but not raise them, and arguments are
 * checked against them whatever the settings say (src/validation).
 */

/**
 * The longest chain of connections a question may follow. Cypher takes no
 * parameter for the bound of a variable-length pattern, so the filters write
 * it as text (src/filters/compile.ts), and longer chains reach most of a graph.
 */
export const MAX_HOPS = 4;

/** The largest page a list field returns. */
export const MAX_PAGE_SIZE = 100;

/** The most operations one HTTP request may batch. */
export const MAX_BATCH = 100;
