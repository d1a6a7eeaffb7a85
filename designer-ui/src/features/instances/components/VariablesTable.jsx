import { Empty } from '../../../lib/ui/Page.jsx';
import { formatValue } from '../../../lib/ui/format.js';

/** The instance's process variables, by name. */
export function VariablesTable({ variables }) {
  const names = Object.keys(variables ?? {}).sort((a, b) => a.localeCompare(b));
  if (names.length === 0) return <Empty>No variables.</Empty>;
  return (
    <div className="fgi-scroll">
      <table className="data fgi-variables">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody>
          {names.map((name) => (
            <tr key={name}>
              <th scope="row"><code>{name}</code></th>
              <td><code className="fgi-value">{formatValue(variables[name])}</code></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
