import { searchCatalog } from '../catalog/catalogApi';
import { getDesign } from '../designs/designsApi';
import { listTeamDocuments } from '../teams/teamsApi';

/** A leerarrangement that can be added: the team's own, or another team's from the catalog. */
export interface Candidate {
  id: string;
  title: string;
  /** Set for another team's approved design. */
  teamName: string | null;
}

/** The key the candidate loaders take: the traject's team and template version. */
export const candidatesKey = (teamId: string, versionId: string) => `${teamId}|${versionId}`;

/** The team's designs pinned to `versionId` (one request per design for its pinned version). */
export async function teamDesigns(key: string): Promise<Candidate[]> {
  const [teamId = '', versionId = ''] = key.split('|');
  const documents = (await listTeamDocuments(teamId)).filter((doc) => doc.kind === 'leerarrangement');
  const infos = await Promise.all(documents.map((doc) => getDesign(doc.id).catch(() => null)));
  return infos.flatMap((info) =>
    info && info.template.id === versionId ? [{ id: info.id, title: info.title, teamName: null }] : [],
  );
}

/** Other teams' approved designs on `versionId`, from the public catalog. */
export async function catalogDesigns(key: string): Promise<Candidate[]> {
  const [teamId = '', versionId = ''] = key.split('|');
  const items = await searchCatalog({ templateId: versionId });
  return items
    .filter((item) => item.team.id !== teamId && item.template.id === versionId)
    .map((item) => ({ id: item.id, title: item.title, teamName: item.team.name }));
}
