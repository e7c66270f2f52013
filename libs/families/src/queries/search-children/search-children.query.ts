import { Query } from '@nestjs/cqrs';

export interface ChildFoundView {
  childId: string;
  familyId: string;
  firstName: string | null;
  lastName: string | null;
  school: string | null;
  className: string | null;
}

/** Agents find a child by name (the attendance sheet: a child present without a booking). No health data here. */
export class SearchChildren extends Query<ChildFoundView[]> {
  constructor(readonly text: string) {
    super();
  }
}
