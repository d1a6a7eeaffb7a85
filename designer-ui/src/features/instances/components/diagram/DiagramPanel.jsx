import { lazy, Suspense } from 'react';
import { useApi } from '../../../../lib/api/ApiContext.jsx';
import { Loading, Panel } from '../../../../lib/ui/Page.jsx';
import { ProblemMessage } from '../../../../lib/ui/ProblemMessage.jsx';
import { RenderGuard } from '../../../../lib/ui/RenderGuard.jsx';
import { useResource } from '../../../../lib/ui/useResource.js';
import { readFlowXml } from '../../api/instancesApi.js';

// bpmn-js is a large chunk: loaded only when an instance is opened
const InstanceDiagram = lazy(() => import('./InstanceDiagram.jsx'));

/** The diagram panel: fetches the XML of the instance's flow version once, then hands over to the viewer. */
export function DiagramPanel({ details }) {
  const api = useApi();
  const { flow, flowVersion } = details;
  const xml = useResource((signal) => readFlowXml(api, flow, flowVersion, { signal }), [api, flow, flowVersion]);

  return (
    <Panel title={`Diagram · ${flow} v${flowVersion}`}>
      {xml.error && !xml.data && (
        <div>
          <ProblemMessage error={xml.error} />
          <button type="button" onClick={xml.reload}>Try again</button>
        </div>
      )}
      {!xml.data && !xml.error && <Loading label="Loading the diagram…" />}
      {xml.data && (
        <RenderGuard what="The diagram">
          <Suspense fallback={<Loading label="Loading the diagram viewer…" />}>
            <InstanceDiagram xml={xml.data} details={details} />
          </Suspense>
        </RenderGuard>
      )}
    </Panel>
  );
}
