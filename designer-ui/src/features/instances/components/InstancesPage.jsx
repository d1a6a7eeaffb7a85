import { Page } from '../../../lib/ui/Page.jsx';

export default function InstancesPage() {
  return <Page title="Instances" />;
}
