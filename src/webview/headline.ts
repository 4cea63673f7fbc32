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

export function renderHeadline(r: ReleaseHealth): VElement {
  return h(
    'section',
    { class: 'headline', 'aria-label': 'Headline figures' },
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
    card(
      'Adoption (users, 24h)',
      figure('adoption', r.adoption, formatPercent(r.adoption)),
      figure('totalUsers24h', r.totalUsers24h, formatCount(r.totalUsers24h)),
      ' of ',
      figure('totalProjectUsers24h', r.totalProjectUsers24h, formatCount(r.totalProjectUsers24h)),
      ' users',
    ),
    card(
      'Adoption (sessions, 24h)',
      figure('sessionsAdoption', r.sessionsAdoption, formatPercent(r.sessionsAdoption)),
      figure('totalSessions24h', r.totalSessions24h, formatCount(r.totalSessions24h)),
      ' of ',
      figure('totalProjectSessions24h', r.totalProjectSessions24h, formatCount(r.totalProjectSessions24h)),
      ' sessions',
    ),
  );
}
