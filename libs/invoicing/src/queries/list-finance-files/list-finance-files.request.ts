import { IsIn, IsOptional } from 'class-validator';

export class FilesQuery {
  @IsOptional() @IsIn(['sepa_collection', 'collection_titles'], { message: 'Type de fichier inconnu (sepa_collection, collection_titles).' }) kind?: string;
}
