/**
 * The worker thread of a document read on a thread of its own
 * (document-tokens.ts, itemsOnThread): it tokenizes the file as any reading
 * does and posts each group of items, a structured clone (the reading thread
 * spends a third of what tokenizing would cost it on taking them; JSON text
 * parsed back cost it as much). It reads on only while the reading thread
 * has fewer than `ahead` groups it has not taken: each group taken is
 * acknowledged by a message, so the memory of a reading stays bounded
 * whatever the document's size.
 */
import { parentPort, workerData } from "node:worker_threads";
import { DocumentSyntaxError, fileItems, type TokenizeMessage, type TokenizeWork } from "./document-tokens.js";

const port = parentPort!;
const { file, ahead } = workerData as TokenizeWork;
let credit = ahead;
let taken: (() => void) | undefined;
port.on("message", () => {
  credit += 1;
  taken?.();
  taken = undefined;
});

const post = (message: TokenizeMessage) => port.postMessage(message);
try {
  for await (const group of fileItems(file)) {
    if (credit === 0) await new Promise<void>((resolve) => (taken = resolve));
    credit -= 1;
    post(group);
  }
  post(null);
} catch (error) {
  post({ failure: (error as Error).message, syntax: error instanceof DocumentSyntaxError });
}
