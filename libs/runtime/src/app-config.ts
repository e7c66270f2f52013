import { plainToInstance, Transform } from 'class-transformer';
import { isIP } from 'node:net';
import { availableParallelism } from 'node:os';
import { getMetadataStorage, IsEmail, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, Validate, ValidateBy, validateSync } from 'class-validator';
import { ReadableOnWhite, ValidSiret } from './town/town-config.validators.js';

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** TRUST_PROXY as express takes it: false, a number of proxies, or addresses / networks; undefined when malformed. */
export function parseTrustProxy(raw: string | undefined): false | number | string[] | undefined {
  const value = raw?.trim();
  if (!value || value === 'false') return false;
  if (/^\d{1,2}$/.test(value)) return Number(value);
  const items = value.split(',').map((item) => item.trim());
  const valid = items.every((item) => {
    if (PROXY_NAMES.has(item)) return true;
    const [address, prefix, ...rest] = item.split('/');
    const family = isIP(address ?? '');
    if (!family || rest.length > 0) return false;
    return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
  });
  return valid ? items : undefined;
}

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/**
 * A whole-number setting between `min` and `max`, read from its text; every message in French
 * (`$property` is the variable's name).
 */
function IntSetting(min: number, max: number, message = '$property doit être un entier'): PropertyDecorator {
  const decorators = [
    Transform(toInt),
    IsInt({ message }),
    Min(min, { message: `$property vaut au moins ${min}` }),
    Max(max, { message: `$property vaut au plus ${max}` }),
  ];
  return (target, property) => {
    for (const decorate of decorators) decorate(target, property);
  };
}
const toBool = ({ value }: { value: string | number | boolean | undefined }) =>
  value === undefined || value === '' ? undefined : ['1', 'true', 'yes', 'oui'].includes(String(value).toLowerCase());

/**
 * Every setting of Ardoise, read once from the environment and validated at start.
 * Each variable is documented in the README ("Configuration") with its default.
 */
export class AppConfig {
  /** HTTP port of the API and the portal. */
  @IntSetting(0, 65535, 'PORT doit être un numéro de port (0 à 65535)')
  PORT = 3000;

  /** An existing PostgreSQL (read models, and events unless EventStoreDB is configured). Unset: embedded. */
  @IsOptional()
  @IsString()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL doit commencer par postgres:// ou postgresql://' })
  DATABASE_URL?: string;

