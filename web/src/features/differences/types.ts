// The differences report's shapes, from the OpenAPI document.
import type { ResponseOf } from '../../api/models';

export type DifferencesReport = ResponseOf<'/api/inventories/{id}/differences', 'get'>;
export type DifferenceLine = DifferencesReport['items'][number];
