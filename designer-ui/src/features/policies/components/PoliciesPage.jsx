import { Page } from '../../../lib/ui/Page.jsx';

export default function PoliciesPage() {
  return <Page title="Policies" />;
}
