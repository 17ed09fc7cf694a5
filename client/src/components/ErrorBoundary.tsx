import { Component, type ReactNode } from 'react';

/** One per screen part: a failure in a chart does not take the map down with it. */
export class ErrorBoundary extends Component<{ message: string; children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  componentDidCatch(error: unknown) {
    console.error(error);
  }

  render() {
    return this.state.failed ? (
      <div className="panel failed" role="alert">
        {this.props.message}
      </div>
    ) : (
      this.props.children
    );
  }
}
