// Command titles where a message offers the command as its fix ("Click: Select Period"): the
// same words as package.json's titles (package.nls.json), checked by a unit test.
import { COMMAND, type CommandId } from './ids';
import { t } from './localize';

export function commandTitle(id: CommandId): string {
  switch (id) {
    case COMMAND.showReleaseHealth:
      return t('Show Release Health');
    case COMMAND.refresh:
      return t('Refresh');
    case COMMAND.connect:
      return t('Connect to Sentry…');
    case COMMAND.signOut:
      return t('Sign Out');
    case COMMAND.exploreDemo:
      return t('Explore with Demo Data');
    case COMMAND.selectProjects:
      return t('Select Projects');
    case COMMAND.selectEnvironment:
      return t('Select Environment');
    case COMMAND.selectPeriod:
      return t('Select Period');
    case COMMAND.selectChartPeriod:
      return t('Select Chart Period');
    case COMMAND.trackRelease:
      return t('Track Release in Status Bar');
    case COMMAND.showLog:
      return t('Show Log');
    case COMMAND.openInSentry:
      return t('Open in Sentry');
    case COMMAND.copyVersion:
      return t('Copy Version');
    case COMMAND.openSettings:
      return t('Open Settings');
    case COMMAND.compareWith:
      return t('Compare with…');
  }
}

/** A message's fix: the command and its title. */
export function fixWith(id: CommandId): { fixCommand: CommandId; fixTitle: string } {
  return { fixCommand: id, fixTitle: commandTitle(id) };
}

/** Loading failed for no reason the user can fix: try again. */
export function retryFix(): { fixCommand: CommandId; fixTitle: string } {
  return { fixCommand: COMMAND.refresh, fixTitle: t('Retry') };
}
