// What integration tests use to reach the extension running in the real extension host.
import * as vscode from 'vscode';
import type { AuthSession } from '../../src/auth/session';
import { Commands, EXTENSION_ID } from '../../src/constants';
import type { TestApi } from '../../src/extension';
import { SANDBOX_CREDENTIALS, startFakeGateway, type FakeGateway, type FakeGatewayOptions } from './fakeGateway';

/** The extension's test API (activate()'s return value under the test harness). */
export type ExtensionApi = TestApi;

/** The extension, activated, with its test API (activate()'s return value). */
export async function getApi(): Promise<ExtensionApi> {
  const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed in this extension host`);
  const api = ext.isActive ? ext.exports : await ext.activate();
  if (!api || typeof api !== 'object' || !('services' in api)) {
    throw new Error(`extension ${EXTENSION_ID} activated but returned no test API`);
  }
  return api;
}

export interface WaitOptions {
  /** Give up after this long (default 10 s). */
  timeoutMs?: number;
  /** Poll every this many ms (default 50). */
  intervalMs?: number;
  /** Says what was awaited, for the failure message. */
  message?: string;
}

/**
 * Poll `predicate` until it returns a truthy value (returned) or the timeout passes (throws with `message`
 * and the last error the predicate threw, if any). For UI state that settles asynchronously; not a timing test.
 */
export async function waitFor<T>(predicate: () => T | Promise<T>, options: WaitOptions = {}): Promise<NonNullable<T>> {
  const { timeoutMs = 10_000, intervalMs = 50, message = 'condition' } = options;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await predicate();
      if (value) return value;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() >= deadline) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${message}${why}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export interface GatewayContext {
  gateway: FakeGateway;
  api: ExtensionApi;
  /** The profile name signed in for this block (when `profile` was given). */
  profile?: string;
}

export interface WithGatewayOptions {
  /** Passed to startFakeGateway. */
  gatewayOptions?: FakeGatewayOptions;
  /** Sign in a profile of this name against the gateway with the sandbox credentials, sign out after. */
  profile?: string;
  /**
   * Profiles the tests sign in themselves, because the sign-in (custom keys, a refusal, an import) is what
   * they test: whichever of them exist are signed out at close too, whatever happened.
   */
  signsIn?: readonly string[];
}

/** Signs out every named profile that exists (close() of a gateway block; an absent name is not an error). */
async function signOutAll(names: readonly string[]): Promise<void> {
  const session = (await getApi()).services.session as AuthSession;
  await session.ready;
  for (const name of names) {
    if (session.profiles.findByName(name)) await vscode.commands.executeCommand(Commands.signOut, name);
  }
}

/** Starts a gateway (and signs the profile in); `close()` signs out and closes it, whatever happened. */
async function openGateway(options: WithGatewayOptions): Promise<GatewayContext & { close(): Promise<void> }> {
  const gateway = await startFakeGateway(options.gatewayOptions);
  const close = async (): Promise<void> => {
    if (options.profile) {
      await Promise.resolve(vscode.commands.executeCommand(Commands.signOut, options.profile)).catch(() => undefined);
    }
    if (options.signsIn?.length) await signOutAll(options.signsIn).catch(() => undefined);
    await gateway.close();
  };
  try {
    const api = await getApi();
    if (options.profile) {
      await vscode.commands.executeCommand(Commands.signIn, { name: options.profile, endpoint: gateway.url, ...SANDBOX_CREDENTIALS });
    }
    return { gateway, api, ...(options.profile ? { profile: options.profile } : {}), close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Run `fn` with a fresh fake gateway (and optionally a signed-in profile), always closing the gateway and
 * signing the profile out afterwards, because every suite shares one extension host and one globalState.
 */
export async function withGateway<T>(options: WithGatewayOptions, fn: (ctx: GatewayContext) => Promise<T>): Promise<T> {
  const ctx = await openGateway(options);
  try {
    return await fn(ctx);
  } finally {
    await ctx.close();
  }
}

/**
 * withGateway for a whole suite: the gateway starts (and the profile signs in) in the suite's `before` and is
 * closed (the profile signed out) in its `after`. Call it inside `describe`; read the context in tests only.
 */
export function gatewayForSuite(options: WithGatewayOptions): GatewayContext {
  let ctx: (GatewayContext & { close(): Promise<void> }) | undefined;
  before(async () => {
    ctx = await openGateway(options);
  });
  after(async () => {
    await ctx?.close();
    ctx = undefined;
  });
  const current = (): GatewayContext => {
    if (!ctx) throw new Error('gatewayForSuite: the gateway is only there between the suite\'s before and after');
    return ctx;
  };
  return {
    get gateway() {
      return current().gateway;
    },
    get api() {
      return current().api;
    },
    ...(options.profile ? { profile: options.profile } : {}),
  };
}
