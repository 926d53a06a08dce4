/** A slow Writable with a tiny buffer, so a writer has to wait for 'drain' again and again; `finish` ends it and gives all it received. */
import { Writable } from "node:stream";

export function slowSink(): { sink: Writable; finish: () => Promise<Buffer> } {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    highWaterMark: 64,
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      setImmediate(done);
    },
  });
  const finish = () => new Promise<Buffer>((resolve) => sink.end(() => resolve(Buffer.concat(chunks))));
  return { sink, finish };
}
