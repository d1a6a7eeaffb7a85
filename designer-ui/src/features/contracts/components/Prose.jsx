import { inlineSegments, textBlocks } from '../model/text.js';

/** A description from a document: paragraphs, lists, code — all as text nodes, never as HTML. */
export function Prose({ text, className = '' }) {
  const blocks = textBlocks(text);
  if (blocks.length === 0) return null;
  return (
    <div className={`ct-prose ${className}`}>
      {blocks.map((block, i) => {
        if (block.kind === 'pre') return <pre key={i}>{block.text}</pre>;
        if (block.kind === 'list') {
          const List = block.ordered ? 'ol' : 'ul';
          return <List key={i}>{block.items.map((item, j) => <li key={j}><Inline text={item} /></li>)}</List>;
        }
        return <p key={i}><Inline text={block.text} /></p>;
      })}
    </div>
  );
}

function Inline({ text }) {
  return inlineSegments(text).map((s, i) => (s.code ? <code key={i}>{s.text}</code> : <span key={i}>{s.text}</span>));
}
