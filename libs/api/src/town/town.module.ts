import { Module } from '@nestjs/common';
import { TownController } from './town.controller.js';

/** GET /api/v1/town…: the town (its `Town` comes from the core module, built from the TOWN_* settings). */
@Module({ controllers: [TownController] })
export class TownModule {}
