import type * as Y from 'yjs';
import type { LeerarrangementContent } from '../../../shared/domain/leerarrangement/types';

/** What every field group of the design form gets: the doc it writes to and its current projection. */
export interface FieldProps {
  doc: Y.Doc;
  design: LeerarrangementContent;
  editable: boolean;
}
