const MARGIN = 24;

/**
 * Fits the diagram into the canvas area right of the palette (never zooming in beyond 100 %), centred there, so
 * nothing lies under the palette after opening a flow.
 */
export function fitBesidePalette(modeler) {
  const canvas = modeler.get('canvas');
  const container = canvas.getContainer();
  const box = container.getBoundingClientRect();
  const palette = container.querySelector('.djs-palette.open');
  const left = palette ? palette.getBoundingClientRect().right - box.left + MARGIN : MARGIN;
  const inner = canvas.viewbox().inner;
  const availableWidth = box.width - left - MARGIN;
  const availableHeight = box.height - 2 * MARGIN;
  if (!inner || inner.width <= 0 || availableWidth <= 40 || availableHeight <= 40) {
    canvas.zoom('fit-viewport', 'auto');
    return;
  }
  const scale = Math.min(1, availableWidth / inner.width, availableHeight / inner.height);
  const offsetX = left + (availableWidth - inner.width * scale) / 2;
  const offsetY = MARGIN + (availableHeight - inner.height * scale) / 2;
  canvas.viewbox({
    x: inner.x - offsetX / scale,
    y: inner.y - offsetY / scale,
    width: box.width / scale,
    height: box.height / scale,
  });
}
