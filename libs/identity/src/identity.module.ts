import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { Kysely } from 'kysely';
import { DATABASE } from '#ardoise/database';
import { AppConfig } from '#ardoise/runtime';
import { AccessGuard } from './access/access.guard.js';
import { AccountStore } from './accounts/account-store.js';
import { PasswordHasher } from './accounts/password-hasher.js';
import { ChangePasswordHandler } from './commands/change-password/change-password.handler.js';
import { ChangeStaffRoleHandler } from './commands/change-staff-role/change-staff-role.handler.js';
import { ConfirmEmailChangeHandler } from './commands/confirm-email-change/confirm-email-change.handler.js';
import { CreateStaffAccountHandler } from './commands/create-staff-account/create-staff-account.handler.js';
import { DisableStaffAccountHandler } from './commands/disable-staff-account/disable-staff-account.handler.js';
import { EnableStaffAccountHandler } from './commands/enable-staff-account/enable-staff-account.handler.js';
import { LogInHandler } from './commands/log-in/log-in.handler.js';
import { LogOutHandler } from './commands/log-out/log-out.handler.js';
import { RequestEmailChangeHandler } from './commands/request-email-change/request-email-change.handler.js';
import { RequestPasswordResetHandler } from './commands/request-password-reset/request-password-reset.handler.js';
import { ResetPasswordHandler } from './commands/reset-password/reset-password.handler.js';
import { SetStaffPasswordHandler } from './commands/set-staff-password/set-staff-password.handler.js';
import { EmailChangeController } from './http/email-change.controller.js';
import { PasswordResetController } from './http/password-reset.controller.js';
import { PasswordsController } from './http/passwords.controller.js';
import { SessionsController } from './http/sessions.controller.js';
import { StaffAccountsController } from './http/staff-accounts.controller.js';
import type { IdentityDatabase } from './projections/identity-database.js';
import { ListStaffAccountsHandler } from './queries/list-staff-accounts/list-staff-accounts.handler.js';
import { AccountReader } from './readers/account-reader.js';
import { PostgresThrottlerStorage } from './rate-limits/postgres-throttler-storage.js';
import { RATE_LIMIT_STORAGE } from './rate-limits/rate-limit.guard.js';
import { LoginThrottle } from './sessions/login-throttle.js';
import { SessionCookies } from './sessions/session-cookies.js';
import { SessionStore } from './sessions/session-store.js';
import { StaffAccountWriter } from './staff/staff-account-writer.js';
import { OneTimeTokenStore } from './tokens/one-time-token-store.js';

/** Logins, sessions, one-time links, rate limits, and the guard every endpoint goes through. */
@Global()
@Module({
  controllers: [SessionsController, PasswordsController, PasswordResetController, EmailChangeController, StaffAccountsController],
  providers: [
    {
      provide: PasswordHasher,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        new PasswordHasher({ threads: config.passwordHashThreads, queue: config.PASSWORD_HASH_QUEUE, waitMs: config.PASSWORD_HASH_WAIT_MS }),
    },
    {
      provide: AccountStore,
      inject: [DATABASE, PasswordHasher],
      useFactory: (db: Kysely<IdentityDatabase>, passwords: PasswordHasher) => new AccountStore(db, passwords),
    },
    { provide: AccountReader, inject: [DATABASE], useFactory: (db: Kysely<IdentityDatabase>) => new AccountReader(db) },
    { provide: OneTimeTokenStore, inject: [DATABASE], useFactory: (db: Kysely<IdentityDatabase>) => new OneTimeTokenStore(db) },
    { provide: LoginThrottle, inject: [DATABASE], useFactory: (db: Kysely<IdentityDatabase>) => new LoginThrottle(db) },
    {
      provide: SessionStore,
      inject: [DATABASE, AppConfig],
      useFactory: (db: Kysely<IdentityDatabase>, config: AppConfig) =>
        new SessionStore(db, { idleMinutes: config.SESSION_IDLE_MINUTES, absoluteHours: config.SESSION_ABSOLUTE_HOURS }),
    },
    { provide: RATE_LIMIT_STORAGE, inject: [DATABASE], useFactory: (db: Kysely<IdentityDatabase>) => new PostgresThrottlerStorage(db) },
    { provide: SessionCookies, inject: [AppConfig], useFactory: (config: AppConfig) => new SessionCookies(config.secureCookies) },
    StaffAccountWriter,
    LogInHandler,
    LogOutHandler,
    ChangePasswordHandler,
    RequestPasswordResetHandler,
    ResetPasswordHandler,
    RequestEmailChangeHandler,
    ConfirmEmailChangeHandler,
    CreateStaffAccountHandler,
    ChangeStaffRoleHandler,
    DisableStaffAccountHandler,
    EnableStaffAccountHandler,
    SetStaffPasswordHandler,
    ListStaffAccountsHandler,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [PasswordHasher, AccountStore, AccountReader, OneTimeTokenStore, SessionStore, SessionCookies, RATE_LIMIT_STORAGE],
})
export class IdentityModule {}
