// A stand-in for a terminal, so a test sees the progress bars a lesson draws on one.
import { PassThrough } from "node:stream";

/** A stream that says it is a terminal (as `process.stderr` is in a shell), collecting what is written. */
export function fakeTerminal(): NodeJS.WriteStream & { text(): string } {
  const stream = new PassThrough() as unknown as NodeJS.WriteStream & { text(): string };
  let written = "";
  stream.on("data", (chunk: Buffer) => (written += chunk.toString()));
  Object.assign(stream, { isTTY: true, columns: 100, cursorTo: () => true, clearLine: () => true, moveCursor: () => true, text: () => written });
  return stream;
}
