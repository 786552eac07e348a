/**
 * What the Playwright Test fixture hands to the reporter: names of the test attachments and the folder
 * name of a test's result. Shared by the fixture (which attaches) and the reporter (which reads), so that
 * the reporter never loads the fixture (nor `@playwright/test`'s runtime).
 */
import { slugify } from '../shared/text.js';

/** Attachment holding a test's result.json (`application/json`). */
export const RESULT_ATTACHMENT = 'ecoscore-result';

/** Prefix of a step screenshot's attachment name; the rest is its path in the result folder. */
export const SCREENSHOT_ATTACHMENT_PREFIX = 'ecoscore:';

/** Attachment name of a screenshot whose path in the result folder is `relative` (`screenshots/1/01-home.png`). */
export function screenshotAttachmentName(relative: string): string {
  return `${SCREENSHOT_ATTACHMENT_PREFIX}${relative}`;
}

/**
 * Path in the result folder of a screenshot attachment, or null when the attachment is not one (or names
 * a path outside `screenshots/`, which a result never does).
 */
export function screenshotPathOfAttachment(name: string): string | null {
  if (!name.startsWith(SCREENSHOT_ATTACHMENT_PREFIX)) return null;
  const relative = name.slice(SCREENSHOT_ATTACHMENT_PREFIX.length);
  const parts = relative.split('/');
  if (parts[0] !== 'screenshots' || parts.length < 2 || parts.some((part) => part === '' || part === '.' || part === '..' || part.includes('\\'))) return null;
  return relative;
}

/**
 * Folder name of a test's result: its describe titles and title (the file left out), slugified, with
 * the project, repeat and retry when there are some: `sign-in-record-a-measure`, `mobile-home-repeat2`.
 */
export function testSlug(titles: readonly string[], extras: { project?: string; repeatEachIndex?: number; retry?: number } = {}): string {
  const parts = [extras.project ?? '', ...titles].filter((part) => part.trim() !== '');
  // slugify cuts at 60 characters, possibly after a dash.
  let slug = slugify(parts.join(' ')).replace(/-+$/, '');
  if (extras.repeatEachIndex) slug += `-repeat${extras.repeatEachIndex}`;
  if (extras.retry) slug += `-retry${extras.retry}`;
  return slug;
}
