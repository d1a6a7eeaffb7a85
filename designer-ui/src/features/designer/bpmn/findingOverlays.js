import { MARKERS, overlayDescriptions } from '../model/findings.js';

const OVERLAY_TYPE = 'fg-finding';

/** Whether a finding's element can carry an overlay: a shape or connection on the canvas, not the process itself. */
export function placeableIn(modeler) {
  const registry = modeler.get('elementRegistry');
  const root = modeler.get('canvas').getRootElement();
  return (id) => {
    const element = registry.get(id);
    return Boolean(element && element !== root && !element.labelTarget && element.parent);
  };
}

/**
 * Shows findings on the canvas: a marker class on each element (red or amber outline) and a badge with the count
 * whose tooltip lists the reasons; clicking the badge calls `onSelect(elementId)`. Returns a function that removes
 * them again.
 */
export function showFindings(modeler, findings, { onSelect } = {}) {
  const overlays = modeler.get('overlays');
  const canvas = modeler.get('canvas');
  const descriptions = overlayDescriptions(findings, placeableIn(modeler));
  for (const d of descriptions) {
    canvas.addMarker(d.elementId, d.marker);
    const badge = document.createElement('button');
    badge.type = 'button';
    badge.className = `fg-finding-badge fg-finding-badge-${d.severity}`;
    badge.textContent = d.label;
    badge.title = d.title;
    badge.setAttribute('aria-label', `${d.count} ${d.severity === 'error' ? 'problem' : 'warning'}${d.count === 1 ? '' : 's'} on ${d.elementId}`);
    badge.dataset.elementId = d.elementId;
    badge.addEventListener('click', (event) => {
      event.stopPropagation();
      onSelect?.(d.elementId);
    });
    overlays.add(d.elementId, OVERLAY_TYPE, { position: { top: -10, right: 10 }, html: badge });
  }
  return () => {
    overlays.remove({ type: OVERLAY_TYPE });
    for (const d of descriptions) {
      if (modeler.get('elementRegistry').get(d.elementId)) {
        canvas.removeMarker(d.elementId, MARKERS.error);
        canvas.removeMarker(d.elementId, MARKERS.warning);
      }
    }
  };
}

/** Selects an element and scrolls it into view; for the process (or an unknown id) clears the selection. */
export function revealElement(modeler, elementId) {
  const element = elementId ? modeler.get('elementRegistry').get(elementId) : null;
  const selection = modeler.get('selection');
  const canvas = modeler.get('canvas');
  if (!element || element === canvas.getRootElement()) {
    selection.select(null);
    return false;
  }
  selection.select(element);
  try {
    canvas.scrollToElement(element, { top: 80, bottom: 80, left: 200, right: 80 });
  } catch {
    // an element on another plane (collapsed sub-process): selecting it is enough
  }
  return true;
}

/** A label for an element in lists: its name and id, or the id alone. */
export function elementLabel(modeler, elementId) {
  const element = elementId ? modeler?.get('elementRegistry').get(elementId) : null;
  const name = element?.businessObject?.name;
  return name ? `${name} (${elementId})` : elementId;
}
