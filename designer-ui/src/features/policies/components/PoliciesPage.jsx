import { useApi } from '../../../lib/api/ApiContext.jsx';
import { Page } from '../../../lib/ui/Page.jsx';
import { useResource } from '../../../lib/ui/useResource.js';
import { getPolicies, listRoles, listUsers, loadOperationPolicies } from '../api/policiesApi.js';
import { collectRoles } from '../model/roles.js';
import { RenderGuard } from './bits.jsx';
import { GrantsPanel } from './GrantsPanel.jsx';
import { OperationsPanel } from './OperationsPanel.jsx';
import { RolesPanel } from './RolesPanel.jsx';
import { UsersPanel } from './UsersPanel.jsx';
import './policies.css';

/** `/policies`: roles, role grants (editable), users, and who may call each operation (read-only). */
export default function PoliciesPage() {
  const client = useApi();
  const policies = useResource((signal) => getPolicies(client, { signal }), [client]);
  const users = useResource((signal) => listUsers(client, { signal }), [client]);
  const declared = useResource((signal) => listRoles(client, { signal }), [client]);
  const operations = useResource((signal) => loadOperationPolicies(client, { signal }), [client]);

  const roles = collectRoles({
    declared: declared.data,
    grants: policies.data?.grants,
    fileGrants: policies.data?.fileGrants,
    operations: policies.data?.operations,
    users: users.data,
  });
  const known = roles.map((r) => r.role);

  return (
    <Page title="Policies & users" actions={(
      <nav aria-label="Sections" className="pl-sections">
        <a href="#pl-roles">Roles</a>
        <a href="#pl-grants">Grants</a>
        <a href="#pl-users">Users</a>
        <a href="#pl-operations">Operations</a>
      </nav>
    )}>
      <div className="pl-top">
        <RenderGuard what="The roles">
          <RolesPanel roles={roles} declared={declared} loading={policies.loading || users.loading} />
        </RenderGuard>
        <RenderGuard what="The grants">
          <GrantsPanel policies={policies} known={known} />
        </RenderGuard>
      </div>
      <RenderGuard what="The users">
        <UsersPanel users={users} known={known} />
      </RenderGuard>
      <RenderGuard what="The operations">
        <OperationsPanel operations={operations} />
      </RenderGuard>
    </Page>
  );
}
