import { Component } from 'react';

/**
 * Keeps a rendering failure inside its section (a strange document, an unexpected answer, a chunk that did not load):
 * never a blank page. `fallback(error, reset)` renders something of its own; by default the error is shown as a
 * problem titled "<what> could not be shown".
 */
export class RenderGuard extends Component {
  constructor(props) {
    super(props);
    this.state = { error: null };
    this.reset = () => this.setState({ error: null });
  }

  static getDerivedStateFromError(error) {
    return { error };
  }

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    if (this.props.fallback) return this.props.fallback(error, this.reset);
    return (
      <div className="problem" role="alert">
        <strong className="problem-title">{this.props.what ?? 'This part'} could not be shown</strong>
        <span className="problem-detail">{String(error?.message ?? error)}</span>
      </div>
    );
  }
}

/** Wraps a wide table so it scrolls sideways on a narrow window instead of widening the page. */
export function TableWrap({ children, label }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
