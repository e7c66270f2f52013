import { Command } from '@nestjs/cqrs';
import type { CookieWrite } from '../../sessions/session-cookies.js';

/** The signed-in person ends this session (the one whose token hashes to `sessionTokenHash`). */
export class LogOut extends Command<{ cookies: CookieWrite[] }> {
  constructor(readonly sessionTokenHash: string) {
    super();
  }
}
