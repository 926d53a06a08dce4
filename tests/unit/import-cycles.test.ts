/**
 * Layers one way: no import cycle in src/, between files or between folders.
 * Imports are read with TypeScript's own parser (type-only imports count:
 * they couple the layers as much as any other). A folder is a directory
 * directly under src/; a file directly under src/ (config.ts, context.ts …)
 * stands on its own.
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/config.js";

const SRC = path.join(PROJECT_ROOT, "src");

/** Every .ts file of src/ and the files of src/ it imports, by their path relative to src/. */
function importGraph(): Map<string, string[]> {
  const files = fs.readdirSync(SRC, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".ts")).map((file) => file.replace(/\\/g, "/"));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(fs.readFileSync(path.join(SRC, file), "utf8"), true, true);
    const imported = importedFiles
      .map(({ fileName }) => fileName)
      .filter((specifier) => specifier.startsWith("."))
      .map((specifier) => path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)).replace(/\.js$/, ".ts"))
      .filter((target) => !target.startsWith("../"));
    graph.set(file, [...new Set(imported)]);
  }
  return graph;
}

/** The graph between folders (a file directly under src/ is its own node). */
function folderGraph(files: Map<string, string[]>): Map<string, string[]> {
  const folderOf = (file: string) => file.split("/")[0]!;
  const graph = new Map<string, Set<string>>();
  for (const [file, imports] of files) {
    const from = folderOf(file);
    const targets = graph.get(from) ?? new Set<string>();
    for (const target of imports) if (folderOf(target) !== from) targets.add(folderOf(target));
    graph.set(from, targets);
  }
  return new Map([...graph].map(([node, targets]) => [node, [...targets]]));
}

/** The cycles of a graph, one per strongly connected component of more than one node (Tarjan's algorithm), each as a path. */
function cycles(graph: Map<string, string[]>): string[] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (stack.includes(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(pathThrough(graph, new Set(component), node));
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return found;
}

/** One cycle through `start` inside its component, for the message: a → b → a. */
function pathThrough(graph: Map<string, string[]>, component: Set<string>, start: string): string {
  const trail = [start];
  const seen = new Set([start]);
  for (let node = start; ;) {
    const next = (graph.get(node) ?? []).filter((target) => component.has(target));
    const back = next.find((target) => target === start);
    if (back !== undefined) return [...trail, start].join(" → ");
    node = next.find((target) => !seen.has(target)) ?? next[0]!;
    if (seen.has(node)) return [...trail, node].join(" → ");
    seen.add(node);
    trail.push(node);
  }
}

describe("imports in src/", () => {
  const files = importGraph();

  it("resolve to files that exist", () => {
    const missing = [...files].flatMap(([file, imports]) => imports.filter((target) => !files.has(target)).map((target) => `${file} → ${target}`));
    expect(missing).toEqual([]);
  });

  it("form no cycle between files", () => {
    expect(cycles(files)).toEqual([]);
  });

  it("form no cycle between folders", () => {
    expect(cycles(folderGraph(files))).toEqual([]);
  });
});
