import { useEffect, useMemo, useRef, useState } from 'react';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import { ProblemMessage } from '../../../../lib/ui/ProblemMessage.jsx';
import { computeMarkers } from './markers.js';
import './diagram.css';

const OVERLAY_TYPE = 'fg-instance';
const POSITIONS = {
  tokens: { bottom: 14, left: -10 },
  incident: { top: -10, right: 14 },
};

/**
 * The instance's BPMN diagram, read-only, with its markers. Loaded lazily (it carries bpmn-js). The XML is imported
 * once per flow version; a new poll of the details only moves markers and badges (`canvas.addMarker`, so the
 * classes sit on the `.djs-element` of each element, where tests look for them).
 */
export default function InstanceDiagram({ xml, details }) {
  const containerRef = useRef(null);
  const viewerRef = useRef(null);
  const [flows, setFlows] = useState(null);
  const [error, setError] = useState(null);

  useEffect(() => {
    const viewer = new NavigatedViewer({ container: containerRef.current });
    viewerRef.current = viewer;
    return () => {
      viewerRef.current = null;
      viewer.destroy();
    };
  }, []);

  useEffect(() => {
    const viewer = viewerRef.current;
    let current = true;
    setFlows(null);
    setError(null);
    viewer.importXML(xml)
      .then(() => {
        if (!current) return;
        viewer.get('canvas').zoom('fit-viewport', 'auto');
        setFlows(sequenceFlows(viewer.get('elementRegistry')));
      })
      .catch((e) => {
        if (current) setError(e);
      });
    return () => {
      current = false;
    };
  }, [xml]);

  const computed = useMemo(() => (flows ? computeMarkers(details, flows) : null), [details, flows]);
  // polls answer new objects every time: compare what is drawn, not identities
  const signature = computed ? JSON.stringify(computed) : null;

  useEffect(() => {
    const viewer = viewerRef.current;
    if (!signature || !viewer) return undefined;
    const { markers, overlays } = JSON.parse(signature);
    const canvas = viewer.get('canvas');
    const registry = viewer.get('elementRegistry');
    const overlayService = viewer.get('overlays');
    const applied = [];
    for (const [id, classes] of Object.entries(markers)) {
      if (!registry.get(id)) continue;
      for (const cls of classes) {
        canvas.addMarker(id, cls);
        applied.push([id, cls]);
      }
    }
    for (const overlay of overlays) {
      if (!registry.get(overlay.elementId)) continue;
      overlayService.add(overlay.elementId, OVERLAY_TYPE, { position: POSITIONS[overlay.kind], html: badge(overlay) });
    }
    return () => {
      try {
        for (const [id, cls] of applied) if (registry.get(id)) canvas.removeMarker(id, cls);
        overlayService.remove({ type: OVERLAY_TYPE });
      } catch {
        // the viewer was destroyed or re-imported meanwhile: nothing left to clean
      }
    };
  }, [signature]);

  const zoom = (how) => {
    const canvas = viewerRef.current?.get('canvas');
    if (!canvas) return;
    if (how === 'fit') canvas.zoom('fit-viewport', 'auto');
    else canvas.zoom(canvas.zoom() * (how === 'in' ? 1.25 : 0.8));
  };

  return (
    <div className="fgi-diagram-wrap">
      <ProblemMessage error={error && { title: 'The diagram could not be shown', detail: error.message }} />
      <div className="diagram fgi-diagram" data-testid="instance-diagram" ref={containerRef}
           role="img" aria-label={`BPMN diagram of ${details?.flow ?? 'the flow'} with the instance's progress`} />
      <div className="toolbar fgi-diagram-tools">
        <button type="button" onClick={() => zoom('fit')}>Fit</button>
        <button type="button" onClick={() => zoom('in')} aria-label="Zoom in">+</button>
        <button type="button" onClick={() => zoom('out')} aria-label="Zoom out">−</button>
        <Legend />
      </div>
    </div>
  );
}

function Legend() {
  return (
    <ul className="fgi-legend" aria-label="Legend">
      <li><span className="fgi-swatch fgi-swatch-active" /> active</li>
      <li><span className="fgi-swatch fgi-swatch-completed" /> completed</li>
      <li><span className="fgi-swatch fgi-swatch-canceled" /> canceled</li>
      <li><span className="fgi-swatch fgi-swatch-incident" /> incident</li>
      <li><span className="fgi-swatch fgi-swatch-taken" /> path taken</li>
    </ul>
  );
}

function sequenceFlows(registry) {
  return registry.filter((e) => e.type === 'bpmn:SequenceFlow').map((e) => ({
    id: e.id,
    source: e.businessObject?.sourceRef?.id,
    target: e.businessObject?.targetRef?.id,
  }));
}

/** A badge element built with the DOM (never innerHTML: incident messages are text from the outside). */
function badge({ kind, label, title }) {
  const el = document.createElement('span');
  el.className = `fgi-badge fgi-badge-${kind}`;
  el.textContent = label;
  el.title = title;
  el.setAttribute('aria-label', title);
  return el;
}
