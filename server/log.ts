import { isatty } from 'node:tty';
import {
  destination as fileDestination,
  pino,
  stdTimeFunctions,
  type DestinationStream,
  type Logger,
} from 'pino';

/*
 * The server's logger: pino, one JSON object per line on stderr (`level`, `time`, `msg` and the
 * fields), or readable lines with LOG_FORMAT=pretty. stdout stays free for the one plain
 * `LISTENING <url>` line that tests, the bench and scripts read.
 */

/** The levels LOG_LEVEL accepts, quietest last. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
/** `json` (default: for a log stack) or `pretty` (for a developer's terminal). */
export type LogFormat = 'json' | 'pretty';

/**
 * Field names whose values never reach the log, whatever a call site passes (a second line of
 * defence: call sites do not pass them; request paths are redacted by server/http/loggedPath.ts).
 */
const SECRET_FIELDS = ['password', 'token', 'cookie', 'authorization', 'secret'];
const REDACT = SECRET_FIELDS.flatMap((name) => [name, `*.${name}`]);

/**
 * Each line is written to fd 2 before the call returns (a synchronous sonic-boom), so the lines
 * before a crash, an abort or `process.exit` are not lost. `process.stderr.write` is not: on a
 * pipe Node queues what the reader has not taken yet, and `process.exit` drops the queue (most of
 * 5,000 lines, tests/server/log.test.ts). The cost is one write(2) per line.
 */
let stderr: DestinationStream | undefined;
const defaultDestination = () => (stderr ??= fileDestination({ fd: 2, sync: true }));

const state: { level: LogLevel; format: LogFormat; destination?: DestinationStream } = {
  level: 'info',
  format: 'json',
};
let prettyStream: ((destination: DestinationStream | number) => DestinationStream) | undefined;

function create(): Logger {
  const destination =
    state.format === 'pretty' && prettyStream
      ? prettyStream(state.destination ?? 2)
      : (state.destination ?? defaultDestination());
  return pino(
    {
      level: state.level,
      // Level names ("info"), not pino's numbers: what a log stack filters on without a mapping.
      formatters: { level: (label) => ({ level: label }) },
      timestamp: stdTimeFunctions.isoTime,
      redact: { paths: REDACT, censor: '[redacted]' },
    },
    destination,
  );
}

let logger = create();

/** Sets the minimum level that is printed. */
export function setLogLevel(level: LogLevel): void {
  state.level = level;
  logger.level = level;
}

/**
 * Switches between JSON lines and pino-pretty's readable lines. pino-pretty is loaded only for
 * `pretty` (a development setting), and writes synchronously too.
 */
export async function setLogFormat(format: LogFormat): Promise<void> {
  if (format === state.format) return;
  if (format === 'pretty' && !prettyStream) {
    const { default: pretty } = await import('pino-pretty');
    // One line per entry, as in production; pid and host say nothing on a developer's machine.
    prettyStream = (destination) =>
      pretty({
        destination,
        sync: true,
        singleLine: true,
        ignore: 'pid,hostname',
        translateTime: 'SYS:HH:MM:ss.l',
        colorize: destination === 2 && isatty(2),
      });
  }
  state.format = format;
  logger = create();
}

/** For tests: lines go to `destination` instead of stderr; undefined restores stderr. */
export function setLogDestination(destination: DestinationStream | undefined): void {
  state.destination = destination;
  logger = create();
}

type Fields = Record<string, unknown>;
const write = (level: Exclude<LogLevel, 'silent'>) => (message: string, fields?: Fields) => {
  if (fields) logger[level](fields, message);
  else logger[level](message);
};

/** `log.info(message, fields)`: one line with the message in `msg` and the fields beside it. */
export const log = {
  debug: write('debug'),
  info: write('info'),
  warn: write('warn'),
  error: write('error'),
  /** Whether a line at `level` would be printed (skip building costly fields when not). */
  enabled: (level: Exclude<LogLevel, 'silent'>) => logger.isLevelEnabled(level),
};
