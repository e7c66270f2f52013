import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min, ValidateIf } from 'class-validator';

export class ChangeCapacityRequest {
  /** Places per day; null: no limit. */
  @ApiProperty({ type: Number, nullable: true, minimum: 1, maximum: 10_000, description: 'Places par jour ; null : sans limite' })
  @ValidateIf((r: ChangeCapacityRequest) => r.dailyCapacity !== null)
  @IsInt()
  @Min(1)
  @Max(10_000)
  dailyCapacity!: number | null;
}
