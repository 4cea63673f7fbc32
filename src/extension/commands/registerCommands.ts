// Registers every command through registerSafeCommand (no handler can crash the host).
import * as vscode from 'vscode';
import type { ExtensionServices } from '../services';
import { compareWith } from '../compare/compareCommand';
import { COMMAND } from '../../present/ids';
import { connect } from './connectCommand';
import { copyVersion, openInSentry, showReleaseHealth, trackRelease } from './releaseCommands';
import { registerSafeCommand } from './safeCommand';
import { selectChartPeriod, selectEnvironment, selectPeriod, selectProjects } from './scopeCommands';
import { exploreDemo, refresh, signOut } from './sourceCommands';

export function registerCommands(services: ExtensionServices): void {
  const handlers: Record<string, (...args: any[]) => unknown> = {
    [COMMAND.showReleaseHealth]: (arg?: unknown) => showReleaseHealth(services, arg),
    [COMMAND.refresh]: () => refresh(services),
    [COMMAND.connect]: (arg?: unknown) => connect(services, arg),
    [COMMAND.signOut]: () => signOut(services),
    [COMMAND.exploreDemo]: () => exploreDemo(services),
    [COMMAND.selectProjects]: (arg?: unknown) => selectProjects(services, arg),
    [COMMAND.selectEnvironment]: (arg?: unknown) => selectEnvironment(services, arg),
    [COMMAND.selectPeriod]: (arg?: unknown) => selectPeriod(services, arg),
    [COMMAND.selectChartPeriod]: (arg?: unknown) => selectChartPeriod(services, arg),
    [COMMAND.trackRelease]: (arg?: unknown) => trackRelease(services, arg),
    [COMMAND.showLog]: () => services.output.show(true),
    [COMMAND.openInSentry]: (arg?: unknown) => openInSentry(services, arg),
    [COMMAND.copyVersion]: (arg?: unknown) => copyVersion(services, arg),
    [COMMAND.compareWith]: (arg?: unknown, base?: unknown) => compareWith(services, arg, base),
    [COMMAND.openSettings]: () =>
      vscode.commands.executeCommand('workbench.action.openSettings', `@ext:${services.context.extension.id}`),
  };
  for (const [id, handler] of Object.entries(handlers)) {
    services.context.subscriptions.push(registerSafeCommand(id, handler, services.notifier));
  }
}
