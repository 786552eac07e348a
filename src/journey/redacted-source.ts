/**
 * The journey text that results and evidence keep (`result.journey.source`, `evidence/journey.yaml`):
 * rebuilt from the parsed YAML document, never by editing the text, so that no quoting, escaping, folding
 * or anchor can carry a secret through.
 *
 * In the document:
 * - the value of every `fill` that is secret (`secret: true`, or typed from `${env:…}`) is replaced: its
 *   literal text by {@link SECRET_PLACEHOLDER}, its placeholders kept by name;
 * - every `${env:NAME:-default}` keeps its name and loses its default (`${env:NAME:-[secret]}`): a
 *   default is often the secret itself (the demo's password);
 * - every other string value, and every comment, is passed through the redactor of the journey's secrets
 *   and defaults. Keys are kept as written.
 */
import { isAlias, isScalar, visit, type Document, type Node } from 'yaml';
import { Redactor, SECRET_PLACEHOLDER } from './secrets.js';
import { PLACEHOLDER_PATTERN } from './placeholders.js';

/** Hides the default of every `${env:NAME:-default}` of a string. */
function hideEnvDefaults(text: string): string {
  return text.replace(PLACEHOLDER_PATTERN, (whole, kind: string, name: string, fallback?: string) =>
    kind === 'env' && fallback !== undefined ? `\${env:${name}:-${SECRET_PLACEHOLDER}}` : whole,
  );
}

/** A secret fill value: its placeholders by name (defaults hidden), everything else replaced. */
function secretValue(text: string): string {
  const parts: string[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER_PATTERN)) {
    if (match.index > last) parts.push(SECRET_PLACEHOLDER);
    parts.push(hideEnvDefaults(match[0]));
    last = match.index + match[0].length;
  }
  if (last < text.length || parts.length === 0) parts.push(SECRET_PLACEHOLDER);
  return parts.join('');
}

type Commented = { comment?: string | null; commentBefore?: string | null };

function redactComments(target: Commented, redactor: Redactor): void {
  if (typeof target.comment === 'string') target.comment = redactor.redact(target.comment);
  if (typeof target.commentBefore === 'string') target.commentBefore = redactor.redact(target.commentBefore);
}

/**
 * The redacted text of a journey document. `secretPaths` are the paths of secret `fill` values;
 * `hidden` holds every secret and every `${env:…}` default, searched in the other values and comments.
 * The document is not modified.
 */
export function redactedSource(document: Document, secretPaths: ReadonlyArray<ReadonlyArray<PropertyKey>>, hidden: Iterable<string>): string {
  const doc = document.clone();
  const redactor = new Redactor(hidden);
  const secretNodes = new Set<Node>();
  for (const path of secretPaths) {
    let node = doc.getIn(path as PropertyKey[], true) as Node | undefined;
    if (node && isAlias(node)) node = node.resolve(doc) as Node | undefined;
    if (node) secretNodes.add(node);
  }
  redactComments(doc, redactor);
  visit(doc, {
    Node(key, node) {
      redactComments(node as Commented, redactor);
      if (key === 'key' || !isScalar(node)) return;
      if (secretNodes.has(node)) {
        node.value = secretValue(typeof node.value === 'string' ? node.value : String(node.value));
        // A literal number or boolean becomes the placeholder string.
        if (node.type === 'PLAIN' && typeof node.value === 'string') node.type = 'QUOTE_DOUBLE';
        return;
      }
      if (typeof node.value === 'string') {
        const value = redactor.redact(hideEnvDefaults(node.value));
        if (value !== node.value) node.value = value;
      }
    },
  });
  // Anchored secret values are replaced where they are defined; aliases stay aliases.
  return doc.toString({ lineWidth: 0 });
}
