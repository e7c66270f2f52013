import { Command } from '@nestjs/cqrs';

export interface RequestedSlot {
  childId: string;
  serviceCode: string;
  date: string;
}

export interface BasketLineView extends RequestedSlot {
  reservationId: string;
}

export interface SkippedDay extends RequestedSlot {
  code: string;
  message: string;
}

/** Days put in the basket; with `skipImpossible`, days that cannot be booked are listed instead of refused. */
export class RequestReservations extends Command<{ added: BasketLineView[]; alreadyInBasket: BasketLineView[]; skipped: SkippedDay[] }> {
  constructor(
    readonly familyId: string,
    readonly slots: RequestedSlot[],
    readonly skipImpossible: boolean,
  ) {
    super();
  }
}
