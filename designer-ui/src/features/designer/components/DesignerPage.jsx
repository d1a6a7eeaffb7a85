import { useApi } from '../../../lib/api/ApiContext.jsx';
import { useQuery } from '../../../lib/router/router.jsx';
import { useResource } from '../../../lib/ui/useResource.js';
import { Loading } from '../../../lib/ui/Page.jsx';
import { ProblemMessage } from '../../../lib/ui/ProblemMessage.jsx';
import { RenderGuard } from '../../../lib/ui/RenderGuard.jsx';
import { listRoles, listTemplates } from '../api/flowsApi.js';
import { FlowDesigner } from './FlowDesigner.jsx';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js-element-templates/dist/assets/element-templates.css';
import './designer.css';

/**
 * The BPMN designer (loaded lazily: bpmn-js and the properties panel are ~2 MB). `/flows/new` opens a blank approval,
 * `/flows/:flowKey` the latest version of a flow or `?version=`. Loads the connector templates (palette and properties)
 * and the known roles (candidate groups) first; if the templates cannot be loaded the designer still opens, without
 * connectors, and says why.
 */
export default function DesignerPage({ flowKey }) {
  const client = useApi();
  const { version } = useQuery();
  const setup = useResource(async (signal) => {
    const [templates, roles] = await Promise.all([
      listTemplates(client, { signal }).then((list) => ({ list }), (error) => {
        if (error?.name === 'AbortError') throw error;
        return { list: [], error };
      }),
      listRoles(client, { signal }),
    ]);
    return { templates: templates.list, templatesError: templates.error ?? null, roles };
  }, []);

  if (setup.loading && !setup.data) {
    return <section className="page"><h1 id="page-title" tabIndex={-1}>Flow designer</h1><Loading label="Loading the designer…" /></section>;
  }
  if (!setup.data) {
    return (
      <section className="page">
        <h1 id="page-title" tabIndex={-1}>Flow designer</h1>
        <ProblemMessage error={setup.error} />
        <div><button type="button" onClick={setup.reload}>Try again</button></div>
      </section>
    );
  }
  return (
    <RenderGuard fallback={designerStopped}>
      <FlowDesigner
        flowKey={flowKey ?? null}
        version={version ?? null}
        templates={setup.data.templates}
        templatesError={setup.data.templatesError}
        roles={setup.data.roles}
      />
    </RenderGuard>
  );
}

/** A failure while rendering the designer shows the error and a way back in instead of a blank screen. */
function designerStopped(error, reopen) {
  return (
    <section className="page">
      <h1 id="page-title" tabIndex={-1}>Flow designer</h1>
      <ProblemMessage error={{ title: 'The designer stopped', detail: error?.message ?? String(error) }} />
      <div><button type="button" onClick={reopen}>Reopen the designer</button></div>
    </section>
  );
}
