import { Page } from '../../../lib/ui/Page.jsx';

export default function ContractsPage() {
  return <Page title="Contracts" />;
}
