// The shapes the client reads from Sentry (contract §1.6, §2.1, §2.4), validated with zod.
// Only the fields the client uses are checked; unknown keys are ignored, as the contract asks.
import { z } from 'zod';
import { SentryInvalidResponseError } from './errors';

const Id = z.union([z.string(), z.number()]).transform(String);

export const OrganizationSchema = z.object({
  id: Id.optional(),
  slug: z.string(),
  name: z.string(),
  /** `regionUrl`: the host of the organization's region (sentry.io: https://us.sentry.io). */
  links: z.object({ regionUrl: z.string().nullable().optional() }).partial().nullable().optional().catch(undefined),
});
export type OrganizationInfo = z.infer<typeof OrganizationSchema>;

export const ProjectSchema = z.object({
  id: Id,
  slug: z.string(),
  name: z.string().optional(),
  platform: z.string().nullable().optional(),
  environments: z.array(z.string()).optional(),
  /** False for a project of the organization the token's user cannot read (not a member of its teams). */
  hasAccess: z.boolean().optional(),
});
export const ProjectListSchema = z.array(ProjectSchema);
export type ProjectItem = z.infer<typeof ProjectSchema>;

export const CommitSchema = z.object({
  id: z.string(),
  message: z.string().nullable().optional(),
  dateCreated: z.string().nullable().optional(),
  author: z.object({ name: z.string().nullable().optional(), email: z.string().nullable().optional() }).nullable().optional(),
});
export const CommitListSchema = z.array(CommitSchema);
export type CommitItem = z.infer<typeof CommitSchema>;

export const DeploySchema = z.object({
  id: Id.optional(),
  environment: z.string(),
  dateStarted: z.string().nullable().optional(),
  dateFinished: z.string().nullable().optional(),
  name: z.string().nullable().optional(),
  url: z.string().nullable().optional(),
});
export const DeployListSchema = z.array(DeploySchema);
export type DeployItem = z.infer<typeof DeploySchema>;

export const ReleaseSchema = z.object({
  version: z.string(),
  dateCreated: z.string().nullable().optional(),
  dateReleased: z.string().nullable().optional(),
  projects: z.array(z.object({ id: Id.optional(), slug: z.string() })).optional(),
  // Release management (set-commits, deploys): absent on a server that has none.
  commitCount: z.number().nullable().optional(),
  lastCommit: CommitSchema.nullable().optional(),
  deployCount: z.number().nullable().optional(),
  lastDeploy: DeploySchema.nullable().optional(),
});
export const ReleaseListSchema = z.array(ReleaseSchema);
export type ReleaseItem = z.infer<typeof ReleaseSchema>;

const Value = z.number().nullable();
export const SessionsGroupSchema = z.object({
  by: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  totals: z.record(z.string(), Value),
  series: z.record(z.string(), z.array(Value)).optional(),
});
export const SessionsResultSchema = z
  .object({
    start: z.string().optional(),
    end: z.string().optional(),
    intervals: z.array(z.string()),
    groups: z.array(SessionsGroupSchema),
  })
  .superRefine((r, ctx) => {
    r.groups.forEach((g, i) => {
      for (const [field, values] of Object.entries(g.series ?? {})) {
        if (values.length !== r.intervals.length) {
          ctx.addIssue({
            code: 'custom',
            path: ['groups', i, 'series', field],
            message: `has ${values.length} values for ${r.intervals.length} intervals`,
          });
        }
      }
    });
  });
export type SessionsResult = z.infer<typeof SessionsResultSchema>;
export type SessionsGroup = z.infer<typeof SessionsGroupSchema>;

/** `groups[3].totals.sum(session)` */
function pathText(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? String(p) : `.${String(p)}`;
  return out || '(body)';
}

/** Parses `body` or throws an InvalidResponse naming the endpoint and the first offending field. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown, endpoint: string, host: string): z.infer<S> {
  const r = schema.safeParse(body);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = pathText(issue.path);
  const count = r.error.issues.length;
  throw new SentryInvalidResponseError(
    `${host} answered ${endpoint} with an unexpected shape: ${field} ${issue.message.replace(/^Invalid input: /, '')}${count > 1 ? ` (and ${count - 1} more problem${count > 2 ? 's' : ''})` : ''}. Is this a Sentry server of a supported version?`,
    endpoint,
    field,
    200,
  );
}
