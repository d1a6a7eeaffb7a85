import { useMemo } from 'react';
import { useApi } from '../../../lib/api/ApiContext.jsx';
import { Link, useQuery, useRouter } from '../../../lib/router/router.jsx';
import { Empty, Loading, Page, Panel } from '../../../lib/ui/Page.jsx';
import { ProblemMessage } from '../../../lib/ui/ProblemMessage.jsx';
import { formatDuration, formatTime } from '../../../lib/ui/format.js';
import { useResource } from '../../../lib/ui/useResource.js';
import { filtersFromQuery, filtersProblem, instancesPath, PAGE_SIZES } from '../api/instanceQuery.js';
import { listFlowKeys, listInstances } from '../api/instancesApi.js';
import { InstanceFilters } from './InstanceFilters.jsx';
import { StateBadge } from './StateBadge.jsx';
import './instances.css';

const LIST_POLL_MS = 5000;

/** Flow instances, newest first, filtered by what the URL query says. */
export default function InstancesPage() {
  const api = useApi();
  const { navigate } = useRouter();
  const query = useQuery();
  const filters = useMemo(() => filtersFromQuery(query), [query]);
  const key = instancesPath(filters);
  const invalid = filtersProblem(filters);

  const list = useResource((signal) => (invalid ? Promise.resolve(null) : listInstances(api, filters, { signal })),
    [api, key], { pollMs: LIST_POLL_MS });
  // suggestions only: the filter still works as free text when this fails
  const flows = useResource((signal) => listFlowKeys(api, { signal }).catch(() => []), [api]);

  const go = (next) => navigate(instancesPath(next));

  return (
    <Page title="Instances" wide>
      <InstanceFilters filters={filters} flows={flows.data ?? []} onApply={go} />
      {invalid && <p className="problem" role="alert">{invalid}</p>}
      <Panel>
        <ProblemMessage error={list.error} />
        {list.data === undefined && list.loading && <Loading label="Loading instances…" />}
        {list.data && <InstanceTable page={list.data} />}
        {list.data && <Pager page={list.data} filters={filters} onChange={go} />}
      </Panel>
    </Page>
  );
}

function InstanceTable({ page }) {
  if (page.items.length === 0) return <Empty>No instance matches these filters.</Empty>;
  return (
    <table className="data fgi-table">
      <caption className="fgi-visually-hidden">Flow instances, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Instance</th>
          <th scope="col">Business key</th>
          <th scope="col">Flow</th>
          <th scope="col">State</th>
          <th scope="col">Current activities</th>
          <th scope="col">Started</th>
          <th scope="col">Ended</th>
          <th scope="col">Duration</th>
        </tr>
      </thead>
      <tbody>
        {page.items.map((instance) => (
          <tr key={instance.id}>
            <td>
              <Link to={`/instances/${encodeURIComponent(instance.id)}`} title={instance.id}>
                <code>{shortId(instance.id)}</code>
              </Link>
            </td>
            <td className="fgi-key">{instance.businessKey || <span className="muted">—</span>}</td>
            <td>{instance.flow} <span className="muted">v{instance.flowVersion}</span></td>
            <td><StateBadge state={instance.state} /></td>
            <td>{(instance.activities ?? []).map((a) => a.name || a.id).join(', ') || <span className="muted">—</span>}</td>
            <td>{formatTime(instance.startedAt)}</td>
            <td>{formatTime(instance.endedAt)}</td>
            <td>{formatDuration(instance.startedAt, instance.endedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Pager({ page, filters, onChange }) {
  const first = page.total === 0 ? 0 : page.page * page.size + 1;
  const last = Math.min(page.total, (page.page + 1) * page.size);
  const lastPage = Math.max(0, Math.ceil(page.total / page.size) - 1);
  return (
    <nav className="toolbar fgi-pager" aria-label="Pages">
      <span className="muted" aria-live="polite">{first}–{last} of {page.total}</span>
      <button type="button" disabled={filters.page <= 0} onClick={() => onChange({ ...filters, page: filters.page - 1 })}>
        Previous
      </button>
      <button type="button" disabled={filters.page >= lastPage} onClick={() => onChange({ ...filters, page: filters.page + 1 })}>
        Next
      </button>
      <label className="inline">
        Per page
        <select value={filters.size} onChange={(e) => onChange({ ...filters, size: Number(e.target.value), page: 0 })}>
          {PAGE_SIZES.map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
      </label>
    </nav>
  );
}

function shortId(id) {
  return id && id.length > 13 ? `${id.slice(0, 8)}…` : id;
}
