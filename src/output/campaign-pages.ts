/** The pages of a campaign (index.html, index.md), written beside its campaign.json. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderCampaignIndexHtml, renderCampaignIndexMarkdown } from '../report/campaign-index.js';
import type { CampaignIndex } from '../result/campaign.js';
import { stripControlCharactersDeep } from '../shared/text.js';

/** Writes index.html and index.md of a campaign beside its campaign.json. */
export async function writeCampaignPages(input: CampaignIndex, outDir: string): Promise<void> {
  const index = stripControlCharactersDeep(input);
  await writeFile(join(outDir, 'index.html'), renderCampaignIndexHtml(index));
  await writeFile(join(outDir, 'index.md'), renderCampaignIndexMarkdown(index));
}
