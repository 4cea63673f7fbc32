// `versionInfo` of a release object: Sentry parses `package@version+build` with relay's
// parse_release; the semver parts are exposed when the version is semver-like.

export interface VersionInfo {
  package: string | null;
  version: Record<string, unknown>;
  description: string;
  buildHash: string | null;
}

const SEMVER = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z.-]+))?(?:\+([0-9A-Za-z.-]+))?$/;

export function versionInfo(version: string): VersionInfo {
  const at = version.indexOf('@');
  const pkg = at > 0 ? version.slice(0, at) : null;
  const raw = at > 0 ? version.slice(at + 1) : version;
  const m = SEMVER.exec(raw);
  if (!m) {
    const hash = /^[0-9a-f]{40}$/i.test(raw) ? raw : null;
    return { package: pkg, version: { raw }, description: hash ? raw.slice(0, 12) : raw, buildHash: hash };
  }
  const components = [m[1], m[2], m[3], m[4]].filter((x) => x !== undefined).length;
  return {
    package: pkg,
    version: {
      raw,
      major: Number(m[1]),
      minor: Number(m[2] ?? 0),
      patch: Number(m[3] ?? 0),
      revision: Number(m[4] ?? 0),
      pre: m[5] ?? null,
      buildCode: m[6] ?? null,
      components,
    },
    description: m[6] ? `${raw.slice(0, raw.indexOf('+'))} (${m[6]})` : raw,
    buildHash: null,
  };
}

/** Semver ordering key, descending use: [major, minor, patch, revision, isRelease]; null when not semver. */
export function semverKey(version: string): number[] | null {
  const info = versionInfo(version).version;
  if (info.major === undefined) return null;
  return [info.major as number, info.minor as number, info.patch as number, info.revision as number, info.pre === null ? 1 : 0];
}
