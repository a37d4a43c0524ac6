// Keeps one broken view or panel from blanking the whole lab: it shows what went wrong in its own box,
// with a button to try drawing it again.
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props { name: string; children: ReactNode }
interface State { error: Error | null }

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`${this.props.name} failed`, error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <div className="view-error" role="alert">
        <p><strong>The {this.props.name} hit a problem</strong> and could not be drawn: {this.state.error.message}</p>
        <p className="muted">The rest of the lab still works.</p>
        <button type="button" className="btn small" onClick={() => this.setState({ error: null })}>Try again</button>
      </div>
    );
  }
}
