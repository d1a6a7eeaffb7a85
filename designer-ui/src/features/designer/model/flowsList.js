/**
 * Rows of the flows list from GET /admin/flows: `[{key, name, latestVersion, versions: [{version, deployedAt, …}],
 * usedBy: [{contract, operation}]}]`.
 */
export function flowRows(flows) {
  if (!Array.isArray(flows)) return [];
  return flows
    .filter((f) => f && typeof f.key === 'string')
    .map((f) => {
      const versions = Array.isArray(f.versions) ? f.versions : [];
      const latest = versions.reduce((best, v) => (!best || (v?.version ?? 0) > (best.version ?? 0) ? v : best), null);
      return {
        key: f.key,
        name: f.name ?? '',
        latestVersion: f.latestVersion ?? latest?.version ?? null,
        versionCount: versions.length,
        deployedAt: latest?.deployedAt ?? null,
        usedBy: usedByLabels(f.usedBy),
      };
    })
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** `[{contract, operation}]` → `['restaurant-orders · POST /orders (placeOrder)']`. */
export function usedByLabels(usedBy) {
  if (!Array.isArray(usedBy)) return [];
  return usedBy.filter(Boolean).map((u) => `${u.contract} · ${u.operation}`);
}

/** Rows whose key, name or operations contain the text (case-insensitive). */
export function filterRows(rows, text) {
  const needle = (text ?? '').trim().toLowerCase();
  if (!needle) return rows;
  return rows.filter((r) => [r.key, r.name, ...r.usedBy].some((s) => s.toLowerCase().includes(needle)));
}
