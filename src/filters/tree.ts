/**
 * Cypher as a tree of fixed text, variables and parameters that are named
 * only when the whole statement is rendered, as @neo4j/cypher-builder names
 * them: a compiler builds the tree without numbering anything, and rendering
 * gives each variable and parameter, in order of first appearance, its base
 * name and the next ordinal of that name (`link_0`, `$minStrength1`). The
 * same object renders to the same name wherever it appears, which is how a
 * shortlist step shares the parameters of the condition it stands for. The
 * text depends only on the tree's shape, so Neo4j plans a filter's shape once.
 */

/** A variable a statement binds; `base` ends in `_`, as a fragment's locals do, so no rendered name can clash with fixed text. */
export class Variable {
  constructor(readonly base: string) {
    if (!base.endsWith("_")) throw new Error(`a variable's base name ends in _: ${base}`);
  }
}

/** A value sent as a parameter. */
export class Param {
  constructor(readonly base: string, readonly value: unknown) {}
}

export type Part = string | Variable | Param | Cypher;

export class Cypher {
  constructor(readonly parts: readonly Part[]) {}

  /** The tree with every node that `replacements` has a key for replaced, sharing what is unchanged. */
  replace(replacements: ReadonlyMap<Cypher, Cypher>): Cypher {
    const replaced = replacements.get(this);
    if (replaced) return replaced;
    let changed = false;
    const parts = this.parts.map((part) => {
      if (!(part instanceof Cypher)) return part;
      const next = part.replace(replacements);
      changed ||= next !== part;
      return next;
    });
    return changed ? new Cypher(parts) : this;
  }
}

/** Cypher from a template literal whose values are parts: cypher`(${flag} OR ${test})`. */
export function cypher(strings: TemplateStringsArray, ...parts: Part[]): Cypher {
  return new Cypher(strings.flatMap((text, i) => (i < parts.length ? [text, parts[i] as Part] : [text])));
}

export function join(items: readonly Part[], separator: string): Cypher {
  return new Cypher(items.flatMap((item, i) => (i === 0 ? [item] : [separator, item])));
}

/** Variables (or a statement's fixed names) as a WITH carries them after its first item: `, a, b`. */
export function variableList(variables: readonly Part[]): Cypher {
  return new Cypher(variables.flatMap((variable) => [", ", variable]));
}

export const NULL = new Cypher(["null"]);

/** The naming environment of one statement: everything rendered through it shares its names and gathers its parameters. */
export class Naming {
  readonly params: Record<string, unknown> = {};
  private readonly names = new Map<Variable | Param, string>();
  private readonly used = new Map<string, number>();

  render(tree: Part): string {
    const out: string[] = [];
    const visit = (part: Part): void => {
      if (typeof part === "string") out.push(part);
      else if (part instanceof Cypher) part.parts.forEach(visit);
      else out.push(part instanceof Param ? `$${this.name(part)}` : this.name(part));
    };
    visit(tree);
    return out.join("");
  }

  private name(named: Variable | Param): string {
    let name = this.names.get(named);
    if (name !== undefined) return name;
    // Parameters and variables are separate namespaces in Cypher; their ordinals are kept apart too.
    const key = named instanceof Param ? `$${named.base}` : named.base;
    const ordinal = this.used.get(key) ?? 0;
    this.used.set(key, ordinal + 1);
    name = `${named.base}${ordinal}`;
    this.names.set(named, name);
    if (named instanceof Param) this.params[name] = named.value;
    return name;
  }
}

/** A whole statement rendered: its text and the parameters it names. */
export function render(tree: Part): { text: string; params: Record<string, unknown> } {
  const naming = new Naming();
  const text = naming.render(tree);
  return { text, params: naming.params };
}
