import type * as Y from 'yjs';
import type { DesignContent } from '../../../shared/domain/design/types';

/** What every field group of the design form gets: the doc it writes to and its current projection. */
export interface FieldProps {
  doc: Y.Doc;
  design: DesignContent;
  editable: boolean;
}
