import { Query } from '@nestjs/cqrs';
import type { ServiceView } from '#ardoise/contracts';

export class ListServices extends Query<ServiceView[]> {}
