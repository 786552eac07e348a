/**
 * Journey locators as WebDriver find strategies, per automation: Android native (UiAutomator2:
 * `new UiSelector().text("…")`, resource-id, accessibility id), iOS native (XCUITest: predicate strings),
 * mobile browsers and Appium's Chromium driver (CSS and XPath on the page, like the web driver's text / role /
 * label semantics), and any other driver (XPath on `@text`, e.g. Appium's fake driver). Pure. See docs/mobile.md.
 */
import type { Locator } from '../../journey/schema.js';
import type { AutomationDialect } from './capabilities.js';

/** Keys of a W3C element reference (and the legacy JSONWP one). */
export const ELEMENT_KEYS = ['element-6066-11e4-a52e-4f735466cecf', 'ELEMENT'];

/** XPath string literal for any text (concat() when it holds both quote kinds). */
export function xpathLiteral(text: string): string {
  if (!text.includes('"')) return `"${text}"`;
  if (!text.includes("'")) return `'${text}'`;
  return `concat(${text.split('"').map((part) => `"${part}"`).join(`, '"', `)})`;
}

/** Java string literal for UiSelector expressions. */
function javaLiteral(text: string): string {
  return JSON.stringify(text);
}

/** A locator as WebDriver find strategies, tried in order (the first with a displayed match wins). */
export function strategiesFor(locator: Locator, dialect: AutomationDialect): Array<[string, string]> {
  const exact = locator.exact ?? false;
  if (locator.xpath !== undefined) return [['xpath', locator.xpath]];
  if (dialect === 'web') {
    if (locator.text !== undefined) {
      const text = xpathLiteral(locator.text);
      const whole = `//body//*[normalize-space(.)=${text}][not(descendant::*[normalize-space(.)=${text}])]`;
      const part = `//body//*[contains(normalize-space(.), ${text})][not(descendant::*[contains(normalize-space(.), ${text})])]`;
      return exact ? [['xpath', whole]] : [['xpath', whole], ['xpath', part]];
    }
    if (locator.selector !== undefined) return [['css selector', locator.selector]];
    if (locator.id !== undefined) return [['css selector', `[id=${JSON.stringify(locator.id)}]`]];
    if (locator.accessibilityId !== undefined) return [['css selector', `[aria-label=${JSON.stringify(locator.accessibilityId)}]`]];
    if (locator.role !== undefined) {
      const name = locator.name === undefined ? null : xpathLiteral(locator.name);
      const named = (accessibleText: string) => (name === null ? '' : exact ? `[${accessibleText}=${name}]` : `[contains(${accessibleText}, ${name})]`);
      const byText = named('normalize-space(.)');
      const byLabel = named('@aria-label');
      const native: Record<string, string[]> = {
        button: ['button', 'input[@type="submit" or @type="button" or @type="reset"]'],
        link: ['a[@href]'],
        heading: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
        textbox: ['input[not(@type) or @type="text" or @type="email" or @type="password" or @type="search" or @type="tel" or @type="url" or @type="number"]', 'textarea'],
        checkbox: ['input[@type="checkbox"]'],
        radio: ['input[@type="radio"]'],
      };
      const tags = native[locator.role] ?? [];
      const paths = [...tags.flatMap((tag) => [`//${tag}${byText}`, `//${tag}${byLabel}`]), `//*[@role=${xpathLiteral(locator.role)}]${byText}`, `//*[@role=${xpathLiteral(locator.role)}]${byLabel}`];
      if (locator.role === 'button' && name !== null) paths.push(`//input[@type="submit" or @type="button"][@value=${name}]`);
      return [['xpath', paths.join(' | ')]];
    }
    if (locator.label !== undefined) {
      const label = xpathLiteral(locator.label);
      const match = exact ? `normalize-space(.)=${label}` : `contains(normalize-space(.), ${label})`;
      const field = '*[self::input or self::textarea or self::select]';
      return [['xpath', `//${field}[@id=//label[${match}]/@for] | //label[${match}]//${field} | //${field}[@aria-label=${label}]`]];
    }
  }
  if (locator.role !== undefined || locator.label !== undefined) {
    throw new Error(`${locator.role !== undefined ? '`role`' : '`label`'} locators work in mobile browsers only; on native apps use text, id, accessibilityId or xpath`);
  }
  if (dialect === 'uiautomator2') {
    if (locator.text !== undefined) {
      const whole: [string, string] = ['-android uiautomator', `new UiSelector().text(${javaLiteral(locator.text)})`];
      return exact ? [whole] : [whole, ['-android uiautomator', `new UiSelector().textContains(${javaLiteral(locator.text)})`]];
    }
    if (locator.id !== undefined) return [['id', locator.id]];
    if (locator.accessibilityId !== undefined) return [['accessibility id', locator.accessibilityId]];
    return [['css selector', locator.selector!]];
  }
  if (dialect === 'xcuitest') {
    if (locator.text !== undefined) {
      const text = JSON.stringify(locator.text);
      const whole: [string, string] = ['-ios predicate string', `label == ${text} OR value == ${text} OR name == ${text}`];
      return exact ? [whole] : [whole, ['-ios predicate string', `label CONTAINS ${text} OR value CONTAINS ${text}`]];
    }
    if (locator.id !== undefined) return [['id', locator.id]];
    if (locator.accessibilityId !== undefined) return [['accessibility id', locator.accessibilityId]];
    throw new Error('CSS `selector` locators do not exist on iOS native apps; use text, id, accessibilityId or xpath');
  }
  // Other drivers (Appium's fake driver, custom drivers): XPath on the source's `text` attribute.
  if (locator.text !== undefined) {
    const text = xpathLiteral(locator.text);
    const whole: [string, string] = ['xpath', `//*[@text=${text}]`];
    return exact ? [whole] : [whole, ['xpath', `//*[contains(@text, ${text})]`]];
  }
  if (locator.id !== undefined) return [['id', locator.id]];
  if (locator.accessibilityId !== undefined) return [['accessibility id', locator.accessibilityId]];
  return [['css selector', locator.selector!]];
}

