import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, validateSync } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : ['1', 'true', 'yes', 'oui'].includes(String(value).toLowerCase());

/**
 * Every setting of Ardoise, read once from the environment and validated at start.
 * Each variable is documented in the README ("Configuration") with its default.
 */
export class AppConfig {
  /** HTTP port of the API and the portal. */
  @Transform(toInt) @IsInt({ message: 'PORT doit être un numéro de port (0 à 65535)' }) @Min(0) @Max(65535)
  PORT = 3000;

  /** An existing PostgreSQL (read models, and events unless EventStoreDB is configured). Unset: embedded. */
  @IsOptional() @IsString() @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL doit commencer par postgres:// ou postgresql://' })
  DATABASE_URL?: string;

  /** EventStoreDB connection string (e.g. esdb://localhost:2113?tls=false). Unset: events in PostgreSQL. */
  @IsOptional() @IsString() @Matches(/^(esdb|esdb\+discover|kurrentdb|kurrentdb\+discover):\/\//, {
    message: 'EVENTSTORE_CONNECTION_STRING doit commencer par esdb:// ou esdb+discover://',
  })
  EVENTSTORE_CONNECTION_STRING?: string;

  /** What this process runs: the HTTP API, the projection worker, or both (embedded default). */
  @IsIn(['all', 'api', 'worker'], { message: 'ARDOISE_ROLE vaut all, api ou worker' })
  ARDOISE_ROLE: 'all' | 'api' | 'worker' = 'all';

  /** Where the embedded PostgreSQL keeps its data. */
  @IsString()
  DATA_DIR = './data';

  /** Port of the embedded PostgreSQL (never 5432, to stay clear of a local server). */
  @Transform(toInt) @IsInt({ message: 'EMBEDDED_POSTGRES_PORT doit être un entier' }) @Min(1024) @Max(65535)
  EMBEDDED_POSTGRES_PORT = 54329;

  /** Seed the demo town at start when the database is empty. Default: on with the embedded database. */
  @IsOptional() @Transform(toBool)
  SEED_DEMO?: boolean;

  /** Directory of the built portal served at `/`. */
  @IsString()
  PORTAL_DIR = 'dist/apps/portal/browser';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    message: 'LOG_LEVEL vaut fatal, error, warn, info, debug, trace ou silent',
  })
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' = 'info';

  /** Size of the PostgreSQL connection pool. */
  @Transform(toInt) @IsInt({ message: 'DATABASE_POOL_SIZE doit être un entier' }) @Min(2) @Max(200)
  DATABASE_POOL_SIZE = 20;

  /** How long a query sent with Ardoise-Min-Position waits for the read models (then 503). */
  @Transform(toInt) @IsInt({ message: 'READ_YOUR_WRITES_TIMEOUT_MS doit être un entier' }) @Min(0) @Max(30_000)
  READ_YOUR_WRITES_TIMEOUT_MS = 2000;

  /** A signed-in session unused this long ends. */
  @Transform(toInt) @IsInt({ message: 'SESSION_IDLE_MINUTES doit être un entier' }) @Min(5) @Max(24 * 60)
  SESSION_IDLE_MINUTES = 120;

  /** A session ends this long after login, used or not. */
  @Transform(toInt) @IsInt({ message: 'SESSION_ABSOLUTE_HOURS doit être un entier' }) @Min(1) @Max(24 * 30)
  SESSION_ABSOLUTE_HOURS = 12;

  /** Address of the portal as families reach it, for links in e-mails. Default: http://localhost:PORT. */
  @IsOptional() @IsString() @Matches(/^https?:\/\/[^/]+/, { message: 'PUBLIC_URL doit être une adresse http(s)://…' })
  PUBLIC_URL?: string;

  /** Days an activation link stays valid. */
  @Transform(toInt) @IsInt({ message: 'ACTIVATION_LINK_DAYS doit être un entier' }) @Min(1) @Max(60)
  ACTIVATION_LINK_DAYS = 7;

  /** Tamper evidence: an anchor (running hash over every event) is written every this many events. */
  @Transform(toInt) @IsInt({ message: 'AUDIT_ANCHOR_INTERVAL doit être un entier' }) @Min(1) @Max(1_000_000)
  AUDIT_ANCHOR_INTERVAL = 1000;

  /** SMTP server (smtp://user:pass@host:587). Unset: e-mails stay in the outbox, readable by staff. */
  @IsOptional() @IsString() @Matches(/^smtps?:\/\//, { message: 'SMTP_URL doit commencer par smtp:// ou smtps://' })
  SMTP_URL?: string;

  /** Sender of Ardoise's e-mails. */
  @IsString()
  MAIL_FROM = 'Ardoise <ne-pas-repondre@ardoise.localhost>';

  /** An e-mail the SMTP server keeps refusing is given up (status `failed`) after this many attempts. */
  @Transform(toInt) @IsInt({ message: 'MAIL_MAX_ATTEMPTS doit être un entier' }) @Min(1) @Max(50)
  MAIL_MAX_ATTEMPTS = 8;

  /** Seconds before the first new attempt after a refusal; doubled at each attempt (at most 6 hours). */
  @Transform(toInt) @IsInt({ message: 'MAIL_RETRY_SECONDS doit être un entier' }) @Min(1) @Max(86400)
  MAIL_RETRY_SECONDS = 60;

  /** Largest attachment (Mes demandes), in megabytes. */
  @Transform(toInt) @IsInt({ message: 'ATTACHMENT_MAX_MB doit être un entier' }) @Min(1) @Max(100)
  ATTACHMENT_MAX_MB = 10;

  /** Name of the town on invoices and payment pages. */
  @IsString()
  TOWN_NAME = 'Mairie de Saint-Ardoise';

  /** Day of the month (1–28, Europe/Paris) on which the previous month is billed. */
  @Transform(toInt) @IsInt({ message: 'BILLING_RUN_DAY doit être un entier de 1 à 28' }) @Min(1) @Max(28)
  BILLING_RUN_DAY = 1;

  /** Hour (0–23, Europe/Paris) of the monthly billing run. */
  @Transform(toInt) @IsInt({ message: 'BILLING_RUN_HOUR doit être un entier de 0 à 23' }) @Min(0) @Max(23)
  BILLING_RUN_HOUR = 6;

  /** Days between an invoice's issue and its due date. */
  @Transform(toInt) @IsInt({ message: 'INVOICE_DUE_DAYS doit être un entier' }) @Min(1) @Max(120)
  INVOICE_DUE_DAYS = 30;

  /** PayFIP: the town's structure id (numcli, 6 digits). */
  @IsString() @Matches(/^\d{6}$/, { message: 'PAYFIP_NUMCLI doit compter 6 chiffres' })
  PAYFIP_NUMCLI = '012345';

  /** PayFIP web service (SOAP) address. Unset: the test-mode double served by Ardoise itself under /payfip-sandbox. */
  @IsOptional() @IsString() @Matches(/^https?:\/\//, { message: 'PAYFIP_ENDPOINT doit être une adresse http(s)://' })
  PAYFIP_ENDPOINT?: string;

  /** PayFIP page the parent is sent to (`?idop=` is added). Required with PAYFIP_ENDPOINT. */
  @IsOptional() @IsString() @Matches(/^https?:\/\//, { message: 'PAYFIP_PAYMENT_URL doit être une adresse http(s)://' })
  PAYFIP_PAYMENT_URL?: string;

  /** PayFIP mode (saisie): T = test, X = production, W = activation. */
  @IsIn(['T', 'X', 'W'], { message: 'PAYFIP_MODE vaut T, X ou W' })
  PAYFIP_MODE: 'T' | 'X' | 'W' = 'T';

  /** SEPA creditor identifier (ICS) of the town, for direct-debit files. */
  @IsString() @Matches(/^[A-Z]{2}\d{2}[A-Z0-9]{3}[A-Z0-9]{1,28}$/, { message: 'SEPA_CREDITOR_ID doit être un identifiant créancier SEPA (ICS)' })
  SEPA_CREDITOR_ID = 'FR00ZZZ000000';

  /** IBAN of the town's account (Trésor public) credited by direct debits. */
  @IsString() @Matches(/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/, { message: 'SEPA_CREDITOR_IBAN doit être un IBAN sans espaces' })
  SEPA_CREDITOR_IBAN = 'FR7630001007941234567890185';

  get publicUrl(): string {
    return (this.PUBLIC_URL ?? `http://localhost:${this.PORT}`).replace(/\/$/, '');
  }

  get embedded(): boolean {
    return !this.DATABASE_URL;
  }

  get seedDemo(): boolean {
    return this.SEED_DEMO ?? this.embedded;
  }
}

const CONFIG_VARIABLES = [
  'AUDIT_ANCHOR_INTERVAL',
  'PORT',
  'DATABASE_URL',
  'EVENTSTORE_CONNECTION_STRING',
  'ARDOISE_ROLE',
  'DATA_DIR',
  'EMBEDDED_POSTGRES_PORT',
  'SEED_DEMO',
  'PORTAL_DIR',
  'LOG_LEVEL',
  'DATABASE_POOL_SIZE',
  'READ_YOUR_WRITES_TIMEOUT_MS',
  'SESSION_IDLE_MINUTES',
  'SESSION_ABSOLUTE_HOURS',
  'PUBLIC_URL',
  'ACTIVATION_LINK_DAYS',
  'SMTP_URL',
  'MAIL_FROM',
  'MAIL_MAX_ATTEMPTS',
  'MAIL_RETRY_SECONDS',
  'ATTACHMENT_MAX_MB',
  'TOWN_NAME',
  'BILLING_RUN_DAY',
  'BILLING_RUN_HOUR',
  'INVOICE_DUE_DAYS',
  'PAYFIP_NUMCLI',
  'PAYFIP_ENDPOINT',
  'PAYFIP_PAYMENT_URL',
  'PAYFIP_MODE',
  'SEPA_CREDITOR_ID',
  'SEPA_CREDITOR_IBAN',
];

export class ConfigurationError extends Error {}

/** Reads and validates the environment; throws one error listing every bad variable, in French. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw = Object.fromEntries(Object.entries(env).filter(([key]) => CONFIG_VARIABLES.includes(key)));
  const config = plainToInstance(AppConfig, raw, { exposeDefaultValues: true });
  const errors = validateSync(config, { forbidUnknownValues: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => `- ${e.property} = ${JSON.stringify(e.value)} : ${[...new Set(Object.values(e.constraints ?? {}))].join(', ')}`);
    throw new ConfigurationError(`Configuration invalide :\n${lines.join('\n')}`);
  }
  return config;
}
