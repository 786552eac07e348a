/** Facts about the machine that ran the measures, recorded in every result. */
import { arch, cpus, platform } from 'node:os';
import type { Result } from '../result/schema.js';

/** Host platform, CPU and Node version. */
export function hostFacts(): Result['environment']['host'] {
  const list = cpus();
  return { platform: platform(), arch: arch(), cpus: list.length, cpuModel: list[0]?.model ?? 'unknown', node: process.version };
}
