import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

export interface LocalSmtpServer {
  url: string;
  received: ReceivedMail[];
  /** The next `count` deliveries are refused with this SMTP reply (e.g. 451 temporary, 550 permanent). */
  refuseNext(count: number, responseCode: number): void;
  close(): Promise<void>;
}

/**
 * A real SMTP server on a free local port (smtp-server, by the nodemailer authors), for
 * tests: it keeps what it receives and can refuse deliveries on demand. Not exported by the library.
 */
export async function startLocalSmtpServer(): Promise<LocalSmtpServer> {
  const received: ReceivedMail[] = [];
  let refusals: { count: number; responseCode: number } = { count: 0, responseCode: 451 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (refusals.count > 0) {
          refusals = { ...refusals, count: refusals.count - 1 };
          const error = Object.assign(new Error(`Refused for the test, recipient ${session.envelope.rcptTo[0]?.address}`), {
            responseCode: refusals.responseCode,
          });
          return callback(error);
        }
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuseNext(count, responseCode) {
      refusals = { count, responseCode };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
