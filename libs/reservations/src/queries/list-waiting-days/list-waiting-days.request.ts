import { IsLocalDate } from '#ardoise/catalogue';

export class WaitingDaysQuery {
  @IsLocalDate()
  from!: string;
  @IsLocalDate()
  to!: string;
}
