/**
 * Mobile driver (Android and iOS apps, mobile browsers) through Appium 3 and WebdriverIO: the entry point of
 * the modules under appium/ — capabilities, credentials, the WebDriver client, locators, gestures, masked
 * screenshots, the session and the driver. See docs/mobile.md.
 */
export { automationOf, capabilitiesFor, dialectOf, isLocalAppPath, logsPerformance, mergeCapabilities, type AutomationDialect, type Capabilities, type MobileTarget } from './appium/capabilities.js';
export { connectWithWebdriverIO, sensitiveText, type ConnectFunction, type WebDriverClient } from './appium/client.js';
export { connectionOptions, credentialsOf, redactCapabilities, redactTarget, redactUrl, scrubCredentials, splitCredentials, type ConnectionOptions } from './appium/credentials.js';
export { openAppiumDriver, type AppiumDriver, type AppiumDriverOptions } from './appium/driver.js';
export { describeLocator, strategiesFor, xpathLiteral } from './appium/locators.js';
export { paintRectangles } from './appium/screenshot.js';
export { AppiumSession, type SessionOptions } from './appium/session.js';
