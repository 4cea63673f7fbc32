// The headline cards: crash-free sessions and users with their Wilson intervals, sessions,
// users, errored sessions, and adoption over the last 24 hours.
import type { ReleaseHealth } from '../health/types';
import { figure } from './figure';
import { formatCount, formatInterval, formatPercent } from '../present/numbers';
import { crashFreeSessionsLabel, crashFreeUsersLabel } from '../present/releaseFigures';
import { h, type VElement, type VNode } from './vnode';
import { t } from '../present/localize';

function card(label: string, value: VElement, ...detail: VNode[]): VElement {
  return h('div', { class: 'card' }, h('div', { class: 'card-label' }, label), h('div', { class: 'card-value' }, value), detail.length > 0 ? h('div', { class: 'card-detail' }, ...detail) : null);
}

/** The cards; the header's scope line is right above them, and their name says it too. */
export function renderHeadline(r: ReleaseHealth, scope: string | null = null): VElement {
  return h(
    'section',
    { class: 'headline-section', 'aria-label': scope ? t('Headline figures, {0}', scope) : t('Headline figures'), 'data-scope-of-cards': scope ?? '' },
    cards(r),
  );
}

function cards(r: ReleaseHealth): VElement {
  return h(
    'div',
    { class: 'headline' },
    card(
      crashFreeSessionsLabel(),
      figure('crashFreeSessions', r.crashFreeSessions, formatPercent(r.crashFreeSessions), { class: `rate status-${r.healthStatus}` }),
      `${t('95% CI')} `,
      figure('crashFreeSessionsInterval', r.crashFreeSessionsInterval, formatInterval(r.crashFreeSessionsInterval)),
    ),
    card(
      crashFreeUsersLabel(),
      figure('crashFreeUsers', r.crashFreeUsers, formatPercent(r.crashFreeUsers), { class: 'rate' }),
      `${t('95% CI')} `,
      figure('crashFreeUsersInterval', r.crashFreeUsersInterval, formatInterval(r.crashFreeUsersInterval)),
    ),
    card(t('Sessions'), figure('totalSessions', r.totalSessions, formatCount(r.totalSessions))),
    card(t('Users'), figure('totalUsers', r.totalUsers, formatCount(r.totalUsers))),
    card(
      t('Errored sessions'),
      figure('sessionsErrored', r.sessionsErrored, formatCount(r.sessionsErrored)),
      t('handled errors only'),
    ),
    adoptionCard(r, 'users'),
    adoptionCard(r, 'sessions'),
  );
}

const ADOPTION_FIGURES = {
  users: { rate: 'adoption', release: 'totalUsers24h', project: 'totalProjectUsers24h' },
  sessions: { rate: 'sessionsAdoption', release: 'totalSessions24h', project: 'totalProjectSessions24h' },
} as const;

/** The release's share of the project's users (or sessions) over the last 24 hours. */
function adoptionCard(r: ReleaseHealth, of: 'users' | 'sessions'): VElement {
  const f = ADOPTION_FIGURES[of];
  // "12 of 40 users": the two figures stay elements (tests and screen readers read them), so the
  // sentence is split around them with the {0}/{1} places a translation chooses.
  const [before, middle, after] = splitAround(of === 'users' ? t('{0} of {1} users') : t('{0} of {1} sessions'));
  return card(
    of === 'users' ? t('Adoption (users, 24h)') : t('Adoption (sessions, 24h)'),
    figure(f.rate, r[f.rate], formatPercent(r[f.rate])),
    before,
    figure(f.release, r[f.release], formatCount(r[f.release])),
    middle,
    figure(f.project, r[f.project], formatCount(r[f.project])),
    after,
  );
}

/** "{0} of {1} users" → ["", " of ", " users"]; the order of {0} and {1} is kept as written. */
function splitAround(sentence: string): [string, string, string] {
  const a = sentence.indexOf('{0}');
  const b = sentence.indexOf('{1}');
  if (a < 0 || b < a) return ['', ' / ', ` ${sentence}`];
  return [sentence.slice(0, a), sentence.slice(a + 3, b), sentence.slice(b + 3)];
}
