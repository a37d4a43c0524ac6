// The scenario language reference as a page of its own.
import { Header } from './Header.tsx';
import { ReferencePanel } from '../views/panels/ReferencePanel.tsx';

export function ReferencePage() {
  return (
    <>
      <Header title="Scenario language reference" lab={false} />
      <main className="reference-page" id="main">
        <ReferencePanel />
      </main>
    </>
  );
}
