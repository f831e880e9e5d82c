/**
 * A TCP proxy between the app and PostgreSQL that injects the faults the write path must survive.
 * It reads the PostgreSQL wire protocol in both directions (a type byte and a length per message;
 * the client's first message, the startup, has no type byte) so it can act on one message exactly:
 * - dropAfterCommit(): the next time the server answers COMMIT, the connection is cut before that
 *   answer (CommandComplete "COMMIT" and the ReadyForQuery after it) reaches the client — the
 *   transaction is committed and the client does not know it; dropAfterComplete('INSERT') does the same
 *   for a statement in its own implicit transaction (committed by the time ReadyForQuery is sent);
 *   (with `thenStallMs`, the proxy then stalls: the COMMIT landed, and nothing answers for a while);
 * - holdCommit(ms): the next COMMIT the client sends is held back for `ms` before the server sees it;
 * - stall(ms): nothing the clients send reaches the server for `ms` (a server that stops answering).
 * Loopback only; plain TCP (the test databases use no TLS).
 */
import net from 'node:net';

interface Pair {
  client: net.Socket;
  server: net.Socket;
}

/** Splits a byte stream into PostgreSQL messages (type byte + int32 length including itself). */
class MessageReader {
  private buffer = Buffer.alloc(0);
  private untyped: boolean;
  constructor(untyped: boolean) {
    this.untyped = untyped;
  }
  push(chunk: Buffer): Buffer[] {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    const out: Buffer[] = [];
    for (;;) {
      const header = this.untyped ? 4 : 5;
      if (this.buffer.length < header) break;
      const length = this.untyped ? this.buffer.readInt32BE(0) : this.buffer.readInt32BE(1);
      const total = this.untyped ? length : length + 1;
      if (this.buffer.length < total) break;
      out.push(this.buffer.subarray(0, total));
      this.buffer = this.buffer.subarray(total);
      this.untyped = false;
    }
    return out;
  }
}

const isComplete = (m: Buffer, tag: string) => m[0] === 0x43 && m.subarray(5).toString('utf8').startsWith(tag);
const isReady = (m: Buffer) => m[0] === 0x5a;
const COMMIT_TEXT = /^\s*commit\s*$/i;
const cstrings = (m: Buffer): string[] => m.subarray(5).toString('utf8').split('\0');

/**
 * Follows what one connection's client sends: the text of each statement — a simple query, or (postgres.js)
 * the extended protocol: a Parse of the text, then Binds of that statement, which may be named and parsed
 * only once per connection — and the statements of the transaction under way (from its BEGIN).
 */
class StatementSpotter {
  private statements = new Map<string, string>();
  /** Statement texts since the last BEGIN. */
  transaction: string[] = [];
  /** The text this message runs, if it runs one (Query or Bind). */
  textOf(m: Buffer): string | undefined {
    const type = String.fromCharCode(m[0] ?? 0);
    let text: string | undefined;
    if (type === 'Q') text = cstrings(m)[0] ?? '';
    else if (type === 'P') {
      const [name = '', parsed = ''] = cstrings(m);
      this.statements.set(name, parsed);
    } else if (type === 'B') text = this.statements.get(cstrings(m)[1] ?? '');
    if (text === undefined) return undefined;
    if (/^\s*begin\b/i.test(text)) this.transaction = [];
    this.transaction.push(text);
    return text;
  }
}

export class FaultProxy {
  private server: net.Server | undefined;
  private pairs = new Set<Pair>();
  private drops: { tag: string; touching?: RegExp; thenStallMs?: number }[] = [];
  private holdCommitMs = 0;
  private stalledUntil = 0;
  /** COMMIT answers cut so far. */
  dropped = 0;
  /** COMMITs held so far. */
  held = 0;

  private target: { host: string; port: number };
  constructor(target: { host: string; port: number }) {
    this.target = target;
  }

  async listen(): Promise<number> {
    this.server = net.createServer((client) => this.connect(client));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    if (!address || typeof address === 'string') throw new Error('fault proxy has no port');
    return address.port;
  }

