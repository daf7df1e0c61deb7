import { QualityFrameSection } from './QualityFrameSection';
import { ReviewQueueSection } from './ReviewQueueSection';

/** What a toetsingscommissie's team page adds: its queue and its quality frame. */
export function CommitteeSections({
  teamId,
  version,
  canEditFrame,
}: {
  teamId: string;
  version: number;
  canEditFrame: boolean;
}) {
  return (
    <>
      <ReviewQueueSection teamId={teamId} version={version} />
      <QualityFrameSection teamId={teamId} canEdit={canEditFrame} />
    </>
  );
}
