import { findingLocation, findingText } from '../model/report.js';

/** Findings of a contract (current ones, or a publish report's), each with where it points. */
export function Findings({ findings, label = 'Findings' }) {
  if (!Array.isArray(findings) || findings.length === 0) return null;
  return (
    <ul className="ct-findings" aria-label={label}>
      {findings.map((f, i) => (
        <li key={i}>
          <code className="ct-where">{findingLocation(f)}</code>
          <span>{findingText(f)}</span>
        </li>
      ))}
    </ul>
  );
}