  /**
   * The next COMMIT answer is cut off before the client reads it — of a transaction with a statement
   * matching `touching`, when given (e.g. /command_outcomes/: a command's transaction).
   */
  dropAfterCommit(touching?: RegExp, options: { thenStallMs?: number } = {}): void {
    this.drops.push({ tag: 'COMMIT', ...(touching ? { touching } : {}), ...options });
  }

  /** The next answer to a statement whose CommandComplete tag starts with `tag` is cut off. */
  dropAfterComplete(tag: string): void {
    this.drops.push({ tag });
  }

  /** The next COMMIT the client sends waits `ms` before the server sees it. */
  holdCommit(ms: number): void {
    this.holdCommitMs = ms;
  }

  /** Forgets armed faults that did not happen. */
  disarm(): void {
    this.drops = [];
    this.holdCommitMs = 0;
  }

  /** Nothing any client sends reaches the server for `ms` (then it all goes through, in order). */
  stall(ms: number): void {
    this.stalledUntil = Date.now() + ms;
  }

  /** Cuts every open connection (a node that dies). */
  cutAll(): void {
    for (const p of this.pairs) {
      p.client.destroy();
      p.server.destroy();
    }
  }

  async close(): Promise<void> {
    this.cutAll();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private connect(client: net.Socket): void {
    const server = net.connect(this.target.port, this.target.host);
    // Messages are forwarded one by one: without this, Nagle and delayed ACKs add ~40 ms to each.
    client.setNoDelay(true);
    server.setNoDelay(true);
    const pair = { client, server };
    this.pairs.add(pair);
    const end = () => {
      this.pairs.delete(pair);
      client.destroy();
      server.destroy();
    };
    client.on('error', end).on('close', end);
    server.on('error', end).on('close', end);

    // Client → server, in order, possibly delayed (stall, held COMMIT).
    const upstream = new MessageReader(true);
    const spotter = new StatementSpotter();
    let queue: Promise<void> = Promise.resolve();
    client.on('data', (chunk) => {
      for (const message of upstream.push(chunk)) {
        queue = queue.then(async () => {
          const stalled = this.stalledUntil - Date.now();
          if (stalled > 0) await sleep(stalled);
          const text = spotter.textOf(message);
          if (text !== undefined && COMMIT_TEXT.test(text) && this.holdCommitMs > 0) {
            const ms = this.holdCommitMs;
            this.holdCommitMs = 0;
            this.held++;
            await sleep(ms);
          }
          if (!server.destroyed) server.write(message);
        });
      }
    });

    // Server → client: the first byte may be an SSL answer ('N'); after that, typed messages.
    const downstream = new MessageReader(false);
    let swallowing = false;
    let cut: { thenStallMs?: number } | undefined;
    server.on('data', (chunk) => {
      for (const message of downstream.push(chunk)) {
        const drop = this.drops[0];
        if (
          !swallowing &&
          drop !== undefined &&
          isComplete(message, drop.tag) &&
          (!drop.touching || spotter.transaction.some((t) => drop.touching?.test(t)))
        ) {
          this.drops.shift();
          swallowing = true;
          cut = drop;
        }
        if (swallowing) {
          // Held back, with everything after it, until the transaction is over: then the cut.
          if (isReady(message)) {
            this.dropped++;
            // A node that stops answering right after the COMMIT landed (thenStall).
            if (cut?.thenStallMs) this.stall(cut.thenStallMs);
            end();
            return;
          }
          continue;
        }
        if (!client.destroyed) client.write(message);
      }
    });
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The host and port of a postgres:// URL. */
export function hostPortOf(url: string): { host: string; port: number } {
  const parsed = new URL(url);
  return { host: parsed.hostname, port: Number(parsed.port || 5432) };
}

/** The same URL pointed at the proxy. */
export function viaProxy(url: string, port: number): string {
  const parsed = new URL(url);
  parsed.hostname = '127.0.0.1';
  parsed.port = String(port);
  return parsed.toString();
}
