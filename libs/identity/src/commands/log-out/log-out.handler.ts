import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SessionCookies } from '../../sessions/session-cookies.js';
import { SessionStore } from '../../sessions/session-store.js';
import { LogOut } from './log-out.command.js';

@CommandHandler(LogOut)
export class LogOutHandler implements ICommandHandler<LogOut> {
  constructor(
    @Inject(SessionStore) private readonly sessions: SessionStore,
    @Inject(SessionCookies) private readonly cookies: SessionCookies,
  ) {}

  async execute({ sessionTokenHash }: LogOut) {
    await this.sessions.close(sessionTokenHash);
    return { cookies: this.cookies.closing() };
  }
}
