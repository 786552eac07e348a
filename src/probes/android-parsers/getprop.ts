/**
 * Parser of Android's `getprop` output (`[ro.product.model]: [Pixel 8]`, one property a line), and the device
 * facts a result records. Pure.
 */

/** The properties of a `getprop` listing; values without brackets (a single `getprop NAME`) are not read here. */
export function parseGetprop(text: string): Map<string, string> {
  const properties = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const match = /^\[([^\]]+)\]: \[(.*)\]\s*$/.exec(line);
    if (match) properties.set(match[1], match[2]);
  }
  return properties;
}

/** What a result records about the phone measured. Missing properties are null. */
export interface AndroidDeviceFacts {
  model: string | null;
  manufacturer: string | null;
  /** `ro.build.version.release`, e.g. `14`. */
  androidVersion: string | null;
  /** API level, `ro.build.version.sdk`. */
  sdk: number | null;
  /** `ro.build.fingerprint`: brand/product/device:version/build id/incremental:type/tags. */
  fingerprint: string | null;
}

/** The device facts of a `getprop` listing. */
export function deviceFactsOf(properties: Map<string, string>): AndroidDeviceFacts {
  const value = (key: string) => {
    const found = properties.get(key)?.trim();
    return found ? found : null;
  };
  const sdk = value('ro.build.version.sdk');
  return {
    model: value('ro.product.model'),
    manufacturer: value('ro.product.manufacturer'),
    androidVersion: value('ro.build.version.release'),
    sdk: sdk !== null && /^\d+$/.test(sdk) ? Number(sdk) : null,
    fingerprint: value('ro.build.fingerprint'),
  };
}
