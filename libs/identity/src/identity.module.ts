import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { Kysely } from 'kysely';
import { DATABASE } from '#ardoise/database';
import { AppConfig } from '#ardoise/runtime';
import { AccessGuard } from './access/access.guard.js';
import { AccountStore } from './accounts/account-store.js';
import { PasswordsController } from './passwords/passwords.controller.js';
import { PasswordResetController } from './passwords/password-reset.controller.js';
import { EmailChangeController } from './accounts/email-change.controller.js';
import { PostgresThrottlerStorage } from './rate-limits/postgres-throttler-storage.js';
import { RATE_LIMIT_STORAGE } from './rate-limits/rate-limit.guard.js';
import { LoginThrottle } from './sessions/login-throttle.js';
import { SessionsController } from './sessions/sessions.controller.js';
import { SessionCookies } from './sessions/session-cookies.js';
import { SessionStore } from './sessions/session-store.js';
import { CreateStaffAccountService } from './staff/create-staff-account.service.js';
import { StaffAccountChangesService } from './staff/staff-account-changes.service.js';
import { StaffAccountsController } from './staff/staff-accounts.controller.js';
import { OneTimeTokenStore } from './tokens/one-time-token-store.js';

/** Logins, sessions, one-time links, rate limits, and the guard every endpoint goes through. */
@Global()
@Module({
  controllers: [SessionsController, PasswordsController, PasswordResetController, EmailChangeController, StaffAccountsController],
  providers: [
    { provide: AccountStore, inject: [DATABASE], useFactory: (db: Kysely<any>) => new AccountStore(db) },
    { provide: OneTimeTokenStore, inject: [DATABASE], useFactory: (db: Kysely<any>) => new OneTimeTokenStore(db) },
    { provide: LoginThrottle, inject: [DATABASE], useFactory: (db: Kysely<any>) => new LoginThrottle(db) },
    {
      provide: SessionStore,
      inject: [DATABASE, AppConfig],
      useFactory: (db: Kysely<any>, config: AppConfig) =>
        new SessionStore(db, { idleMinutes: config.SESSION_IDLE_MINUTES, absoluteHours: config.SESSION_ABSOLUTE_HOURS }),
    },
    { provide: RATE_LIMIT_STORAGE, inject: [DATABASE], useFactory: (db: Kysely<any>) => new PostgresThrottlerStorage(db) },
    { provide: SessionCookies, inject: [AppConfig], useFactory: (config: AppConfig) => new SessionCookies(config.secureCookies) },
    CreateStaffAccountService,
    StaffAccountChangesService,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [AccountStore, OneTimeTokenStore, SessionStore, SessionCookies, RATE_LIMIT_STORAGE, CreateStaffAccountService],
})
export class IdentityModule {}
