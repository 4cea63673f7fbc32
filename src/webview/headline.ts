// The headline cards: crash-free sessions and users with their Wilson intervals, sessions,
// users, errored sessions, and adoption over the last 24 hours.
import type { ReleaseHealth } from '../health/types';
import { figure } from './figure';
import { formatCount, formatInterval, formatPercent } from '../present/numbers';
import { CRASH_FREE_SESSIONS, CRASH_FREE_USERS } from '../present/releaseFigures';
import { h, type VElement, type VNode } from './vnode';

function card(label: string, value: VElement, ...detail: VNode[]): VElement {
  return h('div', { class: 'card' }, h('div', { class: 'card-label' }, label), h('div', { class: 'card-value' }, value), detail.length > 0 ? h('div', { class: 'card-detail' }, ...detail) : null);
}

/** The cards; the header's scope line is right above them, and their name says it too. */
export function renderHeadline(r: ReleaseHealth, scope: string | null = null): VElement {
  return h(
    'section',
    { class: 'headline-section', 'aria-label': scope ? `Headline figures, ${scope}` : 'Headline figures', 'data-scope-of-cards': scope ?? '' },
    cards(r),
  );
}

function cards(r: ReleaseHealth): VElement {
  return h(
    'div',
    { class: 'headline' },
    card(
      CRASH_FREE_SESSIONS,
      figure('crashFreeSessions', r.crashFreeSessions, formatPercent(r.crashFreeSessions), { class: `rate status-${r.healthStatus}` }),
      '95% CI ',
      figure('crashFreeSessionsInterval', r.crashFreeSessionsInterval, formatInterval(r.crashFreeSessionsInterval)),
    ),
    card(
      CRASH_FREE_USERS,
      figure('crashFreeUsers', r.crashFreeUsers, formatPercent(r.crashFreeUsers), { class: 'rate' }),
      '95% CI ',
      figure('crashFreeUsersInterval', r.crashFreeUsersInterval, formatInterval(r.crashFreeUsersInterval)),
    ),
    card('Sessions', figure('totalSessions', r.totalSessions, formatCount(r.totalSessions))),
    card('Users', figure('totalUsers', r.totalUsers, formatCount(r.totalUsers))),
    card(
      'Errored sessions',
      figure('sessionsErrored', r.sessionsErrored, formatCount(r.sessionsErrored)),
      'handled errors only',
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
  return card(
    `Adoption (${of}, 24h)`,
    figure(f.rate, r[f.rate], formatPercent(r[f.rate])),
    figure(f.release, r[f.release], formatCount(r[f.release])),
    ' of ',
    figure(f.project, r[f.project], formatCount(r[f.project])),
    ` ${of}`,
  );
}
