import { Badge, Empty, Loading } from '../../../lib/ui/Page.jsx';
import { Problem, TableWrap } from './bits.jsx';

/** Every role and where it is used. */
export function RolesPanel({ roles, declared, loading }) {
  return (
    <section className="panel" id="pl-roles" aria-labelledby="pl-roles-title">
      <h2 id="pl-roles-title">Roles</h2>
      <Problem error={declared.error} />
      {loading && roles.length === 0 && <Loading label="Loading roles…" />}
      {!loading && roles.length === 0 && <Empty>No role is used anywhere yet.</Empty>}
      {roles.length > 0 && (
        <TableWrap label="Roles">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Role</th>
                <th scope="col">Users</th>
                <th scope="col">Grants</th>
                <th scope="col">Operations</th>
              </tr>
            </thead>
            <tbody>
              {roles.map((r) => (
                <tr key={r.role}>
                  <td>
                    <code>{r.role}</code>
                    {r.role === 'admin' && <> <Badge tone="info">admin API</Badge></>}
                  </td>
                  <td>{r.users}</td>
                  <td>{r.grants}</td>
                  <td>{r.operations}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}
