/**
 * Parsers of per-uid network counters. Pure.
 *
 * - `dumpsys netstats detail` (Android 4+): the `UID stats:` section lists, per network identity, uid, set
 *   (DEFAULT / FOREGROUND) and tag, a history of buckets `st=… rb=<rx bytes> rp=… tb=<tx bytes> tp=… op=…`.
 *   A uid's traffic is the sum of its `tag=0x0` entries (tagged entries are subsets of it). Format of AOSP
 *   `NetworkStatsService.dump` and `NetworkStatsHistory.dump`.
 * - `/proc/net/xt_qtaguid/stats` (Android ≤ 8; removed in Android 9/10): columns `idx iface acct_tag_hex
 *   uid_tag_int cnt_set rx_bytes rx_packets tx_bytes tx_packets …`; rows with `acct_tag_hex` 0x0 are the
 *   untagged totals.
 *
 * No recorded output of either command was found under a licence that allows copying: these parsers follow
 * the AOSP / kernel formats and are untested on a recording (docs/mobile.md).
 */

/** Bytes received and sent by one uid, as counted so far. */
export interface UidBytes {
  rxBytes: number;
  txBytes: number;
}

/** Sums a uid's untagged traffic in the `UID stats:` section of `dumpsys netstats detail`; null when the uid has none. */
export function parseNetstatsUidBytes(text: string, uid: number): UidBytes | null {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((line) => /^(Detailed )?UID stats:/.test(line.trim()));
  if (start < 0) throw new Error('no "UID stats:" section in the `dumpsys netstats detail` output');
  let inUid = false;
  let found = false;
  const total: UidBytes = { rxBytes: 0, txBytes: 0 };
  for (let index = start + 1; index < lines.length; index++) {
    const line = lines[index];
    if (/^\S/.test(line)) break; // the next section
    const ident = /\buid=(-?\d+)\b.*\btag=(0x[0-9a-f]+)/i.exec(line);
    if (/\bident=/.test(line)) {
      inUid = ident !== null && Number(ident[1]) === uid && /^0x0+$/i.test(ident[2]);
      continue;
    }
    if (!inUid) continue;
    const bucket = /\brb=(\d+)\b.*\btb=(\d+)\b/.exec(line);
    if (bucket) {
      found = true;
      total.rxBytes += Number(bucket[1]);
      total.txBytes += Number(bucket[2]);
    }
  }
  return found ? total : null;
}

/** Sums a uid's untagged rows of `/proc/net/xt_qtaguid/stats`; null when the uid has none. */
export function parseQtaguidUidBytes(text: string, uid: number): UidBytes | null {
  let found = false;
  const total: UidBytes = { rxBytes: 0, txBytes: 0 };
  for (const line of text.split(/\r?\n/)) {
    const columns = line.trim().split(/\s+/);
    if (columns.length < 9 || !/^\d+$/.test(columns[0])) continue;
    if (!/^0x0+$/i.test(columns[2]) || Number(columns[3]) !== uid) continue;
    found = true;
    total.rxBytes += Number(columns[5]);
    total.txBytes += Number(columns[7]);
  }
  return found ? total : null;
}
