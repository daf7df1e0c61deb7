import { pino, stdTimeFunctions, type DestinationStream, type Logger } from 'pino';

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
 * Through `process.stderr.write`, not a pino.destination on fd 2: writes to a pipe or file are
 * synchronous on Linux, so a line logged just before a crash or `process.exit` is not lost, and
 * in-process tests can capture stderr (tests/reliability/support/stderr.ts).
 */
const stderr: DestinationStream = { write: (line: string) => void process.stderr.write(line) };

function create(level: LogLevel, destination: DestinationStream): Logger {
  return pino(
    {
      level,
      // Level names ("info"), not pino's numbers: what a log stack filters on without a mapping.
      formatters: { level: (label) => ({ level: label }) },
      timestamp: stdTimeFunctions.isoTime,
      redact: { paths: REDACT, censor: '[redacted]' },
    },
    destination,
  );
}

let logger = create('info', stderr);
let currentFormat: LogFormat = 'json';

/** Sets the minimum level that is printed. */
export function setLogLevel(level: LogLevel): void {
  logger.level = level;
}

/**
 * Switches between JSON lines and pino-pretty's readable lines. pino-pretty is loaded only for
 * `pretty` (a development setting), and writes synchronously too.
 */
export async function setLogFormat(format: LogFormat): Promise<void> {
  if (format === currentFormat) return;
  currentFormat = format;
  const level = logger.level as LogLevel;
  if (format === 'json') {
    logger = create(level, stderr);
    return;
  }
  const { default: pretty } = await import('pino-pretty');
  logger = create(
    level,
    pretty({ destination: process.stderr, sync: true, translateTime: 'SYS:HH:MM:ss.l' }),
  );
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