/** `text "Mesures"`, `id "systolic"`… for error messages. */
export function describeLocator(locator: Locator): string {
  return Object.entries(locator)
    .filter(([key]) => key !== 'exact')
    .map(([key, value]) => `${key} ${JSON.stringify(value)}`)
    .join(' ');
}

/** The id of an element reference. */
export function elementIdOf(reference: Record<string, string>): string {
  for (const key of ELEMENT_KEYS) if (typeof reference[key] === 'string') return reference[key];
  const first = Object.values(reference)[0];
  if (typeof first !== 'string') throw new Error('the server returned an element without an id');
  return first;
}

/** An element reference for script arguments. */
export function elementReference(id: string): Record<string, string> {
  return { [ELEMENT_KEYS[0]]: id, ELEMENT: id };
}

/** WebDriver key values (W3C WebDriver §17.4.2) of the keys journeys name. */
export const WEBDRIVER_KEYS: Record<string, string> = {
  Enter: '\uE007',
  Return: '\uE006',
  Tab: '\uE004',
  Escape: '\uE00C',
  Backspace: '\uE003',
  Delete: '\uE017',
  Space: '\uE00D',
  ArrowUp: '\uE013',
  ArrowDown: '\uE015',
  ArrowLeft: '\uE012',
  ArrowRight: '\uE014',
  PageUp: '\uE00E',
  PageDown: '\uE00F',
  Home: '\uE011',
  End: '\uE010',
};

/** Android KeyEvent codes (android.view.KeyEvent) for `mobile: pressKey`. */
export const ANDROID_KEYCODES: Record<string, number> = {
  Enter: 66,
  Return: 66,
  Tab: 61,
  Escape: 111,
  Backspace: 67,
  Delete: 112,
  Space: 62,
  ArrowUp: 19,
  ArrowDown: 20,
  ArrowLeft: 21,
  ArrowRight: 22,
  Back: 4,
  Home: 3,
  Search: 84,
  Menu: 82,
};

