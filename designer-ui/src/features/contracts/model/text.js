/**
 * Just enough of CommonMark to read OpenAPI descriptions as their authors meant them, rendered as text (never as
 * HTML): blank lines separate paragraphs, lines inside a paragraph are joined (soft breaks), `- ` / `* ` / `1. `
 * lines make lists, indented or fenced lines stay preformatted, and `backticks` mark code.
 */
export function textBlocks(text) {
  if (typeof text !== 'string' || text.trim() === '') return [];
  const blocks = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === '') {
      i++;
    } else if (/^\s*```/.test(line)) {
      const body = [];
      i++;
      while (i < lines.length && !/^\s*```/.test(lines[i])) body.push(lines[i++]);
      i++; // the closing fence
      blocks.push({ kind: 'pre', text: body.join('\n') });
    } else if (/^( {4}|\t)/.test(line)) {
      const body = [];
      while (i < lines.length && (/^( {4}|\t)/.test(lines[i]) || lines[i].trim() === '')) body.push(lines[i++].replace(/^( {4}|\t)/, ''));
      blocks.push({ kind: 'pre', text: body.join('\n').replace(/\n+$/, '') });
    } else if (LIST_ITEM.test(line)) {
      const items = [];
      const ordered = /^\s*\d+[.)]\s/.test(line);
      while (i < lines.length && lines[i].trim() !== '') {
        if (LIST_ITEM.test(lines[i])) items.push(lines[i].replace(LIST_ITEM, '').trim());
        else items[items.length - 1] += ` ${lines[i].trim()}`; // a continuation line
        i++;
      }
      blocks.push({ kind: 'list', ordered, items });
    } else {
      const body = [];
      while (i < lines.length && lines[i].trim() !== '' && !LIST_ITEM.test(lines[i]) && !/^\s*```/.test(lines[i])) {
        body.push(lines[i++].trim());
      }
      blocks.push({ kind: 'p', text: body.join(' ') });
    }
  }
  return blocks;
}

const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+/;

/** `use \`x-flow-id\` here` → text and code segments. An unmatched backtick stays text. */
export function inlineSegments(text) {
  const out = [];
  const re = /`([^`]+)`/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) out.push({ code: false, text: text.slice(last, m.index) });
    out.push({ code: true, text: m[1] });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ code: false, text: text.slice(last) });
  return out;
}
