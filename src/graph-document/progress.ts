/**
 * Progress of long work on stderr: records done of the total, the rate, and
 * an estimate of the time left, at most once a second (and once at the end),
 * so a 2-million-record import is neither silent nor noisy.
 */
export type ProgressWriter = (line: string) => void;

export class Progress {
  private done = 0;
  private readonly started = performance.now();
  private lastReport = this.started;

  constructor(
    private readonly label: string,
    /** null when the total is not known ahead, as when a file is read as it streams. */
    private readonly total: number | null,
    private readonly write: ProgressWriter,
    private readonly intervalMs = 1_000,
  ) {}

  add(count: number, stage: string): void {
    this.done += count;
    const now = performance.now();
    if (now - this.lastReport >= this.intervalMs) {
      this.lastReport = now;
      this.write(this.line(stage, now));
    }
  }

  finish(): void {
    this.write(this.line("done", performance.now()));
  }

  private line(stage: string, now: number): string {
    const seconds = (now - this.started) / 1000;
    const rate = seconds > 0 ? this.done / seconds : 0;
    const total = this.total;
    const percent = total !== null && total > 0 ? ` (${((100 * this.done) / total).toFixed(1)}%)` : "";
    const left = total !== null && rate > 0 && total > this.done ? ` · ETA ${formatDuration((total - this.done) / rate)}` : "";
    const of = total === null ? "" : ` / ${total.toLocaleString("en-US")}`;
    return `${this.label}: ${this.done.toLocaleString("en-US")}${of} records${percent} · ${Math.round(rate).toLocaleString("en-US")} records/s${left} · ${stage}`;
  }
}

export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const minutes = Math.floor(whole / 60);
  return minutes > 0 ? `${minutes}m${String(whole % 60).padStart(2, "0")}s` : `${whole}s`;
}