  /** EventStoreDB connection string (e.g. esdb://localhost:2113?tls=false). Unset: events in PostgreSQL. */
  @IsOptional()
  @IsString()
  @Matches(/^(esdb|esdb\+discover|kurrentdb|kurrentdb\+discover):\/\//, {
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
  @IntSetting(1024, 65535)
  EMBEDDED_POSTGRES_PORT = 54329;

  /** Seed the demo town at start when the database is empty. Default: on with the embedded database. */
  @IsOptional()
  @Transform(toBool)
  SEED_DEMO?: boolean;

  /** Directory of the built portal served at `/`. */
  @IsString()
  PORTAL_DIR = 'dist/apps/portal/browser';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    message: 'LOG_LEVEL vaut fatal, error, warn, info, debug, trace ou silent',
  })
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' = 'info';

  /** Size of the PostgreSQL connection pool. */
  @IntSetting(2, 200)
  DATABASE_POOL_SIZE = 20;

  /** Giving up on connecting to PostgreSQL (or on waiting for a free pooled connection) after this many ms. */
  @IntSetting(100, 120_000)
  DATABASE_CONNECT_TIMEOUT_MS = 2_000;

  /**
   * A statement unanswered after this many ms fails (503 for the request) and is cancelled
   * on the server. 0: no limit (the `ardoise` command line's default, for long checks).
   */
  @IntSetting(0, 3_600_000)
  DATABASE_QUERY_TIMEOUT_MS = 5_000;

  /** How long a query sent with Ardoise-Min-Position waits for the read models (then 503). */
  @IntSetting(0, 30_000)
  READ_YOUR_WRITES_TIMEOUT_MS = 2000;

  /**
   * Threads that hash and check passwords (argon2id), at the lowest CPU priority so that they
   * only take the CPU the requests and PostgreSQL leave. Unset: one per core.
   */
  @IsOptional()
  @IntSetting(1, 64)
  PASSWORD_HASH_THREADS?: number;

  /** Password checks waiting for a thread beyond which a sign-in is refused at once (503, Retry-After). */
  @IntSetting(0, 100_000)
  PASSWORD_HASH_QUEUE = 1_000;

  /** A password check that has waited this long for a thread is given up (503, Retry-After). */
  @IntSetting(100, 120_000)
  PASSWORD_HASH_WAIT_MS = 5_000;

  /** A signed-in session unused this long ends. */
  @IntSetting(5, 24 * 60)
  SESSION_IDLE_MINUTES = 120;

  /** A session ends this long after login, used or not. */
  @IntSetting(1, 24 * 30)
  SESSION_ABSOLUTE_HOURS = 12;

  /** Address of the portal as families reach it, for links in e-mails. Default: http://localhost:PORT. */
  @IsOptional()
  @IsString()
  @Matches(/^https?:\/\/[^/]+/, { message: 'PUBLIC_URL doit être une adresse http(s)://…' })
  PUBLIC_URL?: string;

  /**
   * The reverse proxies in front of Ardoise whose X-Forwarded-For is believed (express
   * 'trust proxy'): addresses or networks (`10.0.0.1`, `10.0.0.0/8`, `loopback`,
   * `uniquelocal`), comma-separated, or the number of proxies. Unset: none, the client
   * address is the TCP peer's (X-Forwarded-For from anyone would let a client pick its own).
   */
  @IsOptional()
  @IsString()
  @ValidateBy({
    name: 'isTrustProxy',
    validator: {
      validate: (value) => typeof value === 'string' && parseTrustProxy(value) !== undefined,
      defaultMessage: () =>
        'TRUST_PROXY : adresses ou réseaux des proxys séparés par des virgules (10.0.0.1, 10.0.0.0/8, loopback, uniquelocal), ou leur nombre',
    },
  })
  TRUST_PROXY?: string;

  /** Days an activation link stays valid. */
  @IntSetting(1, 60)
  ACTIVATION_LINK_DAYS = 7;

  /** Tamper evidence: an anchor (running hash over every event) is written every this many events. */
  @IntSetting(1, 1_000_000)
  AUDIT_ANCHOR_INTERVAL = 1000;

  /** SMTP server (smtp://user:pass@host:587). Unset: e-mails stay in the outbox, readable by staff. */
  @IsOptional()
  @IsString()
  @Matches(/^smtps?:\/\//, { message: 'SMTP_URL doit commencer par smtp:// ou smtps://' })
  SMTP_URL?: string;

  /** Sender of Ardoise's e-mails. Default: the town's name <ne-pas-repondre@ardoise.localhost>. */
  @IsOptional()
  @IsString()
  MAIL_FROM?: string;

  /** An e-mail the SMTP server keeps refusing is given up (status `failed`) after this many attempts. */
  @IntSetting(1, 50)
  MAIL_MAX_ATTEMPTS = 8;

  /** Seconds before the first new attempt after a refusal; doubled at each attempt (at most 6 hours). */
  @IntSetting(1, 86400)
  MAIL_RETRY_SECONDS = 60;

  /** Largest attachment (Mes demandes), in megabytes. */
  @IntSetting(1, 100)
  ATTACHMENT_MAX_MB = 10;

  /** The town as it signs: header and footer of the portal, e-mails, invoices, payment pages, SEPA files. */
  @IsString()
  @Length(2, 80, { message: 'TOWN_NAME compte de 2 à 80 caractères' })
  TOWN_NAME = 'Mairie de Saint-Ardoise';

  /** The régie (régie de recettes) that issues the invoices and takes payments at the desk. */
  @IsString()
  @Length(2, 120, { message: 'TOWN_REGIE compte de 2 à 120 caractères' })
  TOWN_REGIE = 'Régie des services périscolaires de Saint-Ardoise';

  /** Postal address of the service (desk payments, written complaints). */
  @IsString()
  @Length(5, 160, { message: 'TOWN_ADDRESS compte de 5 à 160 caractères' })
  TOWN_ADDRESS = 'Hôtel de ville, 1 place de la Mairie, 41120 Saint-Ardoise';

  /** Phone number families call. */
  @IsString()
  @Matches(/^\+?[0-9 .]{8,20}$/, { message: 'TOWN_PHONE doit être un numéro de téléphone (chiffres, espaces)' })
  TOWN_PHONE = '02 54 00 12 34';

  /** E-mail address families write to (never the no-reply sender). */
  @IsEmail({}, { message: 'TOWN_EMAIL doit être une adresse e-mail' })
  TOWN_EMAIL = 'periscolaire@saint-ardoise.fr';

  /** Opening hours of the service, in words, as they follow « Accueil : ». */
  @IsString()
  @Length(5, 200, { message: 'TOWN_HOURS compte de 5 à 200 caractères' })
  TOWN_HOURS = 'du lundi au vendredi, de 8 h 30 à 12 h et de 13 h 30 à 17 h 30';

  /** The town's SIRET (14 digits, checked), printed on invoices and the legal notice. */
  @IsString()
  @Validate(ValidSiret)
  TOWN_SIRET = '21410999900018';

  /** The public accountant in charge of recovery (comptable public, DGFiP), printed on invoices. */
  @IsString()
  @Length(5, 200, { message: 'TOWN_ACCOUNTANT compte de 5 à 200 caractères' })
  TOWN_ACCOUNTANT = 'Service de gestion comptable de Blois, 3 rue de la Paix, 41000 Blois';

  /** The court where an invoice is contested (tribunal administratif), with its address. */
  @IsString()
  @Length(5, 200, { message: 'TOWN_COURT compte de 5 à 200 caractères' })
  TOWN_COURT = 'Tribunal administratif d’Orléans, 28 rue de la Bretonnerie, 45057 Orléans Cedex 1';

  /** The town's data protection officer (délégué à la protection des données). */
  @IsEmail({}, { message: 'TOWN_DPO_EMAIL doit être une adresse e-mail' })
  TOWN_DPO_EMAIL = 'dpo@saint-ardoise.fr';

  /** Main colour (#rrggbb): the portal's header, buttons and links; white text on it must stay readable. */
  @IsString()
  @Validate(ReadableOnWhite)
  TOWN_COLOR = '#1f3a5f';

  /** Second colour (#rrggbb): a stripe under the header, the invoice's rules. */
  @IsString()
  @Matches(/^#[0-9a-fA-F]{6}$/, { message: 'TOWN_ACCENT_COLOR doit être une couleur #rrggbb' })
  TOWN_ACCENT_COLOR = '#c8a415';

  /** The coat of arms or logo: an SVG or PNG file. Unset: Saint-Ardoise's demo coat of arms. */
  @IsOptional()
  @IsString()
  TOWN_LOGO_FILE?: string;

  /** A JSON file with the town's legal pages (see docs/town.md). Unset: demo pages built from the TOWN_* values. */
  @IsOptional()
  @IsString()
  TOWN_LEGAL_FILE?: string;

  /** Whether the régie accepts CESU (chèques emploi service universel) at the desk, for the care of young children. */
  @IsOptional()
  @Transform(toBool)
  TOWN_ACCEPTS_CESU?: boolean;

  /** Day of the month (1–28, Europe/Paris) on which the previous month is billed. */
  @IntSetting(1, 28, 'BILLING_RUN_DAY doit être un entier de 1 à 28')
  BILLING_RUN_DAY = 1;

  /** Hour (0–23, Europe/Paris) of the monthly billing run. */
  @IntSetting(0, 23, 'BILLING_RUN_HOUR doit être un entier de 0 à 23')
  BILLING_RUN_HOUR = 6;

  /** Days between an invoice's issue and its due date. */
  @IntSetting(1, 120)
  INVOICE_DUE_DAYS = 30;

  /** PayFIP: the town's structure id (numcli, 6 digits). */
  @IsString()
  @Matches(/^\d{6}$/, { message: 'PAYFIP_NUMCLI doit compter 6 chiffres' })
  PAYFIP_NUMCLI = '012345';

  /** PayFIP web service (SOAP) address. Unset: the test-mode double served by Ardoise itself under /payfip-sandbox. */
  @IsOptional()
  @IsString()
  @Matches(/^https?:\/\//, { message: 'PAYFIP_ENDPOINT doit être une adresse http(s)://' })
  PAYFIP_ENDPOINT?: string;

  /** PayFIP page the parent is sent to (`?idop=` is added). Required with PAYFIP_ENDPOINT. */
  @IsOptional()
  @IsString()
  @Matches(/^https?:\/\//, { message: 'PAYFIP_PAYMENT_URL doit être une adresse http(s)://' })
  PAYFIP_PAYMENT_URL?: string;

  /** PayFIP mode (saisie): T = test, X = production, W = activation. */
  @IsIn(['T', 'X', 'W'], { message: 'PAYFIP_MODE vaut T, X ou W' })
  PAYFIP_MODE: 'T' | 'X' | 'W' = 'T';

  /** SEPA creditor identifier (ICS) of the town, for direct-debit files. */
  @IsString()
  @Matches(/^[A-Z]{2}\d{2}[A-Z0-9]{3}[A-Z0-9]{1,28}$/, { message: 'SEPA_CREDITOR_ID doit être un identifiant créancier SEPA (ICS)' })
  SEPA_CREDITOR_ID = 'FR00ZZZ000000';

  /** IBAN of the town's account (Trésor public) credited by direct debits. */
  @IsString()
  @Matches(/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/, { message: 'SEPA_CREDITOR_IBAN doit être un IBAN sans espaces' })
  SEPA_CREDITOR_IBAN = 'FR7630001007941234567890185';

  /** The sender families see: the town, not the software. */
  get mailFrom(): string {
    return this.MAIL_FROM ?? `"${this.TOWN_NAME.replace(/["\\]/g, '')}" <ne-pas-repondre@ardoise.localhost>`;
  }

  get publicUrl(): string {
    return (this.PUBLIC_URL ?? `http://localhost:${this.PORT}`).replace(/\/$/, '');
  }

  /** The session cookie is `Secure` when families reach the portal over https (PUBLIC_URL). */
  get secureCookies(): boolean {
    return this.publicUrl.startsWith('https://');
  }

  /** Express's 'trust proxy' setting from TRUST_PROXY: false, a number of hops, or a list of addresses. */
  get trustProxy(): false | number | string[] {
    return parseTrustProxy(this.TRUST_PROXY) ?? false;
  }

  /** PASSWORD_HASH_THREADS, or one thread per core. */
  get passwordHashThreads(): number {
    return this.PASSWORD_HASH_THREADS ?? availableParallelism();
  }

  get embedded(): boolean {
    return !this.DATABASE_URL;
  }

  get seedDemo(): boolean {
    return this.SEED_DEMO ?? this.embedded;
  }
}

/**
 * The variables read from the environment: every property of AppConfig, each of which carries a
 * class-validator decorator (`@IsOptional` at least), so that none can be declared and forgotten.
 */
const CONFIG_VARIABLES: readonly string[] = [
  ...new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(AppConfig, '', true, false)
      .map((metadata) => metadata.propertyName),
  ),
];

export const configurationVariables = (): readonly string[] => CONFIG_VARIABLES;

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
