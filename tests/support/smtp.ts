import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { expect } from 'vitest';

/** A mail as the receiver got it: the parsed message and the envelope's recipients. */
export interface ReceivedMail {
  to: string[];
  parsed: ParsedMail;
  /** Whether the session ran over TLS (STARTTLS), and who logged in. */
  secure: boolean;
  user: string | undefined;
}

/** What the receiver demands: STARTTLS offered (its built-in self-signed certificate) and a login. */
export interface TestSmtpOptions {
  starttls?: boolean;
  login?: { user: string; pass: string };
}

/**
 * A real SMTP server on loopback that keeps every mail it accepts, parsed with mailparser. It
 * offers neither STARTTLS nor login, like a local relay: the plain case SMTP_URL must handle.
 * `stop()` and `start()` take it down and up on the same port (an SMTP outage).
 */
export class TestSmtp {
  readonly received: ReceivedMail[] = [];
  private server: SMTPServer | undefined;
  private port = 0;

  constructor(private readonly options: TestSmtpOptions = {}) {}

  /** Starts it (again); resolves when it listens. */
  async start(): Promise<void> {
    const { starttls = false, login } = this.options;
    const server = new SMTPServer({
      authOptional: !login,
      disabledCommands: [...(starttls ? [] : ['STARTTLS']), ...(login ? [] : ['AUTH'])],
      onAuth: (auth, _session, callback) => {
        if (login && auth.username === login.user && auth.password === login.pass)
          callback(null, { user: auth.username });
        else callback(new Error('wrong login'));
      },
      // A loopback peer has no name worth waiting for.
      disableReverseLookup: true,
      // stop() is an outage: open (pooled) connections are dropped at once, not waited for.
      closeTimeout: 50,
      logger: false,
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((parsed) => {
            this.received.push({
              to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
              parsed,
              secure: session.secure,
              user: typeof session.user === 'string' ? session.user : undefined,
            });
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Stops it; connections are refused until start(). */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** SMTP_URL for the app. */
  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** The mails sent to `address` so far. */
  to(address: string): ReceivedMail[] {
    return this.received.filter((mail) => mail.to.includes(address.toLowerCase()));
  }

  /** Waits until `count` mails to `address` arrived; resolves with them. */
  async waitFor(address: string, count = 1, timeout = 10_000): Promise<ReceivedMail[]> {
    await expect.poll(() => this.to(address).length, { timeout, interval: 50 }).toBeGreaterThanOrEqual(count);
    return this.to(address);
  }
}

/** A header's raw value as sent (mailparser folds List-* headers into one object). */
export function rawHeader(parsed: ParsedMail, name: string): string | undefined {
  const line = parsed.headerLines.find((header) => header.key === name.toLowerCase())?.line;
  return line?.slice(line.indexOf(':') + 1).trim();
}

/** Starts a TestSmtp. */
export async function startTestSmtp(options?: TestSmtpOptions): Promise<TestSmtp> {
  const smtp = new TestSmtp(options);
  await smtp.start();
  return smtp;
}

/** The first link in a text part that starts with `prefix`. */
export function linkIn(text: string | undefined, prefix: string): string {
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escaped}[^\\s>"]+`).exec(text ?? '');
  if (!match) throw new Error(`no link starting with ${prefix} in:\n${text}`);
  return match[0];
}
