import { Query } from '@nestjs/cqrs';
import type { Tariff } from '../../domain/tariff.js';

/** Every version of every service's price grid. */
export class ListTariffs extends Query<Tariff[]> {}
