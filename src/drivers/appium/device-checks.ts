/**
 * The once-per-run checks of the device behind a mobile driver, and what they leave for every session: which
 * shell the Android probes use (none when the server denies `adb shell`, as farms do — one warning then says
 * which figures cannot be measured), the device's facts and battery (`environment.mobileDevice`), and which
 * energy sampler suits the device.
 */
import { checkAndroidDevice } from '../../probes/android-checks.js';
import { batterySnapshot, readDeviceFacts, type MobileDeviceRecord } from '../../probes/android-device.js';
import type { EnergyPlan, IterationEnergy } from '../../probes/android-energy.js';
import { adbShell, appiumShell, type AndroidShell } from '../../probes/android-shell.js';
import { automationOf, type AutomationDialect, type Capabilities, type MobileTarget } from './capabilities.js';
import type { WebDriverClient } from './client.js';

/** Figures lost when the device shell is denied (the one warning a farm run gets). */
const SHELL_FIGURES = 'measured energy (battery current), device CPU time, memory, frames, app network bytes (native apps) and batterystats';

/** How Android probes reach the device (see AppiumDriverOptions.androidShell). */
export type ShellChoice = 'appium' | 'adb' | 'none' | AndroidShell;

/** State of the checks, shared by the run's sessions. */
export class DeviceChecks {
  /** One sentence per problem (device checks, the energy sampler), each once. */
  readonly warnings: string[] = [];
  mobileDevice: MobileDeviceRecord | null = null;
  energyPlan: EnergyPlan | null = null;
  private checked = false;
  private shellDenied = false;

  constructor(
    private readonly target: MobileTarget,
    private readonly capabilities: Capabilities,
    private readonly dialect: AutomationDialect,
    private readonly options: { shell: ShellChoice | undefined; powerCut: string | null; redact: (text: string) => string },
  ) {
    if (target.platform === 'ios') {
      this.warn('iOS: energy is not measured on iOS devices (no probe reads an iPhone battery); steps get durations and screenshots, and energy is modelled where its inputs are measured, else null');
    }
  }

  /** Adds a warning unless it is there already. */
  warn(warning: string): void {
    if (!this.warnings.includes(warning)) this.warnings.push(warning);
  }

  /** The shell for a new session's probes (checking the device on the first one), or null. */
  async shellFor(client: WebDriverClient): Promise<AndroidShell | null> {
    const shell = this.pickShell(client);
    if (shell === null || this.checked) return shell;
    const appPackage = this.capabilities['appium:appPackage'] ?? client.capabilities['appium:appPackage'] ?? client.capabilities.appPackage;
    return this.check(shell, typeof appPackage === 'string' && appPackage ? appPackage : null);
  }

  /** What an iteration's energy measurement adds to the run's facts. */
  iterationDone(energy: IterationEnergy): void {
    if (energy.note) this.warn(`energy sampler: ${energy.note}`);
    if (this.mobileDevice && energy.batteryEnd) this.mobileDevice.batteryEnd = batterySnapshot(energy.batteryEnd);
  }

  private pickShell(client: WebDriverClient): AndroidShell | null {
    if (this.target.platform !== 'android' || this.shellDenied) return null;
    const choice = this.options.shell ?? (process.env.ECOSCORE_ANDROID_SHELL as ShellChoice | undefined) ?? 'appium';
    if (typeof choice === 'function') return choice;
    // A desktop Chromium (Appium's Chromium driver) has no Android device behind it.
    if (choice === 'none' || automationOf(this.capabilities) === 'chromium') return null;
    if (choice === 'adb') {
      const udid = this.capabilities['appium:udid'];
      return adbShell(typeof udid === 'string' ? udid : undefined);
    }
    return appiumShell((script, args) => client.executeScript(script, args));
  }

  private async check(shell: AndroidShell, expectedPackage: string | null): Promise<AndroidShell | null> {
    this.checked = true;
    try {
      await shell('echo', ['ecoscore']);
    } catch (error) {
      this.shellDenied = true;
      const measured = `durations, screenshots${this.dialect === 'web' ? ' and browser bytes' : ''} are measured`;
      this.warn(`the device shell is not available (${this.options.redact((error as Error).message)}): ${SHELL_FIGURES} cannot be measured on this server, and energy is modelled; ${measured}`);
      return null;
    }
    const facts = await readDeviceFacts(shell).catch(() => null);
    const checks = await checkAndroidDevice(shell, this.dialect === 'web' ? null : expectedPackage);
    for (const warning of checks.warnings) this.warn(warning);
    const { powerCut } = this.options;
    this.mobileDevice = {
      platform: 'android',
      model: facts?.model ?? null,
      manufacturer: facts?.manufacturer ?? null,
      androidVersion: facts?.androidVersion ?? null,
      sdk: facts?.sdk ?? null,
      fingerprint: facts?.fingerprint ?? null,
      batteryStart: checks.battery ? batterySnapshot(checks.battery) : null,
      batteryEnd: null,
      powerCut,
    };
    // Perfetto's battery counters exist from Android 10 (API 29).
    const perfetto = (facts?.sdk ?? 0) >= 29;
    this.energyPlan = { perfetto, perfettoProblem: perfetto ? null : 'Perfetto battery counters need Android 10 or later', powerCut };
    return shell;
  }
}
