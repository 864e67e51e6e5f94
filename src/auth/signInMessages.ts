// The words for a refused sign-in (localised), and the error that carries them.
import * as vscode from 'vscode';
import { plainText } from '../shared/untrusted';
import type { SignInFailure } from './signInFailure';

/** Thrown when the keys were checked and refused; `failure` says why and which field to fix. */
export class SignInError extends Error {
  override readonly name = 'SignInError';
  constructor(
    message: string,
    readonly failure: SignInFailure,
  ) {
    super(message);
  }
}

/** The plain-words reason for a refused sign-in, ending with what the server said. */
export function describeFailure(failure: SignInFailure, endpoint: string): string {
  const reason = {
    wrongKey: () => vscode.l10n.t('The access key or secret key was not accepted. Check both (and the security token, for temporary credentials).'),
    clockSkew: () => vscode.l10n.t('The gateway rejected the request time: your system clock is more than 15 minutes off. Correct the clock, then try again.'),
    permission: () =>
      vscode.l10n.t('The keys work but may not list batch tasks: grant the IAM action dns:zone:listPublicZoneBatchOperationRecords, or check the project ID.'),
    wrongSite: () => vscode.l10n.t('No batch task service answered at {0}: wrong site or endpoint?', plainText(endpoint)),
    network: () => vscode.l10n.t('Could not reach {0}: check the network, the proxy (http.proxy) and the endpoint.', plainText(endpoint)),
    throttled: () => vscode.l10n.t('The gateway is throttling requests: wait a moment, then try again.'),
    other: () => vscode.l10n.t('The keys could not be checked.'),
  }[failure.reason]();
  // Shown in a notification and as a quick pick's title: the gateway's words made inert.
  return `${reason} ${vscode.l10n.t('Server said: {0}', plainText(failure.serverMessage, { maxLength: 800 }))}`;
}

