import { Page } from '../../../lib/ui/Page.jsx';

export default function TasksPage() {
  return <Page title="Tasks" />;
}
