/** The subset of a pino logger the engine uses (pass the app's pino logger as is). */
export interface ProjectionLogger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

/** One JSON line per entry on stderr; the default when the app passes no logger. */
export const consoleProjectionLogger: ProjectionLogger = {
  info: (fields, message) => console.error(JSON.stringify({ level: 'info', time: new Date().toISOString(), msg: message, ...fields })),
  warn: (fields, message) => console.error(JSON.stringify({ level: 'warn', time: new Date().toISOString(), msg: message, ...fields })),
  error: (fields, message) => console.error(JSON.stringify({ level: 'error', time: new Date().toISOString(), msg: message, ...fields })),
};

export const silentProjectionLogger: ProjectionLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };
