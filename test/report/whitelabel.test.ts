/**
 * Renderers of the white-label statement: JSON as computed, Markdown and a self-contained bilingual HTML
 * page to attach to the ethics questionnaire, with every string from a result escaped.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { variantMaker } from '../helpers/whitelabel-variants.js';
import { whiteLabelStatement, type WhiteLabelInput, type WhiteLabelStatement } from '../../src/methodology/whitelabel.js';
import { publishedWhiteLabelStatement, whiteLabelRuleText, whiteLabelWarningText } from '../../src/report/i18n-whitelabel.js';
import { renderWhiteLabelHtml, renderWhiteLabelJson, renderWhiteLabelMarkdown } from '../../src/report/whitelabel.js';

const AT = '2026-11-22T10:00:00.000Z';
const XSS = '<script>alert(1)</script>';

let variant: Awaited<ReturnType<typeof variantMaker>>;
beforeAll(async () => {
  variant = await variantMaker();
});

function statementWithHostileNames(): WhiteLabelStatement {
  return whiteLabelStatement(
    [
      variant(XSS, 86.43, 1, (r) => {
        r.journey.name = `<img src=x onerror=alert(2)> & "quotes"`;
        r.environment.device = { ...r.environment.device, name: '<b>phone</b>' };
      }),
      variant('beta', 70.5, 1.5),
      variant('gamma', 91.2, 0.8),
    ],
    { estimate: 'delta | <i>', generatedAt: AT, tool: { name: 'ecoscore', version: '0.1.0' } },
  );
}

/** Text of the page without tags, entities decoded (enough for assertions on what a reader sees). */
const visible = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describe('renderWhiteLabelJson', () => {
  it('is the statement itself with its sentences, indented, with a final newline', () => {
    const statement = statementWithHostileNames();
    const json = renderWhiteLabelJson(statement);
    expect(json.endsWith('}\n')).toBe(true);
    expect(JSON.parse(json)).toEqual(publishedWhiteLabelStatement(statement));
  });
});

describe('renderWhiteLabelHtml', () => {
  it('escapes every string that comes from a result or the options', () => {
    const html = renderWhiteLabelHtml(statementWithHostileNames());
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>phone');
    expect(html).not.toContain('<i>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(2)&gt; &amp; &quot;quotes&quot;');
  });

  it('is French first with English below, each with the table of every indicator', () => {
    const html = renderWhiteLabelHtml(statementWithHostileNames());
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="fr">/);
    // Nothing but its inline style may load: no script, no outside resource.
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'`);
    const fr = html.indexOf('<section class="statement" lang="fr"');
    const en = html.indexOf('<section class="statement" lang="en"');
    expect(fr).toBeGreaterThan(0);
    expect(en).toBeGreaterThan(fr);
    const text = visible(html);
    for (const header of ['Indicateur', 'Minimum', 'Maximum', 'Valeur estimée retenue', 'Unité', 'Indicator', 'Estimated value retained', 'Unit']) {
      expect(text).toContain(header);
    }
    for (const label of ['Écoscore', 'Score énergie', 'Score performance', 'Score données', 'Énergie par parcours', 'Données échangées par parcours', 'Durée du parcours', 'Gaz à effet de serre par parcours', 'Eau par parcours', 'Ressources abiotiques par parcours']) {
      expect(text).toContain(label);
    }
    for (const label of ['Ecoscore', 'Energy score', 'Performance score', 'Data score', 'Energy per journey', 'Data transferred per journey', 'Journey duration', 'Greenhouse gases per journey', 'Water per journey', 'Abiotic resources per journey']) {
      expect(text).toContain(label);
    }
    expect(html.match(/<table class="values">/g)).toHaveLength(2);
    expect(html.match(/<td class="num retained">/g)).toHaveLength(20);
  });

  it('puts English first on request', () => {
    const html = renderWhiteLabelHtml(statementWithHostileNames(), { lang: 'en' });
    expect(html).toMatch(/<html lang="en">/);
    expect(html.indexOf('lang="en" id="en"')).toBeLessThan(html.indexOf('lang="fr" id="fr"'));
  });

  it('states the estimated values with French and English number formats, the rule, the variants and the warnings', () => {
    const statement = statementWithHostileNames();
    const text = visible(renderWhiteLabelHtml(statement));
    // median of 86.43, 70.5, 91.2 = 86.43 → grade of that variant (A)
    expect(text).toContain('Écoscore retenu : 86,4 /100 — note A');
    expect(text).toContain('Ecoscore retained: 86.4 /100 — grade A');
    // bytes (recorded: 3,767,685): min 0.8 × = 3.01 MB, max 1.5 × = 5.65 MB, median 3.77 MB, one unit for the row
    expect(text).toMatch(/Données échangées par parcours 3,01 gamma 5,65 beta 3,77 médiane des variantes Mo/);
    expect(text).toMatch(/Data transferred per journey 3\.01 gamma 5\.65 beta 3\.77 median of the variants MB/);
    expect(text).toContain(whiteLabelRuleText(statement.rule, 'fr'));
    expect(text).toContain(whiteLabelRuleText(statement.rule, 'en'));
    for (const name of [XSS, 'beta', 'gamma']) expect(text).toContain(name);
    expect(text).toContain('mid-range-phone');
    expect(text).toContain('wifi');
    expect(text).toContain('1 décembre 2026'); // the recorded run's start
    for (const warning of statement.warnings) {
      expect(text).toContain(whiteLabelWarningText(warning, 'fr'));
      expect(text).toContain(whiteLabelWarningText(warning, 'en'));
    }
    expect(text).toContain('annexe 12.1');
    expect(text).toContain('annex 12.1');
  });

  it('is self-contained and printable: no script, no request to another host, print CSS', () => {
    const html = renderWhiteLabelHtml(statementWithHostileNames());
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(html).toContain('@media print');
    expect(html).toMatch(/break-before: page/);
  });
});

describe('renderWhiteLabelMarkdown', () => {
  it('has a row per indicator with both languages, and escapes names', () => {
    const statement = statementWithHostileNames();
    const md = renderWhiteLabelMarkdown(statement);
    expect(md.startsWith('## White-label statement (déclaration marque blanche) — delta \\| &lt;i&gt;\n')).toBe(true);
    expect(md).not.toContain('<script>');
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const rows = md.split('\n').filter((l) => /^\| [A-Z].* \(.*\) \| /.test(l) && !l.startsWith('| Indicator') && !l.startsWith('| Variant'));
    expect(rows).toHaveLength(10);
    expect(md).toContain('| Ecoscore (Écoscore) | 70.5 (beta) | 91.2 (gamma) | **86.4** | /100 | median of the variants (médiane des variantes) |');
    expect(md).toContain('| Data transferred per journey (Données échangées par parcours) | 3.01 (gamma) | 5.65 (beta) | **3.77** | MB |');
    expect(md).toContain('estimated value retained (valeur estimée retenue)'.replace('estimated', 'Estimated'));
    expect(md).not.toMatch(/https?:\/\//);
  });
});
