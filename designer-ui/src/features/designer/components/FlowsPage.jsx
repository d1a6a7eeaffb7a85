import { Page } from '../../../lib/ui/Page.jsx';

export default function FlowsPage() {
  return <Page title="Flows" />;
}
