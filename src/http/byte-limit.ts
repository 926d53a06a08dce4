/**
 * A request body read as a stream, limited in size: bytes pass through until
 * the limit, then the stream fails the way Express's body parsers do, so
 * restErrors answers 413.
 */
import { Transform, type TransformCallback } from "node:stream";

export class ByteLimit extends Transform {
  private seen = 0;

  constructor(private readonly limit: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.seen += chunk.length;
    done(this.seen > this.limit ? tooLarge() : null, chunk);
  }
}

export function tooLarge(): Error {
  return Object.assign(new Error("request entity too large"), { type: "entity.too.large" });
}
