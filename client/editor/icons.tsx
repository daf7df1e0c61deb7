import { Heading1, Heading2, Heading3, Heading4, Heading5, Heading6, type LucideIcon } from 'lucide-react';

const HEADING_ICONS: Record<1 | 2 | 3 | 4 | 5 | 6, LucideIcon> = {
  1: Heading1,
  2: Heading2,
  3: Heading3,
  4: Heading4,
  5: Heading5,
  6: Heading6,
};

/** The toolbar's icon for a heading of `level` ("H2" for level 2). */
export function headingIcon(level: 1 | 2 | 3 | 4 | 5 | 6): LucideIcon {
  return HEADING_ICONS[level];
}
